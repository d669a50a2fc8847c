// Deterministic synthetic demo data: an agency with programs, staff and clients whose cases stand
// at every stage of the cycle. The same seed gives the same people, names and stages.
#pragma once

#include <string>
#include <vector>

#include "store/store.hpp"

namespace caseboard::cli {

struct DemoLogin {
  std::string username;
  std::string role;
  std::string totp_secret;  // base32, for roles that must use a second factor
};

struct DemoResult {
  std::string organization;
  int programs = 0;
  int staff = 0;
  int clients = 0;
  int contacts = 0;
  int cases = 0;
  int referrals = 0;
  int notes = 0;
  int appointments = 0;
  int services = 0;
  std::vector<DemoLogin> logins;
};

inline constexpr std::string_view kDemoPassword = "caseboard-demo-2026";

[[nodiscard]] Result<DemoResult> load_demo_data(store::Store& store, unsigned seed, int clients, Timestamp now);

}  // namespace caseboard::cli
