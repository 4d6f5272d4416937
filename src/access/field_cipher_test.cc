#include "access/field_cipher.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <optional>

namespace sanad::access {
namespace {

namespace fs = std::filesystem;

// The key 00 01 02 … 1f: its id is the first 4 bytes of BLAKE2b-256 of those bytes (checked
// against Python's hashlib.blake2b), so the key id format is pinned.
const FieldCipher::Key kCountingKey{.id = "cb2f5160",
                                    .bytes = std::string("\x00\x01\x02\x03\x04\x05\x06\x07"
                                                         "\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"
                                                         "\x10\x11\x12\x13\x14\x15\x16\x17"
                                                         "\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f",
                                                         32)};
constexpr char kCountingKeyLine[] =
    "sanad-key-v1 cb2f5160 AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

FieldCipher Cipher(std::vector<FieldCipher::Key> keys) {
  auto c = FieldCipher::FromKeys(std::move(keys));
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return std::move(c).value();
}

TEST(FieldCipherTest, RoundTripsArabicTextAndEmptyText) {
  const FieldCipher cipher = Cipher({FieldCipher::GenerateKey()});
  for (const std::string text :
       {"ناجية من العنف، تسكن مع أخيها في مخيم حسن شام", "", "{\"narrative\":\"…\"}"}) {
    const std::string sealed = cipher.Seal(text, "cases.content:17");
    if (!text.empty()) {
      EXPECT_EQ(sealed.find(text), std::string::npos);
    }
    EXPECT_TRUE(sealed.starts_with("s1." + cipher.current_key_id() + ".")) << sealed;
    const auto opened = cipher.Open(sealed, "cases.content:17");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    EXPECT_EQ(*opened, text);
  }
}

// Sealed text made outside sanad by calling libsodium as docs/operations.md describes the
// format (key 00..1f, nonce a0..b7): sanad opens it, so the format cannot drift unnoticed and
// values sealed by earlier versions keep opening.
TEST(FieldCipherTest, OpensTextSealedToTheDocumentedFormat) {
  const FieldCipher cipher = Cipher({kCountingKey});
  const auto opened =
      cipher.Open("s1.cb2f5160.oKGio6SlpqeoqaqrrK2ur7CxsrO0tba3nV/Tm2/yhQJhw6ep5ZFZMp3BGGrTMA==",
                  "cases.content:17");
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(*opened, "سند");
}

TEST(FieldCipherTest, TwoSealsOfTheSameTextDiffer) {
  const FieldCipher cipher = Cipher({FieldCipher::GenerateKey()});
  EXPECT_NE(cipher.Seal("same", "cases.content:1"), cipher.Seal("same", "cases.content:1"));
}

TEST(FieldCipherTest, TextMovedToAnotherRowOrColumnDoesNotOpen) {
  const FieldCipher cipher = Cipher({FieldCipher::GenerateKey()});
  const std::string sealed = cipher.Seal("secret", "cases.content:17");
  for (const char* other : {"cases.content:18", "referrals.content:17", ""}) {
    const auto opened = cipher.Open(sealed, other);
    EXPECT_EQ(opened.status().code(), StatusCode::kInternal) << other;
    EXPECT_EQ(opened.status().message().find("secret"), std::string::npos);
  }
}

TEST(FieldCipherTest, AnyAlteredCharacterOfTheSealedBytesDoesNotOpen) {
  const FieldCipher cipher = Cipher({FieldCipher::GenerateKey()});
  const std::string sealed = cipher.Seal("the survivor's statement", "case_events.body:3");
  const size_t payload = sealed.find('.', 3) + 1;
  for (size_t i = payload; i < sealed.size(); ++i) {
    std::string altered = sealed;
    altered[i] = altered[i] == 'A' ? 'B' : 'A';
    EXPECT_FALSE(cipher.Open(altered, "case_events.body:3").ok()) << "position " << i;
  }
  EXPECT_FALSE(cipher.Open(sealed.substr(0, sealed.size() - 4), "case_events.body:3").ok());
  const auto plain = cipher.Open("not sealed", "case_events.body:3");
  EXPECT_EQ(plain.status().code(), StatusCode::kInternal);
}

TEST(FieldCipherTest, TextSealedWithAKeyNotInTheRingIsFailedPrecondition) {
  const FieldCipher a = Cipher({FieldCipher::GenerateKey()});
  const FieldCipher b = Cipher({FieldCipher::GenerateKey()});
  const auto opened = b.Open(a.Seal("x", "cases.content:1"), "cases.content:1");
  EXPECT_EQ(opened.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(opened.status().message().find(a.current_key_id()), std::string::npos)
      << opened.status().message();
}

TEST(FieldCipherTest, TheNewestKeySealsAndOlderKeysStillOpen) {
  const FieldCipher::Key old_key = FieldCipher::GenerateKey();
  const FieldCipher::Key new_key = FieldCipher::GenerateKey();
  const std::string old_text = Cipher({old_key}).Seal("before rotation", "referrals.content:9");
  const FieldCipher ring = Cipher({new_key, old_key});
  EXPECT_EQ(ring.current_key_id(), new_key.id);
  EXPECT_EQ(FieldCipher::KeyIdOf(old_text), old_key.id);
  const auto opened = ring.Open(old_text, "referrals.content:9");
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(*opened, "before rotation");
  EXPECT_EQ(FieldCipher::KeyIdOf(ring.Seal("after", "referrals.content:9")), new_key.id);
}

TEST(FieldCipherTest, KeyIdIsTheStartOfTheKeysBlake2bHash) {
  EXPECT_EQ(FieldCipher::KeyIdFor(kCountingKey.bytes), "cb2f5160");
  EXPECT_EQ(FieldCipher::KeyIdFor(std::string(32, '\0')), "89eb0d6a");
  const FieldCipher::Key k = FieldCipher::GenerateKey();
  EXPECT_EQ(k.bytes.size(), FieldCipher::kKeyBytes);
  EXPECT_EQ(k.id, FieldCipher::KeyIdFor(k.bytes));
}

TEST(FieldCipherTest, KeyIdOfIsEmptyForTextThatIsNotSealed) {
  EXPECT_EQ(FieldCipher::KeyIdOf("s1.cb2f5160.AAAA"), "cb2f5160");
  for (const char* text :
       {"", "plain text", "s1.cb2f516.AAAA", "s1.CB2F5160.AAAA", "s2.cb2f5160.A"}) {
    EXPECT_EQ(FieldCipher::KeyIdOf(text), "") << text;
  }
}

TEST(FieldCipherTest, SealContextNamesTableColumnAndRow) {
  EXPECT_EQ(FieldCipher::SealContext("cases", "content", 17), "cases.content:17");
}

TEST(FieldCipherTest, AKeyringRefusesBadKeys) {
  EXPECT_FALSE(FieldCipher::FromKeys({}).ok());
  EXPECT_FALSE(FieldCipher::FromKeys({{.id = "cb2f5160", .bytes = "short"}}).ok());
  EXPECT_FALSE(FieldCipher::FromKeys({{.id = "00000000", .bytes = kCountingKey.bytes}}).ok());
  EXPECT_FALSE(FieldCipher::FromKeys({kCountingKey, kCountingKey}).ok());
}

TEST(FieldCipherTest, AKeyFileReadsBackNewestFirst) {
  const FieldCipher::Key a = FieldCipher::GenerateKey();
  const FieldCipher::Key b = FieldCipher::GenerateKey();
  const auto c = FieldCipher::FromKeyText(FieldCipher::FormatKeyFile({a, b}), "keys.txt");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->keys().size(), 2u);
  EXPECT_EQ(c->keys()[0].id, a.id);
  EXPECT_EQ(c->keys()[0].bytes, a.bytes);
  EXPECT_EQ(c->keys()[1].bytes, b.bytes);
  const auto commented = FieldCipher::FromKeyText(
      std::string("# comment\n\n   \r\n  ") + kCountingKeyLine + "  \r\n# end", "keys.txt");
  ASSERT_TRUE(commented.ok()) << commented.status().ToString();
  EXPECT_EQ(commented->current_key_id(), "cb2f5160");
}

struct BadKeyFile {
  const char* name;
  std::string text;
  const char* error;
};

TEST(FieldCipherTest, KeyFileErrorsNameTheFileAndLine) {
  const std::string good = std::string(kCountingKeyLine) + "\n";
  const BadKeyFile cases[] = {
      {"empty", "# only a comment\n\n", "keys.txt: holds no key"},
      {"wrong_tag", "# keys\n\nsanad-key-v2 cb2f5160 AAAA\n", "keys.txt:3: expected"},
      {"missing_key", "sanad-key-v1 cb2f5160\n", "keys.txt:1: expected"},
      {"extra_word", good.substr(0, good.size() - 1) + " x\n", "keys.txt:1: expected"},
      {"not_base64", "# k\nsanad-key-v1 cb2f5160 not*base64\n", "keys.txt:2: the key is not valid"},
      {"short_key", "sanad-key-v1 cb2f5160 AAECAw==\n", "keys.txt:1: the key has 4 bytes, not 32"},
      {"wrong_id", "\n\n\nsanad-key-v1 12345678 AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n",
       "keys.txt:4: the id 12345678 does not match the key (its id is cb2f5160)"},
      {"twice", good + "# again\n" + good, "keys.txt:3: key cb2f5160 is already listed"},
  };
  for (const BadKeyFile& tc : cases) {
    SCOPED_TRACE(tc.name);
    const auto c = FieldCipher::FromKeyText(tc.text, "keys.txt");
    ASSERT_FALSE(c.ok());
    EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
    EXPECT_TRUE(c.status().message().starts_with(tc.error)) << c.status().message();
  }
}

// A key file in a fresh directory, removed afterwards; restores the environment it changes.
class KeyFileTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("sanad-field-cipher-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    for (const char* name : {"SANAD_KEY_FILE", "SANAD_KEY"}) {
      if (const char* v = std::getenv(name)) saved_.emplace_back(name, v);
      ::unsetenv(name);
    }
  }
  void TearDown() override {
    ::unsetenv("SANAD_KEY_FILE");
    ::unsetenv("SANAD_KEY");
    for (const auto& [name, value] : saved_) ::setenv(name.c_str(), value.c_str(), 1);
    fs::remove_all(dir_);
  }

  fs::path WriteKeyFile(const std::string& name, const std::string& text, fs::perms perms) {
    fs::path path = dir_ / name;
    std::ofstream(path) << text;
    fs::permissions(path, perms);
    return path;
  }

  fs::path dir_;
  std::vector<std::pair<std::string, std::string>> saved_;
};

TEST_F(KeyFileTest, AKeyFileOthersCanReadOrWriteIsRefused) {
  const std::string text = std::string(kCountingKeyLine) + "\n";
  for (const fs::perms open : {fs::perms::group_read, fs::perms::others_read,
                               fs::perms::group_write, fs::perms::others_write}) {
    const fs::path path =
        WriteKeyFile("keys.txt", text, fs::perms::owner_read | fs::perms::owner_write | open);
    const auto c = FieldCipher::FromKeyFile(path);
    EXPECT_EQ(c.status().code(), StatusCode::kFailedPrecondition);
    EXPECT_NE(c.status().message().find("chmod 600 " + path.string()), std::string::npos)
        << c.status().message();
  }
  const fs::path private_file =
      WriteKeyFile("keys.txt", text, fs::perms::owner_read | fs::perms::owner_write);
  const auto c = FieldCipher::FromKeyFile(private_file);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->current_key_id(), "cb2f5160");
}

TEST_F(KeyFileTest, ParseErrorsNameThePathGiven) {
  const fs::path path = WriteKeyFile("bad.key", "\nsanad-key-v1 x\n", fs::perms::owner_read);
  const auto c = FieldCipher::FromKeyFile(path);
  EXPECT_TRUE(c.status().message().starts_with(path.string() + ":2: ")) << c.status().message();
}

TEST_F(KeyFileTest, LoadTakesTheFlagThenSanadKeyFileThenSanadKey) {
  const std::string text = std::string(kCountingKeyLine) + "\n";
  const fs::path counting = WriteKeyFile("counting.key", text, fs::perms::owner_read);
  const FieldCipher::Key other = FieldCipher::GenerateKey();
  const fs::path other_path =
      WriteKeyFile("other.key", FieldCipher::FormatKeyFile({other}), fs::perms::owner_read);

  auto none = FieldCipher::Load("");
  EXPECT_EQ(none.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(none.status().message().find("sanad key init --key-file PATH"), std::string::npos)
      << none.status().message();

  ::setenv("SANAD_KEY", text.c_str(), 1);
  auto from_text = FieldCipher::Load("");
  ASSERT_TRUE(from_text.ok()) << from_text.status().ToString();
  EXPECT_EQ(from_text->current_key_id(), "cb2f5160");
  ::setenv("SANAD_KEY", "sanad-key-v1 nonsense", 1);
  EXPECT_TRUE(FieldCipher::Load("").status().message().starts_with("SANAD_KEY:1: "));

  ::setenv("SANAD_KEY_FILE", other_path.c_str(), 1);
  auto from_env_file = FieldCipher::Load("");
  ASSERT_TRUE(from_env_file.ok()) << from_env_file.status().ToString();
  EXPECT_EQ(from_env_file->current_key_id(), other.id);

  auto from_flag = FieldCipher::Load(counting);
  ASSERT_TRUE(from_flag.ok()) << from_flag.status().ToString();
  EXPECT_EQ(from_flag->current_key_id(), "cb2f5160");

  const auto missing = FieldCipher::Load(dir_ / "missing.key");
  EXPECT_EQ(missing.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(missing.status().message().find("missing.key"), std::string::npos);
}

}  // namespace
}  // namespace sanad::access
