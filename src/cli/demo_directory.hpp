// The demo's resource directory: community services around the demo's towns, with coordinates.
#pragma once

#include "core/actor.hpp"
#include "store/store.hpp"

namespace caseboard::cli {

// Adds the listings; returns how many.
[[nodiscard]] Result<int> add_demo_directory(store::Store& store, const Actor& administrator, Timestamp now);

}  // namespace caseboard::cli
