#include "store/sqlite/sqlite_connection.hpp"

#include <sqlite3.h>

#include <string>

namespace caseboard::store {
namespace {

// Resets a cached statement when a call is done with it, whatever way it returns.
struct StatementReset {
  sqlite3_stmt* statement;
  ~StatementReset() {
    sqlite3_reset(statement);
    sqlite3_clear_bindings(statement);
  }
};

}  // namespace

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path, SqliteAccess access) {
  sqlite3* handle = nullptr;
  const int flags = access == SqliteAccess::ReadWrite ? SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX
                                                      : SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX;
  const int code = sqlite3_open_v2(path.c_str(), &handle, flags, nullptr);
  if (code != SQLITE_OK) {
    Error error = make_error(ErrorCode::Unavailable, "the database cannot be opened");
    error.internal_message =
        "sqlite3_open_v2(" + path + "): " + (handle ? sqlite3_errmsg(handle) : sqlite3_errstr(code));
    sqlite3_close(handle);
    return fail(std::move(error));
  }
  std::unique_ptr<SqliteConnection> connection(new SqliteConnection(handle));
  sqlite3_extended_result_codes(handle, 1);
  // WAL lets readers run beside the one writer; FULL sync makes each commit durable.
  const char* settings = access == SqliteAccess::ReadWrite
                             ? "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;"
                               "PRAGMA busy_timeout=5000;"
                             : "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA query_only=ON;";
  CB_TRY(connection->execute_script(settings));
  return connection;
}

SqliteConnection::~SqliteConnection() {
  for (auto& [sql, statement] : statements_) sqlite3_finalize(statement);
  sqlite3_close(handle_);
}

Error SqliteConnection::error_from(int code, std::string_view context) const {
  std::string detail = std::string(context) + ": " + sqlite3_errmsg(handle_);
  if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY) {
    Error error = make_error(ErrorCode::AlreadyExists, "the record already exists");
    error.internal_message = detail;
    return error;
  }
  if (code == SQLITE_BUSY || code == SQLITE_LOCKED || (code & 0xFF) == SQLITE_BUSY) {
    Error error = make_error(ErrorCode::Unavailable, "the database is busy; try again");
    error.internal_message = detail;
    return error;
  }
  return internal_error(detail);
}

Result<sqlite3_stmt*> SqliteConnection::prepare(std::string_view sql, std::span<const SqlValue> params) {
  auto cached = statements_.find(std::string(sql));
  sqlite3_stmt* statement = nullptr;
  if (cached != statements_.end()) {
    statement = cached->second;
  } else {
    const int code = sqlite3_prepare_v2(handle_, sql.data(), static_cast<int>(sql.size()), &statement, nullptr);
    if (code != SQLITE_OK) return fail(error_from(code, "prepare: " + std::string(sql)));
    statements_.emplace(std::string(sql), statement);
  }
  for (std::size_t i = 0; i < params.size(); ++i) {
    const int index = static_cast<int>(i + 1);
    int code = SQLITE_OK;
    if (std::holds_alternative<std::nullptr_t>(params[i])) {
      code = sqlite3_bind_null(statement, index);
    } else if (auto* number = std::get_if<std::int64_t>(&params[i])) {
      code = sqlite3_bind_int64(statement, index, *number);
    } else {
      const auto& text = std::get<std::string>(params[i]);
      code = sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
    if (code != SQLITE_OK) return fail(error_from(code, "bind"));
  }
  return statement;
}

Result<std::vector<SqlRow>> SqliteConnection::query(std::string_view sql, std::span<const SqlValue> params) {
  CB_TRY_ASSIGN(statement, prepare(sql, params));
  StatementReset reset{statement};
  std::vector<SqlRow> rows;
  const int columns = sqlite3_column_count(statement);
  while (true) {
    const int code = sqlite3_step(statement);
    if (code == SQLITE_DONE) break;
    if (code != SQLITE_ROW) return fail(error_from(code, "step: " + std::string(sql)));
    std::vector<std::optional<std::string>> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column) {
      if (sqlite3_column_type(statement, column) == SQLITE_NULL) {
        values.emplace_back(std::nullopt);
      } else {
        const auto* text = sqlite3_column_text(statement, column);
        const int size = sqlite3_column_bytes(statement, column);
        values.emplace_back(std::string(reinterpret_cast<const char*>(text), static_cast<std::size_t>(size)));
      }
    }
    rows.emplace_back(std::move(values));
  }
  return rows;
}

Result<std::int64_t> SqliteConnection::execute(std::string_view sql, std::span<const SqlValue> params) {
  CB_TRY_ASSIGN(statement, prepare(sql, params));
  StatementReset reset{statement};
  int code = sqlite3_step(statement);
  while (code == SQLITE_ROW) code = sqlite3_step(statement);
  if (code != SQLITE_DONE) return fail(error_from(code, "step: " + std::string(sql)));
  return static_cast<std::int64_t>(sqlite3_changes(handle_));
}

Result<void> SqliteConnection::execute_script(std::string_view sql) {
  char* message = nullptr;
  const int code = sqlite3_exec(handle_, std::string(sql).c_str(), nullptr, nullptr, &message);
  if (code != SQLITE_OK) {
    std::string detail = message ? message : sqlite3_errstr(code);
    sqlite3_free(message);
    return fail(error_from(code, "exec: " + detail));
  }
  return {};
}

Result<void> SqliteConnection::begin(TransactionKind kind) {
  // IMMEDIATE takes the write lock at once, so a write never fails half-way on a busy database.
  return execute_script(kind == TransactionKind::Write ? "BEGIN IMMEDIATE" : "BEGIN");
}

Result<void> SqliteConnection::commit() {
  return execute_script("COMMIT");
}

void SqliteConnection::rollback() noexcept {
  if (!sqlite3_get_autocommit(handle_)) sqlite3_exec(handle_, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace caseboard::store
