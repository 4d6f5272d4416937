#include "access/password.h"

#include <gtest/gtest.h>

namespace sanad::access {
namespace {

TEST(PasswordTest, HashVerifiesOnlyTheSamePassword) {
  auto h = HashPassword("كلمة-سر-طويلة");
  ASSERT_TRUE(h.ok());
  EXPECT_TRUE(h->starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword("كلمة-سر-طويلة", *h));
  EXPECT_FALSE(VerifyPassword("كلمة-سر-طويله", *h));
  EXPECT_FALSE(VerifyPassword("x", "not a hash"));
}

TEST(PasswordTest, ShortPasswordsAreRefusedCountingCharactersNotBytes) {
  EXPECT_NE(PasswordProblem("1234567"), "");
  EXPECT_EQ(PasswordProblem("12345678"), "");
  EXPECT_EQ(PasswordProblem("كلمةسرهن"), "");  // 8 Arabic letters, 16 bytes
}

TEST(PasswordTest, TokensAreRandomAndHashesStable) {
  EXPECT_EQ(RandomToken(32).size(), 64u);
  EXPECT_NE(RandomToken(16), RandomToken(16));
  EXPECT_EQ(TokenHash("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace sanad::access
