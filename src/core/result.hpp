// Result<T>: a value or an Error. The one place that names tl::expected, so moving to
// std::expected is a one-file change.
#pragma once

#include <tl/expected.hpp>

#include "core/error.hpp"

namespace caseboard {

template <class T>
using Result = tl::expected<T, Error>;

using Unexpected = tl::unexpected<Error>;

inline Unexpected fail(Error error) {
  return Unexpected(std::move(error));
}
inline Unexpected fail(ErrorCode code, std::string public_message, std::string field = {}) {
  return Unexpected(make_error(code, std::move(public_message), std::move(field)));
}

}  // namespace caseboard

// Evaluates a Result<T> expression; on error returns it from the enclosing function, otherwise
// binds the value to `name`.
#define CB_TRY_ASSIGN(name, expression)                                             \
  auto name##_result_ = (expression);                                               \
  if (!name##_result_) return ::caseboard::fail(std::move(name##_result_.error())); \
  auto name = std::move(*name##_result_)

// Evaluates a Result<void> expression and returns its error, if any, from the enclosing function.
#define CB_TRY(expression)                                                            \
  do {                                                                                \
    auto cb_try_result_ = (expression);                                               \
    if (!cb_try_result_) return ::caseboard::fail(std::move(cb_try_result_.error())); \
  } while (false)
