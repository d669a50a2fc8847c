// An audit trail entry, and the canonical text of it that the tamper-evident chain signs.
#pragma once

#include <cstdint>
#include <string>

namespace caseboard {

struct AuditEvent {
  std::int64_t sequence = 0;
  std::string at;
  std::string organization_id;
  std::string user_id;
  std::string action;  // e.g. "client.read", "case.transition", "session.sign_in", "access.refused"
  std::string resource_type;
  std::string resource_id;
  std::string client_id;
  std::string outcome;  // "success" or "refused"
  std::string source_address;
  std::string request_id;
  std::string detail;  // e.g. a search's criteria
  std::string break_glass_reason;
  std::string hash;  // hex HMAC-SHA-256 over the previous hash and canonical_text()
};

// Every field but the hash, each length-prefixed, so no two different entries share a text.
std::string canonical_text(const AuditEvent& event);

}  // namespace caseboard
