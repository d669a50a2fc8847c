#include "store/audit_group_commit.hpp"

namespace caseboard::store {

Result<void> AuditGroupCommit::record(const Actor& actor, const AuditEntry& entry, Timestamp at) {
  std::unique_lock lock(mutex_);
  const auto ticket = ++next_ticket_;
  queue_.push_back({actor, std::string(entry.action), std::string(entry.resource_type), std::string(entry.resource_id),
                    std::string(entry.client_id), std::string(entry.outcome), std::string(entry.detail),
                    std::string(entry.break_glass_reason), at});
  queue_tickets_.push_back(ticket);
  while (done_up_to_ < ticket) {
    if (leading_) {
      committed_.wait(lock);
      continue;
    }
    // Lead the next group: everything queued so far, in the order it came.
    leading_ = true;
    auto group = std::move(queue_);
    auto tickets = std::move(queue_tickets_);
    queue_.clear();
    queue_tickets_.clear();
    lock.unlock();
    std::map<std::uint64_t, Error> failed;
    if (auto done = commit_(group); !done) {
      for (std::size_t i = 0; i < group.size(); ++i) {
        if (auto alone = commit_({group[i]}); !alone) failed.emplace(tickets[i], std::move(alone.error()));
      }
    }
    lock.lock();
    failures_.merge(failed);
    done_up_to_ = tickets.back();
    leading_ = false;
    committed_.notify_all();
  }
  if (const auto failure = failures_.find(ticket); failure != failures_.end()) {
    auto error = std::move(failure->second);
    failures_.erase(failure);
    return fail(std::move(error));
  }
  return {};
}

}  // namespace caseboard::store
