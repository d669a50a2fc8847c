#include "core/contact.hpp"

#include "core/client.hpp"
#include "core/text.hpp"

namespace caseboard {

Result<ContactFields> validate_contact(ContactFields fields) {
  fields.name = trim(fields.name);
  if (fields.name.empty() || utf8_length(fields.name) > 200 || !is_valid_utf8(fields.name) ||
      has_control_characters(fields.name, LineBreaks::Refused)) {
    return fail(ErrorCode::InvalidArgument, "name must be 1 to 200 characters", "name");
  }
  if (!is_one_of(fields.relationship, kRelationships)) {
    return fail(ErrorCode::InvalidArgument,
                "relationship must be one of spouse, partner, parent, child, sibling, other_family, friend, "
                "caregiver, guardian, neighbor, other",
                "relationship");
  }
  if (!is_one_of(fields.disclosure, kDisclosureLevels)) {
    return fail(ErrorCode::InvalidArgument, "disclosure must be one of none, logistics, general, full", "disclosure");
  }
  fields.phone = trim(fields.phone);
  fields.email = trim(fields.email);
  CB_TRY(validate_phone(fields.phone, "phone"));
  CB_TRY(validate_email(fields.email, "email"));
  fields.notes = trim(fields.notes);
  if (utf8_length(fields.notes) > 2000 || !is_valid_utf8(fields.notes) ||
      has_control_characters(fields.notes, LineBreaks::Allowed)) {
    return fail(ErrorCode::InvalidArgument, "notes must be at most 2000 characters", "notes");
  }
  return fields;
}

}  // namespace caseboard
