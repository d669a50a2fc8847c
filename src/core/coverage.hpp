// Coverage and benefits: who pays (Medicaid, Medicare, private insurance, self-pay, a grant), when
// eligibility was last verified, the authorizations a payer gave (service, units approved and
// used, valid dates), and advocacy items (benefit or aid applications, insurance claims).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "core/calendar.hpp"
#include "core/result.hpp"

namespace caseboard {

inline constexpr std::string_view kAdvocacyKinds[] = {"benefit_application", "aid_application", "insurance_claim",
                                                      "appeal", "other"};
inline constexpr std::string_view kAdvocacyStatuses[] = {"planned", "submitted", "pending",  "approved",
                                                         "denied",  "appealed",  "withdrawn"};

struct CoverageFields {
  std::string payer_kind;  // kPayerKinds (core/directory.hpp)
  std::string payer_name;
  std::string member_id;
  std::string verified_on;  // YYYY-MM-DD; empty: never verified
  bool active = true;
};

struct Coverage {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  std::string client_id;
  CoverageFields fields;
  std::string created_at;
  std::string updated_at;
};

struct AuthorizationFields {
  std::string coverage_id;
  std::string service;
  int units_approved = 0;
  int units_used = 0;
  std::string valid_from;  // YYYY-MM-DD
  std::string valid_to;
};

struct Authorization {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  std::string client_id;
  AuthorizationFields fields;
  std::string created_at;
  std::string updated_at;
};

struct AdvocacyFields {
  std::string kind;
  std::string description;
  std::string status = "planned";
  std::string submitted_on;  // YYYY-MM-DD
  std::string decided_on;
};

struct AdvocacyItem {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  std::string client_id;
  AdvocacyFields fields;
  std::string created_at;
  std::string updated_at;
};

[[nodiscard]] Result<CoverageFields> validate_coverage(CoverageFields fields, Timestamp now);
// Units: approved 1-100000, used 0..approved; valid_to on or after valid_from.
[[nodiscard]] Result<AuthorizationFields> validate_authorization(AuthorizationFields fields);
[[nodiscard]] Result<AdvocacyFields> validate_advocacy(AdvocacyFields fields, Timestamp now);

// Units left, and whether they run low: at most a tenth of those approved (and at least one).
int units_left(const AuthorizationFields& fields);
bool units_run_low(const AuthorizationFields& fields);
// Records `units` more used; FailedPrecondition (field "units") past the units approved.
[[nodiscard]] Result<AuthorizationFields> use_units(AuthorizationFields fields, int units);

}  // namespace caseboard
