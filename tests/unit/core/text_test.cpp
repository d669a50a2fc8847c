#include "core/text.hpp"

#include <gtest/gtest.h>

namespace caseboard {
namespace {

struct KeyCase {
  const char* name;
  const char* key;
};

TEST(TextTest, NameKeyFoldsCaseAccentsAndPunctuation) {
  const KeyCase cases[] = {
      {"José", "jose"},
      {"  JOSE  ", "jose"},
      {"Smith-Jones", "smithjones"},
      {"smith jones", "smithjones"},
      {"O'Brien", "obrien"},
      {"O\u2019Brien", "obrien"},
      {"Zoë Ñúñez", "zoenunez"},
      {"Łukasz Dvořák", "lukaszdvorak"},
      {"St. John", "stjohn"},
      {"Nguyễn", "nguy\xe1\xbb\x85n"},  // letters outside Latin-1/Extended-A are kept as they are
      {"王芳", "王芳"},
      {"", ""},
  };
  for (const auto& row : cases) EXPECT_EQ(name_key(row.name), row.key) << row.name;
}

TEST(TextTest, TrimRemovesSurroundingWhiteSpaceOnly) {
  EXPECT_EQ(trim("  a b \t\n"), "a b");
  EXPECT_EQ(trim("   "), "");
  EXPECT_EQ(trim("x"), "x");
}

TEST(TextTest, Utf8ValidationRefusesBrokenSequences) {
  EXPECT_TRUE(is_valid_utf8("plain"));
  EXPECT_TRUE(is_valid_utf8("Zoë 王芳 \xf0\x9f\x98\x80"));
  EXPECT_FALSE(is_valid_utf8("\xc3"));              // truncated
  EXPECT_FALSE(is_valid_utf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(is_valid_utf8("\xed\xa0\x80"));      // surrogate
  EXPECT_FALSE(is_valid_utf8("\xf4\x90\x80\x80"));  // past U+10FFFF
  EXPECT_FALSE(is_valid_utf8("\xff"));
}

TEST(TextTest, ControlCharactersAreFoundWithLineBreaksAllowedOrNot) {
  EXPECT_FALSE(has_control_characters("plain text", LineBreaks::Refused));
  EXPECT_TRUE(has_control_characters("two\nlines", LineBreaks::Refused));
  EXPECT_FALSE(has_control_characters("two\nlines\tand a tab", LineBreaks::Allowed));
  EXPECT_TRUE(has_control_characters(std::string("nul\0", 4), LineBreaks::Allowed));
  EXPECT_TRUE(has_control_characters("del\x7f", LineBreaks::Allowed));
  EXPECT_FALSE(has_control_characters("Zoë", LineBreaks::Refused));
}

TEST(TextTest, Utf8LengthCountsCharactersNotBytes) {
  EXPECT_EQ(utf8_length("abc"), 3u);
  EXPECT_EQ(utf8_length("Zoë"), 3u);
  EXPECT_EQ(utf8_length("王芳"), 2u);
}

}  // namespace
}  // namespace caseboard
