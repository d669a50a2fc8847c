#include "core/password_policy.hpp"

#include <gtest/gtest.h>

namespace caseboard {
namespace {

TEST(PasswordPolicyTest, RefusesListedPasswordsWhateverTheirCase) {
  PasswordDenyList list("123456\npassword\r\n1qaz2wsx3edc\n\n");
  EXPECT_EQ(list.size(), 3u);
  EXPECT_TRUE(list.contains("1QAZ2WSX3EDC"));
  auto refused = check_new_password("1qaz2wsx3edc", list);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "password");
  EXPECT_TRUE(check_new_password("1qaz2wsx3edc-river-lamp", list));
  EXPECT_FALSE(check_new_password("short", list));  // length still applies
}

}  // namespace
}  // namespace caseboard
