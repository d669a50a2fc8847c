#include "core/contact.hpp"

#include <gtest/gtest.h>

namespace caseboard {
namespace {

TEST(ContactTest, AcceptsEveryListedRelationshipAndDisclosure) {
  for (auto relationship : kRelationships) {
    for (auto disclosure : kDisclosureLevels) {
      ContactFields fields{"Ana Lopez", std::string(relationship), "", "", true, std::string(disclosure), ""};
      EXPECT_TRUE(validate_contact(fields)) << relationship << " " << disclosure;
    }
  }
}

TEST(ContactTest, RefusesUnknownValuesNamingTheField) {
  ContactFields bad_relationship{"Ana", "cousin-ish", "", "", false, "none", ""};
  EXPECT_EQ(validate_contact(bad_relationship).error().field, "relationship");
  ContactFields bad_disclosure{"Ana", "spouse", "", "", false, "everything", ""};
  EXPECT_EQ(validate_contact(bad_disclosure).error().field, "disclosure");
  ContactFields no_name{"  ", "spouse", "", "", false, "none", ""};
  EXPECT_EQ(validate_contact(no_name).error().field, "name");
  ContactFields bad_phone{"Ana", "spouse", "abc", "", false, "none", ""};
  EXPECT_EQ(validate_contact(bad_phone).error().field, "phone");
}

}  // namespace
}  // namespace caseboard
