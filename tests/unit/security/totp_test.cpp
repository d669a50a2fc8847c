#include "security/totp.hpp"

#include <gtest/gtest.h>

namespace caseboard::security {
namespace {

// RFC 6238 appendix B: SHA-1 seed "12345678901234567890"; at T = 59 s the 8-digit code is
// 94287082, so the 6-digit code (the last six digits) is 287082, in step 1.
const std::string kRfcSeed = "12345678901234567890";

Timestamp at(std::int64_t seconds) {
  return Timestamp{std::chrono::seconds{seconds}};
}

TEST(TotpTest, AcceptsThePublishedCodeInItsStep) {
  EXPECT_EQ(verify_totp(kRfcSeed, "287082", at(59)), 1);
  // RFC 6238 at T = 1111111109: 07081804 → 081804, step 37037036.
  EXPECT_EQ(verify_totp(kRfcSeed, "081804", at(1111111109)), 37037036);
}

TEST(TotpTest, AcceptsOneStepOfClockDriftAndNoMore) {
  EXPECT_EQ(verify_totp(kRfcSeed, "081804", at(1111111109 + 30)), 37037036);
  EXPECT_FALSE(verify_totp(kRfcSeed, "081804", at(1111111109 + 90)));
}

TEST(TotpTest, RefusesWrongAndMalformedCodes) {
  EXPECT_FALSE(verify_totp(kRfcSeed, "287083", at(59)));
  EXPECT_FALSE(verify_totp(kRfcSeed, "28708", at(59)));
  EXPECT_FALSE(verify_totp(kRfcSeed, "2870821", at(59)));
  EXPECT_FALSE(verify_totp(kRfcSeed, "28708a", at(59)));
}

TEST(TotpTest, EncodesTheSeedForAuthenticatorApps) {
  EXPECT_EQ(totp_base32(kRfcSeed), "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  EXPECT_EQ(totp_uri(kRfcSeed, "ada admin"),
            "otpauth://totp/Caseboard:ada%20admin?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Caseboard&"
            "algorithm=SHA1&digits=6&period=30");
  EXPECT_EQ(new_totp_secret().size(), 20u);
}

}  // namespace
}  // namespace caseboard::security
