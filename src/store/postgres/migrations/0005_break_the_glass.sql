-- Break-the-glass: time-bounded access to a client outside one's scope, with the reason given,
-- and the alerts it raises to the user's supervisor and the organization's auditors.
CREATE TABLE break_glass_grants (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL,
  granted_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX break_glass_grants_user_client ON break_glass_grants(user_id, client_id, expires_at);
CREATE INDEX break_glass_grants_client ON break_glass_grants(client_id, granted_at);

CREATE TABLE alerts (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  recipient_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  client_id TEXT,
  about_user_id TEXT,
  detail TEXT,
  created_at TEXT NOT NULL,
  acknowledged_at TEXT
);
CREATE INDEX alerts_recipient ON alerts(recipient_id, created_at);
