// Group commit for the audit trail: the events that concurrent requests record on their own (every
// read of client data) are appended in one write transaction, one commit (and one fsync) for the
// group instead of one each. Each caller still returns only once its event is committed, so a read
// is never answered before it is in the trail.
//
// Leader and followers: the first caller to find no commit running takes every queued event and
// commits them; the others wait, and one of them leads the next group. When a group's transaction
// fails, its events are retried one by one, so one bad event fails only its own caller.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/calendar.hpp"
#include "core/result.hpp"
#include "store/store.hpp"

namespace caseboard::store {

// An AuditEntry that owns its text, to wait in the queue.
struct QueuedAuditEvent {
  Actor actor;
  std::string action;
  std::string resource_type;
  std::string resource_id;
  std::string client_id;
  std::string outcome;
  std::string detail;
  std::string break_glass_reason;
  Timestamp at;

  AuditEntry entry() const {
    return {action, resource_type, resource_id, client_id, outcome, detail, break_glass_reason};
  }
};

class AuditGroupCommit {
 public:
  // Commits a group of events in one transaction; all or nothing.
  using CommitGroup = std::function<Result<void>(const std::vector<QueuedAuditEvent>& group)>;

  explicit AuditGroupCommit(CommitGroup commit) : commit_(std::move(commit)) {}

  // Returns once the event is committed (or has failed).
  [[nodiscard]] Result<void> record(const Actor& actor, const AuditEntry& entry, Timestamp at);

 private:
  CommitGroup commit_;
  std::mutex mutex_;
  std::condition_variable committed_;
  std::vector<QueuedAuditEvent> queue_;
  std::vector<std::uint64_t> queue_tickets_;
  std::uint64_t next_ticket_ = 0;
  std::uint64_t done_up_to_ = 0;  // every ticket up to this one is committed or failed
  bool leading_ = false;
  std::map<std::uint64_t, Error> failures_;
};

}  // namespace caseboard::store
