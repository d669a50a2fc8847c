// Reading instrument definitions from their JSON files (docs/instruments.md) into core's
// Instrument, strictly: unknown members, wrong types and unsound definitions are refused with the
// file and the field named.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "core/instrument.hpp"
#include "core/result.hpp"

namespace caseboard::instruments {

// One definition from its JSON text; errors name the field (and `source` in the message).
[[nodiscard]] Result<Instrument> parse_instrument(std::string_view json_text, std::string_view source);

// Every *.json file of the folder, sorted by id; the first file in error stops the load.
// AlreadyExists when two files define the same id and version.
[[nodiscard]] Result<std::vector<Instrument>> load_instruments(const std::filesystem::path& folder);

}  // namespace caseboard::instruments
