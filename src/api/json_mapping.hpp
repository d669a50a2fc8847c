// Domain records to their JSON form on the wire (snake_case; absent optional text is null).
#pragma once

#include <nlohmann/json.hpp>

#include "core/audit_event.hpp"
#include "core/case_status.hpp"
#include "core/client.hpp"
#include "core/contact.hpp"
#include "core/program.hpp"
#include "core/user.hpp"
#include "store/store.hpp"

namespace caseboard::api {

nlohmann::json to_json(const Client& client);
nlohmann::json to_json(const ClientSummary& summary);
nlohmann::json to_json(const Contact& contact);
nlohmann::json to_json(const Program& program);
nlohmann::json to_json(const User& user);
nlohmann::json to_json(const Case& record, bool with_history);
nlohmann::json to_json(const AuditEvent& event);

// The case cycle (json_mapping_case_cycle.cpp).
nlohmann::json to_json(const ClockItem& item);
nlohmann::json to_json(const Referral& referral, const std::optional<ClockItem>& clock);
nlohmann::json to_json(const Task& task, Timestamp now);
nlohmann::json to_json(const Note& note);
nlohmann::json to_json(const Appointment& appointment);
nlohmann::json to_json(const ReferralOut& referral);
nlohmann::json to_json(const Incident& incident);
nlohmann::json to_json(const SafetyPlan& plan);
nlohmann::json to_json(const PlanReview& review);
nlohmann::json to_json(const Discharge& discharge);
nlohmann::json to_json(const TimelineEvent& event);
nlohmann::json to_json(const store::Worklist& worklist, Timestamp now);

// "" → null, anything else → the string.
nlohmann::json text_or_null(const std::string& text);
// Cents as dollars (a number), or null when not recorded.
nlohmann::json dollars_or_null(const std::optional<std::int64_t>& cents);

}  // namespace caseboard::api
