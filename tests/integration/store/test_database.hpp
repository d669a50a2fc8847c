// A database for a storage test: a SQLite file in its own folder, or a PostgreSQL database named
// by CASEBOARD_TEST_PG_URL (shared by the suite) or created for the test alone. Cleaned up on
// destruction. With CASEBOARD_REQUIRE_PG=1 a missing PostgreSQL fails instead of skipping.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include <gtest/gtest.h>

#include "security/random_id.hpp"
#include "store/open_store.hpp"
#include "store/postgres/pg_connection.hpp"

namespace caseboard::store {

class TestDatabase {
 public:
  enum class Isolation { SharedDatabase, OwnDatabase };
  enum class Availability { Ready, Skip, Fail };

  TestDatabase(const std::string& backend, Isolation isolation)
      : key_path_((std::filesystem::temp_directory_path() / (security::random_id("audit") + ".key")).string()) {
    if (backend != "postgresql") {
      folder_ = std::filesystem::temp_directory_path() / security::random_id("caseboard-store-test");
      std::filesystem::create_directories(folder_);
      location_ = (folder_ / "test.db").string();
      return;
    }
    const char* url = std::getenv("CASEBOARD_TEST_PG_URL");
    if (!url || !*url) {
      const char* required = std::getenv("CASEBOARD_REQUIRE_PG");
      availability_ = required && std::string(required) == "1" ? Availability::Fail : Availability::Skip;
      return;
    }
    location_ = url;
    if (isolation == Isolation::SharedDatabase) return;
    // A database of its own: the server URL with another database name.
    server_url_ = url;
    own_name_ = "test_" + security::random_id("db").substr(3);
    auto admin = PgConnection::open(server_url_);
    if (!admin || !(*admin)->execute_script("CREATE DATABASE " + own_name_)) {
      availability_ = Availability::Fail;
      return;
    }
    location_ = server_url_.substr(0, server_url_.rfind('/') + 1) + own_name_;
  }

  ~TestDatabase() {
    std::filesystem::remove(key_path_);
    if (!folder_.empty()) std::filesystem::remove_all(folder_);
    if (!own_name_.empty()) {
      if (auto admin = PgConnection::open(server_url_)) {
        (void)(*admin)->execute_script("DROP DATABASE IF EXISTS " + own_name_ + " WITH (FORCE)");
      }
    }
  }
  TestDatabase(const TestDatabase&) = delete;
  TestDatabase& operator=(const TestDatabase&) = delete;

  Availability availability() const { return availability_; }
  const std::string& location() const { return location_; }
  // A key file of the test's own for the audit chain (created on first open, removed after).
  const std::string& key_path() const { return key_path_; }

  OpenOptions options(bool apply_migrations = true) const {
    OpenOptions options;
    options.connections = 2;
    options.apply_migrations = apply_migrations;
    options.audit_key_path = key_path_;
    return options;
  }

 private:
  Availability availability_ = Availability::Ready;
  std::filesystem::path folder_;
  std::string location_;
  std::string server_url_;
  std::string own_name_;
  std::string key_path_;
};

}  // namespace caseboard::store

// Opens `slot` (std::optional<TestDatabase>) for `backend`, skipping or failing the test when
// PostgreSQL is wanted but not there. For use in SetUp().
#define CASEBOARD_OPEN_TEST_DATABASE(slot, backend, isolation)                          \
  do {                                                                                  \
    (slot).emplace((backend), (isolation));                                             \
    if ((slot)->availability() == ::caseboard::store::TestDatabase::Availability::Fail) \
      FAIL() << "PostgreSQL is required (CASEBOARD_REQUIRE_PG=1) but not usable";       \
    if ((slot)->availability() == ::caseboard::store::TestDatabase::Availability::Skip) \
      GTEST_SKIP() << "CASEBOARD_TEST_PG_URL is not set";                               \
  } while (false)
