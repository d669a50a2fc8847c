-- Coverage and benefits: payers with their eligibility checks, authorizations with units, and
-- advocacy items (benefit and aid applications, insurance claims).
CREATE TABLE coverages (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  payer_kind TEXT NOT NULL,
  payer_name TEXT NOT NULL,
  member_id TEXT,
  verified_on TEXT,
  active INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX coverages_client ON coverages(client_id);

CREATE TABLE authorizations (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  coverage_id TEXT NOT NULL REFERENCES coverages(id),
  service TEXT NOT NULL,
  units_approved INTEGER NOT NULL,
  units_used INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX authorizations_client ON authorizations(client_id);

CREATE TABLE advocacy_items (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  kind TEXT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL,
  submitted_on TEXT,
  decided_on TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX advocacy_items_client ON advocacy_items(client_id);

ALTER TABLE programs ADD COLUMN eligibility_days INTEGER NOT NULL DEFAULT 90;
