// The SQLite adapter: one sqlite3 handle in WAL mode with foreign keys on, a busy timeout and
// FULL sync, with a cache of prepared statements.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql_connection.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace caseboard::store {

enum class SqliteAccess { ReadWrite, ReadOnly };

class SqliteConnection final : public SqlConnection {
 public:
  // Opens (creating when ReadWrite) the database file; Unavailable when it cannot be opened.
  [[nodiscard]] static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path, SqliteAccess access);
  ~SqliteConnection() override;

  Dialect dialect() const override { return Dialect::SQLite; }
  Result<std::vector<SqlRow>> query(std::string_view sql, std::span<const SqlValue> params) override;
  Result<std::int64_t> execute(std::string_view sql, std::span<const SqlValue> params) override;
  Result<void> execute_script(std::string_view sql) override;
  Result<void> begin(TransactionKind kind) override;
  Result<void> commit() override;
  void rollback() noexcept override;

 private:
  explicit SqliteConnection(sqlite3* handle) : handle_(handle) {}
  Result<sqlite3_stmt*> prepare(std::string_view sql, std::span<const SqlValue> params);
  Error error_from(int code, std::string_view context) const;

  sqlite3* handle_;
  std::unordered_map<std::string, sqlite3_stmt*> statements_;
};

}  // namespace caseboard::store
