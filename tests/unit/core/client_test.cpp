#include "core/client.hpp"

#include <functional>

#include <gtest/gtest.h>

#include "core/calendar.hpp"

namespace caseboard {
namespace {

const auto kToday = *parse_date("2026-11-22");

ClientFields valid_client() {
  ClientFields fields;
  fields.given_name = "Maria";
  fields.family_name = "Lopez";
  fields.birth_date = "1950-03-14";
  fields.identifiers = {{"MRN", "A1234"}};
  return fields;
}

struct InvalidCase {
  const char* what;
  std::function<void(ClientFields&)> change;
  const char* field;
};

TEST(ClientTest, AcceptsAValidClientAndTrimsText) {
  auto fields = valid_client();
  fields.given_name = "  Maria ";
  fields.identifiers[0].value = " A1234 ";
  auto result = validate_client(fields, kToday);
  ASSERT_TRUE(result) << result.error().public_message;
  EXPECT_EQ(result->given_name, "Maria");
  EXPECT_EQ(result->identifiers[0].value, "A1234");
}

TEST(ClientTest, RefusesEachInvalidFieldNamingIt) {
  const InvalidCase cases[] = {
      {"empty given name", [](ClientFields& f) { f.given_name = "   "; }, "given_name"},
      {"empty family name", [](ClientFields& f) { f.family_name = ""; }, "family_name"},
      {"long family name", [](ClientFields& f) { f.family_name = std::string(101, 'x'); }, "family_name"},
      {"impossible date", [](ClientFields& f) { f.birth_date = "2020-02-30"; }, "birth_date"},
      {"future date", [](ClientFields& f) { f.birth_date = "2026-11-23"; }, "birth_date"},
      {"before 1900", [](ClientFields& f) { f.birth_date = "1899-12-31"; }, "birth_date"},
      {"unknown sex", [](ClientFields& f) { f.sex = "x"; }, "sex"},
      {"bad language", [](ClientFields& f) { f.preferred_language = "english language"; }, "preferred_language"},
      {"bad phone", [](ClientFields& f) { f.phone = "call me"; }, "phone"},
      {"short phone", [](ClientFields& f) { f.phone = "123"; }, "phone"},
      {"bad email", [](ClientFields& f) { f.email = "maria@"; }, "email"},
      {"unknown identifier type", [](ClientFields& f) { f.identifiers[0].type = "FOO"; }, "identifiers[0].type"},
      {"lower-case identifier type", [](ClientFields& f) { f.identifiers[0].type = "mrn"; }, "identifiers[0].type"},
      {"empty identifier", [](ClientFields& f) { f.identifiers[0].value = " "; }, "identifiers[0].value"},
      {"repeated identifier",
       [](ClientFields& f) {
         f.identifiers.push_back({"MRN", "A1234"});
       },
       "identifiers[1].value"},
      {"long address", [](ClientFields& f) { f.address.city = std::string(101, 'c'); }, "address.city"},
      {"broken UTF-8", [](ClientFields& f) { f.given_name = "Mar\xc3"; }, "given_name"},
      {"NUL in a name", [](ClientFields& f) { f.family_name = std::string("Lo\0pez", 6); }, "family_name"},
      {"line break in a name", [](ClientFields& f) { f.given_name = "Ma\nria"; }, "given_name"},
      {"escape in an identifier", [](ClientFields& f) { f.identifiers[0].value = "A1\x1b"; }, "identifiers[0].value"},
  };
  for (const auto& row : cases) {
    auto fields = valid_client();
    row.change(fields);
    auto result = validate_client(fields, kToday);
    ASSERT_FALSE(result) << row.what;
    EXPECT_EQ(result.error().code, ErrorCode::InvalidArgument) << row.what;
    EXPECT_EQ(result.error().field, row.field) << row.what;
  }
}

TEST(ClientTest, BirthDateMayBeToday) {
  auto fields = valid_client();
  fields.birth_date = "2026-11-22";
  EXPECT_TRUE(validate_client(fields, kToday));
}

TEST(ClientTest, LanguageTagsFollowTheUsualShape) {
  for (const char* tag : {"en", "es", "zh-Hant", "en-US", "yue", "sr-Latn-RS"})
    EXPECT_TRUE(is_language_tag(tag)) << tag;
  for (const char* tag : {"", "e", "english", "en-", "-en", "en--US", "en_US"})
    EXPECT_FALSE(is_language_tag(tag)) << tag;
}

TEST(ClientTest, NameSearchSplitsFamilyAndGivenOnAComma) {
  auto both = parse_name_search("Lopez, Ma");
  EXPECT_EQ(both.family_prefix, "lopez");
  EXPECT_EQ(both.given_prefix, "ma");
  EXPECT_FALSE(both.family_or_given);
  auto either = parse_name_search("  Smith-J ");
  EXPECT_EQ(either.family_prefix, "smithj");
  EXPECT_TRUE(either.family_or_given);
}

}  // namespace
}  // namespace caseboard
