-- Reports: care-plan goals kept beside the plan's document so that goal completion is a query, the
-- cost of services, and indexes on the times the reports select periods by.
CREATE TABLE care_plan_goals (
  case_id TEXT NOT NULL REFERENCES cases(id),
  goal_id TEXT NOT NULL,
  organization_id TEXT NOT NULL REFERENCES organizations(id),
  due_date TEXT NOT NULL,
  status TEXT NOT NULL,
  measurable INTEGER NOT NULL,
  PRIMARY KEY (case_id, goal_id)
);
CREATE INDEX care_plan_goals_due ON care_plan_goals(organization_id, due_date);

INSERT INTO care_plan_goals (case_id, goal_id, organization_id, due_date, status, measurable)
SELECT p.case_id, json_extract(g.value, '$.id'), p.organization_id, json_extract(g.value, '$.due_date'),
       json_extract(g.value, '$.status'),
       CASE WHEN COALESCE(json_extract(g.value, '$.measure'), '') <> ''
             AND COALESCE(json_extract(g.value, '$.target'), '') <> ''
             AND COALESCE(json_extract(g.value, '$.due_date'), '') <> '' THEN 1 ELSE 0 END
FROM care_plans p, json_each(p.content, '$.goals') g;

ALTER TABLE appointments ADD COLUMN cost_cents INTEGER;
ALTER TABLE referrals_out ADD COLUMN cost_cents INTEGER;

CREATE INDEX referrals_received ON referrals(organization_id, received_at);
CREATE INDEX notes_service ON notes(organization_id, service_at);
CREATE INDEX appointments_starts ON appointments(organization_id, starts_at);
CREATE INDEX referrals_out_sent ON referrals_out(organization_id, sent_at);
CREATE INDEX referrals_out_completed ON referrals_out(organization_id, completed_at);
CREATE INDEX incidents_occurred ON incidents(organization_id, occurred_at);
CREATE INDEX discharges_at ON discharges(organization_id, discharged_at);
CREATE INDEX discharges_check_in ON discharges(organization_id, check_in_at);
CREATE INDEX plan_reviews_case_at ON plan_reviews(case_id, reviewed_at);
CREATE INDEX cases_program ON cases(organization_id, program_id, opened_at);
CREATE INDEX plan_reviews_at ON plan_reviews(organization_id, reviewed_at);
CREATE INDEX cases_open ON cases(organization_id, status, status_changed_at);
