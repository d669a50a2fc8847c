// A client's safety plan (the Stanley–Brown structure): warning signs, coping steps, people and
// services to contact in a crisis, and how lethal means are kept away.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace caseboard {

struct SafetyPlanFields {
  std::vector<std::string> warning_signs;
  std::vector<std::string> coping_steps;
  std::vector<std::string> contacts;
  std::string means_safety;
};

struct SafetyPlan {
  std::string client_id;
  std::int64_t version = 0;
  std::string organization_id;
  SafetyPlanFields fields;
  std::string updated_by;
  std::string updated_at;
};

// Each list at most 30 items of 1 to 500 characters (blank items dropped); the error names the
// item ("coping_steps[2]").
[[nodiscard]] Result<SafetyPlanFields> validate_safety_plan(SafetyPlanFields fields);

}  // namespace caseboard
