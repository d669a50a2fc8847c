#include "core/user.hpp"

#include "core/text.hpp"

namespace caseboard {

Result<UserFields> validate_user(UserFields fields) {
  fields.username = trim(fields.username);
  fields.display_name = trim(fields.display_name);
  if (fields.username.size() < 3 || fields.username.size() > 64) {
    return fail(ErrorCode::InvalidArgument, "username must be 3 to 64 characters", "username");
  }
  for (char c : fields.username) {
    const bool allowed = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
    if (!allowed) {
      return fail(ErrorCode::InvalidArgument, "username may contain only lower-case letters, digits, '.', '_' and '-'",
                  "username");
    }
  }
  if (fields.display_name.empty() || utf8_length(fields.display_name) > 120 ||
      has_control_characters(fields.display_name, LineBreaks::Refused)) {
    return fail(ErrorCode::InvalidArgument, "display_name must be 1 to 120 characters", "display_name");
  }
  return fields;
}

Result<void> validate_password(std::string_view password) {
  const auto length = utf8_length(password);
  if (length < kMinimumPasswordLength) {
    return fail(ErrorCode::InvalidArgument, "password must be at least 12 characters", "password");
  }
  if (length > kMaximumPasswordLength) {
    return fail(ErrorCode::InvalidArgument, "password must be at most 128 characters", "password");
  }
  if (!is_valid_utf8(password)) {
    return fail(ErrorCode::InvalidArgument, "password must be valid UTF-8 text", "password");
  }
  return {};
}

}  // namespace caseboard
