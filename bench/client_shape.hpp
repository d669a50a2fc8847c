// A client's shape: the episodes of care over the years and when each step of each happened
// (referral received, case opened, first contact, intake, admission, discharge, check-in, closure,
// readmission), nothing after the end of the data. Cheap to draw, so the agency's plan can look at
// every client's shape before any record is written.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "bench/synthetic_organization.hpp"

namespace caseboard::bench {

// Streams of a client's random numbers: its shape and its records; and the agency's own.
inline constexpr std::uint64_t kShapeStream = 1;
inline constexpr std::uint64_t kRecordStream = 2;
inline constexpr std::uint64_t kAgencyStream = 3;

enum class EpisodeKind { Declined, Inbox, Case };

struct Episode {
  EpisodeKind kind = EpisodeKind::Case;
  Timestamp received;
  Timestamp logged;  // the referral written down; the client registered then on a first episode
  bool triaged = false;
  Timestamp assigned;  // the case opened
  std::optional<Timestamp> first_contact, intake, active, discharged, check_in, closed;
  bool on_hold = false;
  std::optional<Timestamp> readmitted;  // a readmission after the discharge
  bool open() const { return kind == EpisodeKind::Case && !closed; }
};

struct ClientShape {
  int program = 0;
  std::vector<Episode> episodes;
};

// The time when it is not after the end of the data.
std::optional<Timestamp> if_by(Timestamp time, Timestamp as_of);

// Each program's share of the clients at this size.
std::vector<double> program_shares(const SyntheticOptions& options);

// The shape of client number `index`, from (seed, index) alone.
ClientShape shape_client(const SyntheticOptions& options, const std::vector<double>& shares, std::int64_t index);

}  // namespace caseboard::bench
