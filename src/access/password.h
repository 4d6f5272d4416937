// Password hashing with argon2id (libsodium, interactive limits, ~90 ms a hash here).
// Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "base/status.h"

namespace sanad::access {

// Returns the encoded argon2id hash (salt and parameters included).
Result<std::string> HashPassword(std::string_view password);
// True when `password` matches `hash`; false for any malformed hash.
bool VerifyPassword(std::string_view password, const std::string& hash);
// Why a new password is not acceptable, or "" when it is (at least 8 characters, at most 256
// bytes).
std::string PasswordProblem(std::string_view password);

// A random token of `bytes` bytes, hex-encoded (session and CSRF tokens).
std::string RandomToken(size_t bytes);
// Hex SHA-256 of a token: only the hash of a session token is stored.
std::string TokenHash(std::string_view token);

}  // namespace sanad::access
