#include "core/error.hpp"

namespace caseboard {

std::string_view error_code_name(ErrorCode code) {
  switch (code) {
    case ErrorCode::MalformedRequest: return "malformed_request";
    case ErrorCode::InvalidArgument: return "invalid_argument";
    case ErrorCode::Unauthenticated: return "unauthenticated";
    case ErrorCode::PermissionDenied: return "permission_denied";
    case ErrorCode::NotFound: return "not_found";
    case ErrorCode::AlreadyExists: return "already_exists";
    case ErrorCode::PossibleDuplicate: return "possible_duplicate";
    case ErrorCode::FailedPrecondition: return "failed_precondition";
    case ErrorCode::Aborted: return "aborted";
    case ErrorCode::PreconditionRequired: return "precondition_required";
    case ErrorCode::ResourceExhausted: return "resource_exhausted";
    case ErrorCode::UnsupportedMediaType: return "malformed_request";
    case ErrorCode::Unavailable: return "unavailable";
    case ErrorCode::Internal: return "internal";
  }
  return "internal";
}

Error make_error(ErrorCode code, std::string public_message, std::string field) {
  Error error;
  error.code = code;
  error.internal_message = public_message;
  error.public_message = std::move(public_message);
  error.field = std::move(field);
  return error;
}

Error internal_error(std::string internal_message) {
  Error error;
  error.code = ErrorCode::Internal;
  error.public_message = "internal error";
  error.internal_message = std::move(internal_message);
  return error;
}

}  // namespace caseboard
