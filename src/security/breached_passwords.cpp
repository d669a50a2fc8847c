#include "security/breached_passwords.hpp"

namespace caseboard::security {

std::string_view breached_passwords_text();  // generated from data/breached-passwords.txt

const PasswordDenyList& breached_passwords() {
  static const PasswordDenyList kList(breached_passwords_text());
  return kList;
}

Result<void> check_new_password(std::string_view password) {
  return caseboard::check_new_password(password, breached_passwords());
}

}  // namespace caseboard::security
