-- A client search by a given name's first letters reads the family key and id from the index too,
-- to order its matches without reading each client (store/sql_store_clients.cpp).
DROP INDEX clients_given;
CREATE INDEX clients_given ON clients(organization_id, given_key, family_key, id);

-- Reports of a program, a team or a case manager read their cases first, then each case's records
-- of the period by case and time; organization-wide reports read the period by organization and
-- time (migration 0013). A case's notes and visits are found by case and time, where the case alone
-- gave every note and visit of the case; referrals, which name their program and case manager, are
-- found by either and the time received.
DROP INDEX notes_case;
CREATE INDEX notes_case ON notes(case_id, service_at);
DROP INDEX appointments_case;
CREATE INDEX appointments_case ON appointments(case_id, starts_at);
CREATE INDEX referrals_program ON referrals(organization_id, program_id, received_at);
CREATE INDEX referrals_manager_received ON referrals(organization_id, case_manager_id, received_at);
