#include "api/case_cycle_request.hpp"

#include <string>

namespace caseboard::api {

Result<Timestamp> parse_time_field(std::string_view text, std::string_view field) {
  auto time = parse_timestamp(text);
  if (!time) {
    return fail(ErrorCode::InvalidArgument, std::string(field) + " must be a UTC time YYYY-MM-DDTHH:MM:SSZ",
                std::string(field));
  }
  return *time;
}

}  // namespace caseboard::api
