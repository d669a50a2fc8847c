#include "bench/client_shape.hpp"

#include <algorithm>

#include "bench/synthetic_vocabulary.hpp"

namespace caseboard::bench {
namespace {

using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

constexpr int kMaximumEpisodes = 4;

}  // namespace

std::optional<Timestamp> if_by(Timestamp time, Timestamp as_of) {
  if (time > as_of) return std::nullopt;
  return time;
}

ClientShape shape_client(const SyntheticOptions& options, const std::vector<double>& shares, std::int64_t index) {
  SeededRandom random(mix_seed(options.seed, static_cast<std::uint64_t>(index), kShapeStream));
  ClientShape shape;
  const double roll = random.unit();
  double sum = 0;
  shape.program = static_cast<int>(shares.size()) - 1;
  for (std::size_t p = 0; p < shares.size(); ++p) {
    sum += shares[p];
    if (roll < sum) {
      shape.program = static_cast<int>(p);
      break;
    }
  }
  const auto& rules = kPrograms[static_cast<std::size_t>(shape.program)].rules;
  const auto as_of = options.as_of;
  const auto window = days(365 * options.years);
  Timestamp next = as_of - window +
                   std::chrono::seconds(static_cast<std::int64_t>(
                       random.unit() * static_cast<double>(std::chrono::seconds(window).count())));
  for (int e = 0; e < kMaximumEpisodes && next < as_of; ++e) {
    Episode episode;
    episode.received = next;
    episode.logged = std::min(next + random.minutes(5, 180), as_of - minutes(1));
    if (episode.logged < episode.received) episode.logged = episode.received;
    if (random.chance(0.05)) {
      episode.kind = EpisodeKind::Declined;
      shape.episodes.push_back(episode);
      break;
    }
    episode.assigned = episode.logged + random.minutes(10, 20 * 60);
    episode.triaged = random.chance(0.4);
    if (episode.assigned > as_of) {
      episode.kind = EpisodeKind::Inbox;
      shape.episodes.push_back(episode);
      break;
    }
    // First contact: mostly well within the program's clock, one in ten late.
    const auto limit = hours(rules.first_contact_hours);
    const auto late = random.chance(0.1);
    std::chrono::seconds delay = limit + random.minutes(60, 5 * 24 * 60);
    if (!late) {  // the sooner of two tries: most contacts come early in the window
      const auto one = random.minutes(60, rules.first_contact_hours * 60 - 60);
      const auto other = random.minutes(60, rules.first_contact_hours * 60 - 60);
      delay = std::min(one, other);
    }
    auto contact = episode.received + delay;
    if (contact < episode.assigned) contact = episode.assigned + random.minutes(20, 600);
    episode.first_contact = if_by(contact, as_of);
    if (episode.first_contact) episode.intake = if_by(*episode.first_contact + random.minutes(10, 2 * 24 * 60), as_of);
    if (episode.intake) episode.active = if_by(*episode.intake + days(random.between(2, 10)), as_of);
    if (!episode.active) {
      shape.episodes.push_back(episode);
      break;
    }
    const auto length_roll = random.unit();
    const auto length = length_roll < 0.6   ? random.between(60, 180)
                        : length_roll < 0.9 ? random.between(181, 365)
                                            : random.between(366, 900);
    episode.discharged = if_by(*episode.active + days(length) + random.minutes(0, 8 * 60), as_of);
    if (!episode.discharged) {
      episode.on_hold = random.chance(0.05);
      shape.episodes.push_back(episode);
      break;
    }
    const auto check_in_limit = hours(rules.check_in_hours);
    const auto check_in = random.chance(0.9) ? *episode.discharged + random.minutes(120, rules.check_in_hours * 60 - 60)
                                             : *episode.discharged + check_in_limit + random.minutes(60, 5 * 24 * 60);
    episode.check_in = if_by(check_in, as_of);
    if (episode.check_in) episode.closed = if_by(*episode.check_in + days(random.between(1, 10)), as_of);
    // A readmission, and the referral back that follows it; or, now and then, a new episode later.
    std::optional<Timestamp> again;
    if (random.chance(0.1)) {
      const auto admitted =
          *episode.discharged + (random.chance(0.8) ? days(random.between(2, 28)) : days(random.between(31, 90)));
      episode.readmitted = if_by(admitted, as_of);
      if (episode.readmitted) again = *episode.readmitted + days(random.between(1, 10));
    } else if (random.chance(0.06)) {
      again = *episode.discharged + days(random.between(60, 400));
    }
    shape.episodes.push_back(episode);
    // One open case per program: the next episode starts only after this one closed.
    if (!again || !episode.closed) break;
    next = std::max(*again, *episode.closed + hours(1));
  }
  return shape;
}

std::vector<double> program_shares(const SyntheticOptions& options) {
  std::vector<double> shares;
  for (const auto& seed : kPrograms) shares.push_back(seed.share);
  // The small program keeps about 60 people at a million clients and a share of at least 2%.
  const double small = std::clamp(8.8e3 / static_cast<double>(std::max<std::int64_t>(options.clients, 1)), 0.005, 0.2);
  shares.back() = small;
  double total = 0;
  for (double share : shares) total += share;
  for (double& share : shares) share /= total;
  return shares;
}

}  // namespace caseboard::bench
