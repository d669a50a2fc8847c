#include "store/migrations.hpp"

#include <chrono>

#include "core/calendar.hpp"

namespace caseboard::store {

Result<int> apply_migrations(SqlConnection& connection) {
  const bool postgres = connection.dialect() == Dialect::PostgreSQL;
  const auto& migrations = postgres ? postgres_migrations() : sqlite_migrations();
  CB_TRY(connection.begin(TransactionKind::Write));
  // All pending migrations in one transaction: a failure leaves the schema as it was.
  auto run = [&]() -> Result<int> {
    // Two servers starting at once on PostgreSQL: the lock makes the second wait, even for the
    // creation of the bookkeeping table. SQLite's BEGIN IMMEDIATE already serialises.
    if (postgres) CB_TRY(connection.execute_script("SELECT pg_advisory_xact_lock(7316001)"));
    CB_TRY(connection.execute_script(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
        "applied_at TEXT NOT NULL)"));
    CB_TRY_ASSIGN(newest, connection.query("SELECT COALESCE(MAX(version), 0) FROM schema_migrations", {}));
    const auto current = newest.at(0).integer(0);
    if (current > migrations.back().version) {
      return fail(ErrorCode::FailedPrecondition,
                  "the database was made by a newer Caseboard (schema version " + std::to_string(current) + ")");
    }
    int applied = 0;
    const auto now = std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    for (const auto& migration : migrations) {
      if (migration.version <= current) continue;
      CB_TRY(connection.execute_script(migration.sql));
      const SqlValue params[] = {std::int64_t{migration.version}, std::string(migration.name), format_timestamp(now)};
      CB_TRY(connection.execute("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)", params));
      ++applied;
    }
    return applied;
  };
  auto applied = run();
  if (!applied) {
    connection.rollback();
    return applied;
  }
  if (auto committed = connection.commit(); !committed) {
    connection.rollback();
    return fail(std::move(committed.error()));
  }
  return applied;
}

}  // namespace caseboard::store
