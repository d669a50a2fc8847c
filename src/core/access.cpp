#include "core/access.hpp"

namespace caseboard {

bool role_allows(Role role, Permission permission) {
  const bool clinical = role == Role::CaseManager || role == Role::NurseCaseManager || role == Role::Supervisor;
  switch (permission) {
    case Permission::ReadClients:
      // Directors search summaries and read a record only through a break-the-glass grant (their
      // client scope is empty); administrators and auditors never see clinical content.
      return clinical || role == Role::Director;
    case Permission::WriteClients: return clinical;
    case Permission::ReadPrograms:
    case Permission::ReadStaff: return true;
    case Permission::WritePrograms:
    case Permission::WriteStaff:
    case Permission::ManageDirectory: return role == Role::Administrator;
    case Permission::AssignCases: return role == Role::Supervisor;
    case Permission::ReadAudit: return role == Role::Auditor;
    case Permission::BreakGlass: return clinical || role == Role::Director;
    case Permission::TriageReferrals:
    case Permission::SuperviseTeam: return role == Role::Supervisor;
    case Permission::ReadReports: return report_reach(role) != ReportReach::None;
  }
  return false;
}

bool requires_second_factor(Role role) {
  return role == Role::Administrator;
}

ClientScope client_scope(Role role) {
  switch (role) {
    case Role::CaseManager:
    case Role::NurseCaseManager: return ClientScope::OwnClients;
    case Role::Supervisor: return ClientScope::SupervisedStaff;
    case Role::Director:
    case Role::Administrator:
    case Role::Auditor: return ClientScope::None;
  }
  return ClientScope::None;
}

Result<void> authorize(const Actor& actor, Permission permission) {
  if (role_allows(actor.role, permission)) return {};
  return fail(ErrorCode::PermissionDenied, "your role does not allow this");
}

ReportReach report_reach(Role role) {
  switch (role) {
    case Role::Director:
    case Role::Auditor: return ReportReach::Organization;
    case Role::Supervisor: return ReportReach::OwnTeam;
    case Role::CaseManager:
    case Role::NurseCaseManager: return ReportReach::OwnCases;
    case Role::Administrator: return ReportReach::None;
  }
  return ReportReach::None;
}

}  // namespace caseboard
