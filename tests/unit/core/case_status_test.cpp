#include "core/case_status.hpp"

#include <gtest/gtest.h>

namespace caseboard {
namespace {

using enum CaseStatus;

struct Step {
  CaseStatus from;
  CaseStatus to;
  const char* reason;
  ErrorCode expected;  // Internal stands for "allowed" in this table
};

constexpr ErrorCode kAllowed = ErrorCode::Internal;

TEST(CaseStatusTest, FollowsTheCaseCycleAndNothingElse) {
  const Step steps[] = {
      {Referred, Intake, "", kAllowed},
      {Intake, Active, "", kAllowed},
      {Active, OnHold, "", kAllowed},
      {OnHold, Active, "", kAllowed},
      {Active, Discharged, "", kAllowed},
      {OnHold, Discharged, "", kAllowed},
      {Discharged, Closed, "", kAllowed},
      {Referred, Closed, "Declined services", kAllowed},
      {Intake, Closed, "Not eligible", kAllowed},
      {Referred, Closed, "  ", ErrorCode::InvalidArgument},
      {Intake, Closed, "", ErrorCode::InvalidArgument},
      {Referred, Active, "", ErrorCode::FailedPrecondition},
      {Referred, Discharged, "", ErrorCode::FailedPrecondition},
      {Intake, OnHold, "", ErrorCode::FailedPrecondition},
      {Active, Closed, "", ErrorCode::FailedPrecondition},
      {Active, Intake, "", ErrorCode::FailedPrecondition},
      {Discharged, Active, "", ErrorCode::FailedPrecondition},
      {Closed, Active, "", ErrorCode::FailedPrecondition},
      {Closed, Referred, "", ErrorCode::FailedPrecondition},
      {Active, Active, "", ErrorCode::FailedPrecondition},
  };
  for (const auto& step : steps) {
    auto result = check_case_transition(step.from, step.to, step.reason);
    const auto label = std::string(case_status_name(step.from)) + " -> " + std::string(case_status_name(step.to));
    if (step.expected == kAllowed) {
      EXPECT_TRUE(result) << label;
    } else {
      ASSERT_FALSE(result) << label;
      EXPECT_EQ(result.error().code, step.expected) << label;
    }
  }
}

TEST(CaseStatusTest, IllegalStepMessageNamesBothStates) {
  auto result = check_case_transition(Closed, OnHold, "");
  ASSERT_FALSE(result);
  EXPECT_NE(result.error().public_message.find("closed"), std::string::npos);
  EXPECT_NE(result.error().public_message.find("on_hold"), std::string::npos);
}

TEST(CaseStatusTest, AllowedNextStatusesMatchTheMachine) {
  EXPECT_EQ(allowed_next_statuses(Referred), (std::vector<CaseStatus>{Intake, Closed}));
  EXPECT_EQ(allowed_next_statuses(Active), (std::vector<CaseStatus>{OnHold, Discharged}));
  EXPECT_EQ(allowed_next_statuses(OnHold), (std::vector<CaseStatus>{Active, Discharged}));
  EXPECT_TRUE(allowed_next_statuses(Closed).empty());
}

TEST(CaseStatusTest, NamesRoundTrip) {
  for (auto status : {Referred, Intake, Active, OnHold, Discharged, Closed}) {
    EXPECT_EQ(parse_case_status(case_status_name(status)), status);
  }
  EXPECT_FALSE(parse_case_status("Active"));
  EXPECT_FALSE(parse_case_status("open"));
}

TEST(CaseStatusTest, AllStatusesAreListedOnceInCycleOrder) {
  const std::vector<CaseStatus> expected{Referred, Intake, Active, OnHold, Discharged, Closed};
  EXPECT_EQ(all_case_statuses(), expected);
}

}  // namespace
}  // namespace caseboard
