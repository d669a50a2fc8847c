// A review of a client's care plan: due every 30 days and after each major event (case_clock.hpp).
#pragma once

#include <string>

#include "core/result.hpp"

namespace caseboard {

struct PlanReview {
  std::string id;
  std::string organization_id;
  std::string client_id;
  std::string case_id;
  std::string reviewed_at;
  std::string reviewed_by;
  std::string summary;
};

// 1 to 4000 characters.
[[nodiscard]] Result<std::string> validate_review_summary(std::string summary);

}  // namespace caseboard
