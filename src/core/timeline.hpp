// The client chart as one timeline: every record of the client's cases as an event, newest first.
#pragma once

#include <string>
#include <vector>

namespace caseboard {

struct TimelineEvent {
  std::string kind;  // referral, first_contact, note, appointment, referral_out, incident, plan_review,
                     // discharge, check_in, readmission, case_status
  std::string at;    // UTC timestamp
  std::string id;
  std::string case_id;
  std::string title;
  std::string status;
  bool overdue = false;  // its clock has run out
};

// Newest first; events at the same time keep the order they were given in.
void order_timeline(std::vector<TimelineEvent>& events);

}  // namespace caseboard
