// The whole route table of the JSON API.
#include "api/handlers.hpp"

namespace caseboard::api {

std::vector<Route> api_routes() {
  using enum Method;
  constexpr auto kPublic = RouteAccess::Public;
  constexpr auto kSignedIn = RouteAccess::SignedIn;
  constexpr auto kAnyRole = std::nullopt;
  constexpr auto kReadClients = Permission::ReadClients;
  constexpr auto kWriteClients = Permission::WriteClients;
  constexpr auto kReadPrograms = Permission::ReadPrograms;
  constexpr auto kWritePrograms = Permission::WritePrograms;
  constexpr auto kReadStaff = Permission::ReadStaff;
  constexpr auto kWriteStaff = Permission::WriteStaff;
  constexpr auto kAssignCases = Permission::AssignCases;
  constexpr auto kReadAudit = Permission::ReadAudit;
  constexpr auto kBreakGlass = Permission::BreakGlass;
  return {
      {Get, "/healthz", kPublic, kAnyRole, health},
      {Post, "/api/v1/auth/login", kPublic, kAnyRole, login},
      {Post, "/api/v1/auth/logout", kSignedIn, kAnyRole, logout},
      {Get, "/api/v1/me", kSignedIn, kAnyRole, current_user},
      {Post, "/api/v1/me/totp", kSignedIn, kAnyRole, start_second_factor},
      {Post, "/api/v1/me/totp/confirm", kSignedIn, kAnyRole, confirm_second_factor},

      {Get, "/api/v1/clients", kSignedIn, kReadClients, search_clients},
      {Post, "/api/v1/clients", kSignedIn, kWriteClients, create_client},
      {Get, "/api/v1/clients/:id", kSignedIn, kReadClients, get_client},
      {Patch, "/api/v1/clients/:id", kSignedIn, kWriteClients, update_client},
      {Get, "/api/v1/clients/:id/contacts", kSignedIn, kReadClients, list_contacts},
      {Post, "/api/v1/clients/:id/contacts", kSignedIn, kWriteClients, create_contact},
      {Patch, "/api/v1/clients/:id/contacts/:contact_id", kSignedIn, kWriteClients, update_contact},
      {Delete, "/api/v1/clients/:id/contacts/:contact_id", kSignedIn, kWriteClients, delete_contact},
      {Get, "/api/v1/clients/:id/cases", kSignedIn, kReadClients, list_client_cases},
      {Get, "/api/v1/clients/:id/access", kSignedIn, kReadClients, client_access_log},
      {Post, "/api/v1/clients/:id/restriction", kSignedIn, kWriteClients, set_client_restriction},
      {Get, "/api/v1/clients/:id/consents", kSignedIn, kReadClients, list_consents},
      {Post, "/api/v1/clients/:id/consents", kSignedIn, kWriteClients, record_consent},
      {Post, "/api/v1/clients/:id/consents/:consent_id/revoke", kSignedIn, kWriteClients, revoke_consent},
      {Post, "/api/v1/clients/:id/break-glass", kSignedIn, kBreakGlass, break_glass},
      {Get, "/api/v1/clients/:id/break-glass", kSignedIn, kReadClients, list_break_glass_grants},

      {Get, "/api/v1/cases", kSignedIn, kReadClients, list_cases},
      {Post, "/api/v1/cases", kSignedIn, kWriteClients, create_case},
      {Get, "/api/v1/cases/:id", kSignedIn, kReadClients, get_case},
      {Post, "/api/v1/cases/:id/transitions", kSignedIn, kWriteClients, transition_case},
      {Post, "/api/v1/cases/:id/assignment", kSignedIn, kAssignCases, reassign_case},
      {Post, "/api/v1/cases/:id/restriction", kSignedIn, kWriteClients, set_case_restriction},

      {Get, "/api/v1/programs", kSignedIn, kReadPrograms, list_programs},
      {Post, "/api/v1/programs", kSignedIn, kWritePrograms, create_program},
      {Get, "/api/v1/programs/:id", kSignedIn, kReadPrograms, get_program},
      {Patch, "/api/v1/programs/:id", kSignedIn, kWritePrograms, update_program},

      {Get, "/api/v1/audit", kSignedIn, kReadAudit, query_audit},
      {Get, "/api/v1/alerts", kSignedIn, kAnyRole, list_alerts},
      {Post, "/api/v1/alerts/:id/acknowledge", kSignedIn, kAnyRole, acknowledge_alert},

      {Get, "/api/v1/users", kSignedIn, kReadStaff, list_users},
      {Post, "/api/v1/users", kSignedIn, kWriteStaff, create_user},
      {Get, "/api/v1/users/:id", kSignedIn, kReadStaff, get_user},
      {Patch, "/api/v1/users/:id", kSignedIn, kWriteStaff, update_user},
      {Post, "/api/v1/users/:id/unlock", kSignedIn, kWriteStaff, unlock_user},
  };
}

}  // namespace caseboard::api
