-- Care plans: one per case, every version kept whole (who changed it, when, why), and the
-- client's (or family's) agreement to a version.
CREATE TABLE care_plans (
  case_id TEXT COLLATE "C" PRIMARY KEY REFERENCES cases(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  version BIGINT NOT NULL,
  content TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  agreed_version INTEGER,
  agreed_kind TEXT,
  agreed_name TEXT,
  agreed_at TEXT,
  agreement_recorded_by TEXT
);

CREATE TABLE care_plan_versions (
  case_id TEXT NOT NULL REFERENCES cases(id),
  version BIGINT NOT NULL,
  content TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL,
  note TEXT,
  PRIMARY KEY (case_id, version)
);
