#include "api/json_mapping.hpp"

namespace caseboard::api {

nlohmann::json dollars_or_null(const std::optional<std::int64_t>& cents) {
  if (!cents) return nullptr;
  return double(*cents) / 100.0;
}

nlohmann::json text_or_null(const std::string& text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(text);
}

nlohmann::json to_json(const Client& client) {
  const auto& f = client.fields;
  nlohmann::json identifiers = nlohmann::json::array();
  for (const auto& identifier : f.identifiers) {
    identifiers.push_back({{"type", identifier.type}, {"value", identifier.value}});
  }
  return {{"id", client.id},
          {"version", client.version},
          {"given_name", f.given_name},
          {"family_name", f.family_name},
          {"middle_name", text_or_null(f.middle_name)},
          {"preferred_name", text_or_null(f.preferred_name)},
          {"birth_date", f.birth_date},
          {"sex", f.sex},
          {"preferred_language", f.preferred_language},
          {"interpreter_needed", f.interpreter_needed},
          {"risk_level", f.risk_level},
          {"latitude", f.location ? nlohmann::json(f.location->latitude) : nlohmann::json(nullptr)},
          {"longitude", f.location ? nlohmann::json(f.location->longitude) : nlohmann::json(nullptr)},
          {"phone", text_or_null(f.phone)},
          {"email", text_or_null(f.email)},
          {"address",
           {{"line1", text_or_null(f.address.line1)},
            {"line2", text_or_null(f.address.line2)},
            {"city", text_or_null(f.address.city)},
            {"state", text_or_null(f.address.state)},
            {"postal_code", text_or_null(f.address.postal_code)},
            {"country", text_or_null(f.address.country)}}},
          {"identifiers", identifiers},
          {"restricted", client.restricted},
          {"created_at", client.created_at},
          {"updated_at", client.updated_at}};
}

nlohmann::json to_json(const ClientSummary& summary) {
  return {{"id", summary.id},
          {"given_name", summary.given_name},
          {"family_name", summary.family_name},
          {"preferred_name", text_or_null(summary.preferred_name)},
          {"birth_date", summary.birth_date},
          {"can_open", summary.can_open}};
}

nlohmann::json to_json(const Contact& contact) {
  const auto& f = contact.fields;
  return {{"id", contact.id},
          {"version", contact.version},
          {"client_id", contact.client_id},
          {"name", f.name},
          {"relationship", f.relationship},
          {"phone", text_or_null(f.phone)},
          {"email", text_or_null(f.email)},
          {"is_emergency_contact", f.is_emergency_contact},
          {"disclosure", f.disclosure},
          {"notes", text_or_null(f.notes)},
          {"created_at", contact.created_at},
          {"updated_at", contact.updated_at}};
}

nlohmann::json to_json(const Program& program) {
  nlohmann::json rules = nlohmann::json::object();
  for (const auto& setting : kClockRuleSettings)
    rules[std::string(setting.name)] = program.fields.clock_rules.*setting.value;
  return {{"id", program.id},
          {"version", program.version},
          {"name", program.fields.name},
          {"description", text_or_null(program.fields.description)},
          {"active", program.fields.active},
          {"clock_rules", rules},
          {"notes_need_cosign", program.fields.notes_need_cosign},
          {"created_at", program.created_at},
          {"updated_at", program.updated_at}};
}

nlohmann::json to_json(const User& user) {
  return {{"id", user.id},
          {"version", user.version},
          {"username", user.fields.username},
          {"display_name", user.fields.display_name},
          {"role", role_name(user.fields.role)},
          {"active", user.fields.active},
          {"supervisor_id", text_or_null(user.fields.supervisor_id)},
          {"organization_id", user.organization_id}};
}

nlohmann::json to_json(const Case& record, bool with_history) {
  nlohmann::json next = nlohmann::json::array();
  for (auto status : allowed_next_statuses(record.status)) next.push_back(case_status_name(status));
  nlohmann::json body = {{"id", record.id},
                         {"version", record.version},
                         {"client_id", record.client_id},
                         {"program_id", record.program_id},
                         {"case_manager_id", text_or_null(record.case_manager_id)},
                         {"status", case_status_name(record.status)},
                         {"allowed_transitions", next},
                         {"opened_at", record.opened_at},
                         {"status_changed_at", record.status_changed_at},
                         {"closed_reason", text_or_null(record.closed_reason)},
                         {"closed_outcome", text_or_null(record.closed_outcome)},
                         {"restricted", record.restricted}};
  if (with_history) {
    nlohmann::json history = nlohmann::json::array();
    for (const auto& change : record.history) {
      history.push_back({{"from", text_or_null(change.from)},
                         {"to", change.to},
                         {"at", change.at},
                         {"by", text_or_null(change.by_user_id)},
                         {"reason", text_or_null(change.reason)}});
    }
    body["history"] = history;
  }
  return body;
}

nlohmann::json to_json(const AuditEvent& event) {
  return {{"sequence", event.sequence},
          {"at", event.at},
          {"user_id", text_or_null(event.user_id)},
          {"action", event.action},
          {"resource_type", event.resource_type},
          {"resource_id", text_or_null(event.resource_id)},
          {"client_id", text_or_null(event.client_id)},
          {"outcome", event.outcome},
          {"source_address", text_or_null(event.source_address)},
          {"request_id", text_or_null(event.request_id)},
          {"detail", text_or_null(event.detail)},
          {"break_glass_reason", text_or_null(event.break_glass_reason)}};
}

}  // namespace caseboard::api
