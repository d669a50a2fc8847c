// Discharge and what follows it: the discharge plan (where the client goes, what was arranged,
// whether the family was taught), the post-discharge check-in, readmissions tracked against the
// discharge (within 30 days counts as a readmission for the rate), and the outcome a case closes with.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/result.hpp"

namespace caseboard {

inline constexpr std::string_view kDischargeDestinations[] = {"home", "home_with_aide", "long_term_care",
                                                              "rehabilitation", "other"};
inline constexpr std::string_view kCaseOutcomes[] = {"goals_met",   "partially_met", "not_met", "client_withdrew",
                                                     "transferred", "deceased",      "other"};

struct DischargeFields {
  std::string discharged_at;  // UTC timestamp
  std::string destination;
  std::string destination_details;
  std::string services_arranged;
  bool family_education_done = false;
  std::string notes;
};

struct CheckIn {
  std::string at;
  std::string by;
  bool health_status_changed = false;
  int satisfaction = 0;  // 1 (very dissatisfied) .. 5 (very satisfied)
  std::string notes;
};

struct Readmission {
  std::string id;
  std::string admitted_at;
  std::string facility;
  std::string reason;
  int days_after_discharge = 0;
  bool within_30_days = false;
};

struct Discharge {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  std::string client_id;
  std::string case_id;
  DischargeFields fields;
  std::optional<CheckIn> check_in;
  std::vector<Readmission> readmissions;
  std::string created_by;
  std::string created_at;
};

// discharged_at may not be in the future; "other" needs destination_details.
[[nodiscard]] Result<DischargeFields> validate_discharge(DischargeFields fields, Timestamp now);
// Satisfaction 1-5 (InvalidArgument, "satisfaction").
[[nodiscard]] Result<CheckIn> validate_check_in(CheckIn check_in);
// Admitted at or after the discharge and not in the future; days and within_30_days filled in.
[[nodiscard]] Result<Readmission> validate_readmission(Readmission readmission, Timestamp discharged_at, Timestamp now);

}  // namespace caseboard
