// An incident report (a fall, a medication error, self-harm...): when it occurred and when it was
// reported, what was done, whether emergency services came. A draft until submitted; the program's
// incident clock (4 hours by default) runs from the time it occurred to its submission.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "core/result.hpp"

namespace caseboard {

inline constexpr std::string_view kIncidentTypes[] = {
    "fall",     "medication_error", "behavioral",        "self_harm",
    "violence", "abuse_or_neglect", "medical_emergency", "missing_person",
    "other"};
inline constexpr std::string_view kIncidentSeverities[] = {"low", "moderate", "high", "critical"};

struct IncidentFields {
  std::string occurred_at;  // UTC timestamp
  std::string type;
  std::string severity;
  std::string description;
  bool emergency_services_contacted = false;
  std::string actions;  // what was done
};

struct Incident {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  std::string client_id;
  std::string case_id;
  IncidentFields fields;
  std::string status = "draft";  // draft | submitted
  std::string reported_at;       // when the report was started
  std::string documented_at;     // when it was submitted
  bool late = false;             // submitted after the incident clock ran out
  std::string reported_by;
};

// occurred_at may not be in the future.
[[nodiscard]] Result<IncidentFields> validate_incident(IncidentFields fields, Timestamp now);
// A report is complete enough to submit when it says what was done (InvalidArgument, "actions").
[[nodiscard]] Result<void> check_incident_complete(const IncidentFields& fields);

}  // namespace caseboard
