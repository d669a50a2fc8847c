#include "report/win_ansi.hpp"

#include <algorithm>
#include <iterator>
#include <optional>

namespace caseboard::report {
namespace {

// U+0100..U+017F (Latin Extended-A) without their accents; the few that Windows-1252 holds are
// mapped before this table is consulted.
constexpr char kLatinExtendedA[] =
    "AaAaAa"
    "CcCcCcCc"
    "DdDd"
    "EeEeEeEeEe"
    "GgGgGgGg"
    "HhHh"
    "IiIiIiIiIi"
    "Ii"
    "Jj"
    "Kkk"
    "LlLlLlLlLl"
    "NnNnNnnNn"
    "OoOoOoOo"
    "RrRrRr"
    "SsSsSsSs"
    "TtTtTt"
    "UuUuUuUuUuUu"
    "Ww"
    "YyY"
    "ZzZzZz"
    "s";
static_assert(sizeof(kLatinExtendedA) == 0x80 + 1, "one letter per code point U+0100..U+017F");

// The code points Windows-1252 places at 0x80..0x9F.
struct Special {
  char32_t code;
  unsigned char byte;
};
constexpr Special kSpecials[] = {
    {0x20AC, 0x80}, {0x201A, 0x82}, {0x0192, 0x83}, {0x201E, 0x84}, {0x2026, 0x85}, {0x2020, 0x86}, {0x2021, 0x87},
    {0x02C6, 0x88}, {0x2030, 0x89}, {0x0160, 0x8A}, {0x2039, 0x8B}, {0x0152, 0x8C}, {0x017D, 0x8E}, {0x2018, 0x91},
    {0x2019, 0x92}, {0x201C, 0x93}, {0x201D, 0x94}, {0x2022, 0x95}, {0x2013, 0x96}, {0x2014, 0x97}, {0x02DC, 0x98},
    {0x2122, 0x99}, {0x0161, 0x9A}, {0x203A, 0x9B}, {0x0153, 0x9C}, {0x017E, 0x9E}, {0x0178, 0x9F},
};

// Others with a readable ASCII stand-in.
struct StandIn {
  char32_t code;
  std::string_view text;
};
constexpr StandIn kStandIns[] = {
    {0x2010, "-"},  {0x2011, "-"},  {0x2012, "-"},   {0x2015, "-"},  {0x2212, "-"},  {0x2032, "'"},  {0x2033, "\""},
    {0x2190, "<-"}, {0x2192, "->"}, {0x2194, "<->"}, {0x21D2, "=>"}, {0x2264, "<="}, {0x2265, ">="}, {0x2260, "!="},
    {0x2248, "~"},  {0x2009, " "},  {0x200A, " "},   {0x202F, " "},  {0x2002, " "},  {0x2003, " "},  {0x2007, " "},
    {0x200B, ""},   {0x200C, ""},   {0x200D, ""},    {0xFEFF, ""},   {0x2713, "v"},  {0x2717, "x"},  {0x00AD, "-"},
};

// The next code point of `text` at `position` (advanced past it), or nullopt for a malformed
// sequence (advanced by one byte).
std::optional<char32_t> next_code_point(std::string_view text, std::size_t& position) {
  const auto lead = static_cast<unsigned char>(text[position]);
  std::size_t extra = 0;
  char32_t code = 0;
  if (lead < 0x80) {
    ++position;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    code = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    code = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    code = lead & 0x07;
  } else {
    ++position;
    return std::nullopt;
  }
  if (position + extra >= text.size()) {  // the sequence is cut short
    ++position;
    return std::nullopt;
  }
  for (std::size_t i = 1; i <= extra; ++i) {
    const auto byte = static_cast<unsigned char>(text[position + i]);
    if ((byte & 0xC0) != 0x80) {
      ++position;
      return std::nullopt;
    }
    code = (code << 6) | (byte & 0x3F);
  }
  static constexpr char32_t kSmallest[] = {0, 0x80, 0x800, 0x10000};
  if (code < kSmallest[extra] || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) {
    ++position;
    return std::nullopt;
  }
  position += extra + 1;
  return code;
}

}  // namespace

std::string to_win_ansi(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  std::size_t position = 0;
  while (position < utf8.size()) {
    const auto code = next_code_point(utf8, position);
    if (!code) {
      out.push_back('?');
      continue;
    }
    const char32_t c = *code;
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
      out.push_back(' ');
    } else if (c < 0x100) {
      out.push_back(static_cast<char>(static_cast<unsigned char>(c)));
    } else if (auto special = std::find_if(std::begin(kSpecials), std::end(kSpecials),
                                           [c](const Special& s) { return s.code == c; });
               special != std::end(kSpecials)) {
      out.push_back(static_cast<char>(special->byte));
    } else if (c < 0x180) {
      out.push_back(kLatinExtendedA[c - 0x100]);
    } else if (auto stand_in = std::find_if(std::begin(kStandIns), std::end(kStandIns),
                                            [c](const StandIn& s) { return s.code == c; });
               stand_in != std::end(kStandIns)) {
      out += stand_in->text;
    } else {
      out.push_back('?');
    }
  }
  return out;
}

}  // namespace caseboard::report
