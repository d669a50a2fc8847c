// A client (the person served): demographics, identifiers, language and interpreter need,
// address and phone. Validation here is the single source of what a well-formed client is.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/coordinates.hpp"
#include "core/result.hpp"

namespace caseboard {

struct Identifier {
  std::string type;  // one of kIdentifierTypes
  std::string value;
  bool operator==(const Identifier&) const = default;
};

struct Address {
  std::string line1, line2, city, state, postal_code, country;
  bool operator==(const Address&) const = default;
};

struct ClientFields {
  std::string given_name;
  std::string family_name;
  std::string middle_name;     // empty: none
  std::string preferred_name;  // empty: none
  std::string birth_date;      // YYYY-MM-DD
  std::string sex = "unknown";
  std::string preferred_language = "en";
  bool interpreter_needed = false;
  std::string risk_level = "none";      // none | low | moderate | high: orders the worklist
  std::optional<Coordinates> location;  // where the client lives, for distances to services
  std::string phone;
  std::string email;
  Address address;
  std::vector<Identifier> identifiers;
};

struct Client {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  ClientFields fields;
  bool restricted = false;  // opens only for users a current consent of the client names
  std::string created_at;
  std::string updated_at;
};

// What lists and searches answer: enough to pick the right person, no more (minimum necessary).
struct ClientSummary {
  std::string id;
  std::string given_name;
  std::string family_name;
  std::string preferred_name;
  std::string birth_date;
  bool can_open = false;  // whether the asking user may open the whole record
};

inline constexpr std::string_view kIdentifierTypes[] = {"MRN", "MEDICAID", "MEDICARE", "MEMBER", "OTHER"};
inline constexpr std::string_view kSexes[] = {"female", "male", "other", "unknown"};
inline constexpr std::string_view kClientRiskLevels[] = {"none", "low", "moderate", "high"};

// Trims every text field and checks every rule; the error names the field ("identifiers[1].type").
// `today` bounds the birth date (no future births).
[[nodiscard]] Result<ClientFields> validate_client(ClientFields fields, std::chrono::year_month_day today);

[[nodiscard]] Result<void> validate_phone(std::string_view phone, const std::string& field);
[[nodiscard]] Result<void> validate_email(std::string_view email, const std::string& field);
bool is_language_tag(std::string_view tag);
bool is_one_of(std::string_view value, std::span<const std::string_view> allowed);

ClientSummary summarize(const Client& client, bool can_open);

// A name search as typed: "lopez, ma" looks for family names starting "lopez" with given names
// starting "ma"; "lopez" looks for family or given names starting "lopez". Keys are name_key()s.
struct NameSearch {
  std::string family_prefix;
  std::string given_prefix;
  bool family_or_given = false;  // no comma: one prefix, matched against either name
};
NameSearch parse_name_search(std::string_view text);

}  // namespace caseboard
