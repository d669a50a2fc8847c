// A care plan's content as the store keeps it: one JSON document per version. The one writer and
// reader of that text, shared by the store and the synthetic data loader so both write the same.
#pragma once

#include <string>

#include "core/care_plan.hpp"
#include "core/result.hpp"

namespace caseboard::store {

// The stored text of `content`: {"needs":[...],"goals":[...],"interventions":[...]}.
std::string care_plan_json_text(const CarePlanContent& content);

// The content of stored text; Internal when it is not what care_plan_json_text writes (a broken
// database, since only the store writes it).
[[nodiscard]] Result<CarePlanContent> care_plan_from_json_text(const std::string& text);

}  // namespace caseboard::store
