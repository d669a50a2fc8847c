// Staff roles. A user has exactly one role; what each role may do is decided in access.hpp.
#pragma once

#include <optional>
#include <string_view>

namespace caseboard {

enum class Role { CaseManager, NurseCaseManager, Supervisor, Director, Administrator, Auditor };

std::string_view role_name(Role role);
std::optional<Role> parse_role(std::string_view name);

}  // namespace caseboard
