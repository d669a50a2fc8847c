#include "security/breached_passwords.hpp"

#include <gtest/gtest.h>

namespace caseboard::security {
namespace {

TEST(BreachedPasswordsTest, TheShippedListHoldsTenThousandPasswords) {
  EXPECT_EQ(breached_passwords().size(), 10000u);
  EXPECT_TRUE(breached_passwords().contains("123456"));
  EXPECT_TRUE(breached_passwords().contains("qwertyuiop"));
}

TEST(BreachedPasswordsTest, LongCommonPasswordsAreRefusedAndUncommonOnesAccepted) {
  auto refused = check_new_password("1qaz2wsx3edc");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::InvalidArgument);
  EXPECT_TRUE(check_new_password("correct-horse-battery-staple"));
}

}  // namespace
}  // namespace caseboard::security
