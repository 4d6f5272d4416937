// Registering, reading, editing and archiving households, and their history.
#include <regex>
#include <string>

#include "tests/api/api_test.h"

namespace sanad::api_test {
namespace {

using testing_support::JubouriHousehold;
using testing_support::ObaidiHousehold;

class HouseholdsTest : public ApiTest {};

// The head of a stored household (the member whose relationship is head).
Json Head(const Json& household) {
  for (const auto& m : household["members"]) {
    if (m["relationship"] == "head") return m;
  }
  return nullptr;
}

TEST_P(HouseholdsTest, CreateReturns201WithLocationAndTheStoredHousehold) {
  HttpClient clerk = As(kClerk);
  HttpResponse r = clerk.Post("/api/v1/households", JubouriHousehold());
  ASSERT_EQ(r.status, 201) << r.body;
  Json& h = r.json;
  const int64_t id = h["id"];
  EXPECT_GT(id, 0);
  EXPECT_EQ(r.Header("Location"), HouseholdPath(id));
  EXPECT_EQ(h["version"], 1);
  EXPECT_EQ(h["organisation"]["name"], kOrganisation);
  EXPECT_EQ(h["displacement_status"], "idp_in_camp");
  EXPECT_EQ(h["location"]["pcode"], "IQG15Q03N03");
  EXPECT_EQ(h["location"]["name_en"], "Markaz Al-Hamdaniya");
  EXPECT_EQ(h["location"]["name_ar"], "مركز الحمدانية");
  EXPECT_EQ(h["location"]["site"], "Qaraqosh, Al-Sa'a quarter");
  EXPECT_EQ(h["origin"]["name_en"], "Al-Mosul");
  EXPECT_EQ(h["phone"], "+9647501234567");
  ASSERT_EQ(h["members"].size(), 3u);
  for (const auto& m : h["members"]) EXPECT_GT(m["id"].get<int64_t>(), 0);
  const Json head = Head(h);
  EXPECT_EQ(head["given_name"], "محمد");
  EXPECT_EQ(head["family_name"], "الجبوري");
  EXPECT_EQ(head["documents"][0]["number"], "199012345678");
  EXPECT_EQ(head["disability"]["mobility"], "some_difficulty");
  EXPECT_EQ(h["members"][1]["birth_date"], "1988-03");
  const std::regex utc(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)");
  EXPECT_TRUE(std::regex_match(h["created_at"].get<std::string>(), utc)) << h["created_at"];

  HttpResponse got = clerk.Get(r.Header("Location"));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json, h);
  EXPECT_EQ(got.Header("ETag"), "\"1\"");
}

TEST_P(HouseholdsTest, AnUnknownOrMalformedIdIs404) {
  HttpClient clerk = As(kClerk);
  EXPECT_EQ(clerk.Get(HouseholdPath(424242)).status, 404);
  EXPECT_EQ(clerk.Get("/api/v1/households/abc").status, 404);
  EXPECT_EQ(clerk.Get("/api/v1/households/-1").status, 404);
}

TEST_P(HouseholdsTest, PatchWithTheCurrentVersionReturns200AndTheNextVersion) {
  HttpClient clerk = As(kClerk);
  const Json created = Create(clerk, JubouriHousehold());
  const int64_t id = created["id"];
  HttpResponse r = clerk.Patch(HouseholdPath(id), {{"version", 1},
                                                   {"displacement_status", "returnee"},
                                                   {"location", {{"pcode", "IQG15Q05N01"}}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["version"], 2);
  EXPECT_EQ(r.Header("ETag"), "\"2\"");
  EXPECT_EQ(r.json["displacement_status"], "returnee");
  EXPECT_EQ(r.json["location"]["name_en"], "Al-Qayarra");
  // Fields the PATCH did not name are kept, members with their ids.
  EXPECT_EQ(r.json["members"], created["members"]);
  EXPECT_EQ(r.json["phone"], created["phone"]);
  EXPECT_EQ(r.json["origin"], created["origin"]);
  EXPECT_EQ(clerk.Get(HouseholdPath(id)).json, r.json);
}

TEST_P(HouseholdsTest, PatchWithAStaleVersionIs409AndChangesNothing) {
  HttpClient clerk = As(kClerk);
  HttpClient supervisor = As(kSupervisor);
  const int64_t id = Create(clerk, JubouriHousehold())["id"];
  HttpResponse first =
      supervisor.Patch(HouseholdPath(id), {{"version", 1}, {"phone", "07811234567"}});
  ASSERT_EQ(first.status, 200) << first.body;
  // The clerk still edits version 1.
  HttpResponse stale =
      clerk.Patch(HouseholdPath(id),
                  {{"version", 1}, {"displacement_status", "refugee"}, {"phone", "07700000000"}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(stale.json["error"]["code"], "conflict");
  EXPECT_EQ(stale.ErrorFields(), std::vector<std::string>{"version"});
  HttpResponse now = clerk.Get(HouseholdPath(id));
  EXPECT_EQ(now.json, first.json);
  EXPECT_EQ(clerk.Get(HouseholdPath(id) + "/history").json["items"].size(), 2u);
}

TEST_P(HouseholdsTest, IfMatchHeaderNamesTheVersionBeingEdited) {
  HttpClient clerk = As(kClerk);
  const int64_t id = Create(clerk, JubouriHousehold())["id"];
  HttpResponse ok = clerk.Patch(HouseholdPath(id), {{"displacement_status", "refugee"}},
                                {.headers = {{"If-Match", "\"1\""}}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json["version"], 2);
  HttpResponse stale = clerk.Patch(HouseholdPath(id), {{"displacement_status", "migrant"}},
                                   {.headers = {{"If-Match", "\"1\""}}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  HttpResponse none = clerk.Patch(HouseholdPath(id), {{"displacement_status", "migrant"}});
  EXPECT_EQ(none.status, 422) << none.body;
  EXPECT_EQ(none.ErrorFields(), std::vector<std::string>{"version"});
  EXPECT_EQ(clerk.Get(HouseholdPath(id)).json["displacement_status"], "refugee");
}

TEST_P(HouseholdsTest, PatchedMembersKeepTheirIdsAndUnlistedMembersLeave) {
  HttpClient clerk = As(kClerk);
  const Json created = Create(clerk, JubouriHousehold());
  Json head = created["members"][0];
  Json son = created["members"][2];
  head["name_latin"] = "Mohammed Abdulrahman Al-Jubouri";
  const Json baby = {{"given_name", "نور"},
                     {"sex", "female"},
                     {"birth_date", "2024-02"},
                     {"relationship", "child"}};
  // The wife moved to her parents' household: she is not sent back.
  HttpResponse r =
      clerk.Patch(HouseholdPath(created["id"]), {{"version", 1}, {"members", {head, son, baby}}});
  ASSERT_EQ(r.status, 200) << r.body;
  Json& members = r.json["members"];
  ASSERT_EQ(members.size(), 3u);
  EXPECT_EQ(members[0]["id"], head["id"]);
  EXPECT_EQ(members[0]["name_latin"], "Mohammed Abdulrahman Al-Jubouri");
  EXPECT_EQ(members[0]["documents"], head["documents"]);
  EXPECT_EQ(members[1], son);
  EXPECT_EQ(members[2]["given_name"], "نور");
  EXPECT_GT(members[2]["id"].get<int64_t>(), 0);
  EXPECT_NE(members[2]["id"], created["members"][1]["id"]);
  EXPECT_EQ(clerk.Get(HouseholdPath(created["id"])).json["members"], members);
}

TEST_P(HouseholdsTest, DeleteArchivesTheHouseholdSoItIsGoneFromReadsAndLists) {
  HttpClient clerk = As(kClerk);
  HttpClient supervisor = As(kSupervisor);
  const int64_t id = Create(clerk, JubouriHousehold())["id"];
  const int64_t kept = Create(clerk, ObaidiHousehold())["id"];
  HttpResponse del = supervisor.Delete(HouseholdPath(id));
  EXPECT_EQ(del.status, 204) << del.body;
  EXPECT_EQ(clerk.Get(HouseholdPath(id)).status, 404);
  EXPECT_EQ(clerk.Get(HouseholdPath(id) + "/history").status, 404);
  EXPECT_EQ(clerk.Patch(HouseholdPath(id), {{"version", 1}, {"phone", "07811234567"}}).status, 404);
  EXPECT_EQ(supervisor.Delete(HouseholdPath(id)).status, 404);
  EXPECT_EQ(Ids(List(clerk)), std::vector<int64_t>{kept});
  EXPECT_EQ(Total(clerk, "q=" + testing_support::UrlEncode("الجبوري")), 0);
}

TEST_P(HouseholdsTest, DeleteWithAStaleIfMatchIs409AndKeepsTheHousehold) {
  HttpClient supervisor = As(kSupervisor);
  const int64_t id = Create(supervisor, JubouriHousehold())["id"];
  ASSERT_EQ(supervisor.Patch(HouseholdPath(id), {{"version", 1}, {"phone", "07811234567"}}).status,
            200);
  HttpResponse stale = supervisor.Delete(HouseholdPath(id), {.headers = {{"If-Match", "\"1\""}}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(supervisor.Get(HouseholdPath(id)).status, 200);
  EXPECT_EQ(supervisor.Delete(HouseholdPath(id), {.headers = {{"If-Match", "\"2\""}}}).status, 204);
}

TEST_P(HouseholdsTest, HistoryShowsTheCreateAndEachUpdateWithFieldChanges) {
  HttpClient clerk = As(kClerk);
  HttpClient supervisor = As(kSupervisor);
  const Json created = Create(clerk, JubouriHousehold());
  const int64_t id = created["id"];
  Json members = created["members"];
  members[1]["given_name"] = "فاطمه";
  ASSERT_EQ(supervisor
                .Patch(HouseholdPath(id),
                       {{"version", 1}, {"displacement_status", "returnee"}, {"members", members}})
                .status,
            200);
  HttpResponse r = clerk.Get(HouseholdPath(id) + "/history");
  ASSERT_EQ(r.status, 200) << r.body;
  Json& items = r.json["items"];
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0]["action"], "create");
  EXPECT_EQ(items[0]["user"]["username"], kClerk);
  EXPECT_EQ(items[0]["entity"], "household");
  EXPECT_EQ(items[0]["entity_id"], id);
  const Json status_created = {
      {"field", "displacement_status"}, {"before", nullptr}, {"after", "idp_in_camp"}};
  EXPECT_NE(std::find(items[0]["changes"].begin(), items[0]["changes"].end(), status_created),
            items[0]["changes"].end())
      << items[0]["changes"];
  EXPECT_EQ(items[1]["action"], "update");
  EXPECT_EQ(items[1]["user"]["username"], kSupervisor);
  const Json expected = Json::array(
      {{{"field", "displacement_status"}, {"before", "idp_in_camp"}, {"after", "returnee"}},
       {{"field", "members[1].given_name"}, {"before", "فاطمة"}, {"after", "فاطمه"}}});
  EXPECT_EQ(items[1]["changes"], expected);
}

SANAD_API_TEST_SUITE(HouseholdsTest);

}  // namespace
}  // namespace sanad::api_test
