// A care plan: the client's needs, measurable goals (what, measure, baseline, target, due date,
// who is responsible, status, % achieved) and the interventions that serve them, linked to the
// tasks, appointments and referrals that carry them out. Every change is a new version; two
// versions compare as a list of changes (who changed what is kept with each version).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace caseboard {

inline constexpr std::string_view kNeedStatuses[] = {"proposed", "active", "met", "dismissed"};
inline constexpr std::string_view kGoalStatuses[] = {"not_started", "in_progress", "achieved", "not_achieved",
                                                     "discontinued"};
inline constexpr std::string_view kResponsibleKinds[] = {"staff", "client", "family", "partner"};
inline constexpr std::string_view kInterventionKinds[] = {"rehabilitative", "therapeutic", "preventive", "education",
                                                          "coordination"};
inline constexpr std::string_view kAgreementKinds[] = {"client", "family", "guardian"};

struct Need {
  std::string id;  // stable within the plan, chosen by the client of the API (e.g. "n1")
  std::string category;
  std::string description;
  std::string status = "active";
  std::string source;  // e.g. the assessment that proposed it
};

struct Goal {
  std::string id;
  std::string need_id;
  std::string description;  // what
  std::string measure;      // how progress is measured
  std::string baseline;
  std::string target;
  std::string due_date;  // YYYY-MM-DD
  std::string responsible_kind = "staff";
  std::string responsible_name;
  std::string status = "not_started";
  int percent_achieved = 0;
};

// A goal that can be audited: what measures it, the target and the due date are all written.
bool goal_is_measurable(const Goal& goal);

struct Intervention {
  std::string id;
  std::string goal_id;
  std::string kind;
  std::string description;
  std::string task_id;  // what carries it out, if linked
  std::string appointment_id;
  std::string referral_out_id;
};

struct CarePlanContent {
  std::vector<Need> needs;
  std::vector<Goal> goals;
  std::vector<Intervention> interventions;
  bool operator==(const CarePlanContent&) const = default;
};

struct CarePlanAgreement {
  int version = 0;   // the version agreed to
  std::string kind;  // client, family, guardian
  std::string name;
  std::string at;
  std::string recorded_by;
};

struct CarePlan {
  std::string case_id;
  std::string client_id;
  std::string organization_id;
  std::int64_t version = 0;
  CarePlanContent content;
  std::string updated_at;
  std::string updated_by;
  std::optional<CarePlanAgreement> agreement;
};

struct CarePlanVersion {
  std::int64_t version = 0;
  std::string changed_at;
  std::string changed_by;
  std::string note;
  CarePlanContent content;
};

// One difference between two versions: "goals[g1].target" changed from "..." to "...", or an
// item added or removed (then the item's label is in before / after).
struct PlanChange {
  std::string path;
  std::string before;
  std::string after;
};

// Trims and checks every item: ids present and unique, goals naming a need of the plan,
// interventions naming a goal, known statuses and kinds, due dates real, % achieved 0-100. The
// error names the item's field ("goals[1].due_date").
[[nodiscard]] Result<CarePlanContent> validate_care_plan(CarePlanContent content);

// What changed from `before` to `after`, item by item in their order.
std::vector<PlanChange> diff_care_plans(const CarePlanContent& before, const CarePlanContent& after);

}  // namespace caseboard
