// The service directory through the API: supervisors and admins maintain their own
// organisation's services (stale edits refused, deactivation instead of deletion), everyone
// searches the shared directory by type, place and words, and a CSV import adds every service
// or none, naming each problem's line and column.
#include <gmock/gmock.h>

#include <set>
#include <string>

#include "tests/api/api_test.h"
#include "tests/api/command_test.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;
using testing_support::kBartilla;
using testing_support::kMarkazErbil;
using testing_support::kMarkazHamdaniya;
using testing_support::kNinewa;
using testing_support::UrlEncode;

constexpr char kServices[] = "/api/v1/services";

Json Clinic() {
  return {{"type", "health"},
          {"name", "عيادة قرقوش الصحية"},
          {"pcode", kMarkazHamdaniya},
          {"contact_name", "Dr Salwa Hanna"},
          {"contact_phone", "0750 111 2233"},
          {"contact_email", "clinic@demo-relief.org"},
          {"eligibility", "Women and children of Qaraqosh"}};
}

class ServicesTest : public ApiTest {
 protected:
  static Json Add(HttpClient& c, const Json& body) {
    HttpResponse r = c.Post(kServices, body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json : Json();
  }
  static std::string PathOf(const Json& s) {
    return std::string(kServices) + "/" + std::to_string(s["id"].get<int64_t>());
  }
  // The names of the services GET /api/v1/services?`query` lists.
  static std::vector<std::string> Names(HttpClient& c, const std::string& query) {
    HttpResponse r = c.Get(std::string(kServices) + "?" + query);
    EXPECT_EQ(r.status, 200) << query << ": " << r.body;
    std::vector<std::string> out;
    for (const auto& s : r.json.value("items", Json::array())) out.push_back(s["name"]);
    return out;
  }
  // The property names of schema `name` of the served OpenAPI document, and the keys of `j`.
  static std::set<std::string> SchemaKeys(HttpClient& c, const std::string& name) {
    std::set<std::string> out;
    const Json doc = c.Get("/api/v1/openapi.json").json;
    for (const auto& [k, v] : doc["components"]["schemas"][name]["properties"].items())
      out.insert(k);
    return out;
  }
  static std::set<std::string> Keys(const Json& j) {
    std::set<std::string> out;
    for (const auto& [k, v] : j.items()) out.insert(k);
    return out;
  }
  static HttpResponse Import(HttpClient& c, const std::string& csv, const std::string& query = "") {
    return c.Send("POST", std::string(kServices) + "/import" + query, csv,
                  {.content_type = "text/csv; charset=utf-8"});
  }
};

TEST_P(ServicesTest, SupervisorAddsEditsAndDeactivatesAService) {
  HttpClient supervisor = As(kSupervisor);
  HttpResponse created = supervisor.Post(kServices, Clinic());
  ASSERT_EQ(created.status, 201) << created.body;
  const Json s = created.json;
  EXPECT_EQ(created.Header("Location"), PathOf(s));
  EXPECT_EQ(s["organisation"]["name"], kOrganisation);
  EXPECT_EQ(s["contact_phone"], "07501112233");
  EXPECT_EQ(s["place"]["name_en"], "Markaz Al-Hamdaniya");
  EXPECT_EQ(s["active"], true);
  EXPECT_EQ(s["version"], 1);
  EXPECT_EQ(Keys(s), SchemaKeys(supervisor, "Service"));  // the contract matches the server
  // Any logged-in user of any organisation reads the directory.
  HttpClient stranger = As(kOtherClerk);
  EXPECT_EQ(stranger.Get(PathOf(s)).json, s);

  HttpResponse edited =
      supervisor.Patch(PathOf(s), {{"version", 1}, {"contact_phone", "+964 770 999 8877"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json["contact_phone"], "+9647709998877");
  HttpResponse stale = supervisor.Patch(PathOf(s), {{"version", 1}, {"name", "Lost edit"}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.ErrorFields(), ElementsAre("version"));

  HttpResponse closed = supervisor.Patch(PathOf(s), {{"version", 2}, {"active", false}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_TRUE(Names(stranger, "").empty());
  EXPECT_THAT(Names(stranger, "active=false"), ElementsAre("عيادة قرقوش الصحية"));
  EXPECT_THAT(Names(stranger, "active=all"), ElementsAre("عيادة قرقوش الصحية"));
  // Deactivated, never deleted: it is still read, and offered again with active: true.
  EXPECT_EQ(stranger.Get(PathOf(s)).json["active"], false);
  EXPECT_EQ(supervisor.Patch(PathOf(s), {{"version", 3}, {"active", true}}).status, 200);
  EXPECT_EQ(Names(stranger, "").size(), 1u);

  HttpResponse audit =
      supervisor.Get("/api/v1/audit?entity=service&id=" + std::to_string(s["id"].get<int64_t>()));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json["total"], 4);  // create and three edits
}

TEST_P(ServicesTest, OnlySupervisorsAndAdminsMaintainTheirOwnOrganisationsServices) {
  for (const char* who : {kClerk, kViewer, kGbvWorker}) {
    HttpClient c = As(who);
    EXPECT_EQ(c.Post(kServices, Clinic()).status, 403) << who;
    EXPECT_EQ(Import(c, "type,name,pcode\nfood,Food basket,IQG15\n").status, 403) << who;
  }
  HttpClient admin = As(kAdmin);
  const Json s = Add(admin, Clinic());
  HttpClient other = As(kOtherSupervisor);
  HttpResponse takeover = other.Patch(PathOf(s), {{"version", 1}, {"name", "Ours now"}});
  EXPECT_EQ(takeover.status, 403) << takeover.body;
  EXPECT_EQ(other.Get(PathOf(s)).json["name"], "عيادة قرقوش الصحية");
  // The same service may be offered by another organisation, but not listed twice by one.
  Add(other, Clinic());
  HttpResponse twice = admin.Post(kServices, Clinic());
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_THAT(twice.ErrorFields(), ElementsAre("name"));
}

TEST_P(ServicesTest, BadServicesAreRefusedNamingEachField) {
  HttpClient supervisor = As(kSupervisor);
  HttpResponse r = supervisor.Post(kServices, {{"type", "barber"},
                                               {"name", "  "},
                                               {"pcode", "IQG99Q99"},
                                               {"contact_phone", "call the office"},
                                               {"contact_email", "clinic at demo-relief.org"}});
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.ErrorFields(),
              UnorderedElementsAre("type", "name", "pcode", "contact_phone", "contact_email"));
  // The body's shape is checked first: fields of the wrong type or unknown ones.
  r = supervisor.Post(kServices, {{"name", 5}, {"opening_hours", "8-14"}});
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.ErrorFields(), ElementsAre("name", "opening_hours"));
  EXPECT_TRUE(Names(supervisor, "active=all").empty());
}

TEST_P(ServicesTest, DirectoryIsSearchedByTypePlaceAndWords) {
  HttpClient supervisor = As(kSupervisor);
  HttpClient other = As(kOtherSupervisor);
  Add(supervisor, Clinic());
  Json legal = {{"type", "legal_aid"},
                {"name", "Civil documentation desk"},
                {"pcode", kBartilla},
                {"eligibility", "People who lost their civil documents"}};
  Add(other, legal);
  Add(other, {{"type", "health"}, {"name", "Erbil mobile clinic"}, {"pcode", kMarkazErbil}});
  HttpClient clerk = As(kClerk);
  EXPECT_EQ(Names(clerk, "").size(), 3u);
  EXPECT_THAT(Names(clerk, "type=health"),
              UnorderedElementsAre("عيادة قرقوش الصحية", "Erbil mobile clinic"));
  // A governorate holds its districts and subdistricts.
  EXPECT_THAT(Names(clerk, std::string("pcode=") + kNinewa),
              UnorderedElementsAre("عيادة قرقوش الصحية", "Civil documentation desk"));
  EXPECT_THAT(Names(clerk, std::string("type=health&pcode=") + kNinewa),
              ElementsAre("عيادة قرقوش الصحية"));
  // Words in either script, normalised (ه for ة), the organisation's name, the contact.
  EXPECT_THAT(Names(clerk, "q=" + UrlEncode("عياده قرقوش")), ElementsAre("عيادة قرقوش الصحية"));
  EXPECT_THAT(Names(clerk, "q=" + UrlEncode("LOST documents")),
              ElementsAre("Civil documentation desk"));
  EXPECT_EQ(Names(clerk, "q=" + UrlEncode("Tigris Aid")).size(), 2u);
  EXPECT_THAT(Names(clerk, "q=salwa"), ElementsAre("عيادة قرقوش الصحية"));
  HttpResponse paged = clerk.Get(std::string(kServices) + "?limit=2&page=2");
  ASSERT_EQ(paged.status, 200) << paged.body;
  EXPECT_EQ(paged.json["total"], 3);
  EXPECT_EQ(paged.json["items"].size(), 1u);
  HttpResponse bad = clerk.Get(std::string(kServices) + "?type=spa&pcode=IQG99&limit=0");
  ASSERT_EQ(bad.status, 400) << bad.body;
  EXPECT_THAT(bad.ErrorFields(), UnorderedElementsAre("type", "pcode", "limit"));
}

TEST_P(ServicesTest, ImportAddsEveryServiceOrNoneNamingLines) {
  HttpClient supervisor = As(kSupervisor);
  const std::string header =
      "type,name,pcode,contact_name,contact_phone,contact_email,eligibility\n";
  const std::string good =
      "health,عيادة قرقوش الصحية,IQG15Q03N03,Dr Salwa,0750 111 2233,clinic@example.org,All\n"
      "legal_aid,Civil documentation desk,IQG15Q03,Omar,,,Lost documents\n";
  HttpResponse r = Import(supervisor, header + good +
                                          "food,Food basket,IQG99,,,,\n"
                                          "spa,Massage,IQG15,,,not-an-email,\n");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.json["imported"], false);
  EXPECT_EQ(r.json["error"]["code"], "invalid_argument");
  EXPECT_THAT(r.ErrorFields(),
              ElementsAre("line 4: pcode", "line 5: type", "line 5: contact_email"));
  ASSERT_EQ(r.json["problems"].size(), 3u);
  EXPECT_EQ(r.json["problems"][0]["row"], 4);
  EXPECT_EQ(r.json["problems"][0]["column"], "pcode");
  EXPECT_EQ(r.json["problems"][0]["message"], "services.csv:4:pcode: is not a known P-code");
  EXPECT_TRUE(Names(supervisor, "active=all").empty());  // nothing was written

  r = Import(supervisor, header + good, "?dry_run=true");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["services"], 2);
  EXPECT_TRUE(Names(supervisor, "").empty());

  r = Import(supervisor, header + good);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.json["imported"], true);
  EXPECT_EQ(r.json["service_ids"].size(), 2u);
  EXPECT_THAT(Names(supervisor, "type=legal_aid"), ElementsAre("Civil documentation desk"));
  HttpResponse clinic = supervisor.Get(std::string(kServices) + "/" +
                                       std::to_string(r.json["service_ids"][0].get<int64_t>()));
  EXPECT_EQ(clinic.json["contact_phone"], "07501112233");
  EXPECT_EQ(clinic.json["organisation"]["name"], kOrganisation);

  // Importing the same file again would list every service twice: refused, line by line.
  r = Import(supervisor, header + good, "?filename=again.csv");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.ErrorFields(), ElementsAre("line 2: name", "line 3: name"));
  EXPECT_EQ(Names(supervisor, "").size(), 2u);
}

TEST_P(ServicesTest, MalformedCsvIsRefusedWithLineAndCharacter) {
  HttpClient supervisor = As(kSupervisor);
  HttpResponse r = Import(supervisor, "type,name,pcode\nhealth,\"Clinic\" x,IQG15\n");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.ErrorFields(), ElementsAre("line 2:16"));
  EXPECT_EQ(r.json["problems"][0]["message"],
            "services.csv:2:16: unexpected character after a closing quote");
  r = Import(supervisor, "name,pcode\nClinic,IQG15\n");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.ErrorFields(), ElementsAre("line 1: type"));
  EXPECT_EQ(supervisor
                .Send("POST", std::string(kServices) + "/import", "{}",
                      {.content_type = "application/json"})
                .status,
            400);
}

SANAD_API_TEST_SUITE(ServicesTest);

// `sanad import services` on a SQLite file: every problem on stderr with its line, nothing
// written, then the corrected file imported.
class ServiceImportCliTest : public CommandTest {};

TEST_F(ServiceImportCliTest, ImportsAllOrNothingNamingLines) {
  const std::string db = Path("sanad.db");
  ASSERT_EQ(Sanad("migrate --db " + db).exit_code, 0);
  ASSERT_EQ(Sanad("user add --db " + db +
                      " --username lead --role supervisor --org 'Sanad Relief' --password-stdin",
                  "a long enough password\n")
                .exit_code,
            0);
  const std::string header = "type,name,pcode,contact_phone\n";
  const std::string good = "health,Qaraqosh clinic,IQG15Q03N03,0750 111 2233\n";
  Write("bad.csv", header + good + "health,Clinic,IQG99,\n");
  const std::string import = "import services --db " + db + " --org 'Sanad Relief' ";
  const CommandRun bad = Sanad(import + Path("bad.csv"));
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("bad.csv:3:pcode: is not a known P-code"), std::string::npos) << bad.err;
  EXPECT_NE(bad.err.find("nothing was imported"), std::string::npos) << bad.err;
  Write("good.csv", header + good);
  const CommandRun dry = Sanad(import + "--dry-run " + Path("good.csv"));
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("dry run: services: 1"), std::string::npos) << dry.out;
  const CommandRun done = Sanad(import + Path("good.csv"));
  ASSERT_EQ(done.exit_code, 0) << done.err;
  EXPECT_NE(done.out.find("imported services: 1, into Sanad Relief"), std::string::npos)
      << done.out;
  // The dry run wrote nothing, the import did: the same file again would list it twice.
  const CommandRun again = Sanad(import + Path("good.csv"));
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("good.csv:2:name: is already listed"), std::string::npos) << again.err;
  EXPECT_EQ(Sanad(import + Path("missing.csv")).exit_code, 2);
}

}  // namespace
}  // namespace sanad::api_test
