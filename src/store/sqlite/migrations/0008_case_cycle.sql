-- The case cycle and its clocks: the program's clock rules, the client's risk level, the referral
-- inbox, tasks, progress notes, appointments, referrals out, incidents, safety plans, plan
-- reviews, discharges with their check-in and readmissions, and the outcome a case closes with.
ALTER TABLE programs ADD COLUMN first_contact_hours INTEGER NOT NULL DEFAULT 72;
ALTER TABLE programs ADD COLUMN referral_follow_up_hours INTEGER NOT NULL DEFAULT 48;
ALTER TABLE programs ADD COLUMN note_hours INTEGER NOT NULL DEFAULT 24;
ALTER TABLE programs ADD COLUMN incident_hours INTEGER NOT NULL DEFAULT 4;
ALTER TABLE programs ADD COLUMN plan_review_days INTEGER NOT NULL DEFAULT 30;
ALTER TABLE programs ADD COLUMN event_review_days INTEGER NOT NULL DEFAULT 7;
ALTER TABLE programs ADD COLUMN check_in_hours INTEGER NOT NULL DEFAULT 72;
ALTER TABLE programs ADD COLUMN notes_need_cosign INTEGER NOT NULL DEFAULT 0;

ALTER TABLE clients ADD COLUMN risk_level TEXT NOT NULL DEFAULT 'none';
ALTER TABLE cases ADD COLUMN closed_outcome TEXT;

CREATE TABLE referrals (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  program_id TEXT NOT NULL REFERENCES programs(id),
  source TEXT NOT NULL,
  referrer_name TEXT NOT NULL,
  referrer_contact TEXT,
  reason TEXT NOT NULL,
  priority TEXT NOT NULL,
  received_at TEXT NOT NULL,
  status TEXT NOT NULL,
  triage_note TEXT,
  case_id TEXT REFERENCES cases(id),
  case_manager_id TEXT REFERENCES users(id),
  assigned_at TEXT,
  first_contact_at TEXT,
  first_contact_method TEXT,
  decline_reason TEXT,
  created_by TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX referrals_inbox ON referrals(organization_id, status, received_at);
CREATE INDEX referrals_case ON referrals(case_id);
CREATE INDEX referrals_case_manager ON referrals(case_manager_id);

CREATE TABLE tasks (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  title TEXT NOT NULL,
  details TEXT,
  due_at TEXT NOT NULL,
  priority TEXT NOT NULL,
  assignee_id TEXT NOT NULL REFERENCES users(id),
  client_id TEXT REFERENCES clients(id),
  case_id TEXT REFERENCES cases(id),
  status TEXT NOT NULL,
  rule TEXT,
  source_id TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  completed_at TEXT,
  completed_by TEXT,
  version INTEGER NOT NULL
);
CREATE INDEX tasks_assignee ON tasks(assignee_id, status, due_at);
CREATE INDEX tasks_case ON tasks(case_id, status);
CREATE INDEX tasks_source ON tasks(source_id, rule, status);

CREATE TABLE notes (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  contact_type TEXT NOT NULL,
  service_at TEXT NOT NULL,
  written_at TEXT NOT NULL,
  appointment_id TEXT,
  body TEXT NOT NULL,
  purpose TEXT,
  observations TEXT,
  interventions TEXT,
  client_response TEXT,
  plan TEXT,
  status TEXT NOT NULL,
  signed_at TEXT,
  late INTEGER NOT NULL DEFAULT 0,
  cosign_required INTEGER NOT NULL DEFAULT 0,
  cosigned_at TEXT,
  cosigned_by TEXT,
  version INTEGER NOT NULL
);
CREATE INDEX notes_case ON notes(case_id);
CREATE INDEX notes_client ON notes(client_id, service_at);

CREATE TABLE note_addenda (
  id TEXT PRIMARY KEY,
  note_id TEXT NOT NULL REFERENCES notes(id),
  position INTEGER NOT NULL,  -- 1, 2, ... in the order they were written
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  author_id TEXT NOT NULL REFERENCES users(id),
  written_at TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE UNIQUE INDEX note_addenda_note ON note_addenda(note_id, position);

CREATE TABLE appointments (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  staff_id TEXT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL,
  location TEXT,
  transport_arranged INTEGER NOT NULL DEFAULT 0,
  transport_details TEXT,
  interpreter_language TEXT,
  interpreter_arranged INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL,
  outcome_at TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX appointments_case ON appointments(case_id);
CREATE INDEX appointments_staff ON appointments(staff_id, starts_at);

CREATE TABLE referrals_out (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  provider_name TEXT NOT NULL,
  provider_contact TEXT,
  service TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  sent_at TEXT,
  responded_at TEXT,
  decline_reason TEXT,
  completed_at TEXT,
  outcome TEXT,
  followed_up_at TEXT,
  follow_up_note TEXT,
  cancel_reason TEXT,
  created_by TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX referrals_out_case ON referrals_out(case_id);

CREATE TABLE incidents (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  occurred_at TEXT NOT NULL,
  reported_at TEXT NOT NULL,
  documented_at TEXT,
  late INTEGER NOT NULL DEFAULT 0,
  type TEXT NOT NULL,
  severity TEXT NOT NULL,
  description TEXT NOT NULL,
  emergency_services_contacted INTEGER NOT NULL DEFAULT 0,
  actions TEXT,
  status TEXT NOT NULL,
  reported_by TEXT NOT NULL,
  version INTEGER NOT NULL
);
CREATE INDEX incidents_case ON incidents(case_id);

CREATE TABLE safety_plans (
  client_id TEXT PRIMARY KEY REFERENCES clients(id),
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  warning_signs TEXT NOT NULL,
  coping_steps TEXT NOT NULL,
  contacts TEXT NOT NULL,
  means_safety TEXT,
  updated_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL
);

CREATE TABLE plan_reviews (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  case_id TEXT NOT NULL REFERENCES cases(id),
  reviewed_at TEXT NOT NULL,
  reviewed_by TEXT NOT NULL,
  summary TEXT NOT NULL
);
CREATE INDEX plan_reviews_case ON plan_reviews(case_id);

CREATE TABLE discharges (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  client_id TEXT NOT NULL REFERENCES clients(id),
  case_id TEXT NOT NULL UNIQUE REFERENCES cases(id),
  discharged_at TEXT NOT NULL,
  destination TEXT NOT NULL,
  destination_details TEXT,
  services_arranged TEXT,
  family_education_done INTEGER NOT NULL,
  notes TEXT,
  check_in_at TEXT,
  check_in_by TEXT,
  health_status_changed INTEGER,
  satisfaction INTEGER,
  check_in_notes TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL
);

CREATE TABLE readmissions (
  id TEXT PRIMARY KEY,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  discharge_id TEXT NOT NULL REFERENCES discharges(id),
  admitted_at TEXT NOT NULL,
  facility TEXT NOT NULL,
  reason TEXT NOT NULL,
  days_after_discharge INTEGER NOT NULL,
  within_30_days INTEGER NOT NULL,
  recorded_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX readmissions_discharge ON readmissions(discharge_id);
