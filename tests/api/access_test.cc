// Who may do what: organisations see only their own households, roles limit writes, and
// only administrators manage organisations and users.
#include <string>

#include "tests/api/api_test.h"

namespace sanad::api_test {
namespace {

using testing_support::JubouriHousehold;
using testing_support::UrlEncode;

class AccessTest : public ApiTest {};

TEST_P(AccessTest, AnotherOrganisationsHouseholdIsNotFoundAnywhere) {
  HttpClient clerk = As(kClerk);
  const Json h = Create(clerk, JubouriHousehold());
  const std::string path = HouseholdPath(h["id"]);
  HttpClient other = As(kOtherClerk);
  HttpClient other_supervisor = As(kOtherSupervisor);
  EXPECT_EQ(other.Get(path).status, 404);
  EXPECT_EQ(other.Get(path + "/history").status, 404);
  EXPECT_EQ(other.Patch(path, {{"version", 1}, {"displacement_status", "returnee"}}).status, 404);
  EXPECT_EQ(other_supervisor.Delete(path).status, 404);
  EXPECT_EQ(Total(other), 0);
  EXPECT_EQ(Total(other, "q=" + UrlEncode("الجبوري")), 0);
  EXPECT_EQ(Total(other, "q=199012345678"), 0);
  EXPECT_EQ(Total(other, "pcode=IQG15"), 0);
  HttpResponse audit = other_supervisor.Get("/api/v1/audit?entity=household&id=" +
                                            std::to_string(h["id"].get<int64_t>()));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json["total"], 0);
  // The owner's household is untouched by all of that.
  EXPECT_EQ(clerk.Get(path).json, h);
}

TEST_P(AccessTest, ViewerCanReadButNotRegisterEditOrArchive) {
  HttpClient clerk = As(kClerk);
  const Json h = Create(clerk, JubouriHousehold());
  const std::string path = HouseholdPath(h["id"]);
  HttpClient viewer = As(kViewer);
  EXPECT_EQ(viewer.Get(path).status, 200);
  EXPECT_EQ(viewer.Get(path + "/history").status, 200);
  EXPECT_EQ(Total(viewer), 1);
  HttpResponse post = viewer.Post("/api/v1/households", JubouriHousehold());
  EXPECT_EQ(post.status, 403) << post.body;
  EXPECT_EQ(post.json["error"]["code"], "permission_denied");
  EXPECT_EQ(viewer.Patch(path, {{"version", 1}, {"displacement_status", "returnee"}}).status, 403);
  EXPECT_EQ(viewer.Delete(path).status, 403);
  EXPECT_EQ(Total(clerk), 1);
  EXPECT_EQ(clerk.Get(path).json, h);
}

TEST_P(AccessTest, OnlyAdminsAndSupervisorsArchiveHouseholds) {
  HttpClient clerk = As(kClerk);
  const std::string path = HouseholdPath(Create(clerk, JubouriHousehold())["id"]);
  EXPECT_EQ(clerk.Delete(path).status, 403);
  EXPECT_EQ(clerk.Get(path).status, 200);
  HttpClient admin = As(kAdmin);
  EXPECT_EQ(admin.Delete(path).status, 204);
}

TEST_P(AccessTest, OrganisationsAndUsersAreForAdminsOnly) {
  for (const char* who : {kSupervisor, kClerk, kViewer}) {
    HttpClient c = As(who);
    EXPECT_EQ(c.Get("/api/v1/organisations").status, 403) << who;
    EXPECT_EQ(c.Post("/api/v1/organisations", {{"name", "Shadow NGO"}}).status, 403) << who;
    EXPECT_EQ(c.Get("/api/v1/users").status, 403) << who;
    const Json user = {{"username", "intruder"},
                       {"password", kPassword},
                       {"role", "admin"},
                       {"organisation_id", 1}};
    EXPECT_EQ(c.Post("/api/v1/users", user).status, 403) << who;
    EXPECT_EQ(c.Patch("/api/v1/users/1", {{"role", "admin"}}).status, 403) << who;
  }
  EXPECT_EQ(server().Client().Login("intruder", kPassword).status, 401);
}

TEST_P(AccessTest, AdminCreatesAnOrganisationAndAUserWhoCanLogIn) {
  HttpClient admin = As(kAdmin);
  HttpResponse org = admin.Post("/api/v1/organisations", {{"name", "Mosul Women's Network"}});
  ASSERT_EQ(org.status, 201) << org.body;
  const int64_t org_id = org.json["id"];
  HttpResponse dup_org = admin.Post("/api/v1/organisations", {{"name", "Mosul Women's Network"}});
  EXPECT_EQ(dup_org.status, 409) << dup_org.body;
  EXPECT_EQ(dup_org.json["error"]["code"], "conflict");

  HttpResponse same_key =
      admin.Post("/api/v1/organisations", {{"name", " MOSUL women's NETWORK "}});
  EXPECT_EQ(same_key.status, 409) << "names differing only in case and spaces: " << same_key.body;

  const Json user = {{"username", "ban.caseworker"},
                     {"password", "Qaraqosh-2017-return"},
                     {"role", "caseworker"},
                     {"organisation_id", org_id}};
  HttpResponse created = admin.Post("/api/v1/users", user);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.json["organisation"]["name"], "Mosul Women's Network");
  EXPECT_EQ(created.json["disabled"], false);
  Json nowhere = user;
  nowhere["username"] = "ghost.user";
  nowhere["organisation_id"] = org_id + 1000;
  HttpResponse no_org = admin.Post("/api/v1/users", nowhere);
  EXPECT_EQ(no_org.status, 422) << no_org.body;
  EXPECT_EQ(no_org.ErrorFields(), std::vector<std::string>{"organisation_id"});
  HttpResponse dup_user = admin.Post("/api/v1/users", user);
  EXPECT_EQ(dup_user.status, 409) << dup_user.body;
  EXPECT_EQ(dup_user.ErrorFields(), std::vector<std::string>{"username"});

  HttpResponse users = admin.Get("/api/v1/users?organisation_id=" + std::to_string(org_id));
  ASSERT_EQ(users.status, 200) << users.body;
  ASSERT_EQ(users.json["items"].size(), 1u);
  EXPECT_EQ(users.json["items"][0]["username"], "ban.caseworker");

  HttpClient ban = server().Client();
  HttpResponse login = ban.Login("ban.caseworker", "Qaraqosh-2017-return");
  ASSERT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.json["user"]["role"], "caseworker");
  EXPECT_EQ(login.json["user"]["organisation"]["id"], org_id);
  // A caseworker registers households, in her own organisation only.
  HttpClient clerk = As(kClerk);
  Create(clerk, JubouriHousehold());
  EXPECT_EQ(Total(ban), 0);
  EXPECT_EQ(Create(ban, JubouriHousehold())["organisation"]["id"], org_id);
  EXPECT_EQ(Total(ban), 1);
  EXPECT_EQ(Total(clerk), 1);
}

TEST_P(AccessTest, ADisabledUserLosesTheSessionAndCannotLogIn) {
  HttpClient admin = As(kAdmin);
  HttpClient viewer = As(kViewer);
  HttpResponse users = admin.Get("/api/v1/users");
  ASSERT_EQ(users.status, 200) << users.body;
  int64_t viewer_id = 0;
  for (auto& u : users.json["items"]) {
    if (u["username"] == kViewer) viewer_id = u["id"];
  }
  ASSERT_GT(viewer_id, 0);
  HttpResponse r = admin.Patch("/api/v1/users/" + std::to_string(viewer_id), {{"disabled", true}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["disabled"], true);
  EXPECT_EQ(viewer.Get("/api/v1/households").status, 401);
  EXPECT_EQ(server().Client().Login(kViewer, kPassword).status, 401);
}

TEST_P(AccessTest, AMemberIdOfAnotherOrganisationInAPatchDoesNotReachThatMember) {
  HttpClient other = As(kOtherClerk);
  const Json theirs = Create(other, testing_support::ObaidiHousehold());
  HttpClient clerk = As(kClerk);
  const Json ours = Create(clerk, JubouriHousehold());
  Json members = ours["members"];
  Json stolen = theirs["members"][1];
  stolen["given_name"] = "مجهول";
  members.push_back(stolen);
  HttpResponse r = clerk.Patch(HouseholdPath(ours["id"]), {{"version", 1}, {"members", members}});
  ASSERT_EQ(r.status, 200) << r.body;
  // Treated as a new member of our household, with an id of its own.
  EXPECT_NE(r.json["members"][3]["id"], stolen["id"]);
  EXPECT_EQ(r.json["members"][3]["given_name"], "مجهول");
  EXPECT_EQ(other.Get(HouseholdPath(theirs["id"])).json, theirs);
}

SANAD_API_TEST_SUITE(AccessTest);

}  // namespace
}  // namespace sanad::api_test
