#include "store/synthetic_load.hpp"

#include <algorithm>
#include <cmath>
#include <span>

#include "core/role.hpp"
#include "core/text.hpp"
#include "store/care_plan_json.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sql_store.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace caseboard::store {
namespace {

// Rows of one table, sent as multi-row INSERTs: one round trip to PostgreSQL, and one statement
// step in SQLite, per `rows_per_statement` rows rather than per row.
class RowInserter {
 public:
  RowInserter(std::string_view table, std::initializer_list<std::string_view> columns) : columns_(columns.size()) {
    head_ = "INSERT INTO " + std::string(table) + " (";
    std::string one = "(";
    for (std::size_t i = 0; i < columns_; ++i) {
      head_ += (i == 0 ? "" : ", ") + std::string(columns.begin()[i]);
      one += i == 0 ? "?" : ", ?";
    }
    head_ += ") VALUES ";
    one += ")";
    // SQLite takes at most 32,766 parameters per statement, PostgreSQL 65,535.
    rows_per_statement_ = std::clamp<std::size_t>(30000 / columns_, 1, 100);
    single_ = head_ + one;
    full_ = head_;
    for (std::size_t i = 0; i < rows_per_statement_; ++i) full_ += (i == 0 ? "" : ", ") + one;
  }

  // One row: exactly as many values as columns.
  void add(std::initializer_list<SqlValue> row) { add(std::span<const SqlValue>(row.begin(), row.size())); }
  void add(std::span<const SqlValue> row) {
    if (row.size() != columns_) mismatched_ = true;
    values_.insert(values_.end(), row.begin(), row.end());
  }

  Result<void> flush(SqlConnection& connection) {
    if (mismatched_) return fail(internal_error("a row of the wrong width for: " + head_));
    const std::span<const SqlValue> all(values_);
    const std::size_t chunk = rows_per_statement_ * columns_;
    std::size_t at = 0;
    for (; at + chunk <= all.size(); at += chunk) CB_TRY(connection.execute(full_, all.subspan(at, chunk)));
    for (; at < all.size(); at += columns_) CB_TRY(connection.execute(single_, all.subspan(at, columns_)));
    values_.clear();
    return {};
  }

 private:
  std::size_t columns_;
  std::size_t rows_per_statement_ = 1;
  std::string head_;
  std::string single_;
  std::string full_;
  std::vector<SqlValue> values_;
  bool mismatched_ = false;
};

SqlValue integer(std::int64_t value) {
  return SqlValue{value};
}
SqlValue flag(bool value) {
  return SqlValue{std::int64_t{value ? 1 : 0}};
}
SqlValue optional_integer(const std::optional<std::int64_t>& value) {
  return value ? SqlValue{*value} : SqlValue{nullptr};
}

// Each table's rows, in the order parents come before children. Every column list and value below
// follows the INSERT (and the UPDATEs that complete it) of the store method named beside it.
struct Tables {
  RowInserter organizations{"organizations", {"id", "name", "created_at"}};  // create_organization
  RowInserter programs{
      "programs",  // create_program (its INSERT and the UPDATE of its settings)
      {"id", "organization_id", "name", "description", "active", "version", "created_at", "updated_at",
       "notes_need_cosign", "first_contact_hours", "referral_follow_up_hours", "note_hours", "incident_hours",
       "plan_review_days", "event_review_days", "check_in_hours", "early_check_in_hours", "eligibility_days"}};
  RowInserter users{"users",  // create_user
                    {"id", "organization_id", "username", "display_name", "role", "active", "supervisor_id",
                     "password_hash", "version", "created_at", "updated_at"}};
  RowInserter clients{"clients",  // create_client
                      {"id",
                       "organization_id",
                       "given_name",
                       "family_name",
                       "middle_name",
                       "preferred_name",
                       "given_key",
                       "family_key",
                       "birth_date",
                       "sex",
                       "preferred_language",
                       "interpreter_needed",
                       "phone",
                       "email",
                       "address_line1",
                       "address_line2",
                       "city",
                       "state",
                       "postal_code",
                       "country",
                       "risk_level",
                       "latitude_e6",
                       "longitude_e6",
                       "version",
                       "updated_at",
                       "created_by",
                       "created_at"}};
  RowInserter identifiers{"client_identifiers", {"organization_id", "type", "value", "client_id", "position"}};
  RowInserter care_team{"care_team_members",
                        {"organization_id", "client_id", "user_id", "kind", "added_at", "ended_at"}};
  RowInserter contacts{"contacts",  // create_contact
                       {"id", "organization_id", "client_id", "name", "relationship", "phone", "email",
                        "is_emergency_contact", "disclosure", "notes", "version", "created_at", "updated_at"}};
  RowInserter coverages{"coverages",  // create_coverage
                        {"id", "organization_id", "client_id", "payer_kind", "payer_name", "member_id", "verified_on",
                         "active", "created_at", "updated_at", "version"}};
  RowInserter authorizations{"authorizations",  // create_authorization, use_authorization_units
                             {"id", "organization_id", "client_id", "coverage_id", "service", "units_approved",
                              "units_used", "valid_from", "valid_to", "created_at", "updated_at", "version"}};
  RowInserter cases{
      "cases",  // insert_case, transition_case, discharge_case
      {"id", "organization_id", "client_id", "program_id", "case_manager_id", "status", "opened_at",
       "status_changed_at", "closed_reason", "closed_outcome", "restricted", "version", "created_at", "updated_at"}};
  RowInserter history{"case_status_history",  // append_case_history
                      {"case_id", "from_status", "to_status", "at", "by_user_id", "reason"}};
  RowInserter referrals{"referrals",  // create_referral, triage, assign_referral, record_first_contact, decline
                        {"id",
                         "organization_id",
                         "client_id",
                         "program_id",
                         "source",
                         "referrer_name",
                         "referrer_contact",
                         "reason",
                         "priority",
                         "received_at",
                         "status",
                         "triage_note",
                         "case_id",
                         "case_manager_id",
                         "assigned_at",
                         "first_contact_at",
                         "first_contact_method",
                         "decline_reason",
                         "created_by",
                         "created_at",
                         "version"}};
  RowInserter appointments{
      "appointments",  // create_appointment, record_appointment_outcome
      {"id", "organization_id", "client_id", "case_id", "staff_id", "kind", "starts_at", "ends_at", "location",
       "transport_arranged", "transport_details", "interpreter_language", "interpreter_arranged", "status",
       "outcome_at", "created_by", "created_at", "version", "cost_cents"}};
  RowInserter notes{
      "notes",  // create_note (signed at once), cosign_note
      {"id",         "organization_id", "client_id", "case_id", "author_id",       "contact_type",  "service_at",
       "written_at", "appointment_id",  "body",      "purpose", "observations",    "interventions", "client_response",
       "plan",       "status",          "signed_at", "late",    "cosign_required", "cosigned_at",   "cosigned_by",
       "version"}};
  RowInserter referrals_out{"referrals_out",  // create_referral_out, advance_referral_out
                            {"id",
                             "organization_id",
                             "client_id",
                             "case_id",
                             "provider_name",
                             "provider_contact",
                             "service",
                             "reason",
                             "status",
                             "created_at",
                             "sent_at",
                             "responded_at",
                             "decline_reason",
                             "completed_at",
                             "outcome",
                             "followed_up_at",
                             "follow_up_note",
                             "cancel_reason",
                             "created_by",
                             "version",
                             "cost_cents"}};
  RowInserter incidents{"incidents",  // create_incident (submitted at once or later)
                        {"id", "organization_id", "client_id", "case_id", "occurred_at", "type", "severity",
                         "description", "emergency_services_contacted", "actions", "reported_at", "reported_by",
                         "status", "documented_at", "late", "version"}};
  RowInserter plan_reviews{"plan_reviews",  // record_plan_review
                           {"id", "organization_id", "client_id", "case_id", "reviewed_at", "reviewed_by", "summary"}};
  RowInserter discharges{
      "discharges",  // discharge_case, record_check_in, mark_early_follow_up
      {"id", "organization_id", "client_id", "case_id", "discharged_at", "destination", "destination_details",
       "services_arranged", "family_education_done", "notes", "check_in_at", "check_in_by", "health_status_changed",
       "satisfaction", "check_in_notes", "created_by", "created_at", "early_follow_up", "version"}};
  RowInserter readmissions{"readmissions",  // record_readmission
                           {"id", "organization_id", "discharge_id", "admitted_at", "facility", "reason",
                            "days_after_discharge", "within_30_days", "recorded_by", "created_at"}};
  RowInserter assessments{"assessments",  // record_assessment
                          {"id", "organization_id", "client_id", "case_id", "instrument_id", "instrument_version",
                           "instrument_title", "score", "result_code", "result_display", "completed_at", "completed_by",
                           "replaces_id", "superseded_by", "root_id", "sequence", "version"}};
  RowInserter answers{"assessment_answers", {"assessment_id", "position", "link_id", "value", "display", "points"}};
  RowInserter flags{"assessment_flags", {"assessment_id", "position", "code", "display", "action", "need"}};
  RowInserter care_plans{"care_plans",  // write_care_plan_version (first version), record_plan_agreement
                         {"case_id", "organization_id", "client_id", "version", "content", "updated_at", "updated_by",
                          "agreed_version", "agreed_kind", "agreed_name", "agreed_at", "agreement_recorded_by"}};
  RowInserter plan_versions{"care_plan_versions",
                            {"case_id", "version", "content", "changed_at", "changed_by", "note"}};
  RowInserter plan_goals{"care_plan_goals",
                         {"case_id", "goal_id", "organization_id", "due_date", "status", "measurable"}};
  RowInserter tasks{
      "tasks",  // create_task, create_task_of_rule, finish_task, close_rule_task
      {"id", "organization_id", "title", "details", "due_at", "priority", "assignee_id", "client_id", "case_id",
       "status", "rule", "source_id", "created_by", "created_at", "completed_at", "completed_by", "version"}};

  // In the order of the foreign keys between them.
  Result<void> flush(SqlConnection& connection) {
    for (RowInserter* table :
         {&organizations, &programs,       &users,         &clients,    &identifiers,  &care_team,    &contacts,
          &coverages,     &authorizations, &cases,         &history,    &referrals,    &appointments, &notes,
          &referrals_out, &incidents,      &plan_reviews,  &discharges, &readmissions, &assessments,  &answers,
          &flags,         &care_plans,     &plan_versions, &plan_goals, &tasks}) {
      CB_TRY(table->flush(connection));
    }
    return {};
  }
};

void add_people(Tables& t, const SyntheticBatch& batch) {
  for (const auto& o : batch.organizations) t.organizations.add({o.id, o.name, o.created_at});
  for (const auto& p : batch.programs) {
    const auto& f = p.fields;
    const auto& r = f.clock_rules;
    t.programs.add({p.id, p.organization_id, f.name, text_or_null(f.description), flag(f.active), integer(p.version),
                    p.created_at, p.updated_at, flag(f.notes_need_cosign), integer(r.first_contact_hours),
                    integer(r.referral_follow_up_hours), integer(r.note_hours), integer(r.incident_hours),
                    integer(r.plan_review_days), integer(r.event_review_days), integer(r.check_in_hours),
                    integer(r.early_check_in_hours), integer(r.eligibility_days)});
  }
  for (const auto& u : batch.users) {
    const auto& f = u.fields;
    t.users.add({u.id, u.organization_id, f.username, f.display_name, std::string(role_name(f.role)), flag(f.active),
                 text_or_null(f.supervisor_id), batch.password_hash, integer(u.version), u.created_at, u.updated_at});
  }
}

void add_clients(Tables& t, const SyntheticBatch& batch) {
  for (const auto& [c, created_by] : batch.clients) {
    const auto& f = c.fields;
    // The columns create_client writes, as it writes them.
    std::vector<SqlValue> row{c.id, c.organization_id};
    const auto values = client_values(c);
    row.insert(row.end(), values.begin(), values.end());
    row.insert(row.end(), {text_or_null(created_by), c.created_at});
    t.clients.add(row);
    std::int64_t position = 0;
    for (const auto& identifier : f.identifiers) {
      t.identifiers.add({c.organization_id, identifier.type, identifier.value, c.id, integer(position++)});
    }
  }
  for (const auto& m : batch.care_team) {
    t.care_team.add(
        {m.organization_id, m.client_id, m.user_id, std::string("registrant"), m.added_at, text_or_null(m.ended_at)});
  }
  for (const auto& c : batch.contacts) {
    const auto& f = c.fields;
    t.contacts.add({c.id, c.organization_id, c.client_id, f.name, f.relationship, text_or_null(f.phone),
                    text_or_null(f.email), flag(f.is_emergency_contact), f.disclosure, text_or_null(f.notes),
                    integer(c.version), c.created_at, c.updated_at});
  }
  for (const auto& c : batch.coverages) {
    const auto& f = c.fields;
    t.coverages.add({c.id, c.organization_id, c.client_id, f.payer_kind, f.payer_name, text_or_null(f.member_id),
                     text_or_null(f.verified_on), flag(f.active), c.created_at, c.updated_at, integer(c.version)});
  }
  for (const auto& a : batch.authorizations) {
    const auto& f = a.fields;
    t.authorizations.add({a.id, a.organization_id, a.client_id, f.coverage_id, f.service, integer(f.units_approved),
                          integer(f.units_used), f.valid_from, f.valid_to, a.created_at, a.updated_at,
                          integer(a.version)});
  }
}

void add_case_work(Tables& t, const SyntheticBatch& batch) {
  for (const auto& c : batch.cases) {
    t.cases.add({c.id, c.organization_id, c.client_id, c.program_id, text_or_null(c.case_manager_id),
                 std::string(case_status_name(c.status)), c.opened_at, c.status_changed_at,
                 text_or_null(c.closed_reason), text_or_null(c.closed_outcome), flag(c.restricted), integer(c.version),
                 c.opened_at, c.status_changed_at});
    for (const auto& change : c.history) {
      t.history.add({c.id, text_or_null(change.from), change.to, change.at, text_or_null(change.by_user_id),
                     text_or_null(change.reason)});
    }
  }
  for (const auto& r : batch.referrals) {
    const auto& f = r.fields;
    t.referrals.add({r.id,
                     r.organization_id,
                     f.client_id,
                     f.program_id,
                     f.source,
                     f.referrer_name,
                     text_or_null(f.referrer_contact),
                     f.reason,
                     f.priority,
                     f.received_at,
                     r.status,
                     text_or_null(r.triage_note),
                     text_or_null(r.case_id),
                     text_or_null(r.case_manager_id),
                     text_or_null(r.assigned_at),
                     text_or_null(r.first_contact_at),
                     text_or_null(r.first_contact_method),
                     text_or_null(r.decline_reason),
                     r.created_by,
                     r.created_at,
                     integer(r.version)});
  }
  for (const auto& a : batch.appointments) {
    const auto& f = a.fields;
    t.appointments.add({a.id, a.organization_id, a.client_id, a.case_id, f.staff_id, f.kind, f.starts_at, f.ends_at,
                        text_or_null(f.location), flag(f.transport_arranged), text_or_null(f.transport_details),
                        text_or_null(f.interpreter_language), flag(f.interpreter_arranged), a.status,
                        text_or_null(a.outcome_at), a.created_by, a.created_at, integer(a.version),
                        optional_integer(f.cost_cents)});
  }
  for (const auto& n : batch.notes) {
    const auto& f = n.fields;
    const auto& s = f.sections;
    t.notes.add({n.id,
                 n.organization_id,
                 n.client_id,
                 n.case_id,
                 n.author_id,
                 f.contact_type,
                 f.service_at,
                 n.written_at,
                 text_or_null(f.appointment_id),
                 f.body,
                 text_or_null(s.purpose),
                 text_or_null(s.observations),
                 text_or_null(s.interventions),
                 text_or_null(s.client_response),
                 text_or_null(s.plan),
                 n.status,
                 text_or_null(n.signed_at),
                 flag(n.late),
                 flag(n.cosign_required),
                 text_or_null(n.cosigned_at),
                 text_or_null(n.cosigned_by),
                 integer(n.version)});
  }
  for (const auto& r : batch.referrals_out) {
    const auto& f = r.fields;
    t.referrals_out.add({r.id,
                         r.organization_id,
                         r.client_id,
                         r.case_id,
                         f.provider_name,
                         text_or_null(f.provider_contact),
                         f.service,
                         f.reason,
                         r.status,
                         r.created_at,
                         text_or_null(r.sent_at),
                         text_or_null(r.responded_at),
                         text_or_null(r.decline_reason),
                         text_or_null(r.completed_at),
                         text_or_null(r.outcome),
                         text_or_null(r.followed_up_at),
                         text_or_null(r.follow_up_note),
                         text_or_null(r.cancel_reason),
                         r.created_by,
                         integer(r.version),
                         optional_integer(f.cost_cents)});
  }
  for (const auto& i : batch.incidents) {
    const auto& f = i.fields;
    t.incidents.add({i.id, i.organization_id, i.client_id, i.case_id, f.occurred_at, f.type, f.severity, f.description,
                     flag(f.emergency_services_contacted), text_or_null(f.actions), i.reported_at, i.reported_by,
                     i.status, text_or_null(i.documented_at), flag(i.late), integer(i.version)});
  }
  for (const auto& r : batch.plan_reviews) {
    t.plan_reviews.add({r.id, r.organization_id, r.client_id, r.case_id, r.reviewed_at, r.reviewed_by, r.summary});
  }
  for (const auto& [d, early] : batch.discharges) {
    const auto& f = d.fields;
    const auto& c = d.check_in;
    t.discharges.add({d.id, d.organization_id, d.client_id, d.case_id, f.discharged_at, f.destination,
                      text_or_null(f.destination_details), text_or_null(f.services_arranged),
                      flag(f.family_education_done), text_or_null(f.notes), c ? SqlValue{c->at} : SqlValue{nullptr},
                      c ? SqlValue{c->by} : SqlValue{nullptr}, c ? flag(c->health_status_changed) : SqlValue{nullptr},
                      c ? integer(c->satisfaction) : SqlValue{nullptr}, c ? text_or_null(c->notes) : SqlValue{nullptr},
                      d.created_by, d.created_at, flag(early), integer(d.version)});
  }
  for (const auto& [organization_id, discharge_id, r, recorded_by, recorded_at] : batch.readmissions) {
    t.readmissions.add({r.id, organization_id, discharge_id, r.admitted_at, r.facility, r.reason,
                        integer(r.days_after_discharge), flag(r.within_30_days), recorded_by, recorded_at});
  }
}

void add_clinical_records(Tables& t, const SyntheticBatch& batch) {
  for (const auto& [a, sequence] : batch.assessments) {
    const auto& s = a.score;
    t.assessments.add({a.id, a.organization_id, a.client_id, text_or_null(a.case_id), a.instrument_id,
                       a.instrument_version, a.instrument_title,
                       s.total ? SqlValue{std::int64_t{*s.total}} : SqlValue{nullptr}, text_or_null(s.result_code),
                       text_or_null(s.result_display), a.completed_at, a.completed_by, text_or_null(a.replaces_id),
                       text_or_null(a.superseded_by), a.root_id, integer(sequence), integer(a.version)});
    for (std::size_t i = 0; i < s.answers.size(); ++i) {
      const auto& answer = s.answers[i];
      t.answers.add({a.id, integer(static_cast<std::int64_t>(i)), answer.link_id, answer.value, answer.display,
                     answer.points ? SqlValue{std::int64_t{*answer.points}} : SqlValue{nullptr}});
    }
    for (std::size_t i = 0; i < s.flags.size(); ++i) {
      const auto& f = s.flags[i];
      t.flags.add({a.id, integer(static_cast<std::int64_t>(i)), f.code, f.display,
                   std::string(flag_action_name(f.action)), text_or_null(f.need)});
    }
  }
  for (std::size_t i = 0; i < batch.care_plans.size(); ++i) {
    const auto& p = batch.care_plans[i];
    const auto text = care_plan_json_text(p.content);
    const auto& a = p.agreement;
    t.care_plans.add({p.case_id, p.organization_id, p.client_id, integer(p.version), text, p.updated_at, p.updated_by,
                      a ? integer(a->version) : SqlValue{nullptr}, a ? SqlValue{a->kind} : SqlValue{nullptr},
                      a ? SqlValue{a->name} : SqlValue{nullptr}, a ? SqlValue{a->at} : SqlValue{nullptr},
                      a ? SqlValue{a->recorded_by} : SqlValue{nullptr}});
    const std::string note = i < batch.care_plan_notes.size() ? batch.care_plan_notes[i] : std::string();
    t.plan_versions.add({p.case_id, integer(p.version), text, p.updated_at, p.updated_by, text_or_null(note)});
    for (const auto& goal : p.content.goals) {
      t.plan_goals.add(
          {p.case_id, goal.id, p.organization_id, goal.due_date, goal.status, flag(goal_is_measurable(goal))});
    }
  }
  for (const auto& k : batch.tasks) {
    const auto& f = k.fields;
    t.tasks.add({k.id, k.organization_id, f.title, text_or_null(f.details), f.due_at, f.priority, f.assignee_id,
                 text_or_null(f.client_id), text_or_null(f.case_id), k.status, text_or_null(k.rule),
                 text_or_null(k.source_id), k.created_by, k.created_at, text_or_null(k.completed_at),
                 text_or_null(k.completed_by), integer(k.version)});
  }
}

}  // namespace

std::int64_t SyntheticBatch::row_count() const {
  std::int64_t rows = 0;
  auto count = [&](const auto& records) { rows += static_cast<std::int64_t>(records.size()); };
  count(organizations);
  count(programs);
  count(users);
  count(clients);
  count(care_team);
  count(contacts);
  count(coverages);
  count(authorizations);
  count(cases);
  count(referrals);
  count(appointments);
  count(notes);
  count(referrals_out);
  count(incidents);
  count(plan_reviews);
  count(discharges);
  count(readmissions);
  count(assessments);
  count(tasks);
  for (const auto& c : clients) count(c.client.fields.identifiers);
  for (const auto& c : cases) count(c.history);
  for (const auto& a : assessments) {
    count(a.assessment.score.answers);
    count(a.assessment.score.flags);
  }
  for (const auto& p : care_plans) {
    rows += 2;  // the plan and its version
    count(p.content.goals);
  }
  return rows;
}

void SyntheticBatch::clear() {
  *this = SyntheticBatch{};
}

Result<std::unique_ptr<SyntheticLoader>> SyntheticLoader::open(const std::string& database, const OpenOptions& options,
                                                               std::int64_t cache_mib) {
  CB_TRY_ASSIGN(store, open_store(database, options));
  std::unique_ptr<SqlConnection> bulk;
  if (is_postgres_url(database)) {
    CB_TRY_ASSIGN(connection, PgConnection::open(database));
    bulk = std::move(connection);
  } else {
    CB_TRY_ASSIGN(connection, SqliteConnection::open(database, SqliteAccess::ReadWrite));
    // A setting of this connection alone; it changes nothing that is stored.
    CB_TRY(connection->execute_script("PRAGMA cache_size = -" + std::to_string(cache_mib * 1024)));
    bulk = std::move(connection);
  }
  return std::unique_ptr<SyntheticLoader>(new SyntheticLoader(std::move(store), std::move(bulk)));
}

Result<std::int64_t> SyntheticLoader::write(const SyntheticBatch& batch, const Actor& actor, Timestamp now) {
  Tables tables;
  add_people(tables, batch);
  add_clients(tables, batch);
  add_case_work(tables, batch);
  add_clinical_records(tables, batch);
  const auto* store = dynamic_cast<const SqlStore*>(store_.get());
  if (!store) return fail(internal_error("the synthetic loader needs the SQL store"));
  const auto rows = batch.row_count();
  const auto detail = "rows=" + std::to_string(rows) + "; users=" + std::to_string(batch.users.size()) +
                      "; clients=" + std::to_string(batch.clients.size()) +
                      "; cases=" + std::to_string(batch.cases.size()) + "; notes=" + std::to_string(batch.notes.size());
  // The batch and its audit event commit together: no rows without their entry in the trail.
  CB_TRY(bulk_->begin(TransactionKind::Write));
  auto written = tables.flush(*bulk_);
  if (written)
    written = store->append_audit_in(*bulk_, actor, {"synthetic.load", "synthetic", {}, {}, "success", detail}, now);
  if (!written) {
    bulk_->rollback();
    return fail(std::move(written.error()));
  }
  CB_TRY(bulk_->commit());
  return rows;
}

}  // namespace caseboard::store
