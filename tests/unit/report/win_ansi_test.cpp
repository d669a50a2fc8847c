// Text for the PDF's built-in fonts: UTF-8 to Windows-1252, transliterated where it cannot encode.
#include "report/win_ansi.hpp"

#include <gtest/gtest.h>

namespace caseboard::report {
namespace {

TEST(WinAnsiTest, AsciiAndLatin1PassThrough) {
  EXPECT_EQ(to_win_ansi("Sofia Alvarez"), "Sofia Alvarez");
  EXPECT_EQ(to_win_ansi("Jos\xC3\xA9 M\xC3\xBCller"), "Jos\xE9 M\xFCller");
}

TEST(WinAnsiTest, Windows1252PunctuationIsKept) {
  // en dash, curly quotes, ellipsis, euro, bullet
  EXPECT_EQ(to_win_ansi("\xE2\x80\x93 \xE2\x80\x9Cok\xE2\x80\x9D \xE2\x80\xA6 \xE2\x82\xAC \xE2\x80\xA2"),
            "\x96 \x93ok\x94 \x85 \x80 \x95");
}

TEST(WinAnsiTest, OtherLatinLettersLoseTheirAccents) {
  // Łukasz Żółć, Dvořák, Şahin
  EXPECT_EQ(to_win_ansi("\xC5\x81ukasz \xC5\xBB\xC3\xB3\xC5\x82\xC4\x87"), "Lukasz Z\xF3lc");
  EXPECT_EQ(to_win_ansi("Dvo\xC5\x99\xC3\xA1k"), "Dvor\xE1k");
  EXPECT_EQ(to_win_ansi("\xC5\x9E"
                        "ahin"),
            "Sahin");
}

TEST(WinAnsiTest, SymbolsGetReadableStandInsAndTheRestAQuestionMark) {
  EXPECT_EQ(to_win_ansi("\xE2\x89\xA5 72 h \xE2\x86\x92 done"), ">= 72 h -> done");
  EXPECT_EQ(to_win_ansi("\xE4\xB8\xAD\xE6\x96\x87"), "??");  // CJK
  EXPECT_EQ(to_win_ansi("\xF0\x9F\x98\x80!"), "?!");         // emoji
  EXPECT_EQ(to_win_ansi("a\xFF"
                        "b\xC3"),
            "a?b?");                                           // invalid bytes, a cut sequence
  EXPECT_EQ(to_win_ansi("\xC0\xAF"), "??");                    // overlong
  EXPECT_EQ(to_win_ansi("tab\there\nline"), "tab here line");  // control characters
}

}  // namespace
}  // namespace caseboard::report
