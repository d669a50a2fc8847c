// The resource directory as CSV (RFC 4180, read with libcsv): one listing per row under a header
// naming the columns; list columns hold their items separated by ";".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "store/store.hpp"

namespace caseboard::api {

// The CSV text of the listings, with the header.
std::string services_to_csv(const std::vector<ServiceListing>& listings);

// The rows of a CSV text: each checked (validate_service); the first error names
// "rows[<i>].<column>" and the line in the message. Unknown or missing required columns are refused.
[[nodiscard]] Result<std::vector<store::Store::ServiceImport>> services_from_csv(std::string_view text);

}  // namespace caseboard::api
