// The instruments the server offers: every definition loaded at start-up, found by id (the newest
// version) or by id and version (the one an assessment was scored by).
#pragma once

#include <string_view>
#include <vector>

#include "core/instrument.hpp"

namespace caseboard::instruments {

class InstrumentCatalog {
 public:
  InstrumentCatalog() = default;
  explicit InstrumentCatalog(std::vector<Instrument> instruments) : instruments_(std::move(instruments)) {}

  const std::vector<Instrument>& all() const { return instruments_; }
  // The newest version (versions compare as numbers when they are, else as text).
  const Instrument* find(std::string_view id) const;
  const Instrument* find(std::string_view id, std::string_view version) const;

 private:
  std::vector<Instrument> instruments_;
};

}  // namespace caseboard::instruments
