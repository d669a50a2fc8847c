// An alert: something a person must look at now (e.g. a colleague broke the glass on a client).
#pragma once

#include <string>

namespace caseboard {

struct Alert {
  std::string id;
  std::string recipient_id;
  std::string kind;  // "break_glass"
  std::string client_id;
  std::string about_user_id;
  std::string detail;
  std::string created_at;
  std::string acknowledged_at;  // empty while open
};

struct BreakGlassGrant {
  std::string id;
  std::string client_id;
  std::string user_id;
  std::string reason;
  std::string granted_at;
  std::string expires_at;
};

// A client's consent to disclose a restricted record to one user, for a purpose, until it expires
// or is revoked.
struct Consent {
  std::string id;
  std::string client_id;
  std::string grantee_user_id;
  std::string purpose;
  std::string recorded_by;
  std::string granted_at;
  std::string expires_at;  // empty: until revoked
  std::string revoked_at;  // empty: in force
};

}  // namespace caseboard
