// Session tokens: 256 random bits sent to the user once; only their hash is stored.
#pragma once

#include <string>
#include <string_view>

namespace caseboard::security {

std::string new_session_token();
// Hex SHA-256 of the token, the only form the database keeps.
std::string hash_session_token(std::string_view token);

}  // namespace caseboard::security
