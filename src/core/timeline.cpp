#include "core/timeline.hpp"

#include <algorithm>

namespace caseboard {

void order_timeline(std::vector<TimelineEvent>& events) {
  // The timestamps share one fixed-width UTC format, so text order is time order.
  std::stable_sort(events.begin(), events.end(),
                   [](const TimelineEvent& a, const TimelineEvent& b) { return a.at > b.at; });
}

}  // namespace caseboard
