-- Organizations, staff, sessions, programs, clients with identifiers and contacts, cases with
-- their status history, and the audit trail. Times are UTC text 'YYYY-MM-DDTHH:MM:SSZ', which
-- sorts in time order; dates are 'YYYY-MM-DD'. Every mutable row carries a version.

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  version INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('case_manager','nurse_case_manager','supervisor','director','administrator','auditor')),
  active INTEGER NOT NULL DEFAULT 1,
  supervisor_id TEXT REFERENCES users(id),
  password_hash TEXT NOT NULL,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX users_organization_role ON users(organization_id, role);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_used_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked_at TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE programs (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  description TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (organization_id, name)
);

CREATE TABLE clients (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  middle_name TEXT,
  preferred_name TEXT,
  given_key TEXT NOT NULL,
  family_key TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  sex TEXT NOT NULL,
  preferred_language TEXT NOT NULL,
  interpreter_needed INTEGER NOT NULL,
  phone TEXT,
  email TEXT,
  address_line1 TEXT,
  address_line2 TEXT,
  city TEXT,
  state TEXT,
  postal_code TEXT,
  country TEXT,
  version INTEGER NOT NULL,
  created_by TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX clients_family ON clients(organization_id, family_key, given_key, id);
CREATE INDEX clients_given ON clients(organization_id, given_key);
CREATE INDEX clients_birth_date ON clients(organization_id, birth_date);

CREATE TABLE client_identifiers (
  organization_id TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  client_id TEXT NOT NULL REFERENCES clients(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (organization_id, type, value)
);
CREATE INDEX client_identifiers_client ON client_identifiers(client_id);

CREATE TABLE contacts (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  name TEXT NOT NULL,
  relationship TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  is_emergency_contact INTEGER NOT NULL,
  disclosure TEXT NOT NULL,
  notes TEXT,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX contacts_client ON contacts(client_id);

CREATE TABLE cases (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  program_id TEXT NOT NULL REFERENCES programs(id),
  case_manager_id TEXT REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('referred','intake','active','on_hold','discharged','closed')),
  opened_at TEXT NOT NULL,
  status_changed_at TEXT NOT NULL,
  closed_reason TEXT,
  version INTEGER NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cases_client ON cases(organization_id, client_id, opened_at);
CREATE INDEX cases_case_manager ON cases(organization_id, case_manager_id, opened_at);
CREATE UNIQUE INDEX cases_one_open_per_program ON cases(client_id, program_id) WHERE status <> 'closed';

CREATE TABLE case_status_history (
  sequence INTEGER PRIMARY KEY AUTOINCREMENT,
  case_id TEXT NOT NULL REFERENCES cases(id),
  from_status TEXT,
  to_status TEXT NOT NULL,
  at TEXT NOT NULL,
  by_user_id TEXT,
  reason TEXT
);
CREATE INDEX case_status_history_case ON case_status_history(case_id, sequence);

-- The audit trail: append-only, one global chain. Each entry's hash is
-- HMAC-SHA-256(key, previous entry's hash + the entry's canonical text); the key is kept outside
-- the database. audit_head holds the newest entry's sequence and hash, so a cut tail shows.
CREATE TABLE audit_events (
  sequence INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  organization_id TEXT NOT NULL,
  user_id TEXT,
  action TEXT NOT NULL,
  resource_type TEXT NOT NULL,
  resource_id TEXT,
  client_id TEXT,
  outcome TEXT NOT NULL,
  source_address TEXT,
  request_id TEXT,
  detail TEXT,
  break_glass_reason TEXT,
  hash TEXT NOT NULL
);
CREATE INDEX audit_events_organization ON audit_events(organization_id, sequence);
CREATE INDEX audit_events_client ON audit_events(client_id, sequence);
CREATE INDEX audit_events_user ON audit_events(user_id, sequence);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  sequence INTEGER NOT NULL,
  hash TEXT NOT NULL
);
-- The head exists from the start (sequence 0: an empty chain), so every append locks one row.
INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '');

-- The application cannot change or remove an audit entry.
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit entries cannot be changed'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'audit entries cannot be removed'); END;
