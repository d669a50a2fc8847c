#include "core/program.hpp"

#include "core/text.hpp"

namespace caseboard {

Result<ProgramFields> validate_program(ProgramFields fields) {
  fields.name = trim(fields.name);
  fields.description = trim(fields.description);
  if (fields.name.empty() || utf8_length(fields.name) > 120 ||
      has_control_characters(fields.name, LineBreaks::Refused)) {
    return fail(ErrorCode::InvalidArgument, "name must be 1 to 120 characters", "name");
  }
  if (utf8_length(fields.description) > 2000 || has_control_characters(fields.description, LineBreaks::Allowed)) {
    return fail(ErrorCode::InvalidArgument, "description must be at most 2000 characters", "description");
  }
  CB_TRY_ASSIGN(rules, validate_clock_rules(fields.clock_rules));
  fields.clock_rules = rules;
  return fields;
}

}  // namespace caseboard
