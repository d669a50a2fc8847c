#include "core/sign_in_policy.hpp"

namespace caseboard {

bool is_locked(const AccountSignInState& state, Timestamp now) {
  return state.locked_until && now < *state.locked_until;
}

AccountSignInState after_failure(AccountSignInState state, Timestamp now) {
  if (state.locked_until && now >= *state.locked_until) state = {};  // the lock ran out: a new run
  state.consecutive_failures += 1;
  if (state.consecutive_failures >= kFailuresBeforeLock && !state.locked_until)
    state.locked_until = now + kLockDuration;
  return state;
}

void FailureWindow::forget_old(std::deque<Timestamp>& failures, Timestamp now) const {
  while (!failures.empty() && now - failures.front() >= window_) failures.pop_front();
}

std::chrono::seconds FailureWindow::retry_after(const std::string& key, Timestamp now) {
  auto found = failures_.find(key);
  if (found == failures_.end()) return std::chrono::seconds{0};
  forget_old(found->second, now);
  if (found->second.size() < limit_) {
    if (found->second.empty()) failures_.erase(found);
    return std::chrono::seconds{0};
  }
  // Wait until the oldest failure in the window leaves it.
  return std::chrono::duration_cast<std::chrono::seconds>(found->second.front() + window_ - now);
}

void FailureWindow::record_failure(const std::string& key, Timestamp now) {
  auto& failures = failures_[key];
  forget_old(failures, now);
  failures.push_back(now);
}

}  // namespace caseboard
