// A synthetic agency at any size, fixed by a seed: programs with their own clock rules, teams of
// about eight case managers per supervisor with 20-60 open cases each (some at exactly 60), a
// director, an administrator and an auditor, and every client's years of case work (referrals,
// cases with their status history, visits, notes, assessments scored by the real instruments, care
// plans with goals, referrals out, incidents, plan reviews, discharges, check-ins, readmissions,
// tasks, coverage). Clients are generated independently of each other from (seed, client number),
// so any range of clients comes out the same whatever the batch size.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "instruments/instrument_catalog.hpp"
#include "store/synthetic_load.hpp"

namespace caseboard::bench {

// A pool of answer sets scored by the instrument itself, to draw assessments from.
struct ScoredPool {
  const Instrument* instrument = nullptr;
  std::vector<AssessmentScore> scores;
};

struct SyntheticOptions {
  std::int64_t clients = 1000;
  std::uint64_t seed = 1;
  int years = 3;
  Timestamp as_of;  // the moment the data stops: nothing happens after it
  std::string organization_name = "Synthetic Community Care";
};

// Every synthetic user's password (the database is synthetic: no real person signs in with it).
inline constexpr std::string_view kBenchPassword = "caseboard-bench-2026";

// What a range of clients added, by kind of record.
struct SyntheticCounts {
  std::int64_t clients = 0;
  std::int64_t referrals = 0;
  std::int64_t cases = 0;
  std::int64_t open_cases = 0;
  std::int64_t appointments = 0;
  std::int64_t notes = 0;
  std::int64_t referrals_out = 0;
  std::int64_t incidents = 0;
  std::int64_t plan_reviews = 0;
  std::int64_t discharges = 0;
  std::int64_t readmissions = 0;
  std::int64_t assessments = 0;
  std::int64_t care_plans = 0;
  std::int64_t goals = 0;
  std::int64_t tasks = 0;
  std::int64_t contacts = 0;
  std::int64_t coverages = 0;
  std::int64_t authorizations = 0;
  void add(const SyntheticCounts& other);
};

struct StaffMember {
  std::string id;
  std::string username;
  std::string display_name;
  Role role = Role::CaseManager;
  std::string supervisor_id;
  int supervisor_index = -1;  // the supervisor's place in the staff list
  int program = -1;           // the program the person works in (-1: the whole agency)
  int open_cases = 0;         // the caseload dealt at the end of the data
};

class SyntheticOrganization {
 public:
  // Lays out the agency: the programs, the staff, and which case manager holds each case that is
  // open at the end. Looks at every client's shape (cheap) but generates no records yet. The
  // catalog must hold the PHQ-9 and GAD-7 instruments (data/instruments).
  [[nodiscard]] static Result<SyntheticOrganization> plan(const SyntheticOptions& options,
                                                          const instruments::InstrumentCatalog& catalog);

  // The organization, its programs and its staff (every user with `password_hash`).
  void add_agency(store::SyntheticBatch& batch, const std::string& password_hash) const;
  // Clients number `first` to `last` (excluded) with all their records.
  void add_clients(std::int64_t first, std::int64_t last, store::SyntheticBatch& batch, SyntheticCounts& counts) const;

  const std::string& organization_id() const { return organization_id_; }
  const std::vector<StaffMember>& staff() const { return staff_; }
  const std::vector<Program>& programs() const { return programs_; }
  // A case manager holding exactly 60 open cases (empty when the agency is too small for one).
  const StaffMember* full_caseload_case_manager() const;
  // Each program's number of staff (case managers and supervisors).
  std::vector<int> program_staff() const;

 private:
  SyntheticOptions options_;
  std::string organization_id_;
  std::string created_at_;
  std::vector<Program> programs_;
  std::vector<StaffMember> staff_;
  std::vector<std::vector<int>> case_managers_;  // per program: indexes into staff_
  std::vector<std::vector<int>> supervisors_;    // per program
  // The case manager (index into staff_) of each case open at the end: key client * 8 + episode.
  std::unordered_map<std::uint64_t, int> open_case_managers_;
  ScoredPool phq9_;
  ScoredPool gad7_;
};

}  // namespace caseboard::bench
