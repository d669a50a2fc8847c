#include "core/sign_in_policy.hpp"

#include <gtest/gtest.h>

namespace caseboard {
namespace {

const Timestamp kStart = *parse_timestamp("2026-11-22T09:00:00Z");
using std::chrono::minutes;
using std::chrono::seconds;

TEST(SignInPolicyTest, TheFifthFailureInARowLocksForFifteenMinutes) {
  AccountSignInState state;
  for (int i = 1; i < kFailuresBeforeLock; ++i) {
    state = after_failure(state, kStart);
    EXPECT_FALSE(is_locked(state, kStart)) << i;
  }
  state = after_failure(state, kStart);
  EXPECT_TRUE(is_locked(state, kStart));
  EXPECT_TRUE(is_locked(state, kStart + minutes(15) - seconds(1)));
  EXPECT_FALSE(is_locked(state, kStart + minutes(15)));
}

TEST(SignInPolicyTest, AFailureAfterTheLockRanOutStartsANewRun) {
  AccountSignInState state;
  for (int i = 0; i < kFailuresBeforeLock; ++i) state = after_failure(state, kStart);
  state = after_failure(state, kStart + minutes(16));
  EXPECT_EQ(state.consecutive_failures, 1);
  EXPECT_FALSE(is_locked(state, kStart + minutes(16)));
}

TEST(SignInPolicyTest, NoMoreThanOneHundredTriesAnHourCanReachAnAccount) {
  // An attacker who retries the moment each lock ends gets at most 5 tries per 15 minutes.
  AccountSignInState state;
  int tries = 0;
  for (auto now = kStart; now < kStart + minutes(60); now += seconds(1)) {
    if (is_locked(state, now)) continue;
    state = after_failure(state, now);
    ++tries;
  }
  EXPECT_LE(tries, 100);
  EXPECT_EQ(tries, 20);
}

TEST(SignInPolicyTest, FailureWindowMakesASourceWaitUntilItsOldestFailureLeaves) {
  FailureWindow window(3, minutes(15));
  EXPECT_EQ(window.retry_after("10.0.0.1", kStart).count(), 0);
  window.record_failure("10.0.0.1", kStart);
  window.record_failure("10.0.0.1", kStart + minutes(1));
  EXPECT_EQ(window.retry_after("10.0.0.1", kStart + minutes(1)).count(), 0);
  window.record_failure("10.0.0.1", kStart + minutes(2));
  EXPECT_EQ(window.retry_after("10.0.0.1", kStart + minutes(2)), minutes(13));
  EXPECT_EQ(window.retry_after("10.0.0.2", kStart + minutes(2)).count(), 0);   // other sources unaffected
  EXPECT_EQ(window.retry_after("10.0.0.1", kStart + minutes(15)).count(), 0);  // the first one has left
}

}  // namespace
}  // namespace caseboard
