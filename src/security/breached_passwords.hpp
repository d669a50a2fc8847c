// The shipped list of the 10,000 most common breached passwords (data/breached-passwords.txt,
// embedded at build time), and the check every new password goes through.
#pragma once

#include <string_view>

#include "core/password_policy.hpp"

namespace caseboard::security {

const PasswordDenyList& breached_passwords();

// Length and the breached list (core::check_new_password with the shipped list).
[[nodiscard]] Result<void> check_new_password(std::string_view password);

}  // namespace caseboard::security
