-- Records restricted by consent (e.g. substance-use treatment under 42 CFR Part 2): a restricted
-- client opens only for users a current consent of the client names.
ALTER TABLE clients ADD COLUMN restricted INTEGER NOT NULL DEFAULT 0;

CREATE TABLE consents (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  grantee_user_id TEXT NOT NULL REFERENCES users(id),
  purpose TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES users(id),
  granted_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT
);
CREATE INDEX consents_client_grantee ON consents(client_id, grantee_user_id);
