// Versioned schema migrations: numbered .sql files per dialect, embedded at build time, applied in
// order by `caseboard migrate` and at every start-up. Applied versions are kept in
// schema_migrations; a database newer than the binary is refused.
#pragma once

#include <string_view>
#include <vector>

#include "store/sql_connection.hpp"

namespace caseboard::store {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

const std::vector<Migration>& sqlite_migrations();
const std::vector<Migration>& postgres_migrations();

// Applies every migration newer than the database, each in its own transaction. Returns the
// number applied. FailedPrecondition when the database has a version this binary does not know.
[[nodiscard]] Result<int> apply_migrations(SqlConnection& connection);

}  // namespace caseboard::store
