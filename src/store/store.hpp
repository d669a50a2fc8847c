// The storage interface: everything Caseboard keeps, behind one contract that the SQLite and the
// PostgreSQL adapters both satisfy (the same conformance suite runs against each).
//
// Rules every method follows:
// - Tenant isolation: every read and write is limited to actor.organization_id; a record of
//   another organization is answered exactly like a record that does not exist (NotFound).
// - Record access: a client's record (the client, contacts, cases) opens only for users whose
//   role's ClientScope (core/access.hpp) covers the client; otherwise PermissionDenied. Searches
//   answer summaries across the organization, each saying whether the user may open it.
// - Every write is one transaction that also appends its audit event; nothing is half-written.
// - Every record carries a version that starts at 1 and grows by one with each change; an update
//   names the version it read and gets Aborted when the stored version differs.
// - `now` is passed in; the store never reads the clock.
// - Errors: NotFound (field names the id that is unknown), AlreadyExists, Aborted, Unavailable
//   (the database cannot be reached), Internal (a bug or a broken database; details logged).
// Thread safety: a Store is shared by all request threads; every method may be called concurrently.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/actor.hpp"
#include "core/alert.hpp"
#include "core/appointment.hpp"
#include "core/assessment.hpp"
#include "core/audit_event.hpp"
#include "core/calendar.hpp"
#include "core/care_plan.hpp"
#include "core/case_clock.hpp"
#include "core/case_closure.hpp"
#include "core/case_status.hpp"
#include "core/client.hpp"
#include "core/contact.hpp"
#include "core/coverage.hpp"
#include "core/directory.hpp"
#include "core/discharge.hpp"
#include "core/incident.hpp"
#include "core/note.hpp"
#include "core/organization.hpp"
#include "core/plan_review.hpp"
#include "core/program.hpp"
#include "core/referral.hpp"
#include "core/referral_out.hpp"
#include "core/report.hpp"
#include "core/result.hpp"
#include "core/safety_plan.hpp"
#include "core/sign_in_policy.hpp"
#include "core/task.hpp"
#include "core/timeline.hpp"
#include "core/user.hpp"
#include "core/worklist.hpp"

namespace caseboard::store {

template <class T>
struct Page {
  std::vector<T> items;
  std::string next_cursor;  // empty on the last page
  int withheld = 0;         // matches left out because consent restricts them (client searches)
};

inline constexpr int kMaximumPageSize = 100;

struct ClientQuery {
  std::string name;        // "family, given" or a prefix of either; empty: any
  std::string birth_date;  // YYYY-MM-DD; empty: any
  std::optional<Identifier> identifier;
  int limit = 25;
  std::string cursor;
};

struct CaseQuery {
  std::string client_id;        // empty: any
  std::string case_manager_id;  // empty: any
  std::optional<CaseStatus> status;
  int limit = 25;
  std::string cursor;
  bool with_history = false;  // load each case's status history too (a client's few cases)
  // The client named by client_id must exist and be one the actor may open (NotFound /
  // PermissionDenied), rather than its cases being left out of the list.
  bool client_must_be_open = false;
};

enum class DuplicatePolicy {
  RefuseLikelyDuplicates,  // same normalized name and birth date → PossibleDuplicate
  AcceptConfirmedDuplicate,
};

struct Credentials {
  User user;
  std::string password_hash;
  AccountSignInState sign_in;
  std::string sealed_totp_secret;  // empty when the user has no second factor
};

struct Session {
  std::string token_hash;
  std::string user_id;
  Timestamp created_at;
  Timestamp expires_at;
  std::optional<std::int64_t> totp_step;  // the second factor's step used for this sign-in, if any
};

// What a caller asks to be recorded; the store adds time, actor, sequence and hash.
struct AuditEntry {
  std::string_view action;
  std::string_view resource_type;
  std::string_view resource_id = {};
  std::string_view client_id = {};
  std::string_view outcome = "success";
  std::string_view detail = {};
  std::string_view break_glass_reason = {};
};

enum class AuditSortField { Sequence, At, UserId, ClientId, Action, ResourceType, Outcome };

struct AuditQuery {
  std::string user_id;
  std::string client_id;
  std::string action;
  std::string from;  // inclusive, a UTC timestamp; empty: no bound
  std::string to;    // exclusive
  AuditSortField sort = AuditSortField::Sequence;
  bool descending = true;
  int limit = 50;
  std::string cursor;  // from a previous page's next_cursor: the sort key and sequence of its last row
};

// The result of recomputing the chain: intact, or the first entry that is not what was written.
struct AuditVerification {
  bool intact = true;
  std::int64_t entries = 0;
  std::int64_t first_bad_sequence = 0;  // 0 when intact
  std::string problem;                  // says what is wrong with that entry, or of the tail
};

// A worklist with what it shows beside each item: the client's name and risk, the assignee's name.
struct Worklist {
  std::vector<WorkItem> items;
  std::map<std::string, std::string> client_names;  // "Family, Given"
  std::map<std::string, std::string> client_risk;
  std::map<std::string, std::string> user_names;
  struct Person {
    std::string user_id;
    std::string name;
    int open = 0;
    int overdue = 0;
  };
  std::vector<Person> people;  // the team worklist: each person's load
};

// The client chart: every event of the client's cases, newest first, and what is due.
struct Timeline {
  std::vector<TimelineEvent> events;
  std::vector<ClockItem> due;
};

// Which referrals the inbox lists: open (new and triaged), one status, or all.
struct ReferralQuery {
  std::string status = "open";
};

template <class Fields>
using Change = std::function<Result<Fields>(Fields)>;


// --- reports ---
// Whose work a report covers; fields combine with AND. The store narrows it to what the actor may
// see (core::report_access): a supervisor to their team, a case manager to their own cases.
struct ReportScope {
  std::optional<std::string> program_id;
  std::optional<std::string> team_supervisor_id;  // that supervisor and the staff they supervise
  std::optional<std::string> case_manager_id;
};

// One row of a drill-down: a case behind a figure. Names only for clients the actor may open.
struct ReportCase {
  Metric metric = Metric::Caseload;
  std::string case_id;
  std::string referral_id;
  std::string client_id;
  std::string client_name;  // "" when withheld
  bool withheld = false;
  std::string program_id;
  std::string program_name;
  std::string case_manager_id;
  std::string case_manager_name;
  double value = 0;
  double weight = 1;
  std::string detail;
};

struct ReportCases {
  std::vector<ReportCase> cases;
  std::int64_t not_listed = 0;  // consent-restricted cases the actor is not named for
};

class Store {
 public:
  virtual ~Store() = default;

  // "sqlite" or "postgresql".
  virtual std::string_view backend_name() const = 0;

  // Settings that would let a committed write be lost on a crash (PostgreSQL fsync or
  // synchronous_commit off; SQLite not in WAL with synchronous=FULL), one sentence each.
  [[nodiscard]] virtual Result<std::vector<std::string>> durability_problems() = 0;

  // --- organizations (tenants) ---
  // AlreadyExists when the name is taken.
  [[nodiscard]] virtual Result<Organization> create_organization(std::string_view name, Timestamp now) = 0;
  [[nodiscard]] virtual Result<std::vector<Organization>> list_organizations() = 0;

  // --- users ---
  // Creates a user in actor.organization_id. AlreadyExists (field "username") when the username is
  // taken in any organization; NotFound (field "supervisor_id") for an unknown supervisor.
  [[nodiscard]] virtual Result<User> create_user(const Actor& actor, UserFields fields, std::string password_hash,
                                                 Timestamp now) = 0;
  // Any organization: sign-in starts from the username alone. Empty when unknown.
  [[nodiscard]] virtual Result<std::optional<Credentials>> find_credentials(std::string_view username) = 0;
  [[nodiscard]] virtual Result<User> get_user(const Actor& actor, std::string_view user_id) = 0;
  [[nodiscard]] virtual Result<std::vector<User>> list_users(const Actor& actor, std::optional<Role> role) = 0;
  // Applies `change` to the stored fields inside the transaction; its error is returned as is.
  // FailedPrecondition (field "role") when the new role needs a second factor the user lacks.
  [[nodiscard]] virtual Result<User> update_user(const Actor& actor, std::string_view user_id,
                                                 std::int64_t expected_version, const Change<UserFields>& change,
                                                 Timestamp now) = 0;

  // Counts a failed sign-in of the actor's account (core::after_failure) and records it in the
  // audit trail, with the lock when this failure starts one. Returns the new state.
  [[nodiscard]] virtual Result<AccountSignInState> record_sign_in_failure(const Actor& actor, std::string_view reason,
                                                                          Timestamp now) = 0;
  // Lifts a lock and clears the failure count (an administrator's act, audited).
  [[nodiscard]] virtual Result<User> unlock_user(const Actor& actor, std::string_view user_id, Timestamp now) = 0;

  // --- secrets at rest ---
  // Seals a secret the database must keep (a second-factor seed) with the server key, and opens
  // one; Internal when the sealed text was altered or sealed by another key.
  virtual std::string seal_secret(std::string_view secret) const = 0;
  [[nodiscard]] virtual Result<std::string> open_secret(std::string_view sealed) const = 0;

  // --- second factor ---
  // Keeps a new sealed TOTP seed for the signed-in user until a first code confirms it.
  [[nodiscard]] virtual Result<void> store_pending_totp(const Actor& self, std::string sealed_secret,
                                                        Timestamp now) = 0;
  // The seed waiting for confirmation; NotFound when there is none.
  [[nodiscard]] virtual Result<std::string> pending_totp(const Actor& self) = 0;
  // Makes `sealed_secret` the user's second factor (audited), with `used_step` as the last step
  // used when a code confirmed it.
  [[nodiscard]] virtual Result<void> activate_totp(const Actor& actor, std::string_view user_id,
                                                   std::string sealed_secret, std::optional<std::int64_t> used_step,
                                                   Timestamp now) = 0;

  // --- sessions ---
  // Records the sign-in (audited as the session's user) and clears the account's failure count.
  // With a second-factor step, Unauthenticated when that step (or a later one) was used already.
  [[nodiscard]] virtual Result<void> create_session(const Actor& actor, const Session& session) = 0;
  // The session's active user when the token is known, not revoked, not past expires_at and used
  // within `idle_limit`; refreshes its last use. Empty otherwise.
  [[nodiscard]] virtual Result<std::optional<User>> use_session(std::string_view token_hash, Timestamp now,
                                                                std::chrono::seconds idle_limit) = 0;
  // Revokes the session (audited as a sign-out); revoking an unknown or revoked session is not an error.
  [[nodiscard]] virtual Result<void> revoke_session(const Actor& actor, std::string_view token_hash, Timestamp now) = 0;

  // --- programs ---
  // AlreadyExists (field "name") when the organization has a program of that name.
  [[nodiscard]] virtual Result<Program> create_program(const Actor& actor, ProgramFields fields, Timestamp now) = 0;
  [[nodiscard]] virtual Result<Program> get_program(const Actor& actor, std::string_view program_id) = 0;
  [[nodiscard]] virtual Result<std::vector<Program>> list_programs(const Actor& actor) = 0;
  [[nodiscard]] virtual Result<Program> update_program(const Actor& actor, std::string_view program_id,
                                                       std::int64_t expected_version,
                                                       const Change<ProgramFields>& change, Timestamp now) = 0;

  // --- clients ---
  // AlreadyExists (existing_id set, field "identifiers[i].value") when an identifier is taken in
  // the organization; PossibleDuplicate (candidate_ids set) when the policy refuses likely
  // duplicates and a client with the same name key and birth date exists. `fields` must be valid.
  [[nodiscard]] virtual Result<Client> create_client(const Actor& actor, ClientFields fields, DuplicatePolicy policy,
                                                     Timestamp now) = 0;
  // Reads of client data are audited; a read whose audit entry cannot be written fails.
  [[nodiscard]] virtual Result<Client> get_client(const Actor& actor, std::string_view client_id, Timestamp now) = 0;
  // AlreadyExists as for create when the change adds an identifier another client holds.
  [[nodiscard]] virtual Result<Client> update_client(const Actor& actor, std::string_view client_id,
                                                     std::int64_t expected_version, const Change<ClientFields>& change,
                                                     Timestamp now) = 0;
  // Ordered by family name key, given name key, id. InvalidArgument (field "cursor") for a cursor
  // this store did not make.
  [[nodiscard]] virtual Result<Page<ClientSummary>> search_clients(const Actor& actor, const ClientQuery& query,
                                                                   Timestamp now) = 0;
  // Summaries of the named clients of the organization (unknown ids are left out), e.g. the
  // candidates of a likely duplicate.
  [[nodiscard]] virtual Result<std::vector<ClientSummary>> summarize_clients(const Actor& actor,
                                                                             const std::vector<std::string>& ids,
                                                                             Timestamp now) = 0;

  // --- contacts (support network) ---
  [[nodiscard]] virtual Result<std::vector<Contact>> list_contacts(const Actor& actor, std::string_view client_id,
                                                                   Timestamp now) = 0;
  [[nodiscard]] virtual Result<Contact> create_contact(const Actor& actor, std::string_view client_id,
                                                       ContactFields fields, Timestamp now) = 0;
  [[nodiscard]] virtual Result<Contact> update_contact(const Actor& actor, std::string_view client_id,
                                                       std::string_view contact_id, std::int64_t expected_version,
                                                       const Change<ContactFields>& change, Timestamp now) = 0;
  [[nodiscard]] virtual Result<void> delete_contact(const Actor& actor, std::string_view client_id,
                                                    std::string_view contact_id, std::int64_t expected_version,
                                                    Timestamp now) = 0;

  // --- cases (episodes of care) ---
  // Opens a case at `referred`. NotFound (field "client_id", "program_id" or "case_manager_id");
  // AlreadyExists when the client has a case in the program that is not closed.
  [[nodiscard]] virtual Result<Case> create_case(const Actor& actor, std::string_view client_id,
                                                 std::string_view program_id, std::string_view case_manager_id,
                                                 Timestamp now) = 0;
  // With its status history, oldest first.
  [[nodiscard]] virtual Result<Case> get_case(const Actor& actor, std::string_view case_id, Timestamp now) = 0;
  // Newest opened first; with each case's history only when the query asks for it.
  [[nodiscard]] virtual Result<Page<Case>> list_cases(const Actor& actor, const CaseQuery& query, Timestamp now) = 0;
  // FailedPrecondition / InvalidArgument from the status machine (core/case_status.hpp).
  // Closing (to Closed) needs `outcome` (one of kCaseOutcomes) when the case was discharged, and
  // is refused with FailedPrecondition listing `open_items` while required items are open
  // (core/case_closure.hpp).
  [[nodiscard]] virtual Result<Case> transition_case(const Actor& actor, std::string_view case_id,
                                                     std::int64_t expected_version, CaseStatus to,
                                                     std::string_view reason, std::string_view outcome,
                                                     Timestamp now) = 0;

  // Gives the case to another case manager (active, case manager / nurse case manager /
  // supervisor of the organization; NotFound naming "case_manager_id" otherwise) and ends the
  // care-team place the client's registrant held.
  [[nodiscard]] virtual Result<Case> reassign_case(const Actor& actor, std::string_view case_id,
                                                   std::int64_t expected_version, std::string_view case_manager_id,
                                                   Timestamp now) = 0;

  // --- consent restrictions ---
  // Marks a client's record restricted (or not). Restricting needs a consent in force naming the
  // actor (FailedPrecondition, field "restricted", otherwise), so nobody locks the record away
  // from everyone. Aborted on a stale version.
  [[nodiscard]] virtual Result<Client> set_client_restriction(const Actor& actor, std::string_view client_id,
                                                              std::int64_t expected_version, bool restricted,
                                                              Timestamp now) = 0;
  // Marks one case (a part of the record) restricted or not: it then opens, and is listed, only
  // for users a consent in force for the client names (others see it counted as withheld).
  // Restricting needs such a consent naming the actor (FailedPrecondition, field "restricted").
  [[nodiscard]] virtual Result<Case> set_case_restriction(const Actor& actor, std::string_view case_id,
                                                          std::int64_t expected_version, bool restricted,
                                                          Timestamp now) = 0;
  // Records the client's consent to disclose their record to one user (NotFound naming
  // "grantee_user_id" for a user who is not an active clinical user or director of the organization).
  [[nodiscard]] virtual Result<Consent> record_consent(const Actor& actor, std::string_view client_id,
                                                       std::string_view grantee_user_id, std::string_view purpose,
                                                       std::optional<Timestamp> expires_at, Timestamp now) = 0;
  [[nodiscard]] virtual Result<std::vector<Consent>> list_consents(const Actor& actor, std::string_view client_id,
                                                                   Timestamp now) = 0;
  [[nodiscard]] virtual Result<Consent> revoke_consent(const Actor& actor, std::string_view client_id,
                                                       std::string_view consent_id, Timestamp now) = 0;

  // --- break-the-glass and alerts ---
  // Grants the actor access to a client outside their scope until `expires_at`, for the reason
  // given; uses up the second factor's step (Unauthenticated when used already); raises an alert
  // to the actor's supervisor and to every auditor of the organization; audited with the reason.
  // NotFound for an unknown client.
  [[nodiscard]] virtual Result<BreakGlassGrant> break_glass(const Actor& actor, std::string_view client_id,
                                                            std::string_view reason, std::int64_t totp_step,
                                                            Timestamp expires_at, Timestamp now) = 0;
  // The grants given on a client, newest first (for the client's record); needs access to it.
  [[nodiscard]] virtual Result<std::vector<BreakGlassGrant>> break_glass_grants(const Actor& actor,
                                                                                std::string_view client_id,
                                                                                Timestamp now) = 0;
  // The actor's alerts, open ones first, newest first.
  [[nodiscard]] virtual Result<std::vector<Alert>> list_alerts(const Actor& actor) = 0;
  // Marks one of the actor's alerts seen; NotFound when it is not theirs.
  [[nodiscard]] virtual Result<Alert> acknowledge_alert(const Actor& actor, std::string_view alert_id,
                                                        Timestamp now) = 0;

  // --- referral inbox ---
  // Records of the case cycle below follow the client record's access rules (a record of a case
  // restricted by consent is left out of lists and refused like the case), and every write of
  // them that satisfies a clock rule closes the rule's task in the same transaction.
  //
  // NotFound naming "client_id" / "program_id"; the client must be one the actor may open.
  [[nodiscard]] virtual Result<Referral> create_referral(const Actor& actor, ReferralFields fields, Timestamp now) = 0;
  // Supervisors (TriageReferrals) see the organization's inbox; others the referrals assigned to
  // them or that they logged (NotFound for the rest).
  [[nodiscard]] virtual Result<std::vector<Referral>> list_referrals(const Actor& actor, const ReferralQuery& query,
                                                                     Timestamp now) = 0;
  [[nodiscard]] virtual Result<Referral> get_referral(const Actor& actor, std::string_view referral_id,
                                                      Timestamp now) = 0;
  [[nodiscard]] virtual Result<Referral> triage_referral(const Actor& actor, std::string_view referral_id,
                                                         std::int64_t expected_version, std::string_view priority,
                                                         std::string_view note, Timestamp now) = 0;
  // Opens a case at `referred` for the case manager (as create_case) and links it.
  [[nodiscard]] virtual Result<Referral> assign_referral(const Actor& actor, std::string_view referral_id,
                                                         std::int64_t expected_version,
                                                         std::string_view case_manager_id, Timestamp now) = 0;
  [[nodiscard]] virtual Result<Referral> decline_referral(const Actor& actor, std::string_view referral_id,
                                                          std::int64_t expected_version, std::string_view reason,
                                                          Timestamp now) = 0;
  // Stops the first-contact clock; by someone who may open the client.
  [[nodiscard]] virtual Result<Referral> record_first_contact(const Actor& actor, std::string_view referral_id,
                                                              std::int64_t expected_version, Timestamp contacted_at,
                                                              std::string_view method, Timestamp now) = 0;

  // --- tasks and the worklist ---
  // The assignee must be an active user of the organization (NotFound, "assignee_id"); a linked
  // client or case must be one the actor may open.
  [[nodiscard]] virtual Result<Task> create_task(const Actor& actor, TaskFields fields, Timestamp now) = 0;
  // The actor's own tasks with that status.
  [[nodiscard]] virtual Result<std::vector<Task>> list_tasks(const Actor& actor, std::string_view status,
                                                             Timestamp now) = 0;
  // Done or cancelled, by the assignee or their supervisor; FailedPrecondition for a rule's task
  // (it closes itself) or a task that is not open.
  [[nodiscard]] virtual Result<Task> finish_task(const Actor& actor, std::string_view task_id,
                                                 std::int64_t expected_version, std::string_view status,
                                                 Timestamp now) = 0;
  // The actor's worklist; with `team`, also every active user the actor supervises.
  [[nodiscard]] virtual Result<Worklist> worklist(const Actor& actor, bool team, Timestamp now) = 0;

  // --- progress notes ---
  [[nodiscard]] virtual Result<std::vector<Note>> list_notes(const Actor& actor, std::string_view client_id,
                                                             Timestamp now) = 0;
  // NotFound naming "appointment_id" for an appointment of another case.
  [[nodiscard]] virtual Result<Note> create_note(const Actor& actor, std::string_view case_id, NoteFields fields,
                                                 bool sign, Timestamp now) = 0;
  // Drafts only, by their author (FailedPrecondition / PermissionDenied).
  [[nodiscard]] virtual Result<Note> update_note(const Actor& actor, std::string_view note_id,
                                                 std::int64_t expected_version, const Change<NoteFields>& change,
                                                 Timestamp now) = 0;
  [[nodiscard]] virtual Result<Note> sign_note(const Actor& actor, std::string_view note_id,
                                               std::int64_t expected_version, Timestamp now) = 0;
  // On a signed note only.
  [[nodiscard]] virtual Result<Note> add_addendum(const Actor& actor, std::string_view note_id, std::string body,
                                                  Timestamp now) = 0;
  // By the author's supervisor, on a signed note that needs it.
  [[nodiscard]] virtual Result<Note> cosign_note(const Actor& actor, std::string_view note_id,
                                                 std::int64_t expected_version, Timestamp now) = 0;

  // --- appointments ---
  // The staff member must be an active clinical user (NotFound, "staff_id").
  [[nodiscard]] virtual Result<Appointment> create_appointment(const Actor& actor, std::string_view case_id,
                                                               AppointmentFields fields, Timestamp now) = 0;
  [[nodiscard]] virtual Result<std::vector<Appointment>> list_client_appointments(const Actor& actor,
                                                                                  std::string_view client_id,
                                                                                  Timestamp now) = 0;
  // The actor's own appointments starting in [from, to).
  [[nodiscard]] virtual Result<std::vector<Appointment>> list_own_appointments(const Actor& actor, Timestamp from,
                                                                               Timestamp to, Timestamp now) = 0;
  [[nodiscard]] virtual Result<Appointment> record_appointment_outcome(const Actor& actor,
                                                                       std::string_view appointment_id,
                                                                       std::int64_t expected_version,
                                                                       std::string_view outcome, Timestamp now) = 0;

  // --- referrals out ---
  [[nodiscard]] virtual Result<ReferralOut> create_referral_out(const Actor& actor, std::string_view case_id,
                                                                ReferralOutFields fields, Timestamp now) = 0;
  [[nodiscard]] virtual Result<std::vector<ReferralOut>> list_referrals_out(const Actor& actor,
                                                                            std::string_view client_id,
                                                                            Timestamp now) = 0;
  // One step of the loop; `text` is the decline reason, the outcome, the follow-up note or the
  // cancel reason. Sending creates the follow-up task; a follow-up or an answer closes it.
  [[nodiscard]] virtual Result<ReferralOut> advance_referral_out(const Actor& actor, std::string_view referral_id,
                                                                 std::int64_t expected_version, ReferralOutStep step,
                                                                 std::string text, Timestamp now) = 0;

  // --- incidents and safety plans ---
  [[nodiscard]] virtual Result<Incident> create_incident(const Actor& actor, std::string_view case_id,
                                                         IncidentFields fields, bool submit, Timestamp now) = 0;
  [[nodiscard]] virtual Result<Incident> update_incident(const Actor& actor, std::string_view incident_id,
                                                         std::int64_t expected_version,
                                                         const Change<IncidentFields>& change, Timestamp now) = 0;
  [[nodiscard]] virtual Result<Incident> submit_incident(const Actor& actor, std::string_view incident_id,
                                                         std::int64_t expected_version, Timestamp now) = 0;
  [[nodiscard]] virtual Result<std::vector<Incident>> list_incidents(const Actor& actor, std::string_view client_id,
                                                                     Timestamp now) = 0;
  [[nodiscard]] virtual Result<std::optional<SafetyPlan>> get_safety_plan(const Actor& actor,
                                                                          std::string_view client_id,
                                                                          Timestamp now) = 0;
  // Creates the plan (expected_version empty) or replaces it (Aborted when stale;
  // PreconditionRequired when a plan exists and no version was given).
  [[nodiscard]] virtual Result<SafetyPlan> save_safety_plan(const Actor& actor, std::string_view client_id,
                                                            std::optional<std::int64_t> expected_version,
                                                            SafetyPlanFields fields, Timestamp now) = 0;

  // --- plan reviews ---
  [[nodiscard]] virtual Result<PlanReview> record_plan_review(const Actor& actor, std::string_view case_id,
                                                              std::string summary, Timestamp now) = 0;
  [[nodiscard]] virtual Result<std::vector<PlanReview>> list_plan_reviews(const Actor& actor,
                                                                          std::string_view client_id,
                                                                          Timestamp now) = 0;

  // --- discharge and follow-up ---
  // Moves the case to `discharged` (FailedPrecondition unless active or on hold; Aborted when the
  // case version is stale), records the plan and creates the check-in task.
  [[nodiscard]] virtual Result<Discharge> discharge_case(const Actor& actor, std::string_view case_id,
                                                         std::int64_t expected_case_version, DischargeFields fields,
                                                         Timestamp now) = 0;
  [[nodiscard]] virtual Result<std::vector<Discharge>> list_discharges(const Actor& actor, std::string_view client_id,
                                                                       Timestamp now) = 0;
  // Once (FailedPrecondition after); closes the check-in task.
  [[nodiscard]] virtual Result<Discharge> record_check_in(const Actor& actor, std::string_view discharge_id,
                                                          std::int64_t expected_version, CheckIn check_in,
                                                          Timestamp now) = 0;
  [[nodiscard]] virtual Result<Discharge> record_readmission(const Actor& actor, std::string_view discharge_id,
                                                             Readmission readmission, Timestamp now) = 0;

  // --- assessments ---
  // Records a completed, scored assessment (the caller scored it with core::score_assessment;
  // client_id, case_id (may be empty), the instrument's id, version and title, the score and, for a
  // correction, replaces_id are filled in) and acts on its flags in the same transaction:
  // urgent_safety_task gives the case manager and their supervisor an urgent `safety_plan_review`
  // task (once per assessment chain; saving the client's safety plan closes them);
  // early_follow_up brings the post-discharge check-in of the client's open discharges forward.
  // A correction must name an assessment of the same client and instrument that has not been
  // corrected yet (FailedPrecondition, field "replaces_id").
  [[nodiscard]] virtual Result<Assessment> record_assessment(const Actor& actor, Assessment assessment,
                                                             Timestamp now) = 0;
  // Newest first; `instrument_id` empty: every instrument.
  [[nodiscard]] virtual Result<std::vector<Assessment>> list_assessments(const Actor& actor, std::string_view client_id,
                                                                         std::string_view instrument_id,
                                                                         Timestamp now) = 0;
  [[nodiscard]] virtual Result<Assessment> get_assessment(const Actor& actor, std::string_view assessment_id,
                                                          Timestamp now) = 0;

  // --- care plans ---
  // The case's plan, or nothing when it has none yet.
  [[nodiscard]] virtual Result<std::optional<CarePlan>> get_care_plan(const Actor& actor, std::string_view case_id,
                                                                      Timestamp now) = 0;
  // Saves `content` (valid) as the plan's next version, with the note saying why. The first
  // version needs no expected version; later ones need it (PreconditionRequired, Aborted when
  // stale). An intervention's linked task, appointment or referral out must belong to the case
  // (NotFound naming e.g. "interventions[2].task_id"). The case must not be closed.
  [[nodiscard]] virtual Result<CarePlan> save_care_plan(const Actor& actor, std::string_view case_id,
                                                        std::optional<std::int64_t> expected_version,
                                                        CarePlanContent content, std::string note, Timestamp now) = 0;
  // Every version, newest first.
  [[nodiscard]] virtual Result<std::vector<CarePlanVersion>> care_plan_versions(const Actor& actor,
                                                                                std::string_view case_id,
                                                                                Timestamp now) = 0;
  // Records that the client (or family, guardian) agreed to the current version.
  [[nodiscard]] virtual Result<CarePlan> record_plan_agreement(const Actor& actor, std::string_view case_id,
                                                               std::int64_t expected_version, std::string kind,
                                                               std::string name, Timestamp now) = 0;

  // --- resource directory (not client data: read by every role, written by administrators) ---
  [[nodiscard]] virtual Result<ServiceListing> create_service(const Actor& actor, ServiceFields fields,
                                                              Timestamp now) = 0;
  [[nodiscard]] virtual Result<ServiceListing> update_service(const Actor& actor, std::string_view service_id,
                                                              std::int64_t expected_version,
                                                              const Change<ServiceFields>& change, Timestamp now) = 0;
  [[nodiscard]] virtual Result<std::vector<ServiceListing>> list_services(const Actor& actor) = 0;
  [[nodiscard]] virtual Result<ServiceListing> get_service(const Actor& actor, std::string_view service_id) = 0;
  // Creates the listings without an id and replaces those with one, all or nothing. NotFound
  // naming "rows[i].id" for an id the directory does not hold. Returns (created, updated).
  struct ServiceImport {
    std::string id;
    ServiceFields fields;
  };
  [[nodiscard]] virtual Result<std::pair<int, int>> import_services(const Actor& actor,
                                                                    std::vector<ServiceImport> rows, Timestamp now) = 0;
  // What the directory needs to know of a client to match services: age, preferred language,
  // location, active coverage, and the open needs of their care plans (proposed or active).
  // Audited as a read of the client.
  struct ServiceContext {
    ServiceSeeker seeker;
    std::vector<Need> open_needs;
  };
  [[nodiscard]] virtual Result<ServiceContext> service_context(const Actor& actor, std::string_view client_id,
                                                               Timestamp now) = 0;

  // --- coverage and benefits ---
  [[nodiscard]] virtual Result<std::vector<Coverage>> list_coverages(const Actor& actor, std::string_view client_id,
                                                                     Timestamp now) = 0;
  [[nodiscard]] virtual Result<Coverage> create_coverage(const Actor& actor, std::string_view client_id,
                                                         CoverageFields fields, Timestamp now) = 0;
  [[nodiscard]] virtual Result<Coverage> update_coverage(const Actor& actor, std::string_view coverage_id,
                                                         std::int64_t expected_version,
                                                         const Change<CoverageFields>& change, Timestamp now) = 0;
  [[nodiscard]] virtual Result<std::vector<Authorization>> list_authorizations(const Actor& actor,
                                                                               std::string_view client_id,
                                                                               Timestamp now) = 0;
  // The coverage must be the client's (NotFound, "coverage_id").
  [[nodiscard]] virtual Result<Authorization> create_authorization(const Actor& actor, std::string_view client_id,
                                                                   AuthorizationFields fields, Timestamp now) = 0;
  // Records units used (core::use_units: FailedPrecondition past those approved).
  [[nodiscard]] virtual Result<Authorization> use_authorization_units(const Actor& actor,
                                                                      std::string_view authorization_id,
                                                                      std::int64_t expected_version, int units,
                                                                      Timestamp now) = 0;
  [[nodiscard]] virtual Result<std::vector<AdvocacyItem>> list_advocacy(const Actor& actor, std::string_view client_id,
                                                                        Timestamp now) = 0;
  [[nodiscard]] virtual Result<AdvocacyItem> create_advocacy(const Actor& actor, std::string_view client_id,
                                                             AdvocacyFields fields, Timestamp now) = 0;
  [[nodiscard]] virtual Result<AdvocacyItem> update_advocacy(const Actor& actor, std::string_view item_id,
                                                             std::int64_t expected_version,
                                                             const Change<AdvocacyFields>& change, Timestamp now) = 0;

  // --- reports ---
  // The figures for a scope and period (and each case manager's). PermissionDenied for a role
  // without reports; InvalidArgument naming "program", "team" or "case_manager" for a scope outside
  // the actor's. Audited as report.read.
  [[nodiscard]] virtual Result<ReportResult> report(const Actor& actor, const ReportScope& scope,
                                                    const ReportPeriod& period, Timestamp now) = 0;
  // The cases behind figures (one filter per figure; rows say which metric), at most `limit` rows
  // per filter, with names only where the actor may open the client; consent-restricted cases the
  // actor is not named for are only counted. One audit event for the call, `audit_action`
  // ("report.cases", or "report.export" whose detail names the format).
  [[nodiscard]] virtual Result<ReportCases> report_cases(const Actor& actor, const ReportScope& scope,
                                                         const ReportPeriod& period,
                                                         const std::vector<DrillDownFilter>& filters, int limit,
                                                         Timestamp now, std::string_view audit_action = "report.cases",
                                                         std::string_view audit_detail = {}) = 0;
  // Display names of the organization's staff, by user id (for report rows).
  [[nodiscard]] virtual Result<std::map<std::string, std::string>> staff_names(const Actor& actor) = 0;

  // --- the client chart ---
  [[nodiscard]] virtual Result<Timeline> client_timeline(const Actor& actor, std::string_view client_id,
                                                         Timestamp now) = 0;

  // --- audit trail ---
  // Appends one event in a transaction of its own (sign-in failures, refused access decisions).
  [[nodiscard]] virtual Result<void> record_event(const Actor& actor, const AuditEntry& entry, Timestamp now) = 0;
  // The organization's events matching the query, sorted as asked, in pages that stay stable while
  // new events arrive (keyset cursor). The query itself is recorded in the trail. InvalidArgument
  // (field "cursor") for a cursor this store did not make.
  [[nodiscard]] virtual Result<Page<AuditEvent>> query_audit(const Actor& actor, const AuditQuery& query,
                                                             Timestamp now) = 0;
  // Recomputes the whole chain with the key and compares it with the head.
  [[nodiscard]] virtual Result<AuditVerification> verify_audit_trail() = 0;
  // The newest events of the organization, newest first.
  [[nodiscard]] virtual Result<std::vector<AuditEvent>> recent_audit_events(std::string_view organization_id,
                                                                            int limit) = 0;
};

}  // namespace caseboard::store
