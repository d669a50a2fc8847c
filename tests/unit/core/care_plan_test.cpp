// Care plan content: what validation refuses (naming the item's field) and how versions compare.
#include "core/care_plan.hpp"

#include <gtest/gtest.h>

namespace caseboard {
namespace {

CarePlanContent plan() {
  CarePlanContent content;
  content.needs.push_back({"n1", "medication", "Misses doses", "active", ""});
  Goal goal;
  goal.id = "g1";
  goal.need_id = "n1";
  goal.description = "Takes medication every day";
  goal.measure = "Pill box check at each visit";
  goal.baseline = "3 of 7 days";
  goal.target = "7 of 7 days";
  goal.due_date = "2027-01-15";
  goal.responsible_kind = "client";
  content.goals.push_back(goal);
  content.interventions.push_back({"i1", "g1", "education", "Medication education with the daughter", "", "", ""});
  return content;
}

TEST(CarePlanTest, AValidPlanPasses) {
  auto valid = validate_care_plan(plan());
  ASSERT_TRUE(valid) << valid.error().public_message;
}

TEST(CarePlanTest, RefusalsNameTheItemsField) {
  struct Case {
    const char* name;
    void (*spoil)(CarePlanContent&);
    const char* field;
  };
  const Case cases[] = {
      {"goal of an unknown need", [](CarePlanContent& c) { c.goals[0].need_id = "n9"; }, "goals[0].need_id"},
      {"intervention of an unknown goal", [](CarePlanContent& c) { c.interventions[0].goal_id = "g9"; },
       "interventions[0].goal_id"},
      {"repeated id", [](CarePlanContent& c) { c.needs.push_back(c.needs[0]); }, "needs[1].id"},
      {"no such date", [](CarePlanContent& c) { c.goals[0].due_date = "2027-02-30"; }, "goals[0].due_date"},
      {"percent above 100", [](CarePlanContent& c) { c.goals[0].percent_achieved = 101; }, "goals[0].percent_achieved"},
      {"unknown status", [](CarePlanContent& c) { c.goals[0].status = "done"; }, "goals[0].status"},
      {"unknown responsible", [](CarePlanContent& c) { c.goals[0].responsible_kind = "robot"; },
       "goals[0].responsible_kind"},
      {"unknown kind", [](CarePlanContent& c) { c.interventions[0].kind = "magic"; }, "interventions[0].kind"},
      {"no measure", [](CarePlanContent& c) { c.goals[0].measure = "  "; }, "goals[0].measure"},
      {"no target", [](CarePlanContent& c) { c.goals[0].target = ""; }, "goals[0].target"},
  };
  for (const auto& c : cases) {
    auto content = plan();
    c.spoil(content);
    auto refused = validate_care_plan(content);
    ASSERT_FALSE(refused) << c.name;
    EXPECT_EQ(refused.error().field, c.field) << c.name;
    EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
  }
}

TEST(CarePlanTest, TheDiffSaysWhatChangedItemByItem) {
  const auto before = plan();
  auto after = plan();
  after.goals[0].percent_achieved = 40;
  after.goals[0].status = "in_progress";
  after.interventions.clear();
  after.needs.push_back({"n2", "housing", "Rent arrears", "proposed", "assessment as_1"});
  const auto changes = diff_care_plans(before, after);
  std::vector<std::string> seen;
  for (const auto& change : changes) seen.push_back(change.path + ":" + change.before + ">" + change.after);
  EXPECT_EQ(seen, (std::vector<std::string>{"needs[n2]:>Rent arrears", "goals[g1].status:not_started>in_progress",
                                            "goals[g1].percent_achieved:0>40",
                                            "interventions[i1]:Medication education with the daughter>"}));
  EXPECT_TRUE(diff_care_plans(before, before).empty());
}

}  // namespace
}  // namespace caseboard
