#include "store/connection_pool.hpp"

namespace caseboard::store {

ConnectionPool::Lease::~Lease() {
  if (connection_) pool_->give_back(std::move(connection_));
}

ConnectionPool::ConnectionPool(std::vector<std::unique_ptr<SqlConnection>> connections)
    : idle_(std::move(connections)) {}

ConnectionPool::Lease ConnectionPool::acquire() {
  std::unique_lock lock(mutex_);
  available_.wait(lock, [this] { return !idle_.empty(); });
  auto connection = std::move(idle_.back());
  idle_.pop_back();
  return Lease(*this, std::move(connection));
}

void ConnectionPool::give_back(std::unique_ptr<SqlConnection> connection) {
  {
    std::lock_guard lock(mutex_);
    idle_.push_back(std::move(connection));
  }
  available_.notify_one();
}

}  // namespace caseboard::store
