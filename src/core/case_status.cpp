#include "core/case_status.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/text.hpp"

namespace caseboard {
namespace {

constexpr std::array<std::pair<CaseStatus, std::string_view>, 6> kStatusNames{{
    {CaseStatus::Referred, "referred"},
    {CaseStatus::Intake, "intake"},
    {CaseStatus::Active, "active"},
    {CaseStatus::OnHold, "on_hold"},
    {CaseStatus::Discharged, "discharged"},
    {CaseStatus::Closed, "closed"},
}};

struct Step {
  CaseStatus from;
  CaseStatus to;
  bool needs_reason;
};

constexpr std::array<Step, 9> kSteps{{
    {CaseStatus::Referred, CaseStatus::Intake, false},
    {CaseStatus::Referred, CaseStatus::Closed, true},  // referral declined
    {CaseStatus::Intake, CaseStatus::Active, false},
    {CaseStatus::Intake, CaseStatus::Closed, true},  // client withdrew or was not eligible
    {CaseStatus::Active, CaseStatus::OnHold, false},
    {CaseStatus::OnHold, CaseStatus::Active, false},
    {CaseStatus::Active, CaseStatus::Discharged, false},
    {CaseStatus::OnHold, CaseStatus::Discharged, false},
    {CaseStatus::Discharged, CaseStatus::Closed, false},
}};

std::optional<Step> find_step(CaseStatus from, CaseStatus to) {
  for (const auto& step : kSteps) {
    if (step.from == from && step.to == to) return step;
  }
  return std::nullopt;
}

}  // namespace

std::string_view case_status_name(CaseStatus status) {
  for (const auto& [candidate, name] : kStatusNames) {
    if (candidate == status) return name;
  }
  return "unknown";
}

std::vector<CaseStatus> all_case_statuses() {
  std::vector<CaseStatus> statuses;
  for (const auto& [status, name] : kStatusNames) statuses.push_back(status);
  return statuses;
}

std::optional<CaseStatus> parse_case_status(std::string_view name) {
  for (const auto& [status, candidate] : kStatusNames) {
    if (candidate == name) return status;
  }
  return std::nullopt;
}

std::vector<CaseStatus> allowed_next_statuses(CaseStatus from) {
  std::vector<CaseStatus> next;
  for (const auto& [status, name] : kStatusNames) {
    if (find_step(from, status)) next.push_back(status);
  }
  return next;
}

Result<void> check_case_transition(CaseStatus from, CaseStatus to, std::string_view reason) {
  auto step = find_step(from, to);
  if (!step) {
    return fail(
        ErrorCode::FailedPrecondition,
        "a case cannot go from " + std::string(case_status_name(from)) + " to " + std::string(case_status_name(to)),
        "to");
  }
  if (step->needs_reason && trim(reason).empty()) {
    return fail(ErrorCode::InvalidArgument,
                "closing a case from " + std::string(case_status_name(from)) + " needs a reason", "reason");
  }
  return {};
}

}  // namespace caseboard
