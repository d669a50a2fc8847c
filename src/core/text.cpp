#include "core/text.hpp"

#include <array>

namespace caseboard {
namespace {

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// ASCII base letter of U+00C0..U+017F (Latin-1 Supplement and Latin Extended-A), lower case;
// '\0' where the code point is not a letter with a simple base (the signs × and ÷).
constexpr char kLatinFold[] =
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyts"  // U+00C0..U+00DF
    "aaaaaaaceeeeiiiidnooooo\0ouuuuyty"  // U+00E0..U+00FF
    "aaaaaa"
    "cccccccc"
    "dddd"
    "eeeeeeeeee"
    "gggggggg"
    "hhhh"
    "iiiiiiiiii"
    "ii"
    "jj"
    "kkk"
    "llllllllll"
    "nnnnnnnnn"
    "oooooooo"
    "rrrrrr"
    "ssssssss"
    "tttttt"
    "uuuuuuuuuuuu"
    "ww"
    "yyy"
    "zzzzzz"
    "s";  // U+0100..U+017F
static_assert(sizeof(kLatinFold) == 0x180 - 0xC0 + 1, "one entry per code point U+00C0..U+017F");

}  // namespace

std::string trim(std::string_view text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

bool is_valid_utf8(std::string_view text) {
  static constexpr char32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    std::size_t extra = 0;
    char32_t code = 0;
    if (byte < 0x80) {
      ++i;
      continue;
    }
    if ((byte & 0xE0) == 0xC0) {
      extra = 1;
      code = byte & 0x1F;
    } else if ((byte & 0xF0) == 0xE0) {
      extra = 2;
      code = byte & 0x0F;
    } else if ((byte & 0xF8) == 0xF0) {
      extra = 3;
      code = byte & 0x07;
    } else {
      return false;
    }
    if (text.size() - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are not valid UTF-8.
    if (code < kSmallest[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += extra + 1;
  }
  return true;
}

bool has_control_characters(std::string_view text, LineBreaks line_breaks) {
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool line_break = c == '\n' || c == '\r' || c == '\t';
    if ((byte < 0x20 || byte == 0x7F) && !(line_break && line_breaks == LineBreaks::Allowed)) return true;
  }
  return false;
}

std::size_t utf8_length(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
  }
  return count;
}

std::string name_key(std::string_view name) {
  std::string key;
  key.reserve(name.size());
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto byte = static_cast<unsigned char>(name[i]);
    if (byte < 0x80) {
      char c = static_cast<char>(byte);
      if (c >= 'A' && c <= 'Z')
        key.push_back(static_cast<char>(c - 'A' + 'a'));
      else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
        key.push_back(c);
      // spaces, hyphens, apostrophes, dots and other punctuation carry no identity
      continue;
    }
    if ((byte & 0xE0) == 0xC0 && i + 1 < name.size()) {
      char32_t code = ((byte & 0x1F) << 6) | (static_cast<unsigned char>(name[i + 1]) & 0x3F);
      if (code >= 0xC0 && code <= 0x17F) {
        char folded = kLatinFold[code - 0xC0];
        if (folded != '\0') key.push_back(folded);
        ++i;
        continue;
      }
    }
    // Right single quotation mark (U+2019, e.g. O’Brien) is punctuation like the apostrophe.
    if (byte == 0xE2 && i + 2 < name.size() && static_cast<unsigned char>(name[i + 1]) == 0x80 &&
        static_cast<unsigned char>(name[i + 2]) == 0x99) {
      i += 2;
      continue;
    }
    key.push_back(static_cast<char>(byte));
  }
  return key;
}

}  // namespace caseboard
