#include "core/safety_plan.hpp"

#include <algorithm>

#include "core/field_check.hpp"

namespace caseboard {
namespace {

Result<void> check_list(std::vector<std::string>& items, std::string_view field) {
  std::erase_if(items, [](const std::string& item) { return trim(item).empty(); });
  if (items.size() > 30) {
    return fail(ErrorCode::InvalidArgument, std::string(field) + " may hold at most 30 items", std::string(field));
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    CB_TRY(check_text(items[i], std::string(field) + "[" + std::to_string(i) + "]", 1, 500, LineBreaks::Refused));
  }
  return {};
}

}  // namespace

Result<SafetyPlanFields> validate_safety_plan(SafetyPlanFields fields) {
  CB_TRY(check_list(fields.warning_signs, "warning_signs"));
  CB_TRY(check_list(fields.coping_steps, "coping_steps"));
  CB_TRY(check_list(fields.contacts, "contacts"));
  CB_TRY(check_text(fields.means_safety, "means_safety", 0, 4000, LineBreaks::Allowed));
  return fields;
}

}  // namespace caseboard
