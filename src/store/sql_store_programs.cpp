// Programs of an organization.
#include "security/random_id.hpp"
#include "store/sql_store.hpp"

namespace caseboard::store {
namespace {

constexpr std::string_view kProgramColumns =
    "id, version, organization_id, name, description, active, created_at, updated_at, notes_need_cosign, "
    "first_contact_hours, referral_follow_up_hours, note_hours, incident_hours, plan_review_days, event_review_days, "
    "check_in_hours, early_check_in_hours, eligibility_days";
// The clock rule columns, in kClockRuleSettings order, from this column on.
constexpr std::size_t kFirstRuleColumn = 9;

Program program_from_row(const SqlRow& row) {
  Program program;
  program.id = row.text(0);
  program.version = row.integer(1);
  program.organization_id = row.text(2);
  program.fields.name = row.text(3);
  program.fields.description = row.text(4);
  program.fields.active = row.boolean(5);
  program.created_at = row.text(6);
  program.updated_at = row.text(7);
  program.fields.notes_need_cosign = row.boolean(8);
  for (std::size_t i = 0; i < kClockRuleSettings.size(); ++i) {
    program.fields.clock_rules.*kClockRuleSettings[i].value = static_cast<int>(row.integer(kFirstRuleColumn + i));
  }
  return program;
}

Result<std::optional<Program>> load_program(SqlConnection& connection, std::string_view organization_id,
                                            std::string_view program_id) {
  const SqlValue params[] = {std::string(program_id), std::string(organization_id)};
  return query_one(connection,
                   "SELECT " + std::string(kProgramColumns) + " FROM programs WHERE id = ? AND organization_id = ?",
                   params, program_from_row);
}

// "first_contact_hours = ?, ..." and the values, for the program's settings beyond name and description.
std::string settings_assignments(const ProgramFields& fields, std::vector<SqlValue>& values) {
  std::string sql = "notes_need_cosign = ?";
  values.emplace_back(std::int64_t{fields.notes_need_cosign ? 1 : 0});
  for (const auto& setting : kClockRuleSettings) {
    sql += ", " + std::string(setting.name) + " = ?";
    values.emplace_back(std::int64_t{fields.clock_rules.*setting.value});
  }
  return sql;
}

Error name_taken() {
  return make_error(ErrorCode::AlreadyExists, "a program with this name already exists", "name");
}

}  // namespace

Result<Program> SqlStore::create_program(const Actor& actor, ProgramFields fields, Timestamp now) {
  Program program;
  program.id = security::random_id("prg");
  program.version = 1;
  program.organization_id = actor.organization_id;
  program.fields = std::move(fields);
  program.created_at = program.updated_at = format_timestamp(now);
  return write([&](SqlConnection& connection) -> Result<Program> {
    const SqlValue params[] = {program.id,
                               program.organization_id,
                               program.fields.name,
                               text_or_null(program.fields.description),
                               std::int64_t{program.fields.active ? 1 : 0},
                               std::int64_t{1},
                               program.created_at,
                               program.updated_at};
    auto inserted = connection.execute(
        "INSERT INTO programs (id, organization_id, name, description, active, version, created_at, updated_at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        params);
    if (!inserted) {
      return fail(inserted.error().code == ErrorCode::AlreadyExists ? name_taken() : std::move(inserted.error()));
    }
    std::vector<SqlValue> settings;
    const auto assignments = settings_assignments(program.fields, settings);
    settings.emplace_back(program.id);
    CB_TRY(connection.execute("UPDATE programs SET " + assignments + " WHERE id = ?", settings));
    CB_TRY(append_audit(connection, actor, {"program.create", "program", program.id, {}}, now));
    return program;
  });
}

Result<Program> SqlStore::get_program(const Actor& actor, std::string_view program_id) {
  return read([&](SqlConnection& connection) -> Result<Program> {
    CB_TRY_ASSIGN(program, load_program(connection, actor.organization_id, program_id));
    if (!program) return fail(not_found("program"));
    return *program;
  });
}

Result<std::vector<Program>> SqlStore::list_programs(const Actor& actor) {
  return read([&](SqlConnection& connection) -> Result<std::vector<Program>> {
    const SqlValue params[] = {actor.organization_id};
    CB_TRY_ASSIGN(rows, connection.query("SELECT " + std::string(kProgramColumns) +
                                             " FROM programs WHERE organization_id = ? ORDER BY name, id",
                                         params));
    std::vector<Program> programs;
    for (const auto& row : rows) programs.push_back(program_from_row(row));
    return programs;
  });
}

Result<Program> SqlStore::update_program(const Actor& actor, std::string_view program_id, std::int64_t expected_version,
                                         const Change<ProgramFields>& change, Timestamp now) {
  return write([&](SqlConnection& connection) -> Result<Program> {
    CB_TRY_ASSIGN(stored, load_program(connection, actor.organization_id, program_id));
    if (!stored) return fail(not_found("program"));
    if (stored->version != expected_version) {
      return fail(stale_version("program", expected_version, stored->version));
    }
    CB_TRY_ASSIGN(fields, change(stored->fields));
    Program program = *stored;
    program.fields = std::move(fields);
    program.version += 1;
    program.updated_at = format_timestamp(now);
    const SqlValue params[] = {program.fields.name,
                               text_or_null(program.fields.description),
                               std::int64_t{program.fields.active ? 1 : 0},
                               program.version,
                               program.updated_at,
                               program.id,
                               expected_version};
    auto updated = connection.execute(
        "UPDATE programs SET name = ?, description = ?, active = ?, version = ?, updated_at = ? "
        "WHERE id = ? AND version = ?",
        params);
    if (!updated) {
      return fail(updated.error().code == ErrorCode::AlreadyExists ? name_taken() : std::move(updated.error()));
    }
    CB_TRY(expect_one_row(updated, "program", expected_version));
    std::vector<SqlValue> settings;
    const auto assignments = settings_assignments(program.fields, settings);
    settings.emplace_back(program.id);
    CB_TRY(connection.execute("UPDATE programs SET " + assignments + " WHERE id = ?", settings));
    CB_TRY(append_audit(connection, actor, {"program.update", "program", program.id, {}}, now));
    return program;
  });
}

}  // namespace caseboard::store
