// Text for the PDF's built-in fonts, which encode WinAnsi (Windows-1252): UTF-8 converted, with
// the characters it cannot encode transliterated (Latin letters lose their accents: "Łódź" ->
// "Lodz", "≥" -> ">=") or replaced by '?'. Invalid UTF-8 bytes become '?'; control characters
// become spaces.
#pragma once

#include <string>
#include <string_view>

namespace caseboard::report {

std::string to_win_ansi(std::string_view utf8);

}  // namespace caseboard::report
