// One database connection, as the SQL store sees it: parameterised statements in, text rows out.
// The SQLite and PostgreSQL adapters implement it; SQL is written once with `?` placeholders.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.hpp"

namespace caseboard::store {

enum class Dialect { SQLite, PostgreSQL };

using SqlValue = std::variant<std::nullptr_t, std::int64_t, std::string>;

// Empty text is stored as NULL: optional text fields have one "absent" form.
SqlValue text_or_null(const std::string& text);

class SqlRow {
 public:
  explicit SqlRow(std::vector<std::optional<std::string>> values) : values_(std::move(values)) {}
  const std::string& text(std::size_t column) const;  // "" for NULL
  std::int64_t integer(std::size_t column) const;     // 0 for NULL
  bool boolean(std::size_t column) const { return integer(column) != 0; }
  bool is_null(std::size_t column) const { return !values_.at(column).has_value(); }

 private:
  std::vector<std::optional<std::string>> values_;
};

enum class TransactionKind { ReadOnly, Write };

class SqlConnection {
 public:
  virtual ~SqlConnection() = default;
  virtual Dialect dialect() const = 0;

  // Runs one statement. A unique-constraint violation is AlreadyExists (internal message names the
  // constraint); a lost connection is Unavailable; anything else Internal.
  [[nodiscard]] virtual Result<std::vector<SqlRow>> query(std::string_view sql, std::span<const SqlValue> params) = 0;
  // Runs one statement and returns the number of rows it changed.
  [[nodiscard]] virtual Result<std::int64_t> execute(std::string_view sql, std::span<const SqlValue> params) = 0;
  // Runs several statements separated by ';' with no parameters (migrations).
  [[nodiscard]] virtual Result<void> execute_script(std::string_view sql) = 0;

  [[nodiscard]] virtual Result<void> begin(TransactionKind kind) = 0;
  [[nodiscard]] virtual Result<void> commit() = 0;
  virtual void rollback() noexcept = 0;
};

}  // namespace caseboard::store
