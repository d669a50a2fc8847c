// The request handlers, one group per resource family; each group lives in the .cpp named after
// it (auth.cpp, clients.cpp, ...). routes.cpp binds them to paths.
#pragma once

#include "api/route.hpp"

namespace caseboard::api {

// auth.cpp
HttpResponse login(RequestContext& context);
HttpResponse logout(RequestContext& context);
HttpResponse current_user(RequestContext& context);
HttpResponse start_second_factor(RequestContext& context);
HttpResponse confirm_second_factor(RequestContext& context);
HttpResponse health(RequestContext& context);

// clients.cpp
HttpResponse create_client(RequestContext& context);
HttpResponse get_client(RequestContext& context);
HttpResponse update_client(RequestContext& context);
HttpResponse search_clients(RequestContext& context);

// contacts.cpp
HttpResponse list_contacts(RequestContext& context);
HttpResponse create_contact(RequestContext& context);
HttpResponse update_contact(RequestContext& context);
HttpResponse delete_contact(RequestContext& context);

// cases.cpp
HttpResponse create_case(RequestContext& context);
HttpResponse get_case(RequestContext& context);
HttpResponse list_cases(RequestContext& context);
HttpResponse list_client_cases(RequestContext& context);
HttpResponse transition_case(RequestContext& context);
HttpResponse reassign_case(RequestContext& context);
HttpResponse set_case_restriction(RequestContext& context);

// programs.cpp
HttpResponse list_programs(RequestContext& context);
HttpResponse get_program(RequestContext& context);
HttpResponse create_program(RequestContext& context);
HttpResponse update_program(RequestContext& context);

// audit.cpp
HttpResponse query_audit(RequestContext& context);
HttpResponse client_access_log(RequestContext& context);

// break_glass.cpp
HttpResponse break_glass(RequestContext& context);
HttpResponse list_break_glass_grants(RequestContext& context);
HttpResponse list_alerts(RequestContext& context);
HttpResponse acknowledge_alert(RequestContext& context);

// consents.cpp
HttpResponse set_client_restriction(RequestContext& context);
HttpResponse record_consent(RequestContext& context);
HttpResponse list_consents(RequestContext& context);
HttpResponse revoke_consent(RequestContext& context);

// referrals.cpp
HttpResponse create_referral(RequestContext& context);
HttpResponse list_referrals(RequestContext& context);
HttpResponse get_referral(RequestContext& context);
HttpResponse triage_referral(RequestContext& context);
HttpResponse assign_referral(RequestContext& context);
HttpResponse decline_referral(RequestContext& context);
HttpResponse record_first_contact(RequestContext& context);
// tasks.cpp
HttpResponse create_task(RequestContext& context);
HttpResponse list_tasks(RequestContext& context);
HttpResponse complete_task(RequestContext& context);
HttpResponse cancel_task(RequestContext& context);
HttpResponse own_worklist(RequestContext& context);
HttpResponse team_worklist(RequestContext& context);
// notes.cpp
HttpResponse list_notes(RequestContext& context);
HttpResponse create_note(RequestContext& context);
HttpResponse update_note(RequestContext& context);
HttpResponse sign_note(RequestContext& context);
HttpResponse cosign_note(RequestContext& context);
HttpResponse add_addendum(RequestContext& context);
// appointments.cpp
HttpResponse create_appointment(RequestContext& context);
HttpResponse list_client_appointments(RequestContext& context);
HttpResponse list_own_appointments(RequestContext& context);
HttpResponse record_appointment_outcome(RequestContext& context);
HttpResponse calendar_feed(RequestContext& context);
// referrals_out.cpp
HttpResponse create_referral_out(RequestContext& context);
HttpResponse list_referrals_out(RequestContext& context);
HttpResponse send_referral_out(RequestContext& context);
HttpResponse answer_referral_out(RequestContext& context);
HttpResponse complete_referral_out(RequestContext& context);
HttpResponse follow_up_referral_out(RequestContext& context);
HttpResponse cancel_referral_out(RequestContext& context);
// incidents.cpp
HttpResponse create_incident(RequestContext& context);
HttpResponse update_incident(RequestContext& context);
HttpResponse submit_incident(RequestContext& context);
HttpResponse list_incidents(RequestContext& context);
HttpResponse get_safety_plan(RequestContext& context);
HttpResponse save_safety_plan(RequestContext& context);
// discharges.cpp
HttpResponse discharge_case(RequestContext& context);
HttpResponse list_discharges(RequestContext& context);
HttpResponse record_check_in(RequestContext& context);
HttpResponse record_readmission(RequestContext& context);
// plan_reviews.cpp
HttpResponse record_plan_review(RequestContext& context);
HttpResponse list_plan_reviews(RequestContext& context);
// timeline.cpp
HttpResponse client_timeline(RequestContext& context);
// assessments.cpp
HttpResponse list_instruments(RequestContext& context);
HttpResponse get_instrument(RequestContext& context);
HttpResponse preview_score(RequestContext& context);
HttpResponse record_assessment(RequestContext& context);
HttpResponse correct_assessment(RequestContext& context);
HttpResponse list_assessments(RequestContext& context);
HttpResponse get_assessment(RequestContext& context);
HttpResponse assessment_trend(RequestContext& context);
// care_plans.cpp
HttpResponse get_care_plan(RequestContext& context);
HttpResponse save_care_plan(RequestContext& context);
HttpResponse care_plan_versions(RequestContext& context);
HttpResponse record_plan_agreement(RequestContext& context);
// directory.cpp
HttpResponse search_directory(RequestContext& context);
HttpResponse client_service_matches(RequestContext& context);
HttpResponse check_service_request(RequestContext& context);
HttpResponse get_service(RequestContext& context);
HttpResponse create_service(RequestContext& context);
HttpResponse update_service(RequestContext& context);
HttpResponse export_directory(RequestContext& context);
HttpResponse import_directory(RequestContext& context);
// coverage.cpp
HttpResponse list_coverages(RequestContext& context);
HttpResponse create_coverage(RequestContext& context);
HttpResponse update_coverage(RequestContext& context);
HttpResponse list_authorizations(RequestContext& context);
HttpResponse create_authorization(RequestContext& context);
HttpResponse use_authorization_units(RequestContext& context);
HttpResponse list_advocacy(RequestContext& context);
HttpResponse create_advocacy(RequestContext& context);
HttpResponse update_advocacy(RequestContext& context);
// users.cpp
HttpResponse list_users(RequestContext& context);
HttpResponse get_user(RequestContext& context);
HttpResponse create_user(RequestContext& context);
HttpResponse update_user(RequestContext& context);
HttpResponse unlock_user(RequestContext& context);

// reports.cpp
HttpResponse report_metrics(RequestContext& context);
HttpResponse report_figures(RequestContext& context);
HttpResponse report_trend(RequestContext& context);
HttpResponse report_cases(RequestContext& context);
HttpResponse report_export(RequestContext& context);

}  // namespace caseboard::api
