#include "core/program.hpp"

#include "core/text.hpp"

namespace caseboard {

Result<ProgramFields> validate_program(ProgramFields fields) {
  fields.name = trim(fields.name);
  fields.description = trim(fields.description);
  if (fields.name.empty() || utf8_length(fields.name) > 120) {
    return fail(ErrorCode::InvalidArgument, "name must be 1 to 120 characters", "name");
  }
  if (utf8_length(fields.description) > 2000) {
    return fail(ErrorCode::InvalidArgument, "description must be at most 2000 characters", "description");
  }
  return fields;
}

}  // namespace caseboard
