// Scoring an assessment: the answers checked against the instrument (types, options, ranges,
// skip logic, required items), the total and its band or the risk level by rule, and the flags
// the result sets off. Pure: the same definition and answers always give the same result.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/instrument.hpp"

namespace caseboard {

// Answers by link_id, as canonical text: a choice's code, "true" / "false", a whole number in
// decimal, or free text.
using Answers = std::map<std::string, std::string>;

struct ScoredAnswer {
  std::string link_id;
  std::string value;
  std::string display;        // the option's display for a choice; the value otherwise
  std::optional<int> points;  // nothing for text and unscored items
};

struct FiredFlag {
  std::string code;
  std::string display;
  FlagAction action = FlagAction::None;
  std::string need;
};

struct AssessmentScore {
  std::optional<int> total;  // a sum's total; nothing for rules and unscored instruments
  std::string result_code;   // the band or risk level ("" when unscored)
  std::string result_display;
  std::vector<ScoredAnswer> answers;  // the answered items, in the instrument's order
  std::vector<FiredFlag> flags;
  bool complete = true;  // every required item that is asked has its answer
};

enum class Completeness {
  Required,  // a missing required answer is an error (a completed assessment)
  Partial,   // score what is there (the form, as answers are given); `complete` says whether all are
};

// InvalidArgument naming "answers.<link_id>" for an unknown item, an answer to an item that is not
// asked (skip logic) or a heading, a missing required answer, or a value the item does not take.
[[nodiscard]] Result<AssessmentScore> score_assessment(const Instrument& instrument, const Answers& answers,
                                                       Completeness completeness = Completeness::Required);

}  // namespace caseboard
