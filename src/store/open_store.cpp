#include "store/open_store.hpp"

#include <cstdlib>

#include "store/migrations.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sql_store.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace caseboard::store {
namespace {

Result<std::unique_ptr<SqlConnection>> connect(const std::string& database, SqliteAccess access) {
  if (is_postgres_url(database)) {
    CB_TRY_ASSIGN(connection, PgConnection::open(database));
    return std::unique_ptr<SqlConnection>(std::move(connection));
  }
  CB_TRY_ASSIGN(connection, SqliteConnection::open(database, access));
  return std::unique_ptr<SqlConnection>(std::move(connection));
}

}  // namespace

std::string audit_key_path_for(const std::string& database, const std::string& configured) {
  if (!configured.empty()) return configured;
  if (const char* from_environment = std::getenv("CASEBOARD_AUDIT_KEY_FILE"); from_environment && *from_environment) {
    return from_environment;
  }
  return is_postgres_url(database) ? "caseboard-audit.key" : database + ".audit-key";
}

bool is_postgres_url(std::string_view database) {
  return database.starts_with("postgresql://") || database.starts_with("postgres://");
}

Result<int> migrate_database(const std::string& database) {
  CB_TRY_ASSIGN(connection, connect(database, SqliteAccess::ReadWrite));
  return apply_migrations(*connection);
}

Result<std::unique_ptr<Store>> open_store(const std::string& database, const OpenOptions& options) {
  const bool postgres = is_postgres_url(database);
  CB_TRY_ASSIGN(audit_key, security::ServerKey::load_or_create(
                               audit_key_path_for(database, options.audit_key_path),
                               options.create_audit_key ? security::MissingKey::Create : security::MissingKey::Refuse));
  CB_TRY_ASSIGN(first, connect(database, SqliteAccess::ReadWrite));
  if (options.apply_migrations) CB_TRY(apply_migrations(*first));
  const int count = options.connections < 1 ? 1 : options.connections;

  std::vector<std::unique_ptr<SqlConnection>> writers;
  writers.push_back(std::move(first));
  if (postgres) {
    for (int i = 1; i < count; ++i) {
      CB_TRY_ASSIGN(connection, connect(database, SqliteAccess::ReadWrite));
      writers.push_back(std::move(connection));
    }
    auto pool = std::make_shared<ConnectionPool>(std::move(writers));
    return std::unique_ptr<Store>(std::make_unique<SqlStore>(Dialect::PostgreSQL, pool, pool, audit_key));
  }
  // SQLite has one writer at a time whatever we do; readers run beside it in WAL mode.
  std::vector<std::unique_ptr<SqlConnection>> readers;
  for (int i = 0; i < count; ++i) {
    CB_TRY_ASSIGN(connection, connect(database, SqliteAccess::ReadOnly));
    readers.push_back(std::move(connection));
  }
  return std::unique_ptr<Store>(
      std::make_unique<SqlStore>(Dialect::SQLite, std::make_shared<ConnectionPool>(std::move(writers)),
                                 std::make_shared<ConnectionPool>(std::move(readers)), audit_key));
}

}  // namespace caseboard::store
