// The rules that slow down password guessing: an account locks after a run of failed sign-ins,
// and a source address that fails too often is told to wait. Pure: time is passed in.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/calendar.hpp"

namespace caseboard {

// Five failures in a row lock the account for fifteen minutes: at most 20 tries an hour, far under
// the 100 an hour that may ever be tried on one account.
inline constexpr int kFailuresBeforeLock = 5;
inline constexpr std::chrono::minutes kLockDuration{15};

struct AccountSignInState {
  int consecutive_failures = 0;
  std::optional<Timestamp> locked_until;
};

bool is_locked(const AccountSignInState& state, Timestamp now);
// The state after one more failure: the lock starts when the run reaches kFailuresBeforeLock, and
// a new run starts once a lock has expired.
AccountSignInState after_failure(AccountSignInState state, Timestamp now);

// Failures per key (a source address) in a sliding window. Not thread-safe: the caller locks.
class FailureWindow {
 public:
  FailureWindow(std::size_t limit, std::chrono::seconds window) : limit_(limit), window_(window) {}

  // How long the key must wait before its next attempt; zero when it may try now.
  std::chrono::seconds retry_after(const std::string& key, Timestamp now);
  void record_failure(const std::string& key, Timestamp now);

 private:
  void forget_old(std::deque<Timestamp>& failures, Timestamp now) const;

  std::size_t limit_;
  std::chrono::seconds window_;
  std::unordered_map<std::string, std::deque<Timestamp>> failures_;
};

}  // namespace caseboard
