// An appointment or home visit with a client, with the transport and interpreter arranged for it,
// and what happened: scheduled → attended | no_show | cancelled.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "core/result.hpp"

namespace caseboard {

inline constexpr std::string_view kAppointmentKinds[] = {"home_visit", "office", "phone", "video", "other"};
inline constexpr std::string_view kAppointmentOutcomes[] = {"attended", "no_show", "cancelled"};

struct AppointmentFields {
  std::string kind;
  std::string starts_at;  // UTC timestamps
  std::string ends_at;
  std::string location;
  std::string staff_id;  // who sees the client
  bool transport_arranged = false;
  std::string transport_details;
  std::string interpreter_language;  // empty: no interpreter needed
  bool interpreter_arranged = false;
  std::optional<std::int64_t> cost_cents;  // what the visit cost, when recorded
};

struct Appointment {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  std::string client_id;
  std::string case_id;
  AppointmentFields fields;
  std::string client_name;  // "Family, Given": for the calendar feed's initials
  std::string status = "scheduled";
  std::string outcome_at;
  std::string created_by;
  std::string created_at;
};

// Ends after it starts, lasts at most 24 hours; a valid interpreter language tag.
[[nodiscard]] Result<AppointmentFields> validate_appointment(AppointmentFields fields);

// Only a scheduled appointment gets an outcome (FailedPrecondition otherwise); attended and
// no-show only once it has started (InvalidArgument, field "status").
[[nodiscard]] Result<void> check_appointment_outcome(const Appointment& appointment, std::string_view outcome,
                                                     Timestamp now);

}  // namespace caseboard
