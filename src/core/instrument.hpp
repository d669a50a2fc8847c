// A standardized assessment instrument as data (docs/instruments.md): items with answer options
// and points, skip logic, a scoring rule with bands or risk levels, and flags that act. The shapes
// follow FHIR R4 Questionnaire. Definitions are read from files outside core; here they are
// checked and (instrument_scoring.hpp) scored.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace caseboard {

enum class ItemType { Choice, Boolean, Integer, Text, Display };

struct AnswerOption {
  std::string code;
  std::string display;
  int points = 0;
};

// Points for a whole-number answer within [min, max].
struct PointRange {
  std::int64_t min = 0;
  std::int64_t max = 0;
  int points = 0;
};

// A condition over earlier answers (skip logic, risk levels, flags).
struct Condition {
  enum class Kind { In, PointsAbove, SumAbove };
  Kind kind = Kind::In;
  std::string link_id;
  std::vector<std::string> in;      // In: the answer's canonical text is one of these
  int above = 0;                    // PointsAbove / SumAbove
  std::vector<std::string> sum_of;  // SumAbove: the items whose points are added
};

struct InstrumentItem {
  std::string link_id;
  std::string text;
  ItemType type = ItemType::Display;
  bool required = false;
  bool scored = true;                 // choice, boolean and integer items count toward a sum unless false
  std::vector<AnswerOption> options;  // Choice
  int points_true = 0;                // Boolean
  int points_false = 0;
  std::int64_t min = 0;  // Integer
  std::int64_t max = 0;
  std::vector<PointRange> points;      // Integer; empty: the item carries no points
  std::size_t max_length = 2000;       // Text
  std::vector<Condition> enable_when;  // every one must hold for the item to be asked
};

struct Band {
  std::string code;
  std::string display;
  int min = 0;
  int max = 0;
};

struct RiskLevel {
  std::string code;
  std::string display;
  std::vector<Condition> when_any;
};

enum class ScoringMethod { Sum, Rules, None };

struct Scoring {
  ScoringMethod method = ScoringMethod::None;
  int min = 0;  // Sum
  int max = 0;
  std::vector<Band> bands;
  std::vector<RiskLevel> levels;  // Rules: the first that holds
  RiskLevel otherwise;            // Rules: when none holds
};

enum class FlagAction { UrgentSafetyTask, SdohNeed, EarlyFollowUp, None };

inline constexpr std::string_view kSdohNeeds[] = {"housing", "food", "transportation", "utilities",
                                                  "interpersonal_safety"};

struct FlagRule {
  std::string code;
  std::string display;
  std::vector<Condition> when_any;
  std::vector<std::string> when_band;  // band or risk level codes
  FlagAction action = FlagAction::None;
  std::string need;  // SdohNeed: one of kSdohNeeds
};

struct Instrument {
  std::string id;
  std::string version;
  std::string title;
  std::string description;
  std::string citation;
  std::vector<InstrumentItem> items;
  Scoring scoring;
  std::vector<FlagRule> flags;
};

std::string_view flag_action_name(FlagAction action);
std::optional<FlagAction> parse_flag_action(std::string_view name);
std::string_view item_type_name(ItemType type);
std::optional<ItemType> parse_item_type(std::string_view name);

// Checks what the file format cannot: ids well formed and unique, conditions naming earlier
// items (skip logic) or existing ones, options and point ranges sound, bands contiguous over
// [min, max] and reachable, flags naming real bands and needs. InvalidArgument naming the field.
[[nodiscard]] Result<void> validate_instrument(const Instrument& instrument);

const InstrumentItem* find_item(const Instrument& instrument, std::string_view link_id);

}  // namespace caseboard
