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
  constexpr auto kTriage = Permission::TriageReferrals;
  constexpr auto kSupervise = Permission::SuperviseTeam;
  constexpr auto kManageDirectory = Permission::ManageDirectory;
  constexpr auto kReadReports = Permission::ReadReports;
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

      {Get, "/api/v1/clients/:id/timeline", kSignedIn, kReadClients, client_timeline},
      {Get, "/api/v1/clients/:id/notes", kSignedIn, kReadClients, list_notes},
      {Get, "/api/v1/clients/:id/appointments", kSignedIn, kReadClients, list_client_appointments},
      {Get, "/api/v1/clients/:id/referrals-out", kSignedIn, kReadClients, list_referrals_out},
      {Get, "/api/v1/clients/:id/incidents", kSignedIn, kReadClients, list_incidents},
      {Get, "/api/v1/clients/:id/safety-plan", kSignedIn, kReadClients, get_safety_plan},
      {Put, "/api/v1/clients/:id/safety-plan", kSignedIn, kWriteClients, save_safety_plan},
      {Get, "/api/v1/clients/:id/plan-reviews", kSignedIn, kReadClients, list_plan_reviews},
      {Get, "/api/v1/clients/:id/discharges", kSignedIn, kReadClients, list_discharges},
      {Post, "/api/v1/cases/:id/notes", kSignedIn, kWriteClients, create_note},
      {Post, "/api/v1/cases/:id/appointments", kSignedIn, kWriteClients, create_appointment},
      {Post, "/api/v1/cases/:id/referrals-out", kSignedIn, kWriteClients, create_referral_out},
      {Post, "/api/v1/cases/:id/incidents", kSignedIn, kWriteClients, create_incident},
      {Post, "/api/v1/cases/:id/plan-reviews", kSignedIn, kWriteClients, record_plan_review},
      {Post, "/api/v1/cases/:id/discharge", kSignedIn, kWriteClients, discharge_case},
      {Get, "/api/v1/referrals", kSignedIn, kWriteClients, list_referrals},
      {Post, "/api/v1/referrals", kSignedIn, kWriteClients, create_referral},
      {Get, "/api/v1/referrals/:id", kSignedIn, kWriteClients, get_referral},
      {Post, "/api/v1/referrals/:id/triage", kSignedIn, kTriage, triage_referral},
      {Post, "/api/v1/referrals/:id/assignment", kSignedIn, kTriage, assign_referral},
      {Post, "/api/v1/referrals/:id/decline", kSignedIn, kTriage, decline_referral},
      {Post, "/api/v1/referrals/:id/first-contact", kSignedIn, kWriteClients, record_first_contact},
      {Get, "/api/v1/worklist", kSignedIn, kWriteClients, own_worklist},
      {Get, "/api/v1/worklist/team", kSignedIn, kSupervise, team_worklist},
      {Get, "/api/v1/tasks", kSignedIn, kWriteClients, list_tasks},
      {Post, "/api/v1/tasks", kSignedIn, kWriteClients, create_task},
      {Post, "/api/v1/tasks/:id/complete", kSignedIn, kWriteClients, complete_task},
      {Post, "/api/v1/tasks/:id/cancel", kSignedIn, kWriteClients, cancel_task},
      {Patch, "/api/v1/notes/:id", kSignedIn, kWriteClients, update_note},
      {Post, "/api/v1/notes/:id/sign", kSignedIn, kWriteClients, sign_note},
      {Post, "/api/v1/notes/:id/addenda", kSignedIn, kWriteClients, add_addendum},
      {Post, "/api/v1/notes/:id/cosign", kSignedIn, kSupervise, cosign_note},
      {Get, "/api/v1/appointments", kSignedIn, kWriteClients, list_own_appointments},
      {Post, "/api/v1/appointments/:id/outcome", kSignedIn, kWriteClients, record_appointment_outcome},
      {Get, "/api/v1/me/calendar.ics", kSignedIn, kWriteClients, calendar_feed},
      {Post, "/api/v1/referrals-out/:id/send", kSignedIn, kWriteClients, send_referral_out},
      {Post, "/api/v1/referrals-out/:id/response", kSignedIn, kWriteClients, answer_referral_out},
      {Post, "/api/v1/referrals-out/:id/complete", kSignedIn, kWriteClients, complete_referral_out},
      {Post, "/api/v1/referrals-out/:id/follow-up", kSignedIn, kWriteClients, follow_up_referral_out},
      {Post, "/api/v1/referrals-out/:id/cancel", kSignedIn, kWriteClients, cancel_referral_out},
      {Patch, "/api/v1/incidents/:id", kSignedIn, kWriteClients, update_incident},
      {Post, "/api/v1/incidents/:id/submit", kSignedIn, kWriteClients, submit_incident},
      {Post, "/api/v1/discharges/:id/check-in", kSignedIn, kWriteClients, record_check_in},
      {Post, "/api/v1/discharges/:id/readmissions", kSignedIn, kWriteClients, record_readmission},
      {Get, "/api/v1/instruments", kSignedIn, kWriteClients, list_instruments},
      {Get, "/api/v1/instruments/:id", kSignedIn, kWriteClients, get_instrument},
      {Post, "/api/v1/instruments/:id/score", kSignedIn, kWriteClients, preview_score},
      {Get, "/api/v1/clients/:id/assessments", kSignedIn, kReadClients, list_assessments},
      {Post, "/api/v1/clients/:id/assessments", kSignedIn, kWriteClients, record_assessment},
      {Get, "/api/v1/clients/:id/assessments/trend", kSignedIn, kReadClients, assessment_trend},
      {Get, "/api/v1/assessments/:id", kSignedIn, kReadClients, get_assessment},
      {Post, "/api/v1/assessments/:id/corrections", kSignedIn, kWriteClients, correct_assessment},
      {Get, "/api/v1/cases/:id/care-plan", kSignedIn, kReadClients, get_care_plan},
      {Put, "/api/v1/cases/:id/care-plan", kSignedIn, kWriteClients, save_care_plan},
      {Get, "/api/v1/cases/:id/care-plan/versions", kSignedIn, kReadClients, care_plan_versions},
      {Post, "/api/v1/cases/:id/care-plan/agreement", kSignedIn, kWriteClients, record_plan_agreement},
      {Get, "/api/v1/directory", kSignedIn, kReadPrograms, search_directory},
      {Post, "/api/v1/directory", kSignedIn, kManageDirectory, create_service},
      {Get, "/api/v1/directory/:id", kSignedIn, kReadPrograms, get_service},
      {Patch, "/api/v1/directory/:id", kSignedIn, kManageDirectory, update_service},
      {Get, "/api/v1/directory-csv", kSignedIn, kReadPrograms, export_directory},
      {Post, "/api/v1/directory-csv", kSignedIn, kManageDirectory, import_directory},

      {Get, "/api/v1/reports/metrics", kSignedIn, kReadReports, report_metrics},
      {Get, "/api/v1/reports/figures", kSignedIn, kReadReports, report_figures},
      {Get, "/api/v1/reports/trend", kSignedIn, kReadReports, report_trend},
      {Get, "/api/v1/reports/cases", kSignedIn, kReadReports, report_cases},
      {Get, "/api/v1/reports/export", kSignedIn, kReadReports, report_export},
      {Get, "/api/v1/clients/:id/service-matches", kSignedIn, kReadClients, client_service_matches},
      {Post, "/api/v1/clients/:id/service-check", kSignedIn, kReadClients, check_service_request},
      {Get, "/api/v1/clients/:id/coverages", kSignedIn, kReadClients, list_coverages},
      {Post, "/api/v1/clients/:id/coverages", kSignedIn, kWriteClients, create_coverage},
      {Patch, "/api/v1/coverages/:id", kSignedIn, kWriteClients, update_coverage},
      {Get, "/api/v1/clients/:id/authorizations", kSignedIn, kReadClients, list_authorizations},
      {Post, "/api/v1/clients/:id/authorizations", kSignedIn, kWriteClients, create_authorization},
      {Post, "/api/v1/authorizations/:id/usage", kSignedIn, kWriteClients, use_authorization_units},
      {Get, "/api/v1/clients/:id/advocacy", kSignedIn, kReadClients, list_advocacy},
      {Post, "/api/v1/clients/:id/advocacy", kSignedIn, kWriteClients, create_advocacy},
      {Patch, "/api/v1/advocacy/:id", kSignedIn, kWriteClients, update_advocacy},
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
