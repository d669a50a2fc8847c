#include "core/clock_rules.hpp"

#include <string>

namespace caseboard {

Result<ClockRules> validate_clock_rules(ClockRules rules) {
  for (const auto& setting : kClockRuleSettings) {
    const int value = rules.*setting.value;
    if (value < setting.minimum || value > setting.maximum) {
      return fail(ErrorCode::InvalidArgument,
                  std::string(setting.name) + " must be between " + std::to_string(setting.minimum) + " and " +
                      std::to_string(setting.maximum),
                  "clock_rules." + std::string(setting.name));
    }
  }
  return rules;
}

}  // namespace caseboard
