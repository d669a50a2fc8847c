#include "core/instrument_scoring.hpp"

#include <algorithm>
#include <charconv>

#include "core/text.hpp"

namespace caseboard {
namespace {

struct Given {
  std::string value;
  std::optional<int> points;
};

using GivenAnswers = std::map<std::string, Given>;

bool holds(const Condition& condition, const GivenAnswers& given) {
  switch (condition.kind) {
    case Condition::Kind::In: {
      auto found = given.find(condition.link_id);
      return found != given.end() &&
             std::find(condition.in.begin(), condition.in.end(), found->second.value) != condition.in.end();
    }
    case Condition::Kind::PointsAbove: {
      auto found = given.find(condition.link_id);
      return found != given.end() && found->second.points.value_or(0) > condition.above;
    }
    case Condition::Kind::SumAbove: {
      int sum = 0;
      for (const auto& id : condition.sum_of) {
        if (auto found = given.find(id); found != given.end()) sum += found->second.points.value_or(0);
      }
      return sum > condition.above;
    }
  }
  return false;
}

bool all_hold(const std::vector<Condition>& conditions, const GivenAnswers& given) {
  return std::all_of(conditions.begin(), conditions.end(), [&](const Condition& c) { return holds(c, given); });
}

bool any_holds(const std::vector<Condition>& conditions, const GivenAnswers& given) {
  return std::any_of(conditions.begin(), conditions.end(), [&](const Condition& c) { return holds(c, given); });
}

Error bad_answer(const std::string& link_id, const std::string& message) {
  return make_error(ErrorCode::InvalidArgument, "answers." + link_id + " " + message, "answers." + link_id);
}

// The answer checked against its item: its display and points.
Result<ScoredAnswer> read_answer(const InstrumentItem& item, const std::string& value) {
  ScoredAnswer answer{item.link_id, value, value, std::nullopt};
  switch (item.type) {
    case ItemType::Choice: {
      auto option = std::find_if(item.options.begin(), item.options.end(),
                                 [&](const AnswerOption& candidate) { return candidate.code == value; });
      if (option == item.options.end()) {
        std::string codes;
        for (const auto& candidate : item.options) codes += (codes.empty() ? "" : ", ") + candidate.code;
        return fail(bad_answer(item.link_id, "must be one of " + codes));
      }
      answer.display = option->display;
      if (item.scored) answer.points = option->points;
      return answer;
    }
    case ItemType::Boolean:
      if (value != "true" && value != "false") return fail(bad_answer(item.link_id, "must be true or false"));
      if (item.scored) answer.points = value == "true" ? item.points_true : item.points_false;
      return answer;
    case ItemType::Integer: {
      std::int64_t number = 0;
      auto [end, status] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (status != std::errc() || end != value.data() + value.size() || number < item.min || number > item.max) {
        return fail(bad_answer(item.link_id, "must be a whole number from " + std::to_string(item.min) + " to " +
                                                 std::to_string(item.max)));
      }
      if (item.scored && !item.points.empty()) {
        for (const auto& range : item.points) {
          if (number >= range.min && number <= range.max) answer.points = range.points;
        }
      }
      return answer;
    }
    case ItemType::Text:
      if (!is_valid_utf8(value) || has_control_characters(value, LineBreaks::Allowed) ||
          utf8_length(value) > item.max_length) {
        return fail(
            bad_answer(item.link_id, "must be text of at most " + std::to_string(item.max_length) + " characters"));
      }
      return answer;
    case ItemType::Display: return fail(bad_answer(item.link_id, "is a heading and takes no answer"));
  }
  return answer;
}

}  // namespace

Result<AssessmentScore> score_assessment(const Instrument& instrument, const Answers& answers,
                                         Completeness completeness) {
  for (const auto& [link_id, value] : answers) {
    if (!find_item(instrument, link_id)) return fail(bad_answer(link_id, "is not an item of " + instrument.title));
  }
  AssessmentScore score;
  GivenAnswers given;
  for (const auto& item : instrument.items) {
    const bool asked = all_hold(item.enable_when, given);
    auto found = answers.find(item.link_id);
    const bool answered = found != answers.end() && !(item.type == ItemType::Text && trim(found->second).empty());
    if (!asked) {
      if (answered) return fail(bad_answer(item.link_id, "is not asked with the answers given before it"));
      continue;
    }
    if (!answered) {
      if (item.required) {
        if (completeness == Completeness::Required) return fail(bad_answer(item.link_id, "is required"));
        score.complete = false;
      }
      continue;
    }
    const auto value = item.type == ItemType::Text ? trim(found->second) : found->second;
    CB_TRY_ASSIGN(answer, read_answer(item, value));
    given[item.link_id] = {answer.value, answer.points};
    score.answers.push_back(std::move(answer));
  }
  const auto& scoring = instrument.scoring;
  if (scoring.method == ScoringMethod::Sum) {
    int total = 0;
    for (const auto& answer : score.answers) total += answer.points.value_or(0);
    score.total = total;
    for (const auto& band : scoring.bands) {
      if (total >= band.min && total <= band.max) {
        score.result_code = band.code;
        score.result_display = band.display;
      }
    }
  } else if (scoring.method == ScoringMethod::Rules) {
    const RiskLevel* level = &scoring.otherwise;
    for (const auto& candidate : scoring.levels) {
      if (any_holds(candidate.when_any, given)) {
        level = &candidate;
        break;
      }
    }
    score.result_code = level->code;
    score.result_display = level->display;
  }
  for (const auto& flag : instrument.flags) {
    const bool by_band = !score.result_code.empty() && std::find(flag.when_band.begin(), flag.when_band.end(),
                                                                 score.result_code) != flag.when_band.end();
    if (by_band || any_holds(flag.when_any, given)) {
      score.flags.push_back({flag.code, flag.display, flag.action, flag.need});
    }
  }
  return score;
}

}  // namespace caseboard
