// A completed assessment: every answer, the score and its band (or risk level), the flags, who
// and when, and the instrument version it was scored by. Signed on completion and immutable; a
// correction is a new assessment that replaces it (the chain shares one root).
#pragma once

#include <cstdint>
#include <string>

#include "core/instrument_scoring.hpp"

namespace caseboard {

struct Assessment {
  std::string id;
  std::int64_t version = 0;
  std::string organization_id;
  std::string client_id;
  std::string case_id;  // empty when not tied to a case
  std::string instrument_id;
  std::string instrument_version;
  std::string instrument_title;
  AssessmentScore score;
  std::string completed_at;
  std::string completed_by;
  std::string replaces_id;    // the assessment this one corrects
  std::string superseded_by;  // the correction that replaced this one
  std::string root_id;        // the first of the chain (itself when not a correction)
};

}  // namespace caseboard
