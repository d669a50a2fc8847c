-- The records of one client (the chart, the timeline, each list on the chart) by client: without
-- these, reading a client's visits, referrals, incidents, reviews or discharges walked the whole
-- organization's rows. They lead with organization_id so that, with or without planner statistics,
-- they match a client's queries (organization and client) better than the reports' period indexes.
CREATE INDEX notes_organization_client ON notes(organization_id, client_id, service_at);
CREATE INDEX appointments_organization_client ON appointments(organization_id, client_id, starts_at);
CREATE INDEX referrals_organization_client ON referrals(organization_id, client_id, received_at);
CREATE INDEX referrals_out_organization_client ON referrals_out(organization_id, client_id, created_at);
CREATE INDEX incidents_organization_client ON incidents(organization_id, client_id, occurred_at);
CREATE INDEX plan_reviews_organization_client ON plan_reviews(organization_id, client_id, reviewed_at);
CREATE INDEX discharges_organization_client ON discharges(organization_id, client_id, discharged_at);
