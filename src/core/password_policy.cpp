#include "core/password_policy.hpp"

#include "core/user.hpp"

namespace caseboard {
namespace {

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace

PasswordDenyList::PasswordDenyList(std::string_view lines) {
  std::size_t start = 0;
  while (start < lines.size()) {
    auto end = lines.find('\n', start);
    if (end == std::string_view::npos) end = lines.size();
    auto line = lines.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!line.empty()) entries_.insert(lower_ascii(line));
    start = end + 1;
  }
}

bool PasswordDenyList::contains(std::string_view password) const {
  return entries_.contains(lower_ascii(password));
}

Result<void> check_new_password(std::string_view password, const PasswordDenyList& deny_list) {
  CB_TRY(validate_password(password));
  if (deny_list.contains(password)) {
    return fail(ErrorCode::InvalidArgument, "this password is on the list of the most common breached passwords",
                "password");
  }
  return {};
}

}  // namespace caseboard
