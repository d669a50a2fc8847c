// Group commit of audit events: every event is committed exactly once, in the order callers queued
// them, each caller returns only after its own event is committed, and a failing event fails only
// its own caller.
#include "store/audit_group_commit.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

namespace caseboard::store {
namespace {

const Timestamp kAt = *parse_timestamp("2026-11-01T09:00:00Z");

TEST(AuditGroupCommit, EveryEventIsCommittedOnceBeforeItsCallerReturns) {
  std::mutex guard;
  std::vector<std::string> committed;
  AuditGroupCommit commits([&](const std::vector<QueuedAuditEvent>& group) -> Result<void> {
    std::this_thread::sleep_for(std::chrono::microseconds(200));  // an fsync's worth of waiting
    std::lock_guard lock(guard);
    for (const auto& event : group) committed.push_back(event.detail);
    return {};
  });
  constexpr int kThreads = 8;
  constexpr int kEach = 50;
  std::atomic<int> returned_before_commit = 0;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const auto detail = std::to_string(t) + "-" + std::to_string(i);
        const Actor actor{"user-" + std::to_string(t), "org", Role::CaseManager, {}, {}};
        ASSERT_TRUE(commits.record(actor, {"client.read", "client", {}, {}, "success", detail}, kAt));
        std::lock_guard lock(guard);
        if (std::find(committed.begin(), committed.end(), detail) == committed.end()) ++returned_before_commit;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(returned_before_commit, 0);
  ASSERT_EQ(committed.size(), std::size_t(kThreads * kEach));
  EXPECT_EQ(std::set<std::string>(committed.begin(), committed.end()).size(), committed.size());
  // Each caller's own events stay in the order it recorded them.
  for (int t = 0; t < kThreads; ++t) {
    int next = 0;
    for (const auto& detail : committed) {
      if (detail.starts_with(std::to_string(t) + "-")) {
        EXPECT_EQ(detail, std::to_string(t) + "-" + std::to_string(next++));
      }
    }
  }
}

TEST(AuditGroupCommit, AFailingEventFailsOnlyItsOwnCaller) {
  std::mutex guard;
  std::vector<std::string> committed;
  AuditGroupCommit commits([&](const std::vector<QueuedAuditEvent>& group) -> Result<void> {
    for (const auto& event : group) {
      if (event.detail == "bad") return fail(ErrorCode::Internal, "cannot write", "");
    }
    std::lock_guard lock(guard);
    for (const auto& event : group) committed.push_back(event.detail);
    return {};
  });
  std::vector<std::thread> threads;
  std::atomic<int> failures = 0;
  for (int t = 0; t < 6; ++t) {
    threads.emplace_back([&, t] {
      const std::string detail = t == 3 ? "bad" : "good-" + std::to_string(t);
      const Actor actor{"user", "org", Role::CaseManager, {}, {}};
      auto recorded = commits.record(actor, {"client.read", "client", {}, {}, "success", detail}, kAt);
      if (!recorded) {
        ++failures;
        EXPECT_EQ(detail, "bad");
      }
    });
  }
  for (auto& thread : threads) thread.join();
  EXPECT_EQ(failures, 1);
  EXPECT_EQ(committed.size(), 5u);
}

}  // namespace
}  // namespace caseboard::store
