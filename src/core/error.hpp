// The one error type of Caseboard: a code chosen by Abseil's retry rule, an internal message for
// the log, a public message for the user, and the field at fault.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace caseboard {

enum class ErrorCode {
  MalformedRequest,      // 400: not JSON, wrong JSON type, unknown or missing field
  InvalidArgument,       // 422: a value out of range or badly formed
  Unauthenticated,       // 401
  PermissionDenied,      // 403
  NotFound,              // 404
  AlreadyExists,         // 409
  PossibleDuplicate,     // 409: needs an explicit confirmation
  FailedPrecondition,    // 409: illegal state change
  Aborted,               // 412: stale version
  PreconditionRequired,  // 428: an update without If-Match
  ResourceExhausted,     // 413 / 429
  UnsupportedMediaType,  // 415: a body that is not application/json
  Unavailable,           // 503
  Internal,              // 500
};

std::string_view error_code_name(ErrorCode code);

struct Error {
  ErrorCode code = ErrorCode::Internal;
  std::string public_message;              // safe to send to the user
  std::string internal_message;            // logged only; may name tables, SQL states, ids
  std::string field;                       // JSON path of the offending field, empty when none
  std::string existing_id;                 // AlreadyExists: the record that is already there
  std::vector<std::string> candidate_ids;  // PossibleDuplicate: the records that look the same
  struct Item {
    std::string kind;
    std::string id;
    std::string title;
  };
  std::vector<Item> open_items;  // FailedPrecondition of a closure: what is still open
};

Error make_error(ErrorCode code, std::string public_message, std::string field = {});
Error internal_error(std::string internal_message);

}  // namespace caseboard
