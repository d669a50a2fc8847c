// A person in a client's support network (family, caregiver, friend, guardian...), with whether
// they are an emergency contact and what they may be told (the client's consent to disclose).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.hpp"

namespace caseboard {

inline constexpr std::string_view kRelationships[] = {"spouse",   "partner",      "parent", "child",
                                                      "sibling",  "other_family", "friend", "caregiver",
                                                      "guardian", "neighbor",     "other"};
// none: nothing; logistics: appointments and practical arrangements; general: general condition
// and care plan; full: anything the client's record holds.
inline constexpr std::string_view kDisclosureLevels[] = {"none", "logistics", "general", "full"};

struct ContactFields {
  std::string name;
  std::string relationship = "other";
  std::string phone;
  std::string email;
  bool is_emergency_contact = false;
  std::string disclosure = "none";
  std::string notes;
};

struct Contact {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  std::string client_id;
  ContactFields fields;
  std::string created_at;
  std::string updated_at;
};

[[nodiscard]] Result<ContactFields> validate_contact(ContactFields fields);

}  // namespace caseboard
