// What a new password must be: 12 to 128 characters, and not one of the most common breached
// passwords (the list is data handed in, see security/breached_passwords).
#pragma once

#include <string>
#include <string_view>
#include <unordered_set>

#include "core/result.hpp"

namespace caseboard {

class PasswordDenyList {
 public:
  // One password a line; compared without regard to letter case.
  explicit PasswordDenyList(std::string_view lines);
  bool contains(std::string_view password) const;
  std::size_t size() const { return entries_.size(); }

 private:
  std::unordered_set<std::string> entries_;
};

// Length (validate_password) and the deny list; the error names the field "password".
[[nodiscard]] Result<void> check_new_password(std::string_view password, const PasswordDenyList& deny_list);

}  // namespace caseboard
