#include "store/sql_connection.hpp"

#include <charconv>

namespace caseboard::store {

SqlValue text_or_null(const std::string& text) {
  if (text.empty()) return nullptr;
  return text;
}

const std::string& SqlRow::text(std::size_t column) const {
  static const std::string kEmpty;
  const auto& value = values_.at(column);
  return value ? *value : kEmpty;
}

std::int64_t SqlRow::integer(std::size_t column) const {
  const auto& value = values_.at(column);
  if (!value) return 0;
  std::int64_t number = 0;
  std::from_chars(value->data(), value->data() + value->size(), number);
  return number;
}

}  // namespace caseboard::store
