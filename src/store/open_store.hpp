// Opens the database named on the command line — a SQLite file path or a postgresql:// URL —
// and brings its schema up to date.
#pragma once

#include <memory>
#include <string>

#include "store/store.hpp"

namespace caseboard::store {

struct OpenOptions {
  int connections = 4;  // readers for SQLite (plus one writer); the pool size for PostgreSQL
  bool apply_migrations = true;
  // The audit chain's key file. Empty: CASEBOARD_AUDIT_KEY_FILE, else "<sqlite file>.audit-key"
  // beside a SQLite database, else ./caseboard-audit.key for PostgreSQL.
  std::string audit_key_path;
  bool create_audit_key = true;  // false: a missing key file is an error (verification)
};

// Where the audit key of `database` is kept, following the rules above.
std::string audit_key_path_for(const std::string& database, const std::string& configured);

bool is_postgres_url(std::string_view database);

[[nodiscard]] Result<std::unique_ptr<Store>> open_store(const std::string& database, const OpenOptions& options);

// Applies pending migrations and returns how many were applied.
[[nodiscard]] Result<int> migrate_database(const std::string& database);

}  // namespace caseboard::store
