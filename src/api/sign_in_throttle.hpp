// Failed sign-ins per source address, shared by the request threads: past the limit in the
// window, sign-in answers 429 with Retry-After.
#pragma once

#include <mutex>
#include <string>

#include "core/sign_in_policy.hpp"

namespace caseboard::api {

struct SignInThrottleLimits {
  std::size_t failures_per_source = 30;
  std::chrono::seconds window{15 * 60};
};

class SignInThrottle {
 public:
  explicit SignInThrottle(SignInThrottleLimits limits) : window_(limits.failures_per_source, limits.window) {}

  std::chrono::seconds retry_after(const std::string& source, Timestamp now) {
    std::lock_guard lock(mutex_);
    return window_.retry_after(source, now);
  }
  void record_failure(const std::string& source, Timestamp now) {
    std::lock_guard lock(mutex_);
    window_.record_failure(source, now);
  }

 private:
  std::mutex mutex_;
  FailureWindow window_;
};

}  // namespace caseboard::api
