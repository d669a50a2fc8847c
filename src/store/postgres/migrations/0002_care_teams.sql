-- Care teams: who works with a client besides the case manager of an open case. The user who
-- registers a client at intake joins its care team ('registrant') until a case of the client is
-- reassigned; other members are added by name ('member').
CREATE TABLE care_team_members (
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  user_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL CHECK (kind IN ('registrant', 'member')),
  added_at TEXT NOT NULL,
  ended_at TEXT
);
CREATE INDEX care_team_members_client ON care_team_members(client_id, user_id);
CREATE INDEX care_team_members_user ON care_team_members(user_id, client_id);
CREATE INDEX users_supervisor ON users(supervisor_id);
CREATE INDEX cases_client_manager ON cases(client_id, case_manager_id, status);
