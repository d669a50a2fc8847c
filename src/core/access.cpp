#include "core/access.hpp"

namespace caseboard {

bool role_allows(Role role, Permission permission) {
  const bool clinical = role == Role::CaseManager || role == Role::NurseCaseManager || role == Role::Supervisor;
  switch (permission) {
    case Permission::ReadClients:
    case Permission::WriteClients:
      // Directors reach client records only through break-the-glass; administrators and
      // auditors never see clinical content.
      return clinical;
    case Permission::ReadPrograms:
    case Permission::ReadStaff: return true;
    case Permission::WritePrograms:
    case Permission::WriteStaff: return role == Role::Administrator;
  }
  return false;
}

Result<void> authorize(const Actor& actor, Permission permission) {
  if (role_allows(actor.role, permission)) return {};
  return fail(ErrorCode::PermissionDenied, "your role does not allow this");
}

}  // namespace caseboard
