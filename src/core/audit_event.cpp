#include "core/audit_event.hpp"

namespace caseboard {
namespace {

void append_field(std::string& out, const std::string& value) {
  out += std::to_string(value.size());
  out += ':';
  out += value;
  out += ';';
}

}  // namespace

std::string canonical_text(const AuditEvent& event) {
  std::string out;
  append_field(out, std::to_string(event.sequence));
  for (const auto* field : {&event.at, &event.organization_id, &event.user_id, &event.action, &event.resource_type,
                            &event.resource_id, &event.client_id, &event.outcome, &event.source_address,
                            &event.request_id, &event.detail, &event.break_glass_reason}) {
    append_field(out, *field);
  }
  return out;
}

}  // namespace caseboard
