#include "core/instrument.hpp"

#include <algorithm>
#include <set>

namespace caseboard {
namespace {

bool is_code(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  return std::all_of(text.begin(), text.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

Error invalid(std::string field, std::string message) {
  return make_error(ErrorCode::InvalidArgument, field + ": " + message, field);
}

// Ranges sorted by their start must follow each other from `min` to `max` with no gap or overlap.
template <class Range>
Result<void> check_contiguous(std::vector<Range> ranges, std::int64_t min, std::int64_t max, const std::string& field) {
  std::sort(ranges.begin(), ranges.end(), [](const Range& a, const Range& b) { return a.min < b.min; });
  std::int64_t next = min;
  for (const auto& range : ranges) {
    if (range.min != next || range.max < range.min) {
      return fail(invalid(field, "ranges must cover " + std::to_string(min) + " to " + std::to_string(max) +
                                     " without gaps or overlaps (at " + std::to_string(next) + ")"));
    }
    next = range.max + 1;
  }
  if (next != max + 1) return fail(invalid(field, "ranges must reach " + std::to_string(max)));
  return {};
}

Result<void> check_conditions(const std::vector<Condition>& conditions, const std::set<std::string>& known,
                              const std::string& field) {
  for (std::size_t i = 0; i < conditions.size(); ++i) {
    const auto& condition = conditions[i];
    const auto at = field + "[" + std::to_string(i) + "]";
    if (condition.kind == Condition::Kind::SumAbove) {
      if (condition.sum_of.empty()) return fail(invalid(at, "sum_of names no items"));
      for (const auto& id : condition.sum_of) {
        if (!known.contains(id)) return fail(invalid(at, "names " + id + ", not an item asked before"));
      }
    } else if (!known.contains(condition.link_id)) {
      return fail(invalid(at, "names " + condition.link_id + ", not an item asked before"));
    }
    if (condition.kind == Condition::Kind::In && condition.in.empty()) return fail(invalid(at, "in lists nothing"));
  }
  return {};
}

Result<void> check_item(const InstrumentItem& item, const std::string& field) {
  switch (item.type) {
    case ItemType::Choice: {
      if (item.options.empty()) return fail(invalid(field + ".options", "a choice needs options"));
      std::set<std::string> codes;
      for (const auto& option : item.options) {
        if (option.code.empty() || !codes.insert(option.code).second) {
          return fail(invalid(field + ".options", "option codes must be present and unique"));
        }
      }
      break;
    }
    case ItemType::Integer:
      if (item.max < item.min) return fail(invalid(field + ".max", "max is below min"));
      if (item.scored && !item.points.empty())
        CB_TRY(check_contiguous(item.points, item.min, item.max, field + ".points"));
      break;
    case ItemType::Text:
      if (item.max_length == 0 || item.max_length > 20000) return fail(invalid(field + ".max_length", "1 to 20000"));
      break;
    case ItemType::Boolean:
    case ItemType::Display: break;
  }
  return {};
}

}  // namespace

std::string_view flag_action_name(FlagAction action) {
  switch (action) {
    case FlagAction::UrgentSafetyTask: return "urgent_safety_task";
    case FlagAction::SdohNeed: return "sdoh_need";
    case FlagAction::EarlyFollowUp: return "early_follow_up";
    case FlagAction::None: return "none";
  }
  return "none";
}

std::optional<FlagAction> parse_flag_action(std::string_view name) {
  for (auto action :
       {FlagAction::UrgentSafetyTask, FlagAction::SdohNeed, FlagAction::EarlyFollowUp, FlagAction::None}) {
    if (flag_action_name(action) == name) return action;
  }
  return std::nullopt;
}

std::string_view item_type_name(ItemType type) {
  switch (type) {
    case ItemType::Choice: return "choice";
    case ItemType::Boolean: return "boolean";
    case ItemType::Integer: return "integer";
    case ItemType::Text: return "text";
    case ItemType::Display: return "display";
  }
  return "display";
}

std::optional<ItemType> parse_item_type(std::string_view name) {
  for (auto type : {ItemType::Choice, ItemType::Boolean, ItemType::Integer, ItemType::Text, ItemType::Display}) {
    if (item_type_name(type) == name) return type;
  }
  return std::nullopt;
}

const InstrumentItem* find_item(const Instrument& instrument, std::string_view link_id) {
  for (const auto& item : instrument.items) {
    if (item.link_id == link_id) return &item;
  }
  return nullptr;
}

Result<void> validate_instrument(const Instrument& instrument) {
  if (!is_code(instrument.id)) return fail(invalid("id", "lower-case letters, digits and - only"));
  if (instrument.version.empty() || instrument.version.size() > 20)
    return fail(invalid("version", "1 to 20 characters"));
  if (instrument.title.empty()) return fail(invalid("title", "required"));
  if (instrument.citation.empty()) return fail(invalid("citation", "the publication the scoring follows is required"));
  if (instrument.items.empty()) return fail(invalid("items", "an instrument has items"));
  std::set<std::string> asked;
  for (std::size_t i = 0; i < instrument.items.size(); ++i) {
    const auto& item = instrument.items[i];
    const auto field = "items[" + std::to_string(i) + "]";
    if (!is_code(item.link_id)) return fail(invalid(field + ".link_id", "lower-case letters, digits, - _ . only"));
    if (asked.contains(item.link_id)) return fail(invalid(field + ".link_id", "duplicate " + item.link_id));
    CB_TRY(check_conditions(item.enable_when, asked, field + ".enable_when"));
    CB_TRY(check_item(item, field));
    asked.insert(item.link_id);
  }
  const auto& scoring = instrument.scoring;
  std::set<std::string> results;  // band or level codes
  if (scoring.method == ScoringMethod::Sum) {
    if (scoring.max < scoring.min) return fail(invalid("scoring.max", "max is below min"));
    CB_TRY(check_contiguous(scoring.bands, scoring.min, scoring.max, "scoring.bands"));
    for (const auto& band : scoring.bands) results.insert(band.code);
  } else if (scoring.method == ScoringMethod::Rules) {
    if (scoring.levels.empty()) return fail(invalid("scoring.levels", "rules need levels"));
    for (std::size_t i = 0; i < scoring.levels.size(); ++i) {
      CB_TRY(check_conditions(scoring.levels[i].when_any, asked, "scoring.levels[" + std::to_string(i) + "].when_any"));
      results.insert(scoring.levels[i].code);
    }
    if (scoring.otherwise.code.empty()) return fail(invalid("scoring.otherwise", "rules need an otherwise level"));
    results.insert(scoring.otherwise.code);
  }
  for (std::size_t i = 0; i < instrument.flags.size(); ++i) {
    const auto& flag = instrument.flags[i];
    const auto field = "flags[" + std::to_string(i) + "]";
    if (!is_code(flag.code)) return fail(invalid(field + ".code", "lower-case letters, digits and - only"));
    if (flag.when_any.empty() && flag.when_band.empty())
      return fail(invalid(field, "a flag needs when_any or when_band"));
    CB_TRY(check_conditions(flag.when_any, asked, field + ".when_any"));
    for (const auto& band : flag.when_band) {
      if (!results.contains(band)) return fail(invalid(field + ".when_band", "no band or level " + band));
    }
    if (flag.action == FlagAction::SdohNeed &&
        std::find(std::begin(kSdohNeeds), std::end(kSdohNeeds), flag.need) == std::end(kSdohNeeds)) {
      return fail(invalid(field + ".need", "one of housing, food, transportation, utilities, interpersonal_safety"));
    }
  }
  return {};
}

}  // namespace caseboard
