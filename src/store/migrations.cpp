#include "store/migrations.hpp"

#include <chrono>

#include "core/calendar.hpp"

namespace caseboard::store {

Result<int> apply_migrations(SqlConnection& connection) {
  const bool postgres = connection.dialect() == Dialect::PostgreSQL;
  const auto& migrations = postgres ? postgres_migrations() : sqlite_migrations();
  CB_TRY(connection.execute_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
      "applied_at TEXT NOT NULL)"));
  int applied = 0;
  for (const auto& migration : migrations) {
    CB_TRY(connection.begin(TransactionKind::Write));
    auto step = [&]() -> Result<bool> {
      // Two servers starting at once on PostgreSQL: the advisory lock makes the second wait.
      if (postgres) CB_TRY(connection.execute_script("SELECT pg_advisory_xact_lock(7316001)"));
      CB_TRY_ASSIGN(newest, connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {}));
      const auto current = newest.at(0).integer(0);
      if (current > migrations.back().version) {
        return fail(ErrorCode::FailedPrecondition,
                    "the database was made by a newer Caseboard (schema version " + std::to_string(current) + ")");
      }
      if (current >= migration.version) return false;
      CB_TRY(connection.execute_script(migration.sql));
      const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
      const SqlValue params[] = {std::int64_t{migration.version}, std::string(migration.name), format_timestamp(now)};
      CB_TRY(connection.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", params));
      return true;
    };
    auto done = step();
    if (!done) {
      connection.rollback();
      return fail(std::move(done.error()));
    }
    CB_TRY(connection.commit());
    if (*done) ++applied;
  }
  return applied;
}

}  // namespace caseboard::store
