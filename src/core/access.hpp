// The access rules: one decision function that every API handler goes through before it touches
// a record. Tenant isolation is enforced below this, in every store query (organization id).
#pragma once

#include "core/actor.hpp"
#include "core/result.hpp"

namespace caseboard {

enum class Permission {
  ReadClients,  // client records, contacts and cases (clinical content)
  WriteClients,
  ReadPrograms,
  WritePrograms,
  ReadStaff,        // user summaries (names, roles) for assignment
  WriteStaff,       // create users, change roles, deactivate
  AssignCases,      // give a case to another case manager
  ReadAudit,        // the whole audit trail of the organization
  BreakGlass,       // open a client outside one's scope, with a reason and the second factor
  TriageReferrals,  // the organization's referral inbox: triage, assign, decline
  SuperviseTeam,    // the team worklist of the staff one supervises
  ManageDirectory,  // add, change and import resource directory listings
  ReadReports,      // report figures (narrowed by report_scope_rule) and their drill-downs
};

// Which clients' records a role may open (search answers summaries across the organization;
// opening a record needs this).
enum class ClientScope {
  None,             // directors, administrators, auditors: no clinical content
  OwnClients,       // case managers: clients of their open cases, and those whose care team they are on
  SupervisedStaff,  // supervisors: their own clients and those of the staff they supervise
};

ClientScope client_scope(Role role);

// Administrators always sign in with a second factor; for other roles it is their choice.
bool requires_second_factor(Role role);

// Returns PermissionDenied naming what was refused, or nothing when the actor's role allows it.
[[nodiscard]] Result<void> authorize(const Actor& actor, Permission permission);

bool role_allows(Role role, Permission permission);

// Whose work a role's reports may cover: the whole organization, the team the user supervises, or
// the user's own cases.
enum class ReportReach { Organization, OwnTeam, OwnCases, None };
ReportReach report_reach(Role role);

}  // namespace caseboard
