// An organization (tenant): an agency. Every record belongs to exactly one.
#pragma once

#include <string>

namespace caseboard {

struct Organization {
  std::string id;
  std::string name;
  std::string created_at;
};

}  // namespace caseboard
