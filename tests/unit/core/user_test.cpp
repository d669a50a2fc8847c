#include "core/user.hpp"

#include <gtest/gtest.h>

namespace caseboard {
namespace {

TEST(UserTest, PasswordNeedsTwelveToOneHundredTwentyEightCharacters) {
  EXPECT_FALSE(validate_password("elevenchars"));
  EXPECT_TRUE(validate_password("twelve-chars"));
  EXPECT_TRUE(validate_password(std::string(64, 'p')));
  EXPECT_TRUE(validate_password(std::string(128, 'p')));
  EXPECT_FALSE(validate_password(std::string(129, 'p')));
  EXPECT_TRUE(validate_password("ñññññññññññ!"));  // 12 characters, more bytes
}

TEST(UserTest, UsernamesAreLowerCaseWordsOfThreeToSixtyFour) {
  EXPECT_TRUE(validate_user({"cm.alvarez", "Sofia Alvarez", Role::CaseManager, true, {}}));
  EXPECT_EQ(validate_user({"CM", "x", Role::CaseManager, true, {}}).error().field, "username");
  EXPECT_EQ(validate_user({"Sofia", "x", Role::CaseManager, true, {}}).error().field, "username");
  EXPECT_EQ(validate_user({"so fia", "x", Role::CaseManager, true, {}}).error().field, "username");
  EXPECT_EQ(validate_user({"sofia", " ", Role::CaseManager, true, {}}).error().field, "display_name");
}

}  // namespace
}  // namespace caseboard
