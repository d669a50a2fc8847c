// The Store implemented once in SQL over a SqlConnection, for both SQLite and PostgreSQL. Writes
// go to the writer pool inside one transaction with their audit event; reads use the reader pool
// inside a read-only transaction so a record and its parts are read from one snapshot.
#pragma once

#include <memory>
#include <type_traits>

#include "security/server_key.hpp"
#include "store/audit_group_commit.hpp"
#include "store/connection_pool.hpp"
#include "store/store.hpp"

namespace caseboard::store {

// A case as the records of the case cycle need it.
struct CaseRef {
  std::string id;
  std::string client_id;
  std::string program_id;
  std::string case_manager_id;
  CaseStatus status = CaseStatus::Referred;
  std::int64_t version = 0;
};

// Declared here for SqlStore's templates; described with the other helpers below.
[[nodiscard]] Result<std::string> require_client_access(SqlConnection& connection, const Actor& actor, Timestamp now,
                                                        std::string_view client_id, std::string field);
[[nodiscard]] Result<std::string> restricted_case_filter(SqlConnection& connection, const Actor& actor, Timestamp now,
                                                         std::string_view client_id);

class SqlStore final : public Store {
 public:
  // `readers` may be the same pool as `writers` (PostgreSQL).
  SqlStore(Dialect dialect, std::shared_ptr<ConnectionPool> writers, std::shared_ptr<ConnectionPool> readers,
           security::ServerKey server_key);

  std::string_view backend_name() const override;
  Result<std::vector<std::string>> durability_problems() override;

  // Appends `entry` to the audit chain in a transaction the caller holds on `connection`, another
  // connection to this database (the bulk loader's), so the entry commits or rolls back with it.
  [[nodiscard]] Result<void> append_audit_in(SqlConnection& connection, const Actor& actor, const AuditEntry& entry,
                                             Timestamp now) const {
    return append_audit(connection, actor, entry, now);
  }

  Result<Organization> create_organization(std::string_view name, Timestamp now) override;
  Result<std::vector<Organization>> list_organizations() override;

  Result<User> create_user(const Actor& actor, UserFields fields, std::string password_hash, Timestamp now) override;
  Result<std::optional<Credentials>> find_credentials(std::string_view username) override;
  Result<User> get_user(const Actor& actor, std::string_view user_id) override;
  Result<std::vector<User>> list_users(const Actor& actor, std::optional<Role> role) override;
  Result<User> update_user(const Actor& actor, std::string_view user_id, std::int64_t expected_version,
                           const Change<UserFields>& change, Timestamp now) override;

  Result<AccountSignInState> record_sign_in_failure(const Actor& actor, std::string_view reason,
                                                    Timestamp now) override;
  Result<User> unlock_user(const Actor& actor, std::string_view user_id, Timestamp now) override;
  std::string seal_secret(std::string_view secret) const override { return server_key_.seal(secret); }
  Result<std::string> open_secret(std::string_view sealed) const override { return server_key_.open(sealed); }
  Result<void> store_pending_totp(const Actor& self, std::string sealed_secret, Timestamp now) override;
  Result<std::string> pending_totp(const Actor& self) override;
  Result<void> activate_totp(const Actor& actor, std::string_view user_id, std::string sealed_secret,
                             std::optional<std::int64_t> used_step, Timestamp now) override;
  Result<void> create_session(const Actor& actor, const Session& session) override;
  Result<std::optional<User>> use_session(std::string_view token_hash, Timestamp now,
                                          std::chrono::seconds idle_limit) override;
  Result<void> revoke_session(const Actor& actor, std::string_view token_hash, Timestamp now) override;

  Result<Program> create_program(const Actor& actor, ProgramFields fields, Timestamp now) override;
  Result<Program> get_program(const Actor& actor, std::string_view program_id) override;
  Result<std::vector<Program>> list_programs(const Actor& actor) override;
  Result<Program> update_program(const Actor& actor, std::string_view program_id, std::int64_t expected_version,
                                 const Change<ProgramFields>& change, Timestamp now) override;

  Result<Client> create_client(const Actor& actor, ClientFields fields, DuplicatePolicy policy, Timestamp now) override;
  Result<Client> get_client(const Actor& actor, std::string_view client_id, Timestamp now) override;
  Result<Client> update_client(const Actor& actor, std::string_view client_id, std::int64_t expected_version,
                               const Change<ClientFields>& change, Timestamp now) override;
  Result<Page<ClientSummary>> search_clients(const Actor& actor, const ClientQuery& query, Timestamp now) override;
  Result<std::vector<ClientSummary>> summarize_clients(const Actor& actor, const std::vector<std::string>& ids,
                                                       Timestamp now) override;

  Result<std::vector<Contact>> list_contacts(const Actor& actor, std::string_view client_id, Timestamp now) override;
  Result<Contact> create_contact(const Actor& actor, std::string_view client_id, ContactFields fields,
                                 Timestamp now) override;
  Result<Contact> update_contact(const Actor& actor, std::string_view client_id, std::string_view contact_id,
                                 std::int64_t expected_version, const Change<ContactFields>& change,
                                 Timestamp now) override;
  Result<void> delete_contact(const Actor& actor, std::string_view client_id, std::string_view contact_id,
                              std::int64_t expected_version, Timestamp now) override;

  Result<Case> create_case(const Actor& actor, std::string_view client_id, std::string_view program_id,
                           std::string_view case_manager_id, Timestamp now) override;
  Result<Case> get_case(const Actor& actor, std::string_view case_id, Timestamp now) override;
  Result<Page<Case>> list_cases(const Actor& actor, const CaseQuery& query, Timestamp now) override;
  Result<Case> transition_case(const Actor& actor, std::string_view case_id, std::int64_t expected_version,
                               CaseStatus to, std::string_view reason, std::string_view outcome,
                               Timestamp now) override;
  Result<Case> reassign_case(const Actor& actor, std::string_view case_id, std::int64_t expected_version,
                             std::string_view case_manager_id, Timestamp now) override;

  Result<BreakGlassGrant> break_glass(const Actor& actor, std::string_view client_id, std::string_view reason,
                                      std::int64_t totp_step, Timestamp expires_at, Timestamp now) override;
  Result<Client> set_client_restriction(const Actor& actor, std::string_view client_id, std::int64_t expected_version,
                                        bool restricted, Timestamp now) override;
  Result<Case> set_case_restriction(const Actor& actor, std::string_view case_id, std::int64_t expected_version,
                                    bool restricted, Timestamp now) override;
  Result<Consent> record_consent(const Actor& actor, std::string_view client_id, std::string_view grantee_user_id,
                                 std::string_view purpose, std::optional<Timestamp> expires_at, Timestamp now) override;
  Result<std::vector<Consent>> list_consents(const Actor& actor, std::string_view client_id, Timestamp now) override;
  Result<Consent> revoke_consent(const Actor& actor, std::string_view client_id, std::string_view consent_id,
                                 Timestamp now) override;
  Result<std::vector<BreakGlassGrant>> break_glass_grants(const Actor& actor, std::string_view client_id,
                                                          Timestamp now) override;
  Result<std::vector<Alert>> list_alerts(const Actor& actor) override;
  Result<Alert> acknowledge_alert(const Actor& actor, std::string_view alert_id, Timestamp now) override;
  Result<Referral> create_referral(const Actor& actor, ReferralFields fields, Timestamp now) override;
  Result<std::vector<Referral>> list_referrals(const Actor& actor, const ReferralQuery& query, Timestamp now) override;
  Result<Referral> get_referral(const Actor& actor, std::string_view referral_id, Timestamp now) override;
  Result<Referral> triage_referral(const Actor& actor, std::string_view referral_id, std::int64_t expected_version,
                                   std::string_view priority, std::string_view note, Timestamp now) override;
  Result<Referral> assign_referral(const Actor& actor, std::string_view referral_id, std::int64_t expected_version,
                                   std::string_view case_manager_id, Timestamp now) override;
  Result<Referral> decline_referral(const Actor& actor, std::string_view referral_id, std::int64_t expected_version,
                                    std::string_view reason, Timestamp now) override;
  Result<Referral> record_first_contact(const Actor& actor, std::string_view referral_id, std::int64_t expected_version,
                                        Timestamp contacted_at, std::string_view method, Timestamp now) override;
  Result<Task> create_task(const Actor& actor, TaskFields fields, Timestamp now) override;
  Result<std::vector<Task>> list_tasks(const Actor& actor, std::string_view status, Timestamp now) override;
  Result<Task> finish_task(const Actor& actor, std::string_view task_id, std::int64_t expected_version,
                           std::string_view status, Timestamp now) override;
  Result<Worklist> worklist(const Actor& actor, bool team, Timestamp now) override;
  Result<std::vector<Note>> list_notes(const Actor& actor, std::string_view client_id, Timestamp now) override;
  Result<Note> create_note(const Actor& actor, std::string_view case_id, NoteFields fields, bool sign,
                           Timestamp now) override;
  Result<Note> update_note(const Actor& actor, std::string_view note_id, std::int64_t expected_version,
                           const Change<NoteFields>& change, Timestamp now) override;
  Result<Note> sign_note(const Actor& actor, std::string_view note_id, std::int64_t expected_version,
                         Timestamp now) override;
  Result<Note> add_addendum(const Actor& actor, std::string_view note_id, std::string body, Timestamp now) override;
  Result<Note> cosign_note(const Actor& actor, std::string_view note_id, std::int64_t expected_version,
                           Timestamp now) override;
  Result<Appointment> create_appointment(const Actor& actor, std::string_view case_id, AppointmentFields fields,
                                         Timestamp now) override;
  Result<std::vector<Appointment>> list_client_appointments(const Actor& actor, std::string_view client_id,
                                                            Timestamp now) override;
  Result<std::vector<Appointment>> list_own_appointments(const Actor& actor, Timestamp from, Timestamp to,
                                                         Timestamp now) override;
  Result<Appointment> record_appointment_outcome(const Actor& actor, std::string_view appointment_id,
                                                 std::int64_t expected_version, std::string_view outcome,
                                                 Timestamp now) override;
  Result<ReferralOut> create_referral_out(const Actor& actor, std::string_view case_id, ReferralOutFields fields,
                                          Timestamp now) override;
  Result<std::vector<ReferralOut>> list_referrals_out(const Actor& actor, std::string_view client_id,
                                                      Timestamp now) override;
  Result<ReferralOut> advance_referral_out(const Actor& actor, std::string_view referral_id,
                                           std::int64_t expected_version, ReferralOutStep step, std::string text,
                                           Timestamp now) override;
  Result<Incident> create_incident(const Actor& actor, std::string_view case_id, IncidentFields fields, bool submit,
                                   Timestamp now) override;
  Result<Incident> update_incident(const Actor& actor, std::string_view incident_id, std::int64_t expected_version,
                                   const Change<IncidentFields>& change, Timestamp now) override;
  Result<Incident> submit_incident(const Actor& actor, std::string_view incident_id, std::int64_t expected_version,
                                   Timestamp now) override;
  Result<std::vector<Incident>> list_incidents(const Actor& actor, std::string_view client_id, Timestamp now) override;
  Result<std::optional<SafetyPlan>> get_safety_plan(const Actor& actor, std::string_view client_id,
                                                    Timestamp now) override;
  Result<SafetyPlan> save_safety_plan(const Actor& actor, std::string_view client_id,
                                      std::optional<std::int64_t> expected_version, SafetyPlanFields fields,
                                      Timestamp now) override;
  Result<PlanReview> record_plan_review(const Actor& actor, std::string_view case_id, std::string summary,
                                        Timestamp now) override;
  Result<std::vector<PlanReview>> list_plan_reviews(const Actor& actor, std::string_view client_id,
                                                    Timestamp now) override;
  Result<Discharge> discharge_case(const Actor& actor, std::string_view case_id, std::int64_t expected_case_version,
                                   DischargeFields fields, Timestamp now) override;
  Result<std::vector<Discharge>> list_discharges(const Actor& actor, std::string_view client_id,
                                                 Timestamp now) override;
  Result<Discharge> record_check_in(const Actor& actor, std::string_view discharge_id, std::int64_t expected_version,
                                    CheckIn check_in, Timestamp now) override;
  Result<Discharge> record_readmission(const Actor& actor, std::string_view discharge_id, Readmission readmission,
                                       Timestamp now) override;
  Result<Timeline> client_timeline(const Actor& actor, std::string_view client_id, Timestamp now) override;
  Result<Assessment> record_assessment(const Actor& actor, Assessment assessment, Timestamp now) override;
  Result<std::vector<Assessment>> list_assessments(const Actor& actor, std::string_view client_id,
                                                   std::string_view instrument_id, Timestamp now) override;
  Result<Assessment> get_assessment(const Actor& actor, std::string_view assessment_id, Timestamp now) override;
  Result<std::optional<CarePlan>> get_care_plan(const Actor& actor, std::string_view case_id, Timestamp now) override;
  Result<CarePlan> save_care_plan(const Actor& actor, std::string_view case_id,
                                  std::optional<std::int64_t> expected_version, CarePlanContent content,
                                  std::string note, Timestamp now) override;
  Result<std::vector<CarePlanVersion>> care_plan_versions(const Actor& actor, std::string_view case_id,
                                                          Timestamp now) override;
  Result<ServiceListing> create_service(const Actor& actor, ServiceFields fields, Timestamp now) override;
  Result<ServiceListing> update_service(const Actor& actor, std::string_view service_id, std::int64_t expected_version,
                                        const Change<ServiceFields>& change, Timestamp now) override;
  Result<std::vector<ServiceListing>> list_services(const Actor& actor) override;
  Result<ServiceListing> get_service(const Actor& actor, std::string_view service_id) override;
  Result<std::pair<int, int>> import_services(const Actor& actor, std::vector<ServiceImport> rows,
                                              Timestamp now) override;
  Result<ServiceContext> service_context(const Actor& actor, std::string_view client_id, Timestamp now) override;
  Result<std::vector<Coverage>> list_coverages(const Actor& actor, std::string_view client_id, Timestamp now) override;
  Result<Coverage> create_coverage(const Actor& actor, std::string_view client_id, CoverageFields fields,
                                   Timestamp now) override;
  Result<Coverage> update_coverage(const Actor& actor, std::string_view coverage_id, std::int64_t expected_version,
                                   const Change<CoverageFields>& change, Timestamp now) override;
  Result<std::vector<Authorization>> list_authorizations(const Actor& actor, std::string_view client_id,
                                                         Timestamp now) override;
  Result<Authorization> create_authorization(const Actor& actor, std::string_view client_id, AuthorizationFields fields,
                                             Timestamp now) override;
  Result<Authorization> use_authorization_units(const Actor& actor, std::string_view authorization_id,
                                                std::int64_t expected_version, int units, Timestamp now) override;
  Result<std::vector<AdvocacyItem>> list_advocacy(const Actor& actor, std::string_view client_id,
                                                  Timestamp now) override;
  Result<AdvocacyItem> create_advocacy(const Actor& actor, std::string_view client_id, AdvocacyFields fields,
                                       Timestamp now) override;
  Result<AdvocacyItem> update_advocacy(const Actor& actor, std::string_view item_id, std::int64_t expected_version,
                                       const Change<AdvocacyFields>& change, Timestamp now) override;
  Result<CarePlan> record_plan_agreement(const Actor& actor, std::string_view case_id, std::int64_t expected_version,
                                         std::string kind, std::string name, Timestamp now) override;
  Result<ReportResult> report(const Actor& actor, const ReportScope& scope, const ReportPeriod& period,
                              Timestamp now) override;
  Result<ReportCases> report_cases(const Actor& actor, const ReportScope& scope, const ReportPeriod& period,
                                   const std::vector<DrillDownFilter>& filters, int limit, Timestamp now,
                                   std::string_view audit_action, std::string_view audit_detail) override;
  Result<std::map<std::string, std::string>> staff_names(const Actor& actor) override;
  Result<void> record_event(const Actor& actor, const AuditEntry& entry, Timestamp now) override;
  Result<Page<AuditEvent>> query_audit(const Actor& actor, const AuditQuery& query, Timestamp now) override;
  Result<AuditVerification> verify_audit_trail() override;
  Result<std::vector<AuditEvent>> recent_audit_events(std::string_view organization_id, int limit) override;

 private:
  // Runs `work` in one write transaction: committed when it succeeds, rolled back when it fails.
  template <class Work>
  std::invoke_result_t<Work, SqlConnection&> write(Work&& work) {
    return in_transaction(*writers_, TransactionKind::Write, std::forward<Work>(work));
  }
  template <class Work>
  std::invoke_result_t<Work, SqlConnection&> read(Work&& work) {
    return in_transaction(*readers_, TransactionKind::ReadOnly, std::forward<Work>(work));
  }
  template <class Work>
  static std::invoke_result_t<Work, SqlConnection&> in_transaction(ConnectionPool& pool, TransactionKind kind,
                                                                   Work&& work) {
    auto connection = pool.acquire();
    CB_TRY(connection->begin(kind));
    // Whatever way `work` ends (an error or an exception), the connection goes back to the pool
    // with no transaction open.
    struct RollbackUnlessCommitted {
      SqlConnection& connection;
      bool committed = false;
      ~RollbackUnlessCommitted() {
        if (!committed) connection.rollback();
      }
    } guard{*connection};
    auto result = work(*connection);
    if (!result) return result;
    if (auto done = connection->commit(); !done) return fail(std::move(done.error()));
    guard.committed = true;
    return result;
  }

  // Serialises intakes of one organization on PostgreSQL, so duplicate detection cannot be
  // raced; SQLite's single writer already does.
  [[nodiscard]] Result<void> lock_intake(SqlConnection& connection, const std::string& organization_id) const;

  // Reads the records behind a client list (notes, incidents...): checks access to the client,
  // runs `load` with the SQL condition that leaves out records of cases restricted from the
  // actor (over a `case_id` column), then records the read as `action` in the audit trail.
  template <class Record>
  Result<std::vector<Record>> read_client_records(
      const Actor& actor, std::string_view client_id, Timestamp now, std::string_view action,
      std::string_view resource_type,
      const std::function<Result<std::vector<Record>>(SqlConnection&, const std::string& case_filter)>& load) {
    std::string grant_reason;
    CB_TRY_ASSIGN(records, read([&](SqlConnection& connection) -> Result<std::vector<Record>> {
                    CB_TRY_ASSIGN(reason, require_client_access(connection, actor, now, client_id, {}));
                    grant_reason = std::move(reason);
                    CB_TRY_ASSIGN(filter, restricted_case_filter(connection, actor, now, client_id));
                    return load(connection, filter);
                  }));
    CB_TRY(record_event(actor, {action, resource_type, {}, client_id, "success", {}, grant_reason}, now));
    return records;
  }

  // Writes `content` as the case plan's next version (the first when `current` is empty), in the
  // caller's transaction, and audits it.
  [[nodiscard]] Result<CarePlan> write_care_plan_version(SqlConnection& connection, const Actor& actor,
                                                         const CaseRef& record, const std::optional<CarePlan>& current,
                                                         CarePlanContent content, const std::string& note,
                                                         Timestamp now) const;

  // Proposes on the care plan of the assessment's case the needs its positive social-needs flags
  // name (once per category while one is proposed or active).
  [[nodiscard]] Result<void> propose_needs(SqlConnection& connection, const Actor& actor, const Assessment& assessment,
                                           Timestamp now) const;

  // Appends one entry to the chain in the caller's transaction: the next sequence after the head,
  // its hash over the head's hash, and the new head.
  [[nodiscard]] Result<void> append_audit(SqlConnection& connection, const Actor& actor, const AuditEntry& entry,
                                          Timestamp now) const;

  Dialect dialect_;
  std::shared_ptr<ConnectionPool> writers_;
  std::shared_ptr<ConnectionPool> readers_;
  security::ServerKey server_key_;
  AuditGroupCommit audit_commits_;  // record_event's events, committed in groups
};

// ---- helpers shared by the sql_store_*.cpp files ----

// Aborted unless an UPDATE/DELETE guarded by "AND version = ?" changed exactly one row: a
// concurrent writer got there first (PostgreSQL re-checks the guard after waiting for it).
[[nodiscard]] Result<void> expect_one_row(Result<std::int64_t> changed, std::string_view what,
                                          std::int64_t expected_version);

// The SQL condition (over the client id in `client_column`) under which the actor may open a
// client's record: per core::client_scope, or through a break-the-glass grant still running at
// `now`. Appends the parameters it uses to `params`.
std::string client_access_condition(const Actor& actor, Timestamp now, std::string_view client_column,
                                    std::vector<SqlValue>& params);
// Whether a consent in force for the client names the actor, or a break-the-glass grant opens it:
// what a restricted part of a record (a case) needs on top of access to the client.
[[nodiscard]] Result<bool> named_by_consent_or_grant(SqlConnection& connection, const Actor& actor, Timestamp now,
                                                     std::string_view client_id);
// The SQL condition under which a client's very summary is withheld from the actor: a restricted
// client that no consent in force names them for, and no grant opens.
std::string client_withheld_condition(const Actor& actor, Timestamp now, std::string_view client_column,
                                      std::vector<SqlValue>& params);
// NotFound when the organization has no such client; PermissionDenied when the actor may not open
// it. `field` names the id when it came from a request body. On success, the reason of the
// break-the-glass grant that opened it, or "" when the actor works with the client.
[[nodiscard]] Result<std::string> require_client_access(SqlConnection& connection, const Actor& actor, Timestamp now,
                                                        std::string_view client_id, std::string field = {});

// The case when the actor may open its client and see it (NotFound naming `field`;
// PermissionDenied as require_client_access, or for a case restricted from the actor).
[[nodiscard]] Result<CaseRef> require_case_access(SqlConnection& connection, const Actor& actor, Timestamp now,
                                                  std::string_view case_id, std::string field = {});
// As require_case_access, and FailedPrecondition when the case is closed (nothing is added to it).
[[nodiscard]] Result<CaseRef> require_open_case(SqlConnection& connection, const Actor& actor, Timestamp now,
                                                std::string_view case_id, std::string field = {});
// " AND case_id NOT IN (the client's restricted cases)" unless the actor is named by a consent or grant; "" then.
[[nodiscard]] Result<std::string> restricted_case_filter(SqlConnection& connection, const Actor& actor, Timestamp now,
                                                         std::string_view client_id);
// The clock rules of a program.
[[nodiscard]] Result<ClockRules> program_clock_rules(SqlConnection& connection, std::string_view program_id);
// The records of every case the condition over `cases` (alias c) selects, by case id.
[[nodiscard]] Result<std::map<std::string, CaseRecords>> load_case_records(SqlConnection& connection,
                                                                           const std::string& case_condition,
                                                                           const std::vector<SqlValue>& params);
// Cases (sql_store_cases.cpp), for the records that open or move one.
// NotFound naming `field` unless the user is an active case manager, nurse case manager or supervisor.
[[nodiscard]] Result<void> require_case_manager(SqlConnection& connection, const Actor& actor, std::string_view user_id,
                                                std::string field = "case_manager_id");
// Inserts a new case (AlreadyExists, field "program_id", for a second open case in the program)
// with the opening entry of its history.
[[nodiscard]] Result<void> insert_case(SqlConnection& connection, const Case& record, const Actor& actor,
                                       std::string_view reason);
[[nodiscard]] Result<void> append_case_history(SqlConnection& connection, std::string_view case_id,
                                               std::string_view from, CaseStatus to, const Actor& actor,
                                               std::string_view reason, const std::string& at);

// The columns task_from_row reads, in its order (sql_store_tasks.cpp).
extern const std::string_view kTaskColumns;
Task task_from_row(const SqlRow& row);
// The clock items of every case the condition selects, each by its program's rules; with
// `case_managers`, also who owns each case.
[[nodiscard]] Result<std::vector<ClockItem>> derive_case_clocks(
    SqlConnection& connection, const std::string& case_condition, const std::vector<SqlValue>& params, Timestamp now,
    std::map<std::string, std::string>* case_managers = nullptr);
// The open tasks of the case.
[[nodiscard]] Result<std::vector<Task>> open_case_tasks(SqlConnection& connection, std::string_view case_id);
// Creates the task a clock rule makes, for the case's manager (or `fallback_assignee`).
[[nodiscard]] Result<void> create_rule_task(SqlConnection& connection, const Actor& actor, const CaseRef& record,
                                            ClockRule rule, std::string_view source_id, std::string title,
                                            Timestamp due_at, std::string_view priority, Timestamp now,
                                            std::string assignee = {});
// The same for a rule that is not a clock (e.g. "safety_plan_review" of an assessment flag).
[[nodiscard]] Result<void> create_task_of_rule(SqlConnection& connection, const Actor& actor, const CaseRef& record,
                                               std::string_view rule, std::string_view source_id, std::string title,
                                               Timestamp due_at, std::string_view priority, Timestamp now,
                                               std::string assignee = {});
// A high readmission risk: the discharge's check-in is due after early_check_in_hours, and its
// open task moves forward to match.
[[nodiscard]] Result<void> mark_early_follow_up(SqlConnection& connection, const std::string& discharge_id,
                                                const std::string& discharged_at, const std::string& program_id,
                                                Timestamp now);
// The case's plan as stored (nothing when none), inside the caller's transaction.
[[nodiscard]] Result<std::optional<CarePlan>> load_care_plan(SqlConnection& connection, std::string_view case_id);
// Closes the open task of the rule on that record, now that the record satisfying it is written.
[[nodiscard]] Result<void> close_rule_task(SqlConnection& connection, const Actor& actor, ClockRule rule,
                                           std::string_view source_id, Timestamp now);
// The parsed time of a stored timestamp column (empty: nothing).
std::optional<Timestamp> stored_time(const std::string& text);

// Lists whose items hold no line break, stored one item per line.
// Replaces the goals kept beside a care plan's document (what goal completion is counted from), in
// the caller's transaction.
[[nodiscard]] Result<void> write_care_plan_goals(SqlConnection& connection, const std::string& organization_id,
                                                 const std::string& case_id, const CarePlanContent& content);

// Display names of an organization's staff and programs, by id.
struct NamesOfOrganization {
  std::map<std::string, std::string> staff;
  std::map<std::string, std::string> programs;
};
[[nodiscard]] Result<NamesOfOrganization> staff_and_program_names(SqlConnection& connection,
                                                                  const std::string& organization_id);

// The columns of a client after id and organization that create and update both write (and the
// synthetic loader), in this order.
std::vector<SqlValue> client_values(const Client& client);

// "?, ?, ?" for n values.
std::string placeholders(std::size_t n);
std::string join_lines(const std::vector<std::string>& items);
std::vector<std::string> split_lines(const std::string& text);

// The NotFound a missing record answers; `field` names the id when it came from a request body.
Error not_found(std::string_view what, std::string field = {});
// Aborted for an update whose expected version is stale.
Error stale_version(std::string_view what, std::int64_t expected, std::int64_t stored);

// Opaque page cursors: the sort key of the last row, hex-encoded.
std::string encode_cursor(const std::vector<std::string>& parts);
[[nodiscard]] Result<std::vector<std::string>> decode_cursor(std::string_view cursor, std::size_t parts);

int clamp_page_size(int limit);

// The first row of `sql` mapped by `from_row`, or nothing when there is none.
template <class FromRow>
auto query_one(SqlConnection& connection, std::string_view sql, std::span<const SqlValue> params, FromRow from_row)
    -> Result<std::optional<std::invoke_result_t<FromRow, const SqlRow&>>> {
  using Record = std::invoke_result_t<FromRow, const SqlRow&>;
  CB_TRY_ASSIGN(rows, connection.query(sql, params));
  if (rows.empty()) return std::optional<Record>{};
  return std::optional<Record>{from_row(rows.front())};
}

// NotFound (naming `field`) unless `sql`, given the id and the organization, answers a row.
[[nodiscard]] Result<void> require_row(SqlConnection& connection, std::string_view sql, std::string_view id,
                                       std::string_view organization_id, std::string_view what, std::string field = {});

}  // namespace caseboard::store
