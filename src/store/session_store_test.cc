// Login sessions in the store, on both backends.
#include "store/session_store.h"

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace sanad::store {
namespace {

class SessionStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    Exec("INSERT INTO organisations (id, name, name_key, created_at) VALUES (1, 'o', 'o', 0)");
    for (int64_t user : {10, 11}) {
      Exec(
          "INSERT INTO users (id, organisation_id, username, password_hash, role, created_at) "
          "VALUES (?, 1, ?, 'h', 'admin', 0)",
          {user, "user" + std::to_string(user)});
    }
  }

  void Add(const std::string& token_hash, int64_t user, int64_t expires_at) {
    SANAD_EXPECT_OK(Write([&](Connection& c) {
      return InsertSession(c, {.token_hash = token_hash,
                               .user_id = user,
                               .csrf_token = "csrf-" + token_hash,
                               .created_at = 1000,
                               .expires_at = expires_at});
    }));
  }

  std::optional<SessionRecord> Find(const std::string& token_hash, int64_t now) {
    std::optional<SessionRecord> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(out, FindSession(c, token_hash, now));
      return Status::Ok();
    }));
    return out;
  }
};

struct LiveCase {
  const char* name;
  int64_t now;
  bool found;
};

const LiveCase kLive[] = {
    {"before_expiry", 1999, true},
    {"at_expiry", 2000, false},
    {"after_expiry", 5000, false},
};

TEST_P(SessionStoreTest, FindsOnlyLiveSessions) {
  Add("hash-a", 10, 2000);
  for (const auto& tc : kLive) {
    SCOPED_TRACE(tc.name);
    const auto s = Find("hash-a", tc.now);
    ASSERT_EQ(s.has_value(), tc.found);
    if (!s) continue;
    EXPECT_EQ(s->token_hash, "hash-a");
    EXPECT_EQ(s->user_id, 10);
    EXPECT_EQ(s->csrf_token, "csrf-hash-a");
    EXPECT_EQ(s->created_at, 1000);
    EXPECT_EQ(s->expires_at, 2000);
  }
  EXPECT_FALSE(Find("no-such-hash", 0).has_value());
}

TEST_P(SessionStoreTest, DuplicateTokenHashIsAlreadyExists) {
  Add("hash-a", 10, 2000);
  const Status s = Write([](Connection& c) {
    return InsertSession(c, {.token_hash = "hash-a", .user_id = 11, .expires_at = 3000});
  });
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists) << s.ToString();
}

TEST_P(SessionStoreTest, DeletesOneOfAUserAndExpired) {
  Add("a1", 10, 2000);
  Add("a2", 10, 9000);
  Add("b1", 11, 1500);
  Add("b2", 11, 9000);
  SANAD_ASSERT_OK(Write([](Connection& c) { return DeleteSession(c, "a1"); }));
  EXPECT_FALSE(Find("a1", 0).has_value());
  EXPECT_TRUE(Find("a2", 0).has_value());

  SANAD_ASSERT_OK(Write([](Connection& c) { return DeleteSessionsOfUser(c, 10); }));
  EXPECT_FALSE(Find("a2", 0).has_value());
  EXPECT_TRUE(Find("b1", 0).has_value());

  SANAD_ASSERT_OK(Write([](Connection& c) { return DeleteExpiredSessions(c, 1500); }));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM sessions"), 1);
  EXPECT_TRUE(Find("b2", 0).has_value());
}

SANAD_STORE_TEST_BACKENDS(SessionStoreTest);

}  // namespace
}  // namespace sanad::store
