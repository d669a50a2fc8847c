// Writing generated records in bulk (the benchmarks' synthetic organizations): a batch of thousands
// of clients with all their records goes into the database in one transaction, every column written
// exactly as the store's own methods write it, so the application reads generated data as its own.
// Each batch appends one audit event ("synthetic.load", with its counts) to the store's hash chain
// in the batch's own transaction, so the chain stays intact and no batch lands without its entry.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/open_store.hpp"
#include "store/sql_connection.hpp"
#include "store/store.hpp"

namespace caseboard::store {

// An assessment with its place in the client's order of assessments (1, 2, ... per client).
struct SequencedAssessment {
  Assessment assessment;
  std::int64_t sequence = 1;
};

// A client with who registered it (empty: a registration by no user, e.g. an import).
struct RegisteredClient {
  Client client;
  std::string created_by;
};

// A readmission as stored: which discharge, who recorded it and when.
struct RecordedReadmission {
  std::string organization_id;
  std::string discharge_id;
  Readmission readmission;
  std::string recorded_by;
  std::string recorded_at;
};

// A discharge with whether a readmission-risk screen brought its check-in forward.
struct DischargeRecord {
  Discharge discharge;
  bool early_follow_up = false;
};

// The registrant of a client: on the client's care team from registration until a case of the
// client is reassigned (ended_at empty: still on it).
struct CareTeamEntry {
  std::string organization_id;
  std::string client_id;
  std::string user_id;
  std::string added_at;
  std::string ended_at;
};

// Records to write together; each vector may be empty. Parents come before children in the same
// batch or an earlier one (users before the staff they supervise). Ids are the caller's: the same
// form as the store's (prefix, '_', 26 base32 characters), chosen deterministically by a generator.
struct SyntheticBatch {
  std::vector<Organization> organizations;
  std::vector<Program> programs;
  std::vector<User> users;    // written with password_hash
  std::string password_hash;  // one argon2id hash shared by every user of the batch
  std::vector<RegisteredClient> clients;
  std::vector<CareTeamEntry> care_team;
  std::vector<Contact> contacts;
  std::vector<Coverage> coverages;
  std::vector<Authorization> authorizations;
  std::vector<Case> cases;  // with their status history, oldest first
  std::vector<Referral> referrals;
  std::vector<Appointment> appointments;
  std::vector<Note> notes;
  std::vector<ReferralOut> referrals_out;
  std::vector<Incident> incidents;
  std::vector<PlanReview> plan_reviews;
  std::vector<DischargeRecord> discharges;  // with the check-in, if recorded
  std::vector<RecordedReadmission> readmissions;
  std::vector<SequencedAssessment> assessments;  // with their answers and flags
  std::vector<CarePlan> care_plans;              // each written as its one version (version 1)
  std::vector<std::string> care_plan_notes;      // the version note of each care plan ("" for none)
  std::vector<Task> tasks;

  // Rows the batch writes, counted as the tables hold them.
  std::int64_t row_count() const;
  void clear();
};

class SyntheticLoader {
 public:
  // Opens the database (a SQLite path or a postgresql:// URL) as open_store does, migrating it,
  // with one more connection of the loader's own for the bulk writes, whose SQLite page cache holds
  // `cache_mib` MiB (batches land all over the id indexes; the default cache is 2 MiB). Unavailable
  // when it cannot be reached.
  [[nodiscard]] static Result<std::unique_ptr<SyntheticLoader>> open(const std::string& database,
                                                                     const OpenOptions& options,
                                                                     std::int64_t cache_mib = 2048);

  Store& store() { return *store_; }

  // Writes the whole batch and one "synthetic.load" audit event as `actor` naming the counts in one
  // transaction (rolled back when a row is refused: AlreadyExists for a taken id or username,
  // Internal for a missing parent). Returns the rows written.
  [[nodiscard]] Result<std::int64_t> write(const SyntheticBatch& batch, const Actor& actor, Timestamp now);

 private:
  SyntheticLoader(std::unique_ptr<Store> store, std::unique_ptr<SqlConnection> bulk)
      : store_(std::move(store)), bulk_(std::move(bulk)) {}

  std::unique_ptr<Store> store_;
  std::unique_ptr<SqlConnection> bulk_;
};

}  // namespace caseboard::store
