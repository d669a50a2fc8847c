#include "instruments/instrument_catalog.hpp"

#include <charconv>

namespace caseboard::instruments {
namespace {

bool older(std::string_view a, std::string_view b) {
  long x = 0;
  long y = 0;
  auto [end_a, status_a] = std::from_chars(a.data(), a.data() + a.size(), x);
  auto [end_b, status_b] = std::from_chars(b.data(), b.data() + b.size(), y);
  if (status_a == std::errc() && status_b == std::errc() && end_a == a.data() + a.size() &&
      end_b == b.data() + b.size()) {
    return x < y;
  }
  return a < b;
}

}  // namespace

const Instrument* InstrumentCatalog::find(std::string_view id) const {
  const Instrument* newest = nullptr;
  for (const auto& instrument : instruments_) {
    if (instrument.id == id && (!newest || older(newest->version, instrument.version))) newest = &instrument;
  }
  return newest;
}

const Instrument* InstrumentCatalog::find(std::string_view id, std::string_view version) const {
  for (const auto& instrument : instruments_) {
    if (instrument.id == id && instrument.version == version) return &instrument;
  }
  return nullptr;
}

}  // namespace caseboard::instruments
