// Domain records to their JSON form on the wire (snake_case; absent optional text is null).
#pragma once

#include <nlohmann/json.hpp>

#include "core/audit_event.hpp"
#include "core/case_status.hpp"
#include "core/client.hpp"
#include "core/contact.hpp"
#include "core/program.hpp"
#include "core/user.hpp"

namespace caseboard::api {

nlohmann::json to_json(const Client& client);
nlohmann::json to_json(const ClientSummary& summary);
nlohmann::json to_json(const Contact& contact);
nlohmann::json to_json(const Program& program);
nlohmann::json to_json(const User& user);
nlohmann::json to_json(const Case& record, bool with_history);
nlohmann::json to_json(const AuditEvent& event);

// "" → null, anything else → the string.
nlohmann::json text_or_null(const std::string& text);

}  // namespace caseboard::api
