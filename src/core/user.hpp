// Staff users. Accounts are unique per person; the password itself never reaches core.
#pragma once

#include <cstdint>
#include <string>

#include "core/result.hpp"
#include "core/role.hpp"

namespace caseboard {

struct UserFields {
  std::string username;
  std::string display_name;
  Role role = Role::CaseManager;
  bool active = true;
  std::string supervisor_id;  // empty when none
};

struct User {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  UserFields fields;
  std::string created_at;
  std::string updated_at;
};

inline constexpr std::size_t kMinimumPasswordLength = 12;
inline constexpr std::size_t kMaximumPasswordLength = 128;

[[nodiscard]] Result<UserFields> validate_user(UserFields fields);
// Checks length only (in characters); the breached-password list comes with the security work.
[[nodiscard]] Result<void> validate_password(std::string_view password);

}  // namespace caseboard
