-- Completed assessments with every answer, the score, the band or risk level and the flags; the
-- early post-discharge follow-up a high readmission risk asks for.
CREATE TABLE assessments (
  id TEXT COLLATE "C" PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  case_id TEXT REFERENCES cases(id),
  instrument_id TEXT NOT NULL,
  instrument_version TEXT NOT NULL,
  instrument_title TEXT NOT NULL,
  score INTEGER,
  result_code TEXT,
  result_display TEXT,
  completed_at TEXT NOT NULL,
  completed_by TEXT NOT NULL REFERENCES users(id),
  replaces_id TEXT REFERENCES assessments(id),
  superseded_by TEXT,
  root_id TEXT NOT NULL,
  sequence INTEGER NOT NULL,  -- 1, 2, ... per client: the order they were recorded in
  version BIGINT NOT NULL
);
CREATE INDEX assessments_client ON assessments(client_id, instrument_id, completed_at);
CREATE UNIQUE INDEX assessments_sequence ON assessments(client_id, sequence);

CREATE TABLE assessment_answers (
  assessment_id TEXT NOT NULL REFERENCES assessments(id),
  position INTEGER NOT NULL,
  link_id TEXT NOT NULL,
  value TEXT NOT NULL,
  display TEXT NOT NULL,
  points INTEGER,
  PRIMARY KEY (assessment_id, position)
);

CREATE TABLE assessment_flags (
  assessment_id TEXT NOT NULL REFERENCES assessments(id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  display TEXT NOT NULL,
  action TEXT NOT NULL,
  need TEXT,
  PRIMARY KEY (assessment_id, position)
);

ALTER TABLE programs ADD COLUMN early_check_in_hours INTEGER NOT NULL DEFAULT 24;
ALTER TABLE discharges ADD COLUMN early_follow_up INTEGER NOT NULL DEFAULT 0;
