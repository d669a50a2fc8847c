// The records of one episode of care, written as the store would have written them as the case
// went along: progress notes, visits, plan reviews, assessments scored by the real instruments, the
// care plan, referrals out with their follow-up tasks, incidents and the discharge with its
// check-in and readmission.
#pragma once

#include <string_view>

#include "bench/client_shape.hpp"
#include "bench/synthetic_random.hpp"
#include "instruments/instrument_catalog.hpp"
#include "store/synthetic_load.hpp"

namespace caseboard::bench {

// Answer sets of the instrument `id` that set off no flag (a flag acts at once in the store, e.g.
// urgent safety tasks, which the generator does not write). NotFound when the catalog lacks it.
[[nodiscard]] Result<ScoredPool> score_pool(const instruments::InstrumentCatalog& catalog, std::string_view id,
                                            std::uint64_t seed);

// The client whose records are being written, and where they go.
struct ClientContext {
  const SyntheticOptions& options;
  const std::string& organization_id;
  const Program& program;
  store::SyntheticBatch& batch;
  SyntheticCounts& counts;
  SeededRandom& random;
  const Client& client;
  std::int64_t assessment_sequence = 0;
};

// Who works the episode: its case manager and their supervisor.
struct EpisodeStaff {
  const StaffMember* case_manager = nullptr;
  const StaffMember* supervisor = nullptr;
};

// A signed progress note on a contact, unless the time it would be signed is still to come.
void add_note(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp service,
              std::string contact_type, const std::string& appointment_id);

// The case's visits every 10 to 21 days from intake to `until`, with their notes, and one visit
// booked ahead for a case still active at the end.
void add_visits(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp from, Timestamp until,
                bool book_ahead);

// Plan reviews every plan_review_days from the case's opening while it is admitted, mostly a few
// days early, some late.
void add_plan_reviews(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp admitted,
                      Timestamp until);

// One completed assessment drawn from the pool, unless `at` is after the end of the data.
void add_assessment(ClientContext& c, const ScoredPool& pool, const Case& record, const EpisodeStaff& staff,
                    Timestamp at);

// The case's care plan, written once: needs, measurable goals (most of them) due over the coming
// months, their status by the end of the case or the data, and the client's agreement.
void add_care_plan(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp written,
                   Timestamp reference);

// Referrals out during the case: sent, followed up (mostly within the clock), answered, some
// completed with a cost; those still open at discharge are cancelled then.
void add_referrals_out(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp from, Timestamp until,
                       std::optional<Timestamp> discharged);

// Now and then an incident during the case, mostly documented within the clock.
void add_incident(ClientContext& c, const Case& record, const EpisodeStaff& staff, Timestamp from, Timestamp until);

// The discharge, its check-in task (and check-in when done), a readmission if any, and the
// case's move to discharged.
void add_discharge(ClientContext& c, Case& record, const EpisodeStaff& staff, const Episode& episode);

}  // namespace caseboard::bench
