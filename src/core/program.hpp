// A program of an agency (e.g. "Care Transitions", "Community Mental Health"): cases are episodes
// of care in a program, and the clocks are configured per program.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock_rules.hpp"
#include "core/result.hpp"

namespace caseboard {

struct ProgramFields {
  std::string name;
  std::string description;
  bool active = true;
  ClockRules clock_rules;          // the program's clocks (defaults from SPEC.md)
  bool notes_need_cosign = false;  // every signed note waits for the author's supervisor to co-sign
};

struct Program {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  ProgramFields fields;
  std::string created_at;
  std::string updated_at;
};

// Trims and checks the fields; the error names the field at fault.
[[nodiscard]] Result<ProgramFields> validate_program(ProgramFields fields);

}  // namespace caseboard
