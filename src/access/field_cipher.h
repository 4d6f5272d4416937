// FieldCipher: seals and opens the sensitive fields of cases and referrals with
// XChaCha20-Poly1305 (libsodium) under keys kept outside the database (a key file or the
// environment), so a copy of the database alone reveals none of them. Sealed text carries the
// id of its key, so `sanad key rotate` can re-seal row by row. Immutable after construction;
// thread-safe.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sanad::access {

class FieldCipher {
 public:
  static constexpr size_t kKeyBytes = 32;

  struct Key {
    std::string id;     // 8 hex digits, derived from the key (BLAKE2b), unique in a keyring
    std::string bytes;  // kKeyBytes raw bytes
  };

  // A keyring: the first key seals, every key opens. InvalidArgument when empty, or for a key
  // of the wrong size, an id that is not the key's, or the same key twice.
  static Result<FieldCipher> FromKeys(std::vector<Key> keys);
  // Reads a key file (format in docs/operations.md: one "sanad-key-v1 <id> <base64>" line
  // per key, newest first, '#' comments). InvalidArgument naming the file and line;
  // FailedPrecondition when it cannot be read or when its group or others have any permission
  // on it (like ssh with a private key: chmod 600).
  static Result<FieldCipher> FromKeyFile(const std::filesystem::path& path);
  // Parses key file text; `source` (a file name, "SANAD_KEY") prefixes error messages.
  static Result<FieldCipher> FromKeyText(std::string_view text, std::string_view source);
  // `--key-file` when given, else the environment: SANAD_KEY_FILE (a path) or SANAD_KEY (the
  // key file's text). FailedPrecondition saying how to create a key when there is none.
  static Result<FieldCipher> Load(const std::filesystem::path& key_file);

  // A fresh random key.
  static Key GenerateKey();
  // The id of `key_bytes`: the first 4 bytes of their 32-byte BLAKE2b hash, in hex.
  static std::string KeyIdFor(std::string_view key_bytes);
  // The key file text for `keys` (newest first).
  static std::string FormatKeyFile(const std::vector<Key>& keys);

  // "s1.<key id>.<base64 of nonce + ciphertext + tag>". `context` (e.g. "cases.content:17")
  // is authenticated but not stored: sealed text moved to another row does not open.
  std::string Seal(std::string_view plaintext, std::string_view context) const;
  // The plaintext; FailedPrecondition for a key not in the ring, Internal for text that was
  // altered, moved to another context or is not sealed text.
  Result<std::string> Open(std::string_view sealed, std::string_view context) const;
  // The id of the key that sealed `sealed` ("" when it is not sealed text).
  static std::string KeyIdOf(std::string_view sealed);
  // The context a sealed value of a row is bound to: "<table>.<column>:<id>", e.g.
  // "cases.content:17". The store's sealed columns (store/sealed_store.h) and the domain
  // modules that seal them both use it, so `sanad key rotate` can re-seal any of them.
  static std::string SealContext(std::string_view table, std::string_view column, int64_t id);

  const std::string& current_key_id() const { return keys_.front().id; }
  const std::vector<Key>& keys() const { return keys_; }

 private:
  explicit FieldCipher(std::vector<Key> keys) : keys_(std::move(keys)) {}
  std::vector<Key> keys_;
};

}  // namespace sanad::access
