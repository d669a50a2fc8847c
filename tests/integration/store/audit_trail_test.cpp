// The audit trail: every read and write recorded with who, what, when and where; the application
// cannot change it; and every kind of tampering is found by verification. Runs on SQLite and, in a
// database of its own, PostgreSQL.
#include <gtest/gtest.h>

#include "core/calendar.hpp"
#include "store/open_store.hpp"
#include "store/postgres/pg_connection.hpp"
#include "store/sqlite/sqlite_connection.hpp"
#include "test_database.hpp"

namespace caseboard::store {
namespace {

const Timestamp kNow = *parse_timestamp("2026-11-22T09:00:00Z");

class AuditTrailTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    security::initialize();
    CASEBOARD_OPEN_TEST_DATABASE(database_, GetParam(), TestDatabase::Isolation::OwnDatabase);
    auto opened = open_store(database_->location(), database_->options());
    ASSERT_TRUE(opened) << opened.error().internal_message;
    store_ = std::move(*opened);
    auto organization = store_->create_organization("Audited Agency", kNow);
    ASSERT_TRUE(organization);
    actor_ = Actor{{}, organization->id, Role::Administrator, "203.0.113.9", "req-1"};
    auto user = store_->create_user(actor_, {"audited.cm", "Audited CM", Role::CaseManager, true, {}}, "h", kNow);
    ASSERT_TRUE(user);
    actor_.user_id = user->id;
    actor_.role = Role::CaseManager;
  }

  void TearDown() override { store_.reset(); }

  // Some activity: a client registered, read, searched, with a contact.
  std::string activity() {
    ClientFields fields;
    fields.given_name = "Ada";
    fields.family_name = "Audit";
    fields.birth_date = "1950-01-01";
    auto client = store_->create_client(actor_, fields, DuplicatePolicy::RefuseLikelyDuplicates, kNow);
    EXPECT_TRUE(client);
    EXPECT_TRUE(store_->get_client(actor_, client->id, kNow));
    ClientQuery query;
    query.name = "audit";
    EXPECT_TRUE(store_->search_clients(actor_, query, kNow));
    EXPECT_TRUE(store_->create_contact(actor_, client->id, {"Bo", "friend", "", "", false, "none", ""}, kNow));
    EXPECT_TRUE(store_->list_contacts(actor_, client->id, kNow));
    return client->id;
  }

  // A connection that goes around the application, as someone with the database file would.
  std::unique_ptr<SqlConnection> raw() {
    if (GetParam() == "postgresql") {
      auto connection = PgConnection::open(database_->location());
      EXPECT_TRUE(connection);
      EXPECT_TRUE((*connection)->execute_script("ALTER TABLE audit_events DISABLE TRIGGER USER"));
      return std::move(*connection);
    }
    auto connection = SqliteConnection::open(database_->location(), SqliteAccess::ReadWrite);
    EXPECT_TRUE(connection);
    EXPECT_TRUE(
        (*connection)->execute_script("DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete"));
    return std::move(*connection);
  }

  void tamper(const std::string& sql) {
    auto connection = raw();
    auto done = connection->execute_script(sql);
    ASSERT_TRUE(done) << done.error().internal_message;
  }

  AuditVerification verify() {
    auto result = store_->verify_audit_trail();
    EXPECT_TRUE(result) << result.error().internal_message;
    return result ? *result : AuditVerification{};
  }

  std::optional<TestDatabase> database_;
  std::unique_ptr<Store> store_;
  Actor actor_;
};

TEST_P(AuditTrailTest, ReadsAndWritesAreRecordedWithWhoWhatWhenAndWhere) {
  const auto client_id = activity();
  auto events = store_->recent_audit_events(actor_.organization_id, 10);
  ASSERT_TRUE(events);
  std::vector<std::string> actions;
  for (auto it = events->rbegin(); it != events->rend(); ++it) actions.push_back(it->action);
  const std::vector<std::string> tail(actions.end() - 5, actions.end());
  EXPECT_EQ(tail, (std::vector<std::string>{"client.create", "client.read", "client.search", "contact.create",
                                            "contact.list"}));
  const auto& read = (*events)[3];
  EXPECT_EQ(read.action, "client.read");
  EXPECT_EQ(read.user_id, actor_.user_id);
  EXPECT_EQ(read.client_id, client_id);
  EXPECT_EQ(read.resource_id, client_id);
  EXPECT_EQ(read.at, "2026-11-22T09:00:00Z");
  EXPECT_EQ(read.source_address, "203.0.113.9");
  EXPECT_EQ(read.outcome, "success");
  EXPECT_NE((*events)[2].detail.find("q=audit"), std::string::npos);
}

TEST_P(AuditTrailTest, AnIntactTrailVerifies) {
  activity();
  auto result = verify();
  EXPECT_TRUE(result.intact) << result.problem;
  EXPECT_GE(result.entries, 7);
}

TEST_P(AuditTrailTest, TheApplicationCannotChangeOrRemoveEntries) {
  activity();
  std::unique_ptr<SqlConnection> connection;
  if (GetParam() == "postgresql") {
    connection = std::move(*PgConnection::open(database_->location()));
  } else {
    connection = std::move(*SqliteConnection::open(database_->location(), SqliteAccess::ReadWrite));
  }
  EXPECT_FALSE(connection->execute_script("UPDATE audit_events SET detail = 'x' WHERE sequence = 2"));
  EXPECT_FALSE(connection->execute_script("DELETE FROM audit_events WHERE sequence = 2"));
  EXPECT_TRUE(verify().intact);
}

TEST_P(AuditTrailTest, ChangingOneByteIsFound) {
  activity();
  tamper("UPDATE audit_events SET source_address = '203.0.113.8' WHERE sequence = 4");
  auto result = verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_bad_sequence, 4);
  EXPECT_NE(result.problem.find("changed"), std::string::npos) << result.problem;
}

TEST_P(AuditTrailTest, RemovingAnEntryIsFound) {
  activity();
  tamper("DELETE FROM audit_events WHERE sequence = 3");
  auto result = verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_bad_sequence, 3);
  EXPECT_NE(result.problem.find("missing"), std::string::npos) << result.problem;
}

TEST_P(AuditTrailTest, InsertingAnEntryIsFound) {
  activity();
  // Make room at 3 by moving every later entry up one, then put a forged entry there.
  tamper(
      "UPDATE audit_events SET sequence = sequence + 1000 WHERE sequence >= 3;"
      "UPDATE audit_events SET sequence = sequence - 999 WHERE sequence >= 1003;"
      "INSERT INTO audit_events (sequence, at, organization_id, action, resource_type, outcome, hash) "
      "SELECT 3, at, organization_id, 'client.read', 'client', 'success', hash FROM audit_events WHERE sequence = 2");
  auto result = verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_bad_sequence, 3);
}

TEST_P(AuditTrailTest, ReorderingEntriesIsFound) {
  activity();
  tamper(
      "UPDATE audit_events SET sequence = 1000 WHERE sequence = 2;"
      "UPDATE audit_events SET sequence = 2 WHERE sequence = 3;"
      "UPDATE audit_events SET sequence = 3 WHERE sequence = 1000");
  auto result = verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_bad_sequence, 2);
}

TEST_P(AuditTrailTest, CuttingTheTailIsFound) {
  activity();
  auto before = verify();
  ASSERT_TRUE(before.intact);
  tamper("DELETE FROM audit_events WHERE sequence > " + std::to_string(before.entries - 2));
  auto result = verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_bad_sequence, before.entries - 1);
  EXPECT_NE(result.problem.find("cut from the end"), std::string::npos) << result.problem;
}

TEST_P(AuditTrailTest, AForgedHeadIsFound) {
  activity();
  tamper("UPDATE audit_head SET hash = 'f00d' WHERE id = 1");
  EXPECT_FALSE(verify().intact);
}

TEST_P(AuditTrailTest, AnotherKeyDoesNotVerifyTheTrail) {
  activity();
  const auto other_key = std::filesystem::temp_directory_path() / (security::random_id("other-key") + ".key");
  store_.reset();
  auto options = database_->options(false);
  options.audit_key_path = other_key;
  auto reopened = open_store(database_->location(), options);
  ASSERT_TRUE(reopened);
  auto result = (*reopened)->verify_audit_trail();
  std::filesystem::remove(other_key);
  ASSERT_TRUE(result);
  EXPECT_FALSE(result->intact);
  EXPECT_EQ(result->first_bad_sequence, 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditTrailTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& parameter) { return parameter.param; });

}  // namespace
}  // namespace caseboard::store
