#include "access/password.h"

#include <sodium.h>

#include <vector>

#include "base/utf8.h"

namespace sanad::access {
namespace {

constexpr size_t kMinPasswordChars = 8;
constexpr size_t kMaxPasswordBytes = 256;

bool InitSodium() {
  static const bool ok = sodium_init() >= 0;
  return ok;
}

std::string ToHex(const unsigned char* data, size_t n) {
  std::string out(n * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), data, n);
  out.pop_back();
  return out;
}

}  // namespace

Result<std::string> HashPassword(std::string_view password) {
  if (!InitSodium()) return Status::Internal("libsodium failed to initialise");
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str_alg(out, password.data(), password.size(),
                            crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE,
                            crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Status::Internal("out of memory while hashing a password");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view password, const std::string& hash) {
  if (!InitSodium() || hash.size() >= crypto_pwhash_STRBYTES) return false;
  return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string PasswordProblem(std::string_view password) {
  if (Utf8Chars(password) < kMinPasswordChars) return "must have at least 8 characters";
  if (password.size() > kMaxPasswordBytes) return "must have at most 256 bytes";
  return "";
}

std::string RandomToken(size_t bytes) {
  InitSodium();
  std::vector<unsigned char> buf(bytes);
  randombytes_buf(buf.data(), buf.size());
  return ToHex(buf.data(), buf.size());
}

std::string TokenHash(std::string_view token) {
  InitSodium();
  unsigned char out[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(out, reinterpret_cast<const unsigned char*>(token.data()), token.size());
  return ToHex(out, sizeof out);
}

}  // namespace sanad::access
