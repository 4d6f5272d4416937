// Organisations and users in the store, on both backends.
#include "store/organisation_store.h"

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using access::Organisation;
using access::Role;
using access::User;

class OrganisationStoreTest : public BackendTest<> {
 protected:
  Organisation AddOrganisation(const std::string& name, const std::string& key) {
    Organisation out;
    const Status s = Write([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(out, InsertOrganisation(c, name, key, 100));
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  Result<User> AddUser(const std::string& username, int64_t org, Role role) {
    User u{.username = username,
           .password_hash = "$argon2id$" + username,
           .role = role,
           .organisation_id = org};
    User out;
    SANAD_RETURN_IF_ERROR(Write([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(out, InsertUser(c, u, 200));
      return Status::Ok();
    }));
    return out;
  }

  template <typename T>
  T ReadValue(const std::function<Result<T>(Connection&)>& fn) {
    std::optional<T> out;
    const Status s = Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(T v, fn(c));
      out = std::move(v);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out.value_or(T{});
  }
};

TEST_P(OrganisationStoreTest, InsertsFindsAndListsOrganisationsByName) {
  const Organisation unhcr = AddOrganisation("UNHCR", "unhcr");
  const Organisation irc = AddOrganisation("منظمة الإنقاذ", "منظمة الانقاذ");
  const Organisation acted = AddOrganisation("ACTED", "acted");
  EXPECT_GT(unhcr.id, 0);
  EXPECT_NE(unhcr.id, irc.id);
  EXPECT_EQ(unhcr.created_at, 100);

  auto by_key = ReadValue<std::optional<Organisation>>(
      [](Connection& c) { return FindOrganisationByKey(c, "منظمة الانقاذ"); });
  ASSERT_TRUE(by_key.has_value());
  EXPECT_EQ(by_key->id, irc.id);
  EXPECT_EQ(by_key->name, "منظمة الإنقاذ");

  auto by_id = ReadValue<std::optional<Organisation>>(
      [&](Connection& c) { return FindOrganisation(c, acted.id); });
  ASSERT_TRUE(by_id.has_value());
  EXPECT_EQ(by_id->name, "ACTED");
  EXPECT_EQ(by_id->created_at, 100);

  EXPECT_FALSE((ReadValue<std::optional<Organisation>>([](Connection& c) {
                 return FindOrganisation(c, 9999);
               })).has_value());
  EXPECT_FALSE((ReadValue<std::optional<Organisation>>([](Connection& c) {
                 return FindOrganisationByKey(c, "nobody");
               })).has_value());

  const auto all =
      ReadValue<std::vector<Organisation>>([](Connection& c) { return ListOrganisations(c); });
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].name, "ACTED");
  EXPECT_EQ(all[1].name, "UNHCR");
  EXPECT_EQ(all[2].name, "منظمة الإنقاذ");
}

TEST_P(OrganisationStoreTest, DuplicateOrganisationKeyIsAlreadyExistsAndRollsBack) {
  AddOrganisation("UNHCR", "unhcr");
  const Status s = Write([](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(Organisation o, InsertOrganisation(c, "U.N.H.C.R.", "unhcr", 5));
    return Status::Ok();
  });
  EXPECT_EQ(s.code(), StatusCode::kAlreadyExists) << s.ToString();
  EXPECT_EQ(s.message(), "an organisation with this name exists");
  EXPECT_EQ(Count("SELECT COUNT(*) FROM organisations"), 1);
}

TEST_P(OrganisationStoreTest, InsertsFindsUpdatesAndListsUsers) {
  const Organisation a = AddOrganisation("UNHCR", "unhcr");
  const Organisation b = AddOrganisation("IRC", "irc");
  auto admin = AddUser("zainab", a.id, Role::kAdmin);
  ASSERT_TRUE(admin.ok()) << admin.status().ToString();
  ASSERT_TRUE(AddUser("ahmed", a.id, Role::kRegistration).ok());
  ASSERT_TRUE(AddUser("khalid", b.id, Role::kViewer).ok());
  EXPECT_GT(admin->id, 0);
  EXPECT_EQ(admin->created_at, 200);

  auto found =
      ReadValue<std::optional<User>>([](Connection& c) { return FindUserByName(c, "zainab"); });
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->id, admin->id);
  EXPECT_EQ(found->role, Role::kAdmin);
  EXPECT_EQ(found->organisation_id, a.id);
  EXPECT_EQ(found->organisation_name, "UNHCR");
  EXPECT_EQ(found->password_hash, "$argon2id$zainab");
  EXPECT_FALSE(found->disabled);

  User changed = *found;
  changed.role = Role::kSupervisor;
  changed.disabled = true;
  changed.password_hash = "$argon2id$new";
  SANAD_ASSERT_OK(Write([&](Connection& c) { return UpdateUser(c, changed); }));
  auto again =
      ReadValue<std::optional<User>>([&](Connection& c) { return FindUser(c, admin->id); });
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->role, Role::kSupervisor);
  EXPECT_TRUE(again->disabled);
  EXPECT_EQ(again->password_hash, "$argon2id$new");
  EXPECT_EQ(again->username, "zainab");

  const auto all = ReadValue<std::vector<User>>([](Connection& c) { return ListUsers(c, 0); });
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].username, "ahmed");
  EXPECT_EQ(all[2].username, "zainab");
  const auto of_b = ReadValue<std::vector<User>>([&](Connection& c) { return ListUsers(c, b.id); });
  ASSERT_EQ(of_b.size(), 1u);
  EXPECT_EQ(of_b[0].username, "khalid");
  EXPECT_EQ(of_b[0].organisation_name, "IRC");
}

TEST_P(OrganisationStoreTest, TakenUsernameIsAlreadyExistsAndUnknownOrganisationFails) {
  const Organisation a = AddOrganisation("UNHCR", "unhcr");
  ASSERT_TRUE(AddUser("zainab", a.id, Role::kAdmin).ok());
  const auto taken = AddUser("zainab", a.id, Role::kViewer);
  EXPECT_EQ(taken.status().code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(taken.status().message(), "the username is taken");
  const auto orphan = AddUser("nobody", 9999, Role::kViewer);
  EXPECT_EQ(orphan.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM users"), 1);
}

SANAD_STORE_TEST_BACKENDS(OrganisationStoreTest);

}  // namespace
}  // namespace sanad::store
