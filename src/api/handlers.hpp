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

// users.cpp
HttpResponse list_users(RequestContext& context);
HttpResponse get_user(RequestContext& context);
HttpResponse create_user(RequestContext& context);
HttpResponse update_user(RequestContext& context);
HttpResponse unlock_user(RequestContext& context);

}  // namespace caseboard::api
