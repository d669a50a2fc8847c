// A fixed set of open connections handed out one request at a time. SQLite gets one pool with a
// single writer and one of readers (WAL lets readers run beside the writer); PostgreSQL one pool.
#pragma once

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "store/sql_connection.hpp"

namespace caseboard::store {

class ConnectionPool {
 public:
  class Lease {
   public:
    Lease(ConnectionPool& pool, std::unique_ptr<SqlConnection> connection)
        : pool_(&pool), connection_(std::move(connection)) {}
    Lease(Lease&& other) noexcept = default;
    Lease& operator=(Lease&&) = delete;
    Lease(const Lease&) = delete;
    ~Lease();
    SqlConnection& operator*() const { return *connection_; }
    SqlConnection* operator->() const { return connection_.get(); }

   private:
    ConnectionPool* pool_;
    std::unique_ptr<SqlConnection> connection_;
  };

  explicit ConnectionPool(std::vector<std::unique_ptr<SqlConnection>> connections);
  // Waits until a connection is free.
  Lease acquire();

 private:
  void give_back(std::unique_ptr<SqlConnection> connection);

  std::mutex mutex_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<SqlConnection>> idle_;
};

}  // namespace caseboard::store
