// The PostgreSQL adapter: one libpq connection with a cache of prepared statements. SQL arrives
// with `?` placeholders and is rewritten to $1, $2... once, when first prepared.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include "store/sql_connection.hpp"

struct pg_conn;
struct pg_result;

namespace caseboard::store {

class PgConnection final : public SqlConnection {
 public:
  // Connects with a postgresql:// URL; Unavailable when the server cannot be reached.
  [[nodiscard]] static Result<std::unique_ptr<PgConnection>> open(const std::string& url);
  ~PgConnection() override;

  Dialect dialect() const override { return Dialect::PostgreSQL; }
  Result<std::vector<SqlRow>> query(std::string_view sql, std::span<const SqlValue> params) override;
  Result<std::int64_t> execute(std::string_view sql, std::span<const SqlValue> params) override;
  Result<void> execute_script(std::string_view sql) override;
  Result<void> begin(TransactionKind kind) override;
  Result<void> commit() override;
  void rollback() noexcept override;

 private:
  explicit PgConnection(pg_conn* handle) : handle_(handle) {}
  // Prepares (once) and runs the statement; the caller owns the returned result.
  Result<pg_result*> run(std::string_view sql, std::span<const SqlValue> params);
  Error error_from(pg_result* result, std::string_view context) const;

  pg_conn* handle_;
  std::unordered_map<std::string, std::string> statement_names_;
  bool in_transaction_ = false;
};

}  // namespace caseboard::store
