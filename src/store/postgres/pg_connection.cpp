#include "store/postgres/pg_connection.hpp"

#include <libpq-fe.h>

#include <memory>
#include <string>

namespace caseboard::store {
namespace {

using ResultHandle = std::unique_ptr<PGresult, decltype(&PQclear)>;

// "?" → "$n". Caseboard's SQL has no '?' inside literals, so a plain scan is exact.
std::string numbered_placeholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int number = 0;
  for (char c : sql) {
    if (c == '?') {
      out += '$';
      out += std::to_string(++number);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

Result<std::unique_ptr<PgConnection>> PgConnection::open(const std::string& url) {
  PGconn* handle = PQconnectdb(url.c_str());
  if (PQstatus(handle) != CONNECTION_OK) {
    Error error = make_error(ErrorCode::Unavailable, "the database server cannot be reached");
    error.internal_message = std::string("PQconnectdb: ") + PQerrorMessage(handle);
    PQfinish(handle);
    return fail(std::move(error));
  }
  std::unique_ptr<PgConnection> connection(new PgConnection(handle));
  CB_TRY(connection->execute_script("SET client_encoding = 'UTF8'; SET client_min_messages = warning"));
  return connection;
}

PgConnection::~PgConnection() {
  PQfinish(handle_);
}

Error PgConnection::error_from(PGresult* result, std::string_view context) const {
  std::string detail = std::string(context) + ": " + PQerrorMessage(handle_);
  if (PQstatus(handle_) != CONNECTION_OK) {
    Error error = make_error(ErrorCode::Unavailable, "the database server cannot be reached");
    error.internal_message = detail;
    return error;
  }
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  if (state && std::string_view(state) == "23505") {
    Error error = make_error(ErrorCode::AlreadyExists, "the record already exists");
    error.internal_message = detail;
    return error;
  }
  if (state && (std::string_view(state) == "40001" || std::string_view(state) == "40P01")) {
    Error error = make_error(ErrorCode::Unavailable, "the database is busy; try again");
    error.internal_message = detail;
    return error;
  }
  return internal_error(detail);
}

Result<PGresult*> PgConnection::run(std::string_view sql, std::span<const SqlValue> params) {
  if (PQstatus(handle_) != CONNECTION_OK) {
    // Never reconnect inside a transaction: the statements after it would run without one.
    return fail(error_from(nullptr, "connection lost"));
  }
  std::string key(sql);
  auto found = statement_names_.find(key);
  if (found == statement_names_.end()) {
    std::string name = "s" + std::to_string(statement_names_.size() + 1);
    ResultHandle prepared(PQprepare(handle_, name.c_str(), numbered_placeholders(sql).c_str(), 0, nullptr), PQclear);
    if (PQresultStatus(prepared.get()) != PGRES_COMMAND_OK) {
      return fail(error_from(prepared.get(), "prepare: " + key));
    }
    found = statement_names_.emplace(std::move(key), std::move(name)).first;
  }
  std::vector<std::string> texts(params.size());
  std::vector<const char*> values(params.size(), nullptr);
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (auto* number = std::get_if<std::int64_t>(&params[i])) {
      texts[i] = std::to_string(*number);
      values[i] = texts[i].c_str();
    } else if (auto* text = std::get_if<std::string>(&params[i])) {
      values[i] = text->c_str();
    }
  }
  PGresult* result = PQexecPrepared(handle_, found->second.c_str(), static_cast<int>(params.size()), values.data(),
                                    nullptr, nullptr, 0);
  const auto status = PQresultStatus(result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK) {
    Error error = error_from(result, "execute: " + found->first);
    PQclear(result);
    return fail(std::move(error));
  }
  return result;
}

Result<std::vector<SqlRow>> PgConnection::query(std::string_view sql, std::span<const SqlValue> params) {
  CB_TRY_ASSIGN(raw, run(sql, params));
  ResultHandle result(raw, PQclear);
  const int rows = PQntuples(raw);
  const int columns = PQnfields(raw);
  std::vector<SqlRow> out;
  out.reserve(static_cast<std::size_t>(rows));
  for (int row = 0; row < rows; ++row) {
    std::vector<std::optional<std::string>> values;
    values.reserve(static_cast<std::size_t>(columns));
    for (int column = 0; column < columns; ++column) {
      if (PQgetisnull(raw, row, column)) {
        values.emplace_back(std::nullopt);
      } else {
        values.emplace_back(
            std::string(PQgetvalue(raw, row, column), static_cast<std::size_t>(PQgetlength(raw, row, column))));
      }
    }
    out.emplace_back(std::move(values));
  }
  return out;
}

Result<std::int64_t> PgConnection::execute(std::string_view sql, std::span<const SqlValue> params) {
  CB_TRY_ASSIGN(raw, run(sql, params));
  ResultHandle result(raw, PQclear);
  const char* changed = PQcmdTuples(raw);
  return changed && *changed ? std::stoll(changed) : 0;
}

Result<void> PgConnection::execute_script(std::string_view sql) {
  ResultHandle result(PQexec(handle_, std::string(sql).c_str()), PQclear);
  const auto status = PQresultStatus(result.get());
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) return fail(error_from(result.get(), "exec"));
  return {};
}

Result<void> PgConnection::begin(TransactionKind kind) {
  if (PQstatus(handle_) != CONNECTION_OK) {
    // The server restarted or the link dropped since the last use: reconnect before starting;
    // the prepared statements died with the old session.
    PQreset(handle_);
    statement_names_.clear();
    if (PQstatus(handle_) != CONNECTION_OK) return fail(error_from(nullptr, "reconnect"));
    CB_TRY(execute_script("SET client_encoding = 'UTF8'; SET client_min_messages = warning"));
  }
  // Writes stay READ COMMITTED (every update is guarded by its version); reads see one snapshot.
  CB_TRY(execute_script(kind == TransactionKind::Write ? "BEGIN" : "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
  in_transaction_ = true;
  return {};
}

Result<void> PgConnection::commit() {
  in_transaction_ = false;
  return execute_script("COMMIT");
}

void PgConnection::rollback() noexcept {
  if (!in_transaction_) return;
  in_transaction_ = false;
  PQclear(PQexec(handle_, "ROLLBACK"));
}

}  // namespace caseboard::store
