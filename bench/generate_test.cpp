// The synthetic generator at a small size: the data it writes is usable by the application (the
// audit chain verifies, the 60-client case manager's worklist and client reads work through the
// Store), the counts are those of the seed, and the same seed gives the same data whatever the
// batch size. With CASEBOARD_TEST_PG_URL set, the same load also runs against PostgreSQL.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <map>

#include "bench/synthetic_organization.hpp"
#include "instruments/instrument_file.hpp"
#include "security/password.hpp"
#include "security/random_id.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sqlite/sqlite_connection.hpp"

namespace caseboard::bench {
namespace {

constexpr std::int64_t kClients = 1500;
constexpr std::uint64_t kSeed = 7;
const Timestamp kAsOf = *parse_timestamp("2026-11-01T00:00:00Z");

class SyntheticGeneratorTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    security::initialize();
    auto loaded = instruments::load_instruments(CASEBOARD_DEFAULT_INSTRUMENTS);
    ASSERT_TRUE(loaded) << loaded.error().public_message;
    catalog_ = new instruments::InstrumentCatalog(std::move(*loaded));
    auto hash = security::hash_password(kBenchPassword);
    ASSERT_TRUE(hash);
    password_hash_ = new std::string(*hash);
  }
  static void TearDownTestSuite() {
    delete catalog_;
    delete password_hash_;
  }

  void SetUp() override {
    folder_ = std::filesystem::temp_directory_path() / security::random_id("caseboard-generate-test");
    std::filesystem::create_directories(folder_);
  }
  void TearDown() override { std::filesystem::remove_all(folder_); }

  static SyntheticOptions options() {
    SyntheticOptions synthetic;
    synthetic.clients = kClients;
    synthetic.seed = kSeed;
    synthetic.as_of = kAsOf;
    return synthetic;
  }

  // Generates the agency into `database` in batches of `batch` clients; returns the counts.
  SyntheticCounts generate(const SyntheticOrganization& agency, const std::string& database, std::int64_t batch) {
    store::OpenOptions open_options;
    open_options.connections = 1;
    open_options.audit_key_path = (folder_ / (security::random_id("key") + ".key")).string();
    auto loader = store::SyntheticLoader::open(database, open_options);
    EXPECT_TRUE(loader) << (loader ? "" : loader.error().internal_message);
    if (!loader) return {};
    const Actor actor{{}, agency.organization_id(), Role::Administrator, "test", {}};
    store::SyntheticBatch agency_batch;
    agency.add_agency(agency_batch, *password_hash_);
    auto written = (*loader)->write(agency_batch, actor, kAsOf);
    EXPECT_TRUE(written) << (written ? "" : written.error().internal_message);
    SyntheticCounts counts;
    for (std::int64_t first = 0; first < kClients; first += batch) {
      store::SyntheticBatch clients;
      agency.add_clients(first, std::min(first + batch, kClients), clients, counts);
      auto rows = (*loader)->write(clients, actor, kAsOf);
      EXPECT_TRUE(rows) << (rows ? "" : rows.error().internal_message);
    }
    return counts;
  }

  static std::int64_t count(store::SqlConnection& connection, const std::string& table) {
    auto rows = connection.query("SELECT COUNT(*) FROM " + table, {});
    EXPECT_TRUE(rows);
    return rows ? rows->front().integer(0) : -1;
  }

  // Every row of every table but the audit trail's (whose hashes depend on each database's key),
  // as text, in primary key order.
  static std::map<std::string, std::string> dump(const std::string& path) {
    auto connection = store::SqliteConnection::open(path, store::SqliteAccess::ReadOnly);
    EXPECT_TRUE(connection);
    std::map<std::string, std::string> tables;
    auto names =
        (*connection)
            ->query(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('audit_events', 'audit_head', "
                "'schema_migrations', 'sqlite_sequence') ORDER BY name",
                {});
    EXPECT_TRUE(names);
    for (const auto& name : *names) {
      const auto table = name.text(0);
      auto columns = (*connection)->query("SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid", {});
      std::string select;
      std::string order;
      for (const auto& column : *columns) {
        select += (select.empty() ? "" : " || '|' || ") + ("quote(" + column.text(0) + ")");
        order += (order.empty() ? "" : ", ") + column.text(0);
      }
      auto rows = (*connection)->query("SELECT " + select + " FROM " + table + " ORDER BY " + order, {});
      EXPECT_TRUE(rows);
      std::string text;
      for (const auto& row : *rows) text += row.text(0) + "\n";
      tables[table] = std::move(text);
    }
    return tables;
  }

  static instruments::InstrumentCatalog* catalog_;
  static std::string* password_hash_;
  std::filesystem::path folder_;
};

instruments::InstrumentCatalog* SyntheticGeneratorTest::catalog_ = nullptr;
std::string* SyntheticGeneratorTest::password_hash_ = nullptr;

TEST_F(SyntheticGeneratorTest, WritesUsableDataWithTheSeedsCountsAndAnIntactAuditChain) {
  auto agency = SyntheticOrganization::plan(options(), *catalog_);
  ASSERT_TRUE(agency) << agency.error().public_message;
  const auto path = (folder_ / "a.db").string();
  const auto counts = generate(*agency, path, 500);

  // The seed's counts (the generator maps raw mt19937_64 output itself, so they hold everywhere).
  EXPECT_EQ(counts.clients, kClients);
  EXPECT_EQ(counts.cases, 1603);
  EXPECT_EQ(counts.open_cases, 358);
  EXPECT_EQ(counts.notes, 15890);
  EXPECT_EQ(counts.tasks, 6005);

  // The tables hold what the generator says it wrote.
  auto connection = store::SqliteConnection::open(path, store::SqliteAccess::ReadOnly);
  ASSERT_TRUE(connection);
  auto& db = **connection;
  EXPECT_EQ(count(db, "clients"), counts.clients);
  EXPECT_EQ(count(db, "referrals"), counts.referrals);
  EXPECT_EQ(count(db, "cases"), counts.cases);
  EXPECT_EQ(count(db, "cases WHERE status <> 'closed'"), counts.open_cases);
  EXPECT_EQ(count(db, "notes"), counts.notes);
  EXPECT_EQ(count(db, "appointments"), counts.appointments);
  EXPECT_EQ(count(db, "referrals_out"), counts.referrals_out);
  EXPECT_EQ(count(db, "plan_reviews"), counts.plan_reviews);
  EXPECT_EQ(count(db, "discharges"), counts.discharges);
  EXPECT_EQ(count(db, "assessments"), counts.assessments);
  EXPECT_EQ(count(db, "care_plans"), counts.care_plans);
  EXPECT_EQ(count(db, "care_plan_goals"), counts.goals);
  EXPECT_EQ(count(db, "tasks"), counts.tasks);
  EXPECT_EQ(count(db, "users"), static_cast<std::int64_t>(agency->staff().size()));
  EXPECT_EQ(count(db, "audit_events WHERE action = 'synthetic.load'"), 1 + (kClients + 499) / 500);

  // The application reads it: the audit chain verifies, and the case manager with 60 open cases
  // gets a worklist and opens one of those clients.
  store::OpenOptions open_options;
  open_options.connections = 1;
  open_options.create_audit_key = false;
  for (const auto& entry : std::filesystem::directory_iterator(folder_)) {
    if (entry.path().extension() == ".key") open_options.audit_key_path = entry.path().string();
  }
  auto store = store::open_store(path, open_options);
  ASSERT_TRUE(store) << store.error().internal_message;
  auto verified = (*store)->verify_audit_trail();
  ASSERT_TRUE(verified);
  EXPECT_TRUE(verified->intact) << verified->problem;

  const auto* full = agency->full_caseload_case_manager();
  ASSERT_NE(full, nullptr) << "no case manager with 60 open cases at " << kClients << " clients";
  const Actor actor{full->id, agency->organization_id(), full->role, "test", {}};
  const store::SqlValue by_manager[] = {full->id};
  auto clients = db.query("SELECT client_id FROM cases WHERE case_manager_id = ? AND status <> 'closed'", by_manager);
  ASSERT_TRUE(clients);
  EXPECT_EQ(clients->size(), 60u);
  auto worklist = (*store)->worklist(actor, false, kAsOf + std::chrono::hours(1));
  ASSERT_TRUE(worklist) << worklist.error().internal_message;
  EXPECT_FALSE(worklist->items.empty());
  auto client = (*store)->get_client(actor, clients->front().text(0), kAsOf + std::chrono::hours(1));
  ASSERT_TRUE(client) << client.error().internal_message;
  auto timeline = (*store)->client_timeline(actor, clients->front().text(0), kAsOf + std::chrono::hours(1));
  ASSERT_TRUE(timeline) << timeline.error().internal_message;
  EXPECT_FALSE(timeline->events.empty());
}

TEST_F(SyntheticGeneratorTest, TheSameSeedGivesTheSameDataWhateverTheBatchSize) {
  auto first = SyntheticOrganization::plan(options(), *catalog_);
  auto second = SyntheticOrganization::plan(options(), *catalog_);
  ASSERT_TRUE(first && second);
  const auto a = (folder_ / "a.db").string();
  const auto b = (folder_ / "b.db").string();
  generate(*first, a, 500);
  generate(*second, b, 170);
  const auto dump_a = dump(a);
  const auto dump_b = dump(b);
  ASSERT_EQ(dump_a.size(), dump_b.size());
  for (const auto& [table, rows] : dump_a) {
    EXPECT_TRUE(rows == dump_b.at(table)) << "table " << table << " differs";
  }
  EXPECT_FALSE(dump_a.at("notes").empty());
}

TEST_F(SyntheticGeneratorTest, LoadsIntoPostgreSqlWhenAServerIsGiven) {
  const char* url = std::getenv("CASEBOARD_TEST_PG_URL");
  if (!url || !*url) GTEST_SKIP() << "CASEBOARD_TEST_PG_URL is not set";
  // A database of its own, dropped afterwards.
  const std::string server(url);
  const auto name = "generate_" + security::random_id("db").substr(3);
  auto admin = store::PgConnection::open(server);
  ASSERT_TRUE(admin);
  ASSERT_TRUE((*admin)->execute_script("CREATE DATABASE " + name));
  const auto database = server.substr(0, server.rfind('/') + 1) + name;
  auto agency = SyntheticOrganization::plan(options(), *catalog_);
  ASSERT_TRUE(agency);
  const auto counts = generate(*agency, database, 500);
  {
    auto connection = store::PgConnection::open(database);
    ASSERT_TRUE(connection);
    EXPECT_EQ(count(**connection, "notes"), counts.notes);
    EXPECT_EQ(count(**connection, "cases"), counts.cases);
  }
  (void)(*admin)->execute_script("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
}

}  // namespace
}  // namespace caseboard::bench
