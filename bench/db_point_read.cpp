// caseboard-db-point-read: the ceiling of the database. A prepared primary-key SELECT of a client
// row (the columns the store's client read selects) on the same database, straight through the
// SQLite C API or libpq with no store, no HTTP and no audit, from one or more threads each with
// its own connection. Prints reads per second, p50 and p99.
#include <libpq-fe.h>
#include <sqlite3.h>
#include <CLI/CLI.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <string>
#include <thread>
#include <vector>

namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kPointRead =
    "SELECT id, version, organization_id, given_name, family_name, middle_name, preferred_name, birth_date, sex, "
    "preferred_language, interpreter_needed, phone, email, address_line1, address_line2, city, state, postal_code, "
    "country, created_at, updated_at, restricted, risk_level, latitude_e6, longitude_e6 FROM clients WHERE id = ?1 "
    "AND organization_id = ?2";

struct Key {
  std::string id;
  std::string organization_id;
};

struct Measured {
  std::vector<std::int64_t> nanoseconds;
  bool failed = false;
};

bool is_postgres(const std::string& database) {
  return database.starts_with("postgresql://") || database.starts_with("postgres://");
}

// An even spread of clients over the whole table (every k-th row), not the first ones of the index.
std::vector<Key> sample_keys(const std::string& database, int wanted) {
  std::vector<Key> keys;
  const std::string count_sql = "SELECT COUNT(*) FROM clients";
  auto sample_sql = [&](long long every) {
    return is_postgres(database)
               ? "SELECT id, organization_id FROM (SELECT id, organization_id, row_number() OVER (ORDER BY id) AS n "
                 "FROM clients) s WHERE n % " +
                     std::to_string(every) + " = 0 LIMIT " + std::to_string(wanted)
               : "SELECT id, organization_id FROM clients WHERE rowid % " + std::to_string(every) + " = 0 LIMIT " +
                     std::to_string(wanted);
  };
  if (is_postgres(database)) {
    PGconn* connection = PQconnectdb(database.c_str());
    if (PQstatus(connection) != CONNECTION_OK) return keys;
    PGresult* counted = PQexec(connection, count_sql.c_str());
    const long long total = PQresultStatus(counted) == PGRES_TUPLES_OK ? std::atoll(PQgetvalue(counted, 0, 0)) : 0;
    PQclear(counted);
    PGresult* rows = PQexec(connection, sample_sql(std::max(1LL, total / wanted)).c_str());
    for (int i = 0; PQresultStatus(rows) == PGRES_TUPLES_OK && i < PQntuples(rows); ++i) {
      keys.push_back({PQgetvalue(rows, i, 0), PQgetvalue(rows, i, 1)});
    }
    PQclear(rows);
    PQfinish(connection);
    return keys;
  }
  sqlite3* handle = nullptr;
  if (sqlite3_open_v2(database.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) return keys;
  sqlite3_stmt* statement = nullptr;
  long long total = 0;
  if (sqlite3_prepare_v2(handle, count_sql.c_str(), -1, &statement, nullptr) == SQLITE_OK &&
      sqlite3_step(statement) == SQLITE_ROW) {
    total = sqlite3_column_int64(statement, 0);
  }
  sqlite3_finalize(statement);
  const auto sql = sample_sql(std::max(1LL, total / wanted));
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &statement, nullptr) == SQLITE_OK) {
    while (sqlite3_step(statement) == SQLITE_ROW) {
      keys.push_back({reinterpret_cast<const char*>(sqlite3_column_text(statement, 0)),
                      reinterpret_cast<const char*>(sqlite3_column_text(statement, 1))});
    }
  }
  sqlite3_finalize(statement);
  sqlite3_close(handle);
  return keys;
}

// One thread of SQLite reads, set up as the store's read connections are (WAL, read-only).
void read_sqlite(const std::string& path, const std::vector<Key>& keys, std::size_t offset, Clock::time_point until,
                 Measured& out) {
  sqlite3* handle = nullptr;
  if (sqlite3_open_v2(path.c_str(), &handle, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, nullptr) != SQLITE_OK) {
    out.failed = true;
    return;
  }
  sqlite3_exec(handle, "PRAGMA foreign_keys=ON; PRAGMA busy_timeout=5000; PRAGMA query_only=ON;", nullptr, nullptr,
               nullptr);
  sqlite3_stmt* statement = nullptr;
  if (sqlite3_prepare_v2(handle, kPointRead, -1, &statement, nullptr) != SQLITE_OK) {
    out.failed = true;
    sqlite3_close(handle);
    return;
  }
  std::size_t bytes = 0;
  for (std::size_t i = offset; Clock::now() < until; ++i) {
    const auto& key = keys[i % keys.size()];
    const auto start = Clock::now();
    sqlite3_bind_text(statement, 1, key.id.data(), static_cast<int>(key.id.size()), SQLITE_STATIC);
    sqlite3_bind_text(statement, 2, key.organization_id.data(), static_cast<int>(key.organization_id.size()),
                      SQLITE_STATIC);
    while (sqlite3_step(statement) == SQLITE_ROW) {
      for (int column = 0; column < sqlite3_column_count(statement); ++column) {
        bytes += static_cast<std::size_t>(sqlite3_column_bytes(statement, column));
      }
    }
    sqlite3_reset(statement);
    out.nanoseconds.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
  }
  if (bytes == 0) out.failed = true;
  sqlite3_finalize(statement);
  sqlite3_close(handle);
}

void read_postgres(const std::string& url, const std::vector<Key>& keys, std::size_t offset, Clock::time_point until,
                   Measured& out) {
  PGconn* connection = PQconnectdb(url.c_str());
  std::string sql = kPointRead;
  sql.replace(sql.find("?1"), 2, "$1");
  sql.replace(sql.find("?2"), 2, "$2");
  PGresult* prepared = PQprepare(connection, "point_read", sql.c_str(), 2, nullptr);
  if (PQstatus(connection) != CONNECTION_OK || PQresultStatus(prepared) != PGRES_COMMAND_OK) {
    out.failed = true;
    PQclear(prepared);
    PQfinish(connection);
    return;
  }
  PQclear(prepared);
  for (std::size_t i = offset; Clock::now() < until; ++i) {
    const auto& key = keys[i % keys.size()];
    const char* values[] = {key.id.c_str(), key.organization_id.c_str()};
    const auto start = Clock::now();
    PGresult* result = PQexecPrepared(connection, "point_read", 2, values, nullptr, nullptr, 0);
    if (PQresultStatus(result) != PGRES_TUPLES_OK || PQntuples(result) != 1) out.failed = true;
    PQclear(result);
    out.nanoseconds.push_back(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start).count());
  }
  PQfinish(connection);
}

double percentile_ms(std::vector<std::int64_t>& values, double fraction) {
  if (values.empty()) return 0;
  const auto rank = static_cast<std::size_t>(fraction * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(rank), values.end());
  return static_cast<double>(values[rank]) / 1e6;
}

}  // namespace

int main(int argc, char** argv) {
  std::string database;
  double seconds = 5;
  std::vector<int> thread_counts{1, 4};
  int sample = 20000;
  CLI::App app{
      "caseboard-db-point-read: the database's raw primary-key read of a client, the ceiling of a client read"};
  app.add_option("--db", database, "SQLite file or postgresql:// URL (a database caseboard-generate filled)")
      ->required();
  app.add_option("--seconds", seconds, "How long each run lasts")->capture_default_str();
  app.add_option("--threads", thread_counts, "Thread counts to run with, one connection each")->capture_default_str();
  app.add_option("--sample", sample, "How many clients to read, spread over the table")->capture_default_str();
  CLI11_PARSE(app, argc, argv);

  const auto keys = sample_keys(database, sample);
  if (keys.empty()) {
    std::fprintf(stderr, "caseboard-db-point-read: no clients found in %s\n", database.c_str());
    return 1;
  }
  const bool postgres = is_postgres(database);
  for (int threads : thread_counts) {
    std::vector<Measured> measured(static_cast<std::size_t>(threads));
    std::vector<std::thread> workers;
    const auto start = Clock::now();
    const auto until = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    for (int t = 0; t < threads; ++t) {
      const auto offset = static_cast<std::size_t>(t) * keys.size() / static_cast<std::size_t>(threads);
      auto& out = measured[static_cast<std::size_t>(t)];
      workers.emplace_back([&, offset] {
        postgres ? read_postgres(database, keys, offset, until, out) : read_sqlite(database, keys, offset, until, out);
      });
    }
    for (auto& worker : workers) worker.join();
    const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
    std::vector<std::int64_t> all;
    bool failed = false;
    for (auto& m : measured) {
      all.insert(all.end(), m.nanoseconds.begin(), m.nanoseconds.end());
      failed = failed || m.failed;
    }
    if (failed) {
      std::fprintf(stderr, "caseboard-db-point-read: reads failed on %s\n", database.c_str());
      return 1;
    }
    const double p50 = percentile_ms(all, 0.50);
    const double p99 = percentile_ms(all, 0.99);
    std::printf("point_read backend=%s threads=%d reads=%zu ops_per_s=%.0f p50_ms=%.4f p99_ms=%.4f\n",
                postgres ? "postgresql" : "sqlite", threads, all.size(), static_cast<double>(all.size()) / elapsed, p50,
                p99);
  }
  return 0;
}
