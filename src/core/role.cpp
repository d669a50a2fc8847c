#include "core/role.hpp"

#include <array>
#include <utility>

namespace caseboard {
namespace {

constexpr std::array<std::pair<Role, std::string_view>, 6> kRoleNames{{
    {Role::CaseManager, "case_manager"},
    {Role::NurseCaseManager, "nurse_case_manager"},
    {Role::Supervisor, "supervisor"},
    {Role::Director, "director"},
    {Role::Administrator, "administrator"},
    {Role::Auditor, "auditor"},
}};

}  // namespace

std::string_view role_name(Role role) {
  for (const auto& [candidate, name] : kRoleNames) {
    if (candidate == role) return name;
  }
  return "unknown";
}

std::optional<Role> parse_role(std::string_view name) {
  for (const auto& [role, candidate] : kRoleNames) {
    if (candidate == name) return role;
  }
  return std::nullopt;
}

}  // namespace caseboard
