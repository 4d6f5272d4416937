// The audit log: who may read it, what it records, and that it stays within an organisation.
#include <string>

#include "tests/api/api_test.h"

namespace sanad::api_test {
namespace {

using testing_support::JubouriHousehold;
using testing_support::ObaidiHousehold;

class AuditTest : public ApiTest {};

TEST_P(AuditTest, OnlyAdminsAndSupervisorsReadTheAuditLog) {
  for (const char* who : {kClerk, kViewer}) {
    HttpClient c = As(who);
    HttpResponse r = c.Get("/api/v1/audit");
    EXPECT_EQ(r.status, 403) << who << ": " << r.body;
    EXPECT_EQ(r.json["error"]["code"], "permission_denied");
  }
  for (const char* who : {kAdmin, kSupervisor}) {
    HttpClient c = As(who);
    HttpResponse r = c.Get("/api/v1/audit");
    EXPECT_EQ(r.status, 200) << who << ": " << r.body;
    EXPECT_GE(r.json["total"].get<int64_t>(), 1) << "at least this login";
  }
}

TEST_P(AuditTest, AHouseholdsCreateUpdateAndArchiveAreListedNewestFirst) {
  HttpClient clerk = As(kClerk);
  HttpClient supervisor = As(kSupervisor);
  const int64_t id = Create(clerk, JubouriHousehold())["id"];
  Create(clerk, ObaidiHousehold());
  ASSERT_EQ(clerk.Patch(HouseholdPath(id), {{"version", 1}, {"phone", "07811234567"}}).status, 200);
  ASSERT_EQ(supervisor.Delete(HouseholdPath(id)).status, 204);
  HttpResponse r = supervisor.Get("/api/v1/audit?entity=household&id=" + std::to_string(id));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["total"], 3);
  Json& items = r.json["items"];
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["action"], "delete");
  EXPECT_EQ(items[0]["user"]["username"], kSupervisor);
  EXPECT_EQ(items[1]["action"], "update");
  const Json phone = {{"field", "phone"}, {"before", "+9647501234567"}, {"after", "07811234567"}};
  EXPECT_EQ(items[1]["changes"], Json::array({phone}));
  EXPECT_EQ(items[2]["action"], "create");
  for (auto& e : items) EXPECT_EQ(e["entity_id"], id);
  // The archived household's trail stays readable; all households: 2 creates, 1 update, 1 delete.
  EXPECT_EQ(supervisor.Get("/api/v1/audit?entity=household").json["total"], 4);
  HttpResponse page = supervisor.Get("/api/v1/audit?entity=household&limit=1&page=2");
  EXPECT_EQ(page.json["items"].size(), 1u);
  EXPECT_EQ(page.json["items"][0], items[1]);
}

TEST_P(AuditTest, EachOrganisationSeesOnlyItsOwnAuditEntries) {
  HttpClient clerk = As(kClerk);
  HttpClient other_clerk = As(kOtherClerk);
  const int64_t ours = Create(clerk, JubouriHousehold())["id"];
  const int64_t theirs = Create(other_clerk, ObaidiHousehold())["id"];
  HttpClient supervisor = As(kSupervisor);
  HttpClient other_supervisor = As(kOtherSupervisor);
  HttpResponse mine = supervisor.Get("/api/v1/audit?limit=200");
  HttpResponse other = other_supervisor.Get("/api/v1/audit?limit=200");
  ASSERT_EQ(mine.status, 200) << mine.body;
  ASSERT_EQ(other.status, 200) << other.body;
  for (auto& e : mine.json["items"]) {
    EXPECT_NE(e["user"]["username"], kOtherClerk) << e;
    EXPECT_NE(e["user"]["username"], kOtherSupervisor) << e;
    if (e["entity"] == "household") {
      EXPECT_EQ(e["entity_id"], ours) << e;
    }
  }
  for (auto& e : other.json["items"]) {
    EXPECT_NE(e["user"]["username"], kClerk) << e;
    EXPECT_NE(e["user"]["username"], kSupervisor) << e;
    if (e["entity"] == "household") {
      EXPECT_EQ(e["entity_id"], theirs) << e;
    }
  }
  EXPECT_EQ(supervisor.Get("/api/v1/audit?entity=household").json["total"], 1);
  EXPECT_EQ(other_supervisor.Get("/api/v1/audit?entity=household").json["total"], 1);
  const std::string theirs_query = "/api/v1/audit?entity=household&id=" + std::to_string(theirs);
  EXPECT_EQ(supervisor.Get(theirs_query).json["total"], 0);
}

// Bug: bad audit parameters were answered 422 invalid_argument, not 400 as docs/api.md says.
TEST_P(AuditTest, ABadAuditQueryIs400Not422) {
  HttpClient supervisor = As(kSupervisor);
  for (const char* query : {"limit=500", "page=0", "id=seventeen"}) {
    HttpResponse r = supervisor.Get(std::string("/api/v1/audit?") + query);
    EXPECT_EQ(r.status, 400) << query << ": " << r.body;
    EXPECT_EQ(r.json["error"]["code"], "bad_request") << query;
    EXPECT_EQ(r.ErrorFields().size(), 1u) << query;
  }
}

SANAD_API_TEST_SUITE(AuditTest);

}  // namespace
}  // namespace sanad::api_test
