// Text rules shared by the domain: trimming, length limits counted in characters, and the
// normalized name key that search and duplicate detection compare.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace caseboard {

std::string trim(std::string_view text);

// Number of Unicode code points in valid UTF-8 text.
std::size_t utf8_length(std::string_view text);
bool is_valid_utf8(std::string_view text);

enum class LineBreaks { Refused, Allowed };
// True when the text holds a control character (NUL, escape, DEL...); tabs and line breaks
// count only when refused.
bool has_control_characters(std::string_view text, LineBreaks line_breaks);

// A name reduced to what identifies it: lower case, Latin accents folded ("José" → "jose"), and
// spaces, hyphens, apostrophes and dots removed ("Smith-Jones" and "smith jones" → "smithjones").
// Letters outside Latin are kept as they are.
std::string name_key(std::string_view name);

}  // namespace caseboard
