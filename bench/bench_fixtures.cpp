// caseboard-bench-fixtures: what the load runs of bench/run.sh ask for, read from a generated
// database: the case manager with 60 open cases, those clients and cases, and names to search by;
// and another case manager and their open cases to write notes to, so that the notes one run
// writes do not swell the records the next run's worklist and chart read. One fact a line
// ("username cm00001", "client cl_...", "case cs_...", "search garc", "writer cm00011",
// "writer_case cs_..."), for the script to turn into the paths wrk requests.
#include <CLI/CLI.hpp>

#include <cstdio>

#include "core/text.hpp"
#include "store/open_store.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace caseboard::bench {
namespace {

Result<std::unique_ptr<store::SqlConnection>> connect(const std::string& database) {
  if (store::is_postgres_url(database)) {
    CB_TRY_ASSIGN(connection, store::PgConnection::open(database));
    return std::unique_ptr<store::SqlConnection>(std::move(connection));
  }
  CB_TRY_ASSIGN(connection, store::SqliteConnection::open(database, store::SqliteAccess::ReadOnly));
  return std::unique_ptr<store::SqlConnection>(std::move(connection));
}

int print_fixtures(const std::string& database, std::string username, int searches) {
  auto connection = connect(database);
  if (!connection) {
    std::fprintf(stderr, "caseboard-bench-fixtures: %s\n", connection.error().internal_message.c_str());
    return 1;
  }
  auto& db = **connection;
  if (username.empty()) {
    auto found = db.query(
        "SELECT u.username FROM users u JOIN cases c ON c.case_manager_id = u.id WHERE c.status <> 'closed' "
        "GROUP BY u.id, u.username HAVING COUNT(*) = 60 ORDER BY u.username LIMIT 1",
        {});
    if (!found || found->empty()) {
      std::fprintf(stderr, "caseboard-bench-fixtures: no case manager has 60 open cases in %s\n", database.c_str());
      return 1;
    }
    username = found->front().text(0);
  }
  std::printf("username %s\n", username.c_str());
  auto clients = db.query("SELECT COUNT(*) FROM clients", {});
  if (!clients) return 1;
  std::printf("clients %lld\n", static_cast<long long>(clients->front().integer(0)));
  const store::SqlValue by_username[] = {username};
  auto cases = db.query(
      "SELECT c.id, c.client_id FROM cases c JOIN users u ON u.id = c.case_manager_id WHERE u.username = ? AND "
      "c.status <> 'closed' ORDER BY c.id",
      by_username);
  if (!cases) return 1;
  for (const auto& row : *cases) std::printf("client %s\ncase %s\n", row.text(1).c_str(), row.text(0).c_str());
  // The writer: the next case manager with 60 open cases.
  auto writer = db.query(
      "SELECT u.username FROM users u JOIN cases c ON c.case_manager_id = u.id WHERE c.status <> 'closed' AND "
      "u.username <> ? GROUP BY u.id, u.username HAVING COUNT(*) = 60 ORDER BY u.username LIMIT 1",
      by_username);
  if (!writer || writer->empty()) {
    std::fprintf(stderr, "caseboard-bench-fixtures: no second case manager has 60 open cases in %s\n",
                 database.c_str());
    return 1;
  }
  std::printf("writer %s\n", writer->front().text(0).c_str());
  const store::SqlValue by_writer[] = {writer->front().text(0)};
  auto writer_cases = db.query(
      "SELECT c.id FROM cases c JOIN users u ON u.id = c.case_manager_id WHERE u.username = ? AND c.status <> "
      "'closed' ORDER BY c.id",
      by_writer);
  if (!writer_cases) return 1;
  for (const auto& row : *writer_cases) std::printf("writer_case %s\n", row.text(0).c_str());
  // Searches as people type them: the start of a family name, or "family, given".
  const store::SqlValue limit[] = {std::int64_t{searches}};
  auto names = db.query("SELECT family_name, given_name FROM clients ORDER BY id LIMIT ?", limit);
  if (!names) return 1;
  int n = 0;
  for (const auto& row : *names) {
    const auto family = name_key(row.text(0));
    const auto given = name_key(row.text(1));
    if (n++ % 2 == 0) {
      std::printf("search %s\n", family.substr(0, 4).c_str());
    } else {
      std::printf("search %s,%%20%s\n", family.c_str(), given.substr(0, 2).c_str());
    }
  }
  return 0;
}

}  // namespace
}  // namespace caseboard::bench

int main(int argc, char** argv) {
  std::string database;
  std::string username;
  int searches = 200;
  CLI::App app{"caseboard-bench-fixtures: the users, clients, cases and names the benchmarks use"};
  app.add_option("--db", database, "SQLite file or postgresql:// URL filled by caseboard-generate")->required();
  app.add_option("--username", username, "The case manager (default: one with 60 open cases)");
  app.add_option("--searches", searches, "How many name searches")->capture_default_str();
  CLI11_PARSE(app, argc, argv);
  return caseboard::bench::print_fixtures(database, username, searches);
}
