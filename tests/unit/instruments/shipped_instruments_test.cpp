// Every instrument shipped in data/instruments loads, and scores the test vectors of
// scoring_cases.json (each band's boundaries and the published worked examples) exactly.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/instrument_scoring.hpp"
#include "instruments/instrument_file.hpp"

namespace caseboard {
namespace {

const std::filesystem::path kSource = CASEBOARD_SOURCE_DIR;

std::map<std::string, Instrument> shipped() {
  auto loaded = instruments::load_instruments(kSource / "data" / "instruments");
  EXPECT_TRUE(loaded) << (loaded ? "" : loaded.error().public_message);
  std::map<std::string, Instrument> by_id;
  if (loaded) {
    for (auto& instrument : *loaded) by_id[instrument.id] = std::move(instrument);
  }
  return by_id;
}

// An answer as the API would hand it over: a code, a whole number or a boolean, as text.
std::string canonical(const nlohmann::json& value) {
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  return value.get<std::string>();
}

TEST(ShippedInstrumentsTest, AllNineLoadAndCiteTheirSource) {
  const auto instruments = shipped();
  for (const auto* id : {"katz-adl", "lawton-iadl", "phq-9", "gad-7", "cssrs-screener", "lace-index", "ahc-hrsn",
                         "biopsychosocial-intake", "nursing-assessment"}) {
    auto found = instruments.find(id);
    ASSERT_NE(found, instruments.end()) << id;
    EXPECT_FALSE(found->second.citation.empty()) << id;
  }
}

TEST(ShippedInstrumentsTest, ScoreEveryVectorExactly) {
  const auto instruments = shipped();
  std::ifstream in(kSource / "tests" / "unit" / "instruments" / "scoring_cases.json");
  ASSERT_TRUE(in) << "scoring_cases.json is missing";
  const auto cases = nlohmann::json::parse(in);
  ASSERT_TRUE(cases.is_array());
  std::map<std::string, int> per_instrument;
  for (std::size_t i = 0; i < cases.size(); ++i) {
    const auto& vector = cases[i];
    const auto id = vector.at("instrument").get<std::string>();
    SCOPED_TRACE("case " + std::to_string(i) + " (" + id + ", " + vector.value("source", "") + ")");
    auto instrument = instruments.find(id);
    ASSERT_NE(instrument, instruments.end());
    Answers answers;
    for (const auto& [link_id, value] : vector.at("answers").items()) answers[link_id] = canonical(value);
    auto score = score_assessment(instrument->second, answers);
    const auto& expect = vector.at("expect");
    if (expect.contains("error_field")) {
      ASSERT_FALSE(score);
      EXPECT_EQ(score.error().field, expect.at("error_field").get<std::string>());
      continue;
    }
    ASSERT_TRUE(score) << score.error().public_message;
    if (expect.contains("score")) {
      if (expect.at("score").is_null()) {
        EXPECT_FALSE(score->total);
      } else {
        ASSERT_TRUE(score->total);
        EXPECT_EQ(*score->total, expect.at("score").get<int>());
      }
    }
    if (expect.contains("band")) {
      const auto& band = expect.at("band");
      EXPECT_EQ(score->result_code, band.is_null() ? std::string() : band.get<std::string>());
    }
    if (expect.contains("flags")) {
      std::vector<std::string> fired;
      for (const auto& flag : score->flags) fired.push_back(flag.code);
      auto wanted = expect.at("flags").get<std::vector<std::string>>();
      std::sort(fired.begin(), fired.end());
      std::sort(wanted.begin(), wanted.end());
      EXPECT_EQ(fired, wanted);
    }
    ++per_instrument[id];
  }
  for (const auto* id : {"katz-adl", "lawton-iadl", "phq-9", "gad-7", "cssrs-screener", "lace-index", "ahc-hrsn"}) {
    EXPECT_GE(per_instrument[id], 4) << id << " needs vectors at its band boundaries";
  }
}

}  // namespace
}  // namespace caseboard
