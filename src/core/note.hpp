// A progress note: the record of a contact. Written as a draft, then signed — a signed note never
// changes again; corrections are addenda. Late when signed more than the program's note clock after
// the time of service. Some programs want a supervisor's co-signature on every note.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/calendar.hpp"
#include "core/result.hpp"

namespace caseboard {

inline constexpr std::string_view kContactTypes[] = {"home_visit", "office", "phone", "video", "collateral"};

// The structured part of a note, beside its free text.
struct NoteSections {
  std::string purpose;
  std::string observations;
  std::string interventions;
  std::string client_response;
  std::string plan;
};

struct NoteFields {
  std::string contact_type;
  std::string service_at;  // UTC timestamp: when the contact happened
  std::string body;
  NoteSections sections;
  std::string appointment_id;  // the appointment this note documents, if any
};

struct NoteAddendum {
  std::string id;
  std::string author_id;
  std::string written_at;
  std::string body;
};

struct Note {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  std::string client_id;
  std::string case_id;
  std::string author_id;
  NoteFields fields;
  std::string written_at;
  std::string status = "draft";  // draft | signed
  std::string signed_at;
  bool late = false;
  bool cosign_required = false;
  std::string cosigned_at;
  std::string cosigned_by;
  std::vector<NoteAddendum> addenda;
};

// Trims and checks the fields; service_at may not be in the future.
[[nodiscard]] Result<NoteFields> validate_note(NoteFields fields, Timestamp now);
// 1 to 20000 characters.
[[nodiscard]] Result<std::string> validate_addendum(std::string body);

// Late: signed more than `note_hours` after the time of service.
bool is_late_note(Timestamp service_at, Timestamp signed_at, int note_hours);

}  // namespace caseboard
