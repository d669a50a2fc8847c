-- PostgreSQL twin of the SQLite schema: the same tables and columns, so one set of queries
-- serves both. Name keys and ids use the C collation so ordering and cursors are bytewise, as in
-- SQLite.
-- Organizations, staff, sessions, programs, clients with identifiers and contacts, cases with
-- their status history, and the audit trail. Times are UTC text 'YYYY-MM-DDTHH:MM:SSZ', which
-- sorts in time order; dates are 'YYYY-MM-DD'. Every mutable row carries a version.

CREATE TABLE organizations (
  id TEXT COLLATE "C" PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  version BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE users (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  username TEXT NOT NULL UNIQUE,
  display_name TEXT COLLATE "C" NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('case_manager','nurse_case_manager','supervisor','director','administrator','auditor')),
  active INTEGER NOT NULL DEFAULT 1,
  supervisor_id TEXT REFERENCES users(id),
  password_hash TEXT NOT NULL,
  version BIGINT NOT NULL,
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
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  name TEXT COLLATE "C" NOT NULL,
  description TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (organization_id, name)
);

CREATE TABLE clients (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  given_name TEXT NOT NULL,
  family_name TEXT NOT NULL,
  middle_name TEXT,
  preferred_name TEXT,
  given_key TEXT COLLATE "C" NOT NULL,
  family_key TEXT COLLATE "C" NOT NULL,
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
  version BIGINT NOT NULL,
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
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  name TEXT COLLATE "C" NOT NULL,
  relationship TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  is_emergency_contact INTEGER NOT NULL,
  disclosure TEXT NOT NULL,
  notes TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX contacts_client ON contacts(client_id);

CREATE TABLE cases (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  program_id TEXT NOT NULL REFERENCES programs(id),
  case_manager_id TEXT REFERENCES users(id),
  status TEXT NOT NULL CHECK (status IN ('referred','intake','active','on_hold','discharged','closed')),
  opened_at TEXT COLLATE "C" NOT NULL,
  status_changed_at TEXT NOT NULL,
  closed_reason TEXT,
  version BIGINT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX cases_client ON cases(organization_id, client_id, opened_at);
CREATE INDEX cases_case_manager ON cases(organization_id, case_manager_id, opened_at);
CREATE UNIQUE INDEX cases_one_open_per_program ON cases(client_id, program_id) WHERE status <> 'closed';

CREATE TABLE case_status_history (
  sequence BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
  sequence BIGINT PRIMARY KEY,
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
  sequence BIGINT NOT NULL,
  hash TEXT NOT NULL
);
-- The head exists from the start (sequence 0: an empty chain), so every append locks one row.
INSERT INTO audit_head (id, sequence, hash) VALUES (1, 0, '');

-- The application cannot change or remove an audit entry: no privilege to, and a trigger for
-- roles that would otherwise have it.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM PUBLIC;
CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit entries cannot be changed or removed';
END;
$$;
CREATE TRIGGER audit_events_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_events
FOR EACH ROW EXECUTE FUNCTION audit_events_append_only();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON audit_events
FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only();
