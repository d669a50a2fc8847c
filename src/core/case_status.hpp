// The case (episode of care) and its status machine:
//   referred → intake → active ⇄ on_hold;  active | on_hold → discharged → closed;
//   referred | intake → closed (declined or withdrawn, with a reason).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace caseboard {

enum class CaseStatus { Referred, Intake, Active, OnHold, Discharged, Closed };

std::string_view case_status_name(CaseStatus status);
// Every status, in the order of the case cycle.
std::vector<CaseStatus> all_case_statuses();
std::optional<CaseStatus> parse_case_status(std::string_view name);
std::vector<CaseStatus> allowed_next_statuses(CaseStatus from);

// Returns FailedPrecondition naming both states when the machine has no such step, and
// InvalidArgument (field "reason") when a step that needs a reason has none.
[[nodiscard]] Result<void> check_case_transition(CaseStatus from, CaseStatus to, std::string_view reason);

struct CaseStatusChange {
  std::string from;  // empty for the opening entry
  std::string to;
  std::string at;
  std::string by_user_id;
  std::string reason;
};

struct Case {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  std::string client_id;
  std::string program_id;
  std::string case_manager_id;  // empty when unassigned
  CaseStatus status = CaseStatus::Referred;
  std::string opened_at;
  std::string status_changed_at;
  std::string closed_reason;
  std::string closed_outcome;  // one of kCaseOutcomes (core/discharge.hpp) when closed after a discharge
  bool restricted = false;     // this episode opens only for users a consent in force names
  std::vector<CaseStatusChange> history;
};

}  // namespace caseboard
