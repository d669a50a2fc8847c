// Who is acting: the signed-in user as every handler and every store write receives it.
#pragma once

#include <string>

#include "core/role.hpp"

namespace caseboard {

struct Actor {
  std::string user_id;
  std::string organization_id;
  Role role = Role::CaseManager;
  std::string source_address;  // where the request came from, for the audit trail
  std::string request_id;
};

}  // namespace caseboard
