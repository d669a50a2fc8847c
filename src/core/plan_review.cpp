#include "core/plan_review.hpp"

#include "core/field_check.hpp"

namespace caseboard {

Result<std::string> validate_review_summary(std::string summary) {
  CB_TRY(check_text(summary, "summary", 1, 4000, LineBreaks::Allowed));
  return summary;
}

}  // namespace caseboard
