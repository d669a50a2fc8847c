// Opaque, unguessable record ids: a short type prefix and 128 random bits ("cl_4k3q...").
#pragma once

#include <string>
#include <string_view>

namespace caseboard::security {

// Starts libsodium; call once before any other function of this folder. Throws when it cannot.
void initialize();

std::string random_id(std::string_view prefix);

}  // namespace caseboard::security
