// The storage conformance suite: every test runs unchanged against SQLite and PostgreSQL
// (CASEBOARD_TEST_PG_URL; with CASEBOARD_REQUIRE_PG=1 a missing server fails instead of skipping).
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <tuple>

#include <gtest/gtest.h>

#include "core/calendar.hpp"
#include "security/random_id.hpp"
#include "store/migrations.hpp"
#include "store/open_store.hpp"
#include "test_database.hpp"

namespace caseboard::store {
namespace {

const Timestamp kNow = *parse_timestamp("2026-11-22T09:00:00Z");

class StoreConformanceTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    security::initialize();
    CASEBOARD_OPEN_TEST_DATABASE(test_database_, GetParam(), TestDatabase::Isolation::SharedDatabase);
    database_ = test_database_->location();
    reopen();
    auto organization = store_->create_organization("Agency " + security::random_id("t"), kNow);
    ASSERT_TRUE(organization) << organization.error().internal_message;
    actor_ = Actor{{}, organization->id, Role::Administrator, "test", {}};
    auto user = store_->create_user(actor_, {security::random_id("cm"), "Casey Manager", Role::CaseManager, true, {}},
                                    "hash", kNow);
    ASSERT_TRUE(user) << user.error().internal_message;
    actor_.user_id = user->id;
    actor_.role = Role::CaseManager;
  }

  void TearDown() override { store_.reset(); }

  // Closes every connection and opens the database again, as a restarted server would.
  void reopen() {
    store_.reset();
    auto opened = open_store(database_, test_database_->options());
    ASSERT_TRUE(opened) << opened.error().internal_message;
    store_ = std::move(*opened);
  }

  Actor other_organization() {
    auto organization = store_->create_organization("Other " + security::random_id("t"), kNow);
    EXPECT_TRUE(organization);
    return Actor{"", organization->id, Role::CaseManager, "test", {}};
  }

  ClientFields client(std::string given, std::string family, std::string birth_date,
                      std::vector<Identifier> identifiers = {}) {
    ClientFields fields;
    fields.given_name = std::move(given);
    fields.family_name = std::move(family);
    fields.birth_date = std::move(birth_date);
    fields.identifiers = std::move(identifiers);
    return fields;
  }

  Client create(ClientFields fields) {
    auto created = store_->create_client(actor_, std::move(fields), DuplicatePolicy::RefuseLikelyDuplicates, kNow);
    EXPECT_TRUE(created) << created.error().internal_message;
    return created ? *created : Client{};
  }

  std::size_t audit_count() {
    auto events = store_->recent_audit_events(actor_.organization_id, 1000);
    EXPECT_TRUE(events);
    return events ? events->size() : 0;
  }

  std::string unique(std::string_view prefix) { return std::string(prefix) + security::random_id("x").substr(2, 10); }
  static ProgramFields program_named(std::string name) {
    ProgramFields fields;
    fields.name = std::move(name);
    return fields;
  }

  std::optional<TestDatabase> test_database_;
  std::string database_;
  std::unique_ptr<Store> store_;
  Actor actor_;
};

TEST_P(StoreConformanceTest, CreatedClientReadsBackWithItsIdentifiersAtVersionOne) {
  auto fields = client("Maria", "Lopez", "1950-03-14", {{"MRN", unique("A")}, {"MEDICAID", unique("M")}});
  fields.address.city = "Springfield";
  fields.interpreter_needed = true;
  fields.preferred_language = "es";
  auto created = create(fields);
  auto read = store_->get_client(actor_, created.id, kNow);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->version, 1);
  EXPECT_EQ(read->fields.given_name, "Maria");
  EXPECT_EQ(read->fields.identifiers, fields.identifiers);
  EXPECT_EQ(read->fields.address.city, "Springfield");
  EXPECT_TRUE(read->fields.interpreter_needed);
  EXPECT_EQ(read->fields.preferred_language, "es");
  EXPECT_EQ(read->created_at, "2026-11-22T09:00:00Z");
}

TEST_P(StoreConformanceTest, DataSurvivesARestart) {
  auto created = create(client("Ruth", "Cohen", "1940-01-02", {{"MRN", unique("R")}}));
  reopen();
  auto read = store_->get_client(actor_, created.id, kNow);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->fields.family_name, "Cohen");
  EXPECT_EQ(read->fields.identifiers.size(), 1u);
}

TEST_P(StoreConformanceTest, UpdateWithStaleVersionIsAbortedAndChangesNothing) {
  auto created = create(client("Wei", "Chen", "1961-07-08"));
  auto rename = [](ClientFields fields) -> Result<ClientFields> {
    fields.family_name = "Chen-Li";
    return fields;
  };
  auto updated = store_->update_client(actor_, created.id, 1, rename, kNow);
  ASSERT_TRUE(updated);
  EXPECT_EQ(updated->version, 2);
  auto stale = store_->update_client(actor_, created.id, 1, rename, kNow);
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().code, ErrorCode::Aborted);
  EXPECT_EQ(store_->get_client(actor_, created.id, kNow)->version, 2);
}

TEST_P(StoreConformanceTest, AFailingChangeRollsBackTheWholeWrite) {
  auto created = create(client("Hector", "Ramirez", "1970-05-05"));
  const auto events_before = audit_count();
  auto refuse = [](ClientFields) -> Result<ClientFields> { return fail(ErrorCode::InvalidArgument, "no", "sex"); };
  auto result = store_->update_client(actor_, created.id, 1, refuse, kNow);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().field, "sex");
  EXPECT_EQ(audit_count(), events_before);
  EXPECT_EQ(store_->get_client(actor_, created.id, kNow)->version, 1);
}

TEST_P(StoreConformanceTest, ConcurrentUpdatesOfOneVersionLetExactlyOneWin) {
  auto created = create(client("Ruth", "Race", "1944-04-04", {{"MRN", unique("R")}}));
  constexpr int kWriters = 6;
  std::vector<Result<Client>> results(kWriters, fail(ErrorCode::Internal, "not run"));
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      auto change = [i](ClientFields fields) -> Result<ClientFields> {
        fields.identifiers = {{"MEMBER", "writer-" + std::to_string(i)}};
        return fields;
      };
      results[static_cast<std::size_t>(i)] = store_->update_client(actor_, created.id, 1, change, kNow);
    });
  }
  for (auto& writer : writers) writer.join();
  int winners = 0;
  std::string winner_value;
  for (int i = 0; i < kWriters; ++i) {
    const auto& result = results[static_cast<std::size_t>(i)];
    if (result) {
      ++winners;
      winner_value = "writer-" + std::to_string(i);
    } else {
      EXPECT_EQ(result.error().code, ErrorCode::Aborted) << result.error().internal_message;
    }
  }
  EXPECT_EQ(winners, 1);
  auto stored = store_->get_client(actor_, created.id, kNow);
  ASSERT_TRUE(stored);
  EXPECT_EQ(stored->version, 2);
  // The identifiers are the winner's: no loser rewrote them behind its back.
  EXPECT_EQ(stored->fields.identifiers, (std::vector<Identifier>{{"MEMBER", winner_value}}));
}

TEST_P(StoreConformanceTest, AChangeThatThrowsLeavesNoTransactionOpen) {
  auto created = create(client("Tom", "Thrower", "1966-06-16"));
  auto throws = [](ClientFields) -> Result<ClientFields> { throw std::runtime_error("bug in a change"); };
  EXPECT_THROW((void)store_->update_client(actor_, created.id, 1, throws, kNow), std::runtime_error);
  // The writer is usable again and nothing of the failed change was kept.
  auto rename = [](ClientFields fields) -> Result<ClientFields> {
    fields.given_name = "Thomas";
    return fields;
  };
  auto updated = store_->update_client(actor_, created.id, 1, rename, kNow);
  ASSERT_TRUE(updated) << updated.error().internal_message;
  EXPECT_EQ(updated->version, 2);
  EXPECT_TRUE(store_->create_contact(actor_, created.id, {"Ann", "friend", "", "", false, "none", ""}, kNow));
}

TEST_P(StoreConformanceTest, IdentifierTakenInTheOrganizationIsAlreadyExistsWithTheExistingId) {
  const auto mrn = unique("MRN");
  auto first = create(client("Ana", "Silva", "1980-01-01", {{"MRN", mrn}}));
  auto second = store_->create_client(actor_, client("Bea", "Souza", "1990-01-01", {{"MEDICAID", "x"}, {"MRN", mrn}}),
                                      DuplicatePolicy::AcceptConfirmedDuplicate, kNow);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::AlreadyExists);
  EXPECT_EQ(second.error().existing_id, first.id);
  EXPECT_EQ(second.error().field, "identifiers[1].value");
  // Nothing of the refused client was written.
  ClientQuery query;
  query.name = "Souza";
  EXPECT_TRUE(store_->search_clients(actor_, query, kNow)->items.empty());
  // The same identifier is free in another organization.
  auto elsewhere = store_->create_client(other_organization(), client("Ana", "Silva", "1980-01-01", {{"MRN", mrn}}),
                                         DuplicatePolicy::RefuseLikelyDuplicates, kNow);
  EXPECT_TRUE(elsewhere);
}

TEST_P(StoreConformanceTest, UpdateThatTakesAnotherClientsIdentifierIsRefused) {
  const auto mrn = unique("MRN");
  auto first = create(client("Ana", "Silva", "1980-01-01", {{"MRN", mrn}}));
  auto second = create(client("Bea", "Souza", "1990-01-01"));
  auto take = [&](ClientFields fields) -> Result<ClientFields> {
    fields.identifiers = {{"MRN", mrn}};
    return fields;
  };
  auto result = store_->update_client(actor_, second.id, 1, take, kNow);
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code, ErrorCode::AlreadyExists);
  EXPECT_EQ(result.error().existing_id, first.id);
}

TEST_P(StoreConformanceTest, SameNameKeyAndBirthDateIsAPossibleDuplicateUntilConfirmed) {
  auto first = create(client("José", "Smith-Jones", "1955-02-03"));
  for (auto [given, family] : {std::pair{"jose", "Smith Jones"}, std::pair{"Smith-Jones", "José"}}) {
    auto again = store_->create_client(actor_, client(given, family, "1955-02-03"),
                                       DuplicatePolicy::RefuseLikelyDuplicates, kNow);
    ASSERT_FALSE(again) << given;
    EXPECT_EQ(again.error().code, ErrorCode::PossibleDuplicate);
    EXPECT_EQ(again.error().candidate_ids, std::vector<std::string>{first.id});
  }
  auto other_birthday = store_->create_client(actor_, client("Jose", "Smith Jones", "1955-02-04"),
                                              DuplicatePolicy::RefuseLikelyDuplicates, kNow);
  EXPECT_TRUE(other_birthday);
  auto confirmed = store_->create_client(actor_, client("Jose", "Smith Jones", "1955-02-03"),
                                         DuplicatePolicy::AcceptConfirmedDuplicate, kNow);
  EXPECT_TRUE(confirmed);
}

TEST_P(StoreConformanceTest, SearchFindsByNamePrefixBirthDateAndIdentifier) {
  const auto family = unique("Zq");  // a name no other test uses
  const auto mrn = unique("MRN");
  auto maria = create(client("Maria", family + "ez", "1950-03-14", {{"MRN", mrn}}));
  auto mario = create(client("Mario", family + "ez", "1951-04-15"));
  auto other = create(client("Anne", family + "on", "1950-03-14"));
  auto names = [&](const ClientQuery& query) {
    std::vector<std::string> ids;
    auto page = store_->search_clients(actor_, query, kNow);
    EXPECT_TRUE(page) << page.error().internal_message;
    if (page)
      for (const auto& item : page->items) ids.push_back(item.id);
    return ids;
  };
  ClientQuery by_family;
  by_family.name = family;
  EXPECT_EQ(names(by_family), (std::vector<std::string>{maria.id, mario.id, other.id}));
  ClientQuery by_both;
  by_both.name = family + "ez, mari";
  EXPECT_EQ(names(by_both), (std::vector<std::string>{maria.id, mario.id}));
  ClientQuery by_given_and_date;
  by_given_and_date.name = family + ", ";
  by_given_and_date.birth_date = "1950-03-14";
  EXPECT_EQ(names(by_given_and_date), (std::vector<std::string>{maria.id, other.id}));
  ClientQuery by_identifier;
  by_identifier.identifier = Identifier{"MRN", mrn};
  EXPECT_EQ(names(by_identifier), std::vector<std::string>{maria.id});
  ClientQuery wrong_type;
  wrong_type.identifier = Identifier{"MEDICAID", mrn};
  EXPECT_TRUE(names(wrong_type).empty());
}

TEST_P(StoreConformanceTest, PagesCoverEveryMatchOnceInOrder) {
  const auto family = unique("Pg");
  std::vector<std::string> expected;
  for (int i = 0; i < 7; ++i) {
    expected.push_back(create(client("Given" + std::to_string(i), family, "1960-01-0" + std::to_string(i + 1))).id);
  }
  ClientQuery query;
  query.name = family;
  query.limit = 3;
  std::vector<std::string> seen;
  int pages = 0;
  do {
    auto page = store_->search_clients(actor_, query, kNow);
    ASSERT_TRUE(page);
    for (const auto& item : page->items) seen.push_back(item.id);
    query.cursor = page->next_cursor;
    ++pages;
  } while (!query.cursor.empty() && pages < 10);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(seen, expected);
  query.cursor = "zz-not-a-cursor";
  auto bad = store_->search_clients(actor_, query, kNow);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().field, "cursor");
}

TEST_P(StoreConformanceTest, AnotherOrganizationSeesNothing) {
  auto created = create(client("Grace", "Okafor", "1945-09-09", {{"MRN", unique("G")}}));
  auto stranger = other_organization();
  EXPECT_EQ(store_->get_client(stranger, created.id, kNow).error().code, ErrorCode::NotFound);
  ClientQuery query;
  query.name = "Okafor";
  EXPECT_TRUE(store_->search_clients(stranger, query, kNow)->items.empty());
  auto keep = [](ClientFields fields) -> Result<ClientFields> { return fields; };
  EXPECT_EQ(store_->update_client(stranger, created.id, 1, keep, kNow).error().code, ErrorCode::NotFound);
  EXPECT_EQ(store_->list_contacts(stranger, created.id, kNow).error().code, ErrorCode::NotFound);
}

TEST_P(StoreConformanceTest, ContactsAreAddedChangedAndRemovedWithVersions) {
  auto owner = create(client("Helen", "Miller", "1938-12-12"));
  auto contact = store_->create_contact(actor_, owner.id,
                                        {"Tom Miller", "child", "+1 555 0100 2000", "", true, "general", ""}, kNow);
  ASSERT_TRUE(contact);
  auto change = [](ContactFields fields) -> Result<ContactFields> {
    fields.disclosure = "full";
    return fields;
  };
  EXPECT_EQ(store_->update_contact(actor_, owner.id, contact->id, 2, change, kNow).error().code, ErrorCode::Aborted);
  auto changed = store_->update_contact(actor_, owner.id, contact->id, 1, change, kNow);
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->fields.disclosure, "full");
  EXPECT_EQ(changed->version, 2);
  EXPECT_EQ(store_->delete_contact(actor_, owner.id, contact->id, 1, kNow).error().code, ErrorCode::Aborted);
  EXPECT_TRUE(store_->delete_contact(actor_, owner.id, contact->id, 2, kNow));
  EXPECT_TRUE(store_->list_contacts(actor_, owner.id, kNow)->empty());
}

TEST_P(StoreConformanceTest, CaseWalksTheCycleKeepingItsHistory) {
  auto person = create(client("Kwame", "Mensah", "1958-06-06"));
  auto program = store_->create_program(actor_, program_named(unique("Program ")), kNow);
  ASSERT_TRUE(program);
  auto opened = store_->create_case(actor_, person.id, program->id, actor_.user_id, kNow);
  ASSERT_TRUE(opened) << opened.error().internal_message;
  EXPECT_EQ(opened->status, CaseStatus::Referred);
  auto record = *opened;
  for (auto next : {CaseStatus::Intake, CaseStatus::Active, CaseStatus::OnHold, CaseStatus::Active,
                    CaseStatus::Discharged, CaseStatus::Closed}) {
    auto moved = store_->transition_case(actor_, record.id, record.version, next, "",
                                         next == CaseStatus::Closed ? "goals_met" : "", kNow);
    ASSERT_TRUE(moved) << case_status_name(next);
    record = *moved;
  }
  CaseQuery by_client;
  by_client.client_id = person.id;
  by_client.with_history = true;
  auto listed = store_->list_cases(actor_, by_client, kNow);
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_EQ(listed->items.front().history.size(), 7u);
  auto read = store_->get_case(actor_, record.id, kNow);
  ASSERT_TRUE(read);
  EXPECT_EQ(read->status, CaseStatus::Closed);
  EXPECT_EQ(read->version, 7);
  ASSERT_EQ(read->history.size(), 7u);
  EXPECT_EQ(read->history.front().from, "");
  EXPECT_EQ(read->history.front().to, "referred");
  EXPECT_EQ(read->history.back().from, "discharged");
  EXPECT_EQ(read->history.back().by_user_id, actor_.user_id);
}

TEST_P(StoreConformanceTest, IllegalTransitionChangesNothing) {
  auto person = create(client("Olga", "Ivanova", "1949-11-11"));
  auto program = store_->create_program(actor_, program_named(unique("Program ")), kNow);
  auto opened = store_->create_case(actor_, person.id, program->id, "", kNow);
  ASSERT_TRUE(opened);
  auto illegal = store_->transition_case(actor_, opened->id, 1, CaseStatus::Active, "", "", kNow);
  ASSERT_FALSE(illegal);
  EXPECT_EQ(illegal.error().code, ErrorCode::FailedPrecondition);
  auto read = store_->get_case(actor_, opened->id, kNow);
  EXPECT_EQ(read->status, CaseStatus::Referred);
  EXPECT_EQ(read->version, 1);
  EXPECT_EQ(read->history.size(), 1u);
}

TEST_P(StoreConformanceTest, OneOpenCasePerClientAndProgram) {
  auto person = create(client("Esther", "Cohen", "1952-02-02"));
  auto program = store_->create_program(actor_, program_named(unique("Program ")), kNow);
  auto first = store_->create_case(actor_, person.id, program->id, "", kNow);
  ASSERT_TRUE(first);
  auto second = store_->create_case(actor_, person.id, program->id, "", kNow);
  ASSERT_FALSE(second);
  EXPECT_EQ(second.error().code, ErrorCode::AlreadyExists);
  // Once the first is closed, a new episode may start.
  ASSERT_TRUE(store_->transition_case(actor_, first->id, 1, CaseStatus::Closed, "Declined", "", kNow));
  EXPECT_TRUE(store_->create_case(actor_, person.id, program->id, "", kNow));
  // Unknown ids are named.
  EXPECT_EQ(store_->create_case(actor_, "cl_missing", program->id, "", kNow).error().field, "client_id");
  EXPECT_EQ(store_->create_case(actor_, person.id, "prg_missing", "", kNow).error().field, "program_id");
}

TEST_P(StoreConformanceTest, CasesListByClientAndCaseManagerInPages) {
  auto program = store_->create_program(actor_, program_named(unique("Program ")), kNow);
  std::vector<std::string> opened;
  for (int i = 0; i < 5; ++i) {
    auto person = create(client("P" + std::to_string(i), unique("Fam"), "1960-01-01"));
    auto record = store_->create_case(actor_, person.id, program->id, actor_.user_id, kNow + std::chrono::minutes(i));
    ASSERT_TRUE(record);
    opened.insert(opened.begin(), record->id);  // newest first
  }
  CaseQuery query;
  query.case_manager_id = actor_.user_id;
  query.limit = 2;
  std::vector<std::string> seen;
  do {
    auto page = store_->list_cases(actor_, query, kNow);
    ASSERT_TRUE(page);
    for (const auto& record : page->items) seen.push_back(record.id);
    query.cursor = page->next_cursor;
  } while (!query.cursor.empty());
  EXPECT_EQ(seen, opened);
}

TEST_P(StoreConformanceTest, EveryWriteAppendsItsAuditEvent) {
  const auto before = audit_count();
  auto person = create(client("Amara", "Boateng", "1975-07-07"));
  ASSERT_TRUE(store_->create_contact(actor_, person.id, {"Kofi", "sibling", "", "", false, "none", ""}, kNow));
  auto events = store_->recent_audit_events(actor_.organization_id, 2);
  ASSERT_TRUE(events);
  EXPECT_EQ(audit_count(), before + 2);
  EXPECT_EQ((*events)[0].action, "contact.create");
  EXPECT_EQ((*events)[0].client_id, person.id);
  EXPECT_EQ((*events)[1].action, "client.create");
  EXPECT_EQ((*events)[1].user_id, actor_.user_id);
  EXPECT_EQ((*events)[1].at, "2026-11-22T09:00:00Z");
}

TEST_P(StoreConformanceTest, SessionsEndOnIdleExpiryAndRevocation) {
  const auto hash = unique("token-hash-");
  ASSERT_TRUE(
      store_->create_session(actor_, {hash, actor_.user_id, kNow, kNow + std::chrono::hours(12), std::nullopt}));
  const auto idle = std::chrono::minutes(15);
  EXPECT_TRUE(store_->use_session(hash, kNow + std::chrono::minutes(14), idle)->has_value());
  // Used at minute 14: still alive at minute 28, not at minute 30.
  EXPECT_TRUE(store_->use_session(hash, kNow + std::chrono::minutes(28), idle)->has_value());
  EXPECT_FALSE(store_->use_session(hash, kNow + std::chrono::minutes(44), idle)->has_value());
  const auto second = unique("token-hash-");
  ASSERT_TRUE(
      store_->create_session(actor_, {second, actor_.user_id, kNow, kNow + std::chrono::minutes(10), std::nullopt}));
  EXPECT_FALSE(store_->use_session(second, kNow + std::chrono::minutes(10), idle)->has_value());
  const auto third = unique("token-hash-");
  ASSERT_TRUE(
      store_->create_session(actor_, {third, actor_.user_id, kNow, kNow + std::chrono::hours(1), std::nullopt}));
  ASSERT_TRUE(store_->revoke_session(actor_, third, kNow));
  EXPECT_FALSE(store_->use_session(third, kNow, idle)->has_value());
  EXPECT_FALSE(store_->use_session("unknown", kNow, idle)->has_value());
}

TEST_P(StoreConformanceTest, FailedSignInsLockTheAccountUntilUnlockedOrSignedIn) {
  Actor self = actor_;
  for (int i = 1; i <= kFailuresBeforeLock; ++i) {
    auto state = store_->record_sign_in_failure(self, "wrong password", kNow);
    ASSERT_TRUE(state) << state.error().internal_message;
    EXPECT_EQ(state->consecutive_failures, i);
    EXPECT_EQ(is_locked(*state, kNow), i == kFailuresBeforeLock);
  }
  auto username = store_->get_user(actor_, actor_.user_id)->fields.username;
  auto credentials = store_->find_credentials(username);
  ASSERT_TRUE(credentials && *credentials);
  EXPECT_TRUE(is_locked((*credentials)->sign_in, kNow));
  EXPECT_EQ(store_->recent_audit_events(actor_.organization_id, 1)->front().action, "user.locked");

  auto unlocked = store_->unlock_user(actor_, actor_.user_id, kNow);
  ASSERT_TRUE(unlocked);
  EXPECT_FALSE(is_locked((*store_->find_credentials(username))->sign_in, kNow));
  EXPECT_EQ(store_->recent_audit_events(actor_.organization_id, 1)->front().action, "user.unlock");

  ASSERT_TRUE(store_->record_sign_in_failure(self, "wrong password", kNow));
  ASSERT_TRUE(store_->create_session(
      self, {unique("token-"), actor_.user_id, kNow, kNow + std::chrono::hours(1), std::nullopt}));
  EXPECT_EQ((*store_->find_credentials(username))->sign_in.consecutive_failures, 0);
}

TEST_P(StoreConformanceTest, ASecondFactorStepOpensOneSessionOnly) {
  ASSERT_TRUE(store_->activate_totp(actor_, actor_.user_id, store_->seal_secret("seed"), std::nullopt, kNow));
  const auto expires = kNow + std::chrono::hours(1);
  ASSERT_TRUE(store_->create_session(actor_, {unique("t-"), actor_.user_id, kNow, expires, 1000}));
  auto replay = store_->create_session(actor_, {unique("t-"), actor_.user_id, kNow, expires, 1000});
  ASSERT_FALSE(replay);
  EXPECT_EQ(replay.error().code, ErrorCode::Unauthenticated);
  EXPECT_FALSE(store_->create_session(actor_, {unique("t-"), actor_.user_id, kNow, expires, 999}));
  EXPECT_TRUE(store_->create_session(actor_, {unique("t-"), actor_.user_id, kNow, expires, 1001}));
}

TEST_P(StoreConformanceTest, SealedSecretsOpenOnlyUnchanged) {
  const auto sealed = store_->seal_secret("twenty-byte-secret!!");
  EXPECT_EQ(sealed.find("twenty"), std::string::npos);
  EXPECT_EQ(*store_->open_secret(sealed), "twenty-byte-secret!!");
  auto altered = sealed;
  altered.back() = altered.back() == '0' ? '1' : '0';
  EXPECT_FALSE(store_->open_secret(altered));
}

TEST_P(StoreConformanceTest, AnAdministratorRoleNeedsASecondFactorFirst) {
  auto user = store_->create_user(actor_, {unique("u"), "Future Admin", Role::Supervisor, true, {}}, "h", kNow);
  ASSERT_TRUE(user);
  auto promote = [](UserFields fields) -> Result<UserFields> {
    fields.role = Role::Administrator;
    return fields;
  };
  auto refused = store_->update_user(actor_, user->id, 1, promote, kNow);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::FailedPrecondition);
  EXPECT_EQ(refused.error().field, "role");
  ASSERT_TRUE(store_->activate_totp(actor_, user->id, store_->seal_secret("seed"), std::nullopt, kNow));
  EXPECT_TRUE(store_->update_user(actor_, user->id, 1, promote, kNow));
}

TEST_P(StoreConformanceTest, BreakingTheGlassOpensAClientForItsTimeAndAlertsTheReviewers) {
  auto owned = create(client("Glass", unique("Owner"), "1955-05-05"));
  // Someone with no relation to the client: a director, supervised by nobody; an auditor to alert.
  auto director = store_->create_user(actor_, {unique("dir"), "Dana Director", Role::Director, true, {}}, "h", kNow);
  auto supervisor = store_->create_user(actor_, {unique("sup"), "Sam Sup", Role::Supervisor, true, {}}, "h", kNow);
  auto nurse = store_->create_user(actor_, {unique("rn"), "Nina Nurse", Role::NurseCaseManager, true, supervisor->id},
                                   "h", kNow);
  auto auditor = store_->create_user(actor_, {unique("aud"), "Avery Auditor", Role::Auditor, true, {}}, "h", kNow);
  ASSERT_TRUE(director && supervisor && nurse && auditor);
  Actor as_nurse{nurse->id, actor_.organization_id, Role::NurseCaseManager, "test", {}};
  EXPECT_EQ(store_->get_client(as_nurse, owned.id, kNow).error().code, ErrorCode::PermissionDenied);

  const auto until = kNow + std::chrono::minutes(60);
  auto grant = store_->break_glass(as_nurse, owned.id, "Client arrived at the ED unconscious", 5000, until, kNow);
  ASSERT_TRUE(grant) << grant.error().internal_message;
  EXPECT_EQ(grant->expires_at, "2026-11-22T10:00:00Z");
  EXPECT_TRUE(store_->get_client(as_nurse, owned.id, kNow + std::chrono::minutes(59)));
  EXPECT_EQ(store_->get_client(as_nurse, owned.id, kNow + std::chrono::minutes(60)).error().code,
            ErrorCode::PermissionDenied);
  // Reads under the grant carry its reason in the audit trail.
  auto events = store_->recent_audit_events(actor_.organization_id, 5);
  bool read_with_reason = false;
  for (const auto& event : *events) {
    read_with_reason = read_with_reason || (event.action == "client.read" && event.user_id == nurse->id &&
                                            event.break_glass_reason == "Client arrived at the ED unconscious");
  }
  EXPECT_TRUE(read_with_reason);
  // The same second-factor step cannot be spent twice.
  EXPECT_EQ(store_->break_glass(as_nurse, owned.id, "again, same code", 5000, until, kNow).error().code,
            ErrorCode::Unauthenticated);
  // The nurse's supervisor and the auditor are alerted; the director is not.
  for (const auto& [who, role, expected] :
       {std::tuple{supervisor->id, Role::Supervisor, 1u}, std::tuple{auditor->id, Role::Auditor, 1u},
        std::tuple{director->id, Role::Director, 0u}}) {
    Actor reviewer{who, actor_.organization_id, role, "test", {}};
    auto alerts = store_->list_alerts(reviewer);
    ASSERT_TRUE(alerts);
    ASSERT_EQ(alerts->size(), expected) << role_name(role);
    if (expected == 1u) {
      EXPECT_EQ(alerts->front().about_user_id, nurse->id);
      EXPECT_EQ(alerts->front().client_id, owned.id);
      auto acknowledged = store_->acknowledge_alert(reviewer, alerts->front().id, kNow);
      ASSERT_TRUE(acknowledged);
      EXPECT_EQ(acknowledged->acknowledged_at, "2026-11-22T09:00:00Z");
    }
  }
  Actor as_director{director->id, actor_.organization_id, Role::Director, "test", {}};
  EXPECT_EQ(store_->acknowledge_alert(as_director, "al_unknown", kNow).error().code, ErrorCode::NotFound);
  // The owner sees the grant on the client's record.
  auto grants = store_->break_glass_grants(actor_, owned.id, kNow);
  ASSERT_TRUE(grants);
  ASSERT_EQ(grants->size(), 1u);
  EXPECT_EQ(grants->front().user_id, nurse->id);
}

TEST_P(StoreConformanceTest, AnExpiredConsentBlocksARestrictedRecord) {
  auto owned = create(client("Part", unique("Two"), "1966-06-06"));
  auto supervisor = store_->create_user(actor_, {unique("sup"), "Sam Sup", Role::Supervisor, true, {}}, "h", kNow);
  ASSERT_TRUE(supervisor);
  auto me = store_->get_user(actor_, actor_.user_id);
  ASSERT_TRUE(store_->update_user(
      actor_, actor_.user_id, me->version,
      [&](UserFields fields) -> Result<UserFields> {
        fields.supervisor_id = supervisor->id;
        return fields;
      },
      kNow));
  Actor as_supervisor{supervisor->id, actor_.organization_id, Role::Supervisor, "test", {}};
  ASSERT_TRUE(store_->record_consent(actor_, owned.id, actor_.user_id, "treatment", std::nullopt, kNow));
  ASSERT_TRUE(
      store_->record_consent(actor_, owned.id, supervisor->id, "supervision", kNow + std::chrono::hours(1), kNow));
  ASSERT_TRUE(store_->set_client_restriction(actor_, owned.id, 1, true, kNow));
  EXPECT_TRUE(store_->get_client(as_supervisor, owned.id, kNow + std::chrono::minutes(59)));
  auto expired = store_->get_client(as_supervisor, owned.id, kNow + std::chrono::hours(1));
  ASSERT_FALSE(expired);
  EXPECT_EQ(expired.error().code, ErrorCode::PermissionDenied);
  EXPECT_EQ(expired.error().field, "consent");
  ClientQuery query;
  query.name = owned.fields.family_name;
  auto page = store_->search_clients(as_supervisor, query, kNow + std::chrono::hours(2));
  ASSERT_TRUE(page);
  EXPECT_TRUE(page->items.empty());
  EXPECT_EQ(page->withheld, 1);
}

TEST_P(StoreConformanceTest, UsernamesAreUniqueAndRoleChangesAreAudited) {
  auto taken = store_->create_user(actor_, {security::random_id("u"), "A", Role::Auditor, true, {}}, "h", kNow);
  ASSERT_TRUE(taken);
  auto again =
      store_->create_user(other_organization(), {taken->fields.username, "B", Role::Auditor, true, {}}, "h", kNow);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().field, "username");
  auto promote = [](UserFields fields) -> Result<UserFields> {
    fields.role = Role::Supervisor;
    return fields;
  };
  ASSERT_TRUE(store_->update_user(actor_, taken->id, 1, promote, kNow));
  EXPECT_EQ(store_->recent_audit_events(actor_.organization_id, 1)->front().action, "user.role_change");
}

TEST_P(StoreConformanceTest, MigrationsAreAppliedOnceAndRecorded) {
  auto applied = migrate_database(database_);  // migrations need no audit key
  ASSERT_TRUE(applied) << applied.error().internal_message;
  EXPECT_EQ(*applied, 0);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreConformanceTest, ::testing::Values("sqlite", "postgresql"),
                         [](const auto& parameter) { return parameter.param; });

}  // namespace
}  // namespace caseboard::store
