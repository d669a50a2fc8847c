#include "core/client.hpp"

#include <algorithm>

#include "core/calendar.hpp"
#include "core/text.hpp"

namespace caseboard {
namespace {

bool is_alpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
bool is_alnum(char c) {
  return is_alpha(c) || (c >= '0' && c <= '9');
}

// Trims `text` in place and checks its length in characters; `required` refuses empty text.
Result<void> check_text(std::string& text, std::size_t max_length, const std::string& field, bool required) {
  text = trim(text);
  if (!is_valid_utf8(text)) return fail(ErrorCode::InvalidArgument, field + " must be valid UTF-8 text", field);
  if (has_control_characters(text, LineBreaks::Refused)) {
    return fail(ErrorCode::InvalidArgument, field + " must not contain control characters", field);
  }
  if (required && text.empty()) return fail(ErrorCode::InvalidArgument, field + " must not be empty", field);
  if (utf8_length(text) > max_length) {
    return fail(ErrorCode::InvalidArgument, field + " must be at most " + std::to_string(max_length) + " characters",
                field);
  }
  return {};
}

}  // namespace

bool is_one_of(std::string_view value, std::span<const std::string_view> allowed) {
  return std::find(allowed.begin(), allowed.end(), value) != allowed.end();
}

bool is_language_tag(std::string_view tag) {
  // BCP 47 in the shape people use: a 2-3 letter language, then subtags of 1-8 letters or digits.
  if (tag.empty() || tag.size() > 35) return false;
  std::size_t start = 0;
  bool first = true;
  while (start <= tag.size()) {
    auto end = tag.find('-', start);
    if (end == std::string_view::npos) end = tag.size();
    auto part = tag.substr(start, end - start);
    if (first) {
      if (part.size() < 2 || part.size() > 3 || !std::all_of(part.begin(), part.end(), is_alpha)) return false;
    } else if (part.empty() || part.size() > 8 || !std::all_of(part.begin(), part.end(), is_alnum)) {
      return false;
    }
    first = false;
    if (end == tag.size()) break;
    start = end + 1;
  }
  return true;
}

Result<void> validate_phone(std::string_view phone, const std::string& field) {
  if (phone.empty()) return {};
  int digits = 0;
  for (char c : phone) {
    if (c >= '0' && c <= '9')
      ++digits;
    else if (c != ' ' && c != '+' && c != '-' && c != '(' && c != ')' && c != '.') {
      return fail(ErrorCode::InvalidArgument, field + " may contain only digits, spaces and + - ( ) .", field);
    }
  }
  if (digits < 7 || digits > 15 || phone.size() > 32) {
    return fail(ErrorCode::InvalidArgument, field + " must have 7 to 15 digits", field);
  }
  return {};
}

Result<void> validate_email(std::string_view email, const std::string& field) {
  if (email.empty()) return {};
  auto at = email.find('@');
  const bool shaped = at != std::string_view::npos && at > 0 && at + 1 < email.size() &&
                      email.find('@', at + 1) == std::string_view::npos &&
                      email.find('.', at + 2) != std::string_view::npos && email.size() <= 254 &&
                      email.find(' ') == std::string_view::npos;
  if (!shaped) return fail(ErrorCode::InvalidArgument, field + " must be an e-mail address", field);
  return {};
}

Result<ClientFields> validate_client(ClientFields fields, std::chrono::year_month_day today) {
  CB_TRY(check_text(fields.given_name, 100, "given_name", true));
  CB_TRY(check_text(fields.family_name, 100, "family_name", true));
  CB_TRY(check_text(fields.middle_name, 100, "middle_name", false));
  CB_TRY(check_text(fields.preferred_name, 100, "preferred_name", false));

  fields.birth_date = trim(fields.birth_date);
  auto birth = parse_date(fields.birth_date);
  if (!birth) return fail(ErrorCode::InvalidArgument, "birth_date must be a date YYYY-MM-DD", "birth_date");
  if (std::chrono::sys_days{*birth} > std::chrono::sys_days{today}) {
    return fail(ErrorCode::InvalidArgument, "birth_date must not be in the future", "birth_date");
  }
  if (birth->year() < std::chrono::year{1900}) {
    return fail(ErrorCode::InvalidArgument, "birth_date must not be before 1900-01-01", "birth_date");
  }
  if (!is_one_of(fields.sex, kSexes)) {
    return fail(ErrorCode::InvalidArgument, "sex must be one of female, male, other, unknown", "sex");
  }
  if (!is_one_of(fields.risk_level, kClientRiskLevels)) {
    return fail(ErrorCode::InvalidArgument, "risk_level must be one of none, low, moderate, high", "risk_level");
  }
  if (fields.location && !(fields.location->latitude >= -90 && fields.location->latitude <= 90)) {
    return fail(ErrorCode::InvalidArgument, "latitude must be -90 to 90", "latitude");
  }
  if (fields.location && !(fields.location->longitude >= -180 && fields.location->longitude <= 180)) {
    return fail(ErrorCode::InvalidArgument, "longitude must be -180 to 180", "longitude");
  }
  fields.preferred_language = trim(fields.preferred_language);
  if (!is_language_tag(fields.preferred_language)) {
    return fail(ErrorCode::InvalidArgument, "preferred_language must be a language tag such as en or es",
                "preferred_language");
  }
  CB_TRY(check_text(fields.phone, 32, "phone", false));
  CB_TRY(validate_phone(fields.phone, "phone"));
  CB_TRY(check_text(fields.email, 254, "email", false));
  CB_TRY(validate_email(fields.email, "email"));

  auto& address = fields.address;
  CB_TRY(check_text(address.line1, 200, "address.line1", false));
  CB_TRY(check_text(address.line2, 200, "address.line2", false));
  CB_TRY(check_text(address.city, 100, "address.city", false));
  CB_TRY(check_text(address.state, 100, "address.state", false));
  CB_TRY(check_text(address.postal_code, 20, "address.postal_code", false));
  CB_TRY(check_text(address.country, 100, "address.country", false));

  if (fields.identifiers.size() > 20) {
    return fail(ErrorCode::InvalidArgument, "a client may have at most 20 identifiers", "identifiers");
  }
  for (std::size_t i = 0; i < fields.identifiers.size(); ++i) {
    auto& identifier = fields.identifiers[i];
    const std::string path = "identifiers[" + std::to_string(i) + "]";
    if (!is_one_of(identifier.type, kIdentifierTypes)) {
      return fail(ErrorCode::InvalidArgument, path + ".type must be one of MRN, MEDICAID, MEDICARE, MEMBER, OTHER",
                  path + ".type");
    }
    CB_TRY(check_text(identifier.value, 64, path + ".value", true));
    for (std::size_t j = 0; j < i; ++j) {
      if (fields.identifiers[j] == identifier) {
        return fail(ErrorCode::InvalidArgument, path + " repeats an identifier already in the list", path + ".value");
      }
    }
  }
  return fields;
}

ClientSummary summarize(const Client& client, bool can_open) {
  return {client.id,
          client.fields.given_name,
          client.fields.family_name,
          client.fields.preferred_name,
          client.fields.birth_date,
          can_open};
}

NameSearch parse_name_search(std::string_view text) {
  NameSearch search;
  auto comma = text.find(',');
  if (comma == std::string_view::npos) {
    search.family_prefix = name_key(text);
    search.family_or_given = true;
  } else {
    search.family_prefix = name_key(text.substr(0, comma));
    search.given_prefix = name_key(text.substr(comma + 1));
  }
  return search;
}

}  // namespace caseboard
