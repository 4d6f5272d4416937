#include "access/field_cipher.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>

namespace sanad::access {
namespace {

constexpr std::string_view kSealedPrefix = "s1.";
constexpr std::string_view kKeyLineTag = "sanad-key-v1";
constexpr size_t kKeyIdBytes = 4;
constexpr size_t kKeyIdChars = kKeyIdBytes * 2;
// "s1." + id + "." before the base64 payload.
constexpr size_t kSealedHeaderChars = kSealedPrefix.size() + kKeyIdChars + 1;
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr int kBase64 = sodium_base64_VARIANT_ORIGINAL;
static_assert(FieldCipher::kKeyBytes == crypto_aead_xchacha20poly1305_ietf_KEYBYTES);

// Aborts when libsodium cannot start (no entropy source): sealing without a working random
// generator would reuse nonces, so there is no safe way to go on.
void InitSodium() {
  static const bool ok = sodium_init() >= 0;
  if (!ok) std::abort();
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

std::string ToBase64(std::string_view bin) {
  std::string out(sodium_base64_ENCODED_LEN(bin.size(), kBase64), '\0');
  sodium_bin2base64(out.data(), out.size(), Bytes(bin), bin.size(), kBase64);
  out.pop_back();  // the terminating NUL
  return out;
}

// The bytes of `b64`, or nullopt when it is not base64 of the original variant, in full.
std::optional<std::string> FromBase64(std::string_view b64) {
  std::string out(b64.size() / 4 * 3 + 3, '\0');
  size_t len = 0;
  if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), b64.data(),
                        b64.size(), nullptr, &len, nullptr, kBase64) != 0) {
    return std::nullopt;
  }
  out.resize(len);
  return out;
}

bool IsLowerHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string_view Trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = s.find_last_not_of(" \t\r");
  return s.substr(first, last - first + 1);
}

std::vector<std::string_view> Words(std::string_view s) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < s.size()) {
    const size_t start = s.find_first_not_of(" \t", i);
    if (start == std::string_view::npos) break;
    size_t end = s.find_first_of(" \t", start);
    if (end == std::string_view::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    i = end;
  }
  return out;
}

// One key line, or InvalidArgument starting with "<where>: ".
Result<FieldCipher::Key> ParseKeyLine(std::string_view line, const std::string& where) {
  const std::vector<std::string_view> words = Words(line);
  if (words.size() != 3 || words[0] != kKeyLineTag) {
    return Status::InvalidArgument(where + ": expected \"sanad-key-v1 <id> <base64 key>\"");
  }
  const std::optional<std::string> bytes = FromBase64(words[2]);
  if (!bytes) return Status::InvalidArgument(where + ": the key is not valid base64");
  if (bytes->size() != FieldCipher::kKeyBytes) {
    return Status::InvalidArgument(where + ": the key has " + std::to_string(bytes->size()) +
                                   " bytes, not 32");
  }
  const std::string id = FieldCipher::KeyIdFor(*bytes);
  if (words[1] != id) {
    return Status::InvalidArgument(where + ": the id " + std::string(words[1]) +
                                   " does not match the key (its id is " + id + ")");
  }
  return FieldCipher::Key{.id = id, .bytes = *bytes};
}

}  // namespace

Result<FieldCipher> FieldCipher::FromKeys(std::vector<Key> keys) {
  if (keys.empty()) return Status::InvalidArgument("a keyring needs at least one key");
  std::set<std::string> seen;
  for (const Key& key : keys) {
    if (key.bytes.size() != kKeyBytes) {
      return Status::InvalidArgument("key " + key.id + " has " + std::to_string(key.bytes.size()) +
                                     " bytes, not 32");
    }
    if (key.id != KeyIdFor(key.bytes)) {
      return Status::InvalidArgument("key id " + key.id + " does not match its key");
    }
    if (!seen.insert(key.id).second) {
      return Status::InvalidArgument("key " + key.id + " is in the keyring twice");
    }
  }
  return FieldCipher(std::move(keys));
}

Result<FieldCipher> FieldCipher::FromKeyText(std::string_view text, std::string_view source) {
  std::vector<Key> keys;
  std::set<std::string> seen;
  size_t line_number = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = Trim(text.substr(pos, end - pos));
    pos = end + 1;
    ++line_number;
    if (line.empty() || line.front() == '#') continue;
    const std::string where = std::string(source) + ":" + std::to_string(line_number);
    SANAD_ASSIGN_OR_RETURN(Key key, ParseKeyLine(line, where));
    if (!seen.insert(key.id).second) {
      return Status::InvalidArgument(where + ": key " + key.id + " is already listed above");
    }
    keys.push_back(std::move(key));
  }
  if (keys.empty()) {
    return Status::InvalidArgument(std::string(source) +
                                   ": holds no key (expected \"sanad-key-v1 <id> <base64 key>\" "
                                   "lines)");
  }
  return FieldCipher(std::move(keys));
}

Result<FieldCipher> FieldCipher::FromKeyFile(const std::filesystem::path& path) {
  namespace fs = std::filesystem;
  const std::string name = path.string();
  std::error_code ec;
  const fs::file_status status = fs::status(path, ec);
  if (ec || !fs::is_regular_file(status)) {
    return Status::FailedPrecondition(
        "cannot read the key file " + name + (ec ? ": " + ec.message() : ": not a file") +
        " (create one with `sanad key init --key-file " + name + "`)");
  }
  // Like ssh with a private key: a key others can read is no longer secret, and a key others
  // can write could be swapped for one they know, so both are refused rather than warned about.
  const fs::perms shared = fs::perms::group_all | fs::perms::others_all;
  if ((status.permissions() & shared) != fs::perms::none) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(status.permissions()) & 07777U);
    return Status::FailedPrecondition("the key file " + name + " is open to other users (mode " +
                                      mode + "); it must be private to its owner: chmod 600 " +
                                      name);
  }
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  if (!in) return Status::FailedPrecondition("cannot read the key file " + name);
  return FromKeyText(text.str(), name);
}

Result<FieldCipher> FieldCipher::Load(const std::filesystem::path& key_file) {
  if (!key_file.empty()) return FromKeyFile(key_file);
  if (const char* file = std::getenv("SANAD_KEY_FILE"); file != nullptr && *file != '\0') {
    return FromKeyFile(file);
  }
  if (const char* text = std::getenv("SANAD_KEY"); text != nullptr && *text != '\0') {
    return FromKeyText(text, "SANAD_KEY");
  }
  return Status::FailedPrecondition(
      "no encryption key: give --key-file PATH (or set SANAD_KEY_FILE to its path, or SANAD_KEY "
      "to its text); create a key once with `sanad key init --key-file PATH` and back it up "
      "apart from the database (docs/operations.md, Keys)");
}

FieldCipher::Key FieldCipher::GenerateKey() {
  InitSodium();
  std::string bytes(kKeyBytes, '\0');
  crypto_aead_xchacha20poly1305_ietf_keygen(reinterpret_cast<unsigned char*>(bytes.data()));
  std::string id = KeyIdFor(bytes);
  return {.id = std::move(id), .bytes = std::move(bytes)};
}

std::string FieldCipher::KeyIdFor(std::string_view key_bytes) {
  InitSodium();
  unsigned char hash[crypto_generichash_BYTES];
  crypto_generichash(hash, sizeof hash, Bytes(key_bytes), key_bytes.size(), nullptr, 0);
  char hex[kKeyIdChars + 1];
  sodium_bin2hex(hex, sizeof hex, hash, kKeyIdBytes);
  return hex;
}

std::string FieldCipher::FormatKeyFile(const std::vector<Key>& keys) {
  std::string out =
      "# sanad encryption keys, newest first: the first seals, every one opens.\n"
      "# Keep this file private (chmod 600) and backed up apart from the database:\n"
      "# without it the sealed fields cannot be read. See docs/operations.md, Keys.\n";
  for (const Key& key : keys) {
    out += std::string(kKeyLineTag) + " " + key.id + " " + ToBase64(key.bytes) + "\n";
  }
  return out;
}

std::string FieldCipher::Seal(std::string_view plaintext, std::string_view context) const {
  InitSodium();
  const Key& key = keys_.front();
  std::string box(kNonceBytes + plaintext.size() + kTagBytes, '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(box.data());
  // A random 192-bit nonce per seal: XChaCha20's nonce is long enough that random ones never
  // collide in practice, so no counter needs to be kept in step across processes.
  randombytes_buf(nonce, kNonceBytes);
  unsigned long long sealed_len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonceBytes, &sealed_len, Bytes(plaintext),
                                             plaintext.size(), Bytes(context), context.size(),
                                             nullptr, nonce, Bytes(key.bytes));
  return std::string(kSealedPrefix) + key.id + "." + ToBase64(box);
}

Result<std::string> FieldCipher::Open(std::string_view sealed, std::string_view context) const {
  const std::string id = KeyIdOf(sealed);
  const std::string where(context);
  if (id.empty()) return Status::Internal(where + ": the value is not sealed text");
  const Key* key = nullptr;
  for (const Key& k : keys_) {
    if (k.id == id) key = &k;
  }
  if (key == nullptr) {
    return Status::FailedPrecondition(where + ": sealed with key " + id +
                                      ", which is not in the key file (is it this database's key "
                                      "file, or an old copy of it?)");
  }
  const std::optional<std::string> box = FromBase64(sealed.substr(kSealedHeaderChars));
  if (!box || box->size() < kNonceBytes + kTagBytes) {
    return Status::Internal(where + ": the sealed text is damaged");
  }
  InitSodium();
  std::string plain(box->size() - kNonceBytes - kTagBytes, '\0');
  unsigned long long plain_len = 0;
  const unsigned char* nonce = Bytes(*box);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plain.data()),
                                                 &plain_len, nullptr, nonce + kNonceBytes,
                                                 box->size() - kNonceBytes, Bytes(context),
                                                 context.size(), nonce, Bytes(key->bytes)) != 0) {
    return Status::Internal(where +
                            ": the sealed text does not open (altered, or moved from another row)");
  }
  plain.resize(plain_len);
  return plain;
}

std::string FieldCipher::KeyIdOf(std::string_view sealed) {
  if (sealed.size() < kSealedHeaderChars || !sealed.starts_with(kSealedPrefix) ||
      sealed[kSealedHeaderChars - 1] != '.') {
    return "";
  }
  const std::string_view id = sealed.substr(kSealedPrefix.size(), kKeyIdChars);
  return IsLowerHex(id) ? std::string(id) : "";
}

std::string FieldCipher::SealContext(std::string_view table, std::string_view column, int64_t id) {
  return std::string(table) + "." + std::string(column) + ":" + std::to_string(id);
}

}  // namespace sanad::access
