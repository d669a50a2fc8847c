// The instrument engine on small definitions written here: the file format's checks, skip logic,
// sums and bands, rules, flags, and the errors that name the answer at fault.
#include <gtest/gtest.h>

#include "core/instrument_scoring.hpp"
#include "instruments/instrument_file.hpp"

namespace caseboard {
namespace {

constexpr std::string_view kScreen = R"({
  "id": "demo-screen", "version": "1", "title": "Demo screen", "citation": "Written for this test.",
  "items": [
    {"link_id": "q1", "text": "First", "type": "choice", "required": true,
     "options": [{"code": "0", "display": "No", "points": 0}, {"code": "1", "display": "Some", "points": 1},
                 {"code": "3", "display": "A lot", "points": 3}]},
    {"link_id": "q2", "text": "Only when q1 is not No", "type": "choice", "required": true,
     "enable_when": [{"link_id": "q1", "in": ["1", "3"]}],
     "options": [{"code": "0", "display": "No", "points": 0}, {"code": "2", "display": "Yes", "points": 2}]},
    {"link_id": "days", "text": "Days", "type": "integer", "min": 0, "max": 30,
     "points": [{"min": 0, "max": 0, "points": 0}, {"min": 1, "max": 6, "points": 1}, {"min": 7, "max": 30, "points": 2}]},
    {"link_id": "note", "text": "Anything else", "type": "text", "max_length": 10},
    {"link_id": "ok", "text": "Unscored", "type": "boolean", "scored": false, "points_true": 5}
  ],
  "scoring": {"method": "sum", "min": 0, "max": 7, "bands": [
    {"code": "low", "display": "Low", "min": 0, "max": 2}, {"code": "high", "display": "High", "min": 3, "max": 7}]},
  "flags": [
    {"code": "q2-yes", "display": "q2 answered yes", "when_any": [{"link_id": "q2", "points_above": 0}], "action": "urgent_safety_task"},
    {"code": "high", "display": "High band", "when_band": ["high"], "action": "early_follow_up"},
    {"code": "sum", "display": "q1 and days add up", "when_any": [{"sum_of": ["q1", "days"], "above": 3}], "action": "none"}
  ]
})";

Instrument screen() {
  auto parsed = instruments::parse_instrument(kScreen, "demo.json");
  EXPECT_TRUE(parsed) << (parsed ? "" : parsed.error().public_message);
  return parsed ? *parsed : Instrument{};
}

std::vector<std::string> flag_codes(const AssessmentScore& score) {
  std::vector<std::string> codes;
  for (const auto& flag : score.flags) codes.push_back(flag.code);
  return codes;
}

TEST(InstrumentEngineTest, SumsScoredItemsAndFindsTheBand) {
  const auto definition = screen();
  auto low = score_assessment(definition, {{"q1", "1"}, {"q2", "0"}, {"days", "6"}, {"ok", "true"}});
  ASSERT_TRUE(low) << low.error().public_message;
  EXPECT_EQ(low->total, 2);
  EXPECT_EQ(low->result_code, "low");
  EXPECT_TRUE(low->flags.empty());
  ASSERT_EQ(low->answers.size(), 4u);
  EXPECT_EQ(low->answers[0].display, "Some");
  EXPECT_FALSE(low->answers[3].points) << "an unscored item carries no points";

  auto high = score_assessment(definition, {{"q1", "1"}, {"q2", "2"}, {"days", "0"}});
  ASSERT_TRUE(high);
  EXPECT_EQ(high->total, 3);
  EXPECT_EQ(high->result_code, "high");
  EXPECT_EQ(flag_codes(*high), (std::vector<std::string>{"q2-yes", "high"}));

  auto summed = score_assessment(definition, {{"q1", "3"}, {"q2", "0"}, {"days", "7"}});
  ASSERT_TRUE(summed);
  EXPECT_EQ(summed->total, 5);
  EXPECT_EQ(flag_codes(*summed), (std::vector<std::string>{"high", "sum"}));
}

TEST(InstrumentEngineTest, SkipLogicLeavesOutAndRefusesItemsNotAsked) {
  const auto definition = screen();
  auto skipped = score_assessment(definition, {{"q1", "0"}});
  ASSERT_TRUE(skipped) << skipped.error().public_message;
  EXPECT_EQ(skipped->total, 0);
  auto refused = score_assessment(definition, {{"q1", "0"}, {"q2", "2"}});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "answers.q2");
  auto missing = score_assessment(definition, {{"q1", "1"}});
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().field, "answers.q2") << "asked now, and required";
  auto partial = score_assessment(definition, {{"q1", "3"}}, Completeness::Partial);
  ASSERT_TRUE(partial) << "a form being filled scores what is there";
  EXPECT_FALSE(partial->complete);
  EXPECT_EQ(partial->total, 3);
  EXPECT_TRUE(score_assessment(definition, {{"q1", "0"}}, Completeness::Partial)->complete);
}

TEST(InstrumentEngineTest, AnswersTheItemDoesNotTakeAreRefusedByName) {
  const auto definition = screen();
  const std::pair<Answers, std::string> cases[] = {
      {{{"q1", "2"}}, "answers.q1"},                             // not an option
      {{{"q1", "0"}, {"days", "31"}}, "answers.days"},           // out of range
      {{{"q1", "0"}, {"days", "1.5"}}, "answers.days"},          // not whole
      {{{"q1", "0"}, {"note", "eleven char"}}, "answers.note"},  // too long
      {{{"q1", "0"}, {"ok", "yes"}}, "answers.ok"},              // not a boolean
      {{{"q1", "0"}, {"extra", "1"}}, "answers.extra"},          // not an item
  };
  for (const auto& [answers, field] : cases) {
    auto result = score_assessment(definition, answers);
    ASSERT_FALSE(result) << field;
    EXPECT_EQ(result.error().field, field);
    EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument);
  }
}

TEST(InstrumentEngineTest, RulesGiveTheFirstLevelThatHolds) {
  constexpr std::string_view kRules = R"({
    "id": "demo-rules", "version": "1", "title": "Rules", "citation": "Test.",
    "items": [{"link_id": "a", "text": "A", "type": "boolean", "required": true},
              {"link_id": "b", "text": "B", "type": "boolean", "enable_when": [{"link_id": "a", "in": ["true"]}]}],
    "scoring": {"method": "rules", "levels": [
        {"code": "high", "display": "High", "when_any": [{"link_id": "b", "in": ["true"]}]},
        {"code": "low", "display": "Low", "when_any": [{"link_id": "a", "in": ["true"]}]}],
      "otherwise": {"code": "none", "display": "None"}},
    "flags": [{"code": "act", "display": "Act", "when_band": ["high"], "action": "urgent_safety_task"}]
  })";
  auto definition = instruments::parse_instrument(kRules, "rules.json");
  ASSERT_TRUE(definition) << definition.error().public_message;
  EXPECT_EQ(score_assessment(*definition, {{"a", "false"}})->result_code, "none");
  EXPECT_EQ(score_assessment(*definition, {{"a", "true"}, {"b", "false"}})->result_code, "low");
  auto high = score_assessment(*definition, {{"a", "true"}, {"b", "true"}});
  EXPECT_EQ(high->result_code, "high");
  EXPECT_FALSE(high->total);
  EXPECT_EQ(flag_codes(*high), std::vector<std::string>{"act"});
}

TEST(InstrumentEngineTest, UnsoundDefinitionsAreRefusedNamingTheField) {
  const std::pair<std::string, std::string> cases[] = {
      {R"("bands": [{"code": "low", "display": "Low", "min": 0, "max": 2}, {"code": "high", "display": "High", "min": 4, "max": 7}])",
       "scoring.bands"},
      {R"("bands": [{"code": "low", "display": "Low", "min": 0, "max": 2}, {"code": "high", "display": "High", "min": 3, "max": 6}])",
       "scoring.bands"},
  };
  for (const auto& [bands, field] : cases) {
    std::string text(kScreen);
    const auto start = text.find("\"bands\": [");
    const auto end = text.find("]}", start) + 1;
    text.replace(start, end - start, bands);
    auto parsed = instruments::parse_instrument(text, "bad.json");
    ASSERT_FALSE(parsed) << bands;
    EXPECT_EQ(parsed.error().field, field);
    EXPECT_NE(parsed.error().public_message.find("bad.json"), std::string::npos);
  }
  auto later = std::string(kScreen);
  const std::string looks_back = R"({"link_id": "q1", "in": ["1", "3"]})";
  later.replace(later.find(looks_back), looks_back.size(), R"({"link_id": "days", "in": ["1", "3"]})");
  auto refused = instruments::parse_instrument(later, "later.json");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "items[1].enable_when[0]") << "skip logic may only look back";

  auto unknown = std::string(kScreen);
  unknown.replace(unknown.find("\"citation\""), 10, "\"citatoin\"");
  refused = instruments::parse_instrument(unknown, "typo.json");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "citatoin");
}

}  // namespace
}  // namespace caseboard
