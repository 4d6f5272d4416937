// Service records written beside what served people (docs/programmes.md, "Service records"):
// a collection serves every live member of the household under the round's project and sector
// and a void takes that back; a case's service and a referral's service are recorded for their
// people — a GBV survivor only as one counted person —, the referral by the receiving
// organisation; a deduplication merge makes two registrations one person and undo separates
// them. The rows are read from the server's database: no API shows them one by one.
#include <ctime>
#include <map>
#include <set>
#include <string>

#include "store/database.h"
#include "tests/api/case_fixtures.h"
#include "tests/api/distribution_fixtures.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;
using testing_support::kMarkazHamdaniya;
using testing_support::LatinJubouri;

std::string Today() {
  const std::time_t now = std::time(nullptr);
  char out[11];
  std::strftime(out, sizeof out, "%Y-%m-%d", std::gmtime(&now));
  return out;
}

// One service record, as a report reads it.
struct Record {
  int64_t organisation_id = 0;
  int64_t project_id = 0;
  int64_t office_id = 0;
  std::string sector;
  std::string kind;
  int64_t person_id = 0;  // 0: counted
  int64_t person_key = 0;
  int64_t count = 0;
  std::string sex;
  int64_t birth_year = 0;
  std::string population_group;
  std::string pcode;
  std::string served_on;
};

class ServiceRecordsTest : public DistributionApiTest {
 protected:
  void SetUp() override {
    DistributionApiTest::SetUp();
    if (HasFatalFailure()) return;
    auto db = store::OpenDatabase(server().db_url());
    ASSERT_TRUE(db.ok()) << db.status().ToString();
    db_ = std::move(db).value();
  }

  // Rows of `source`, ordered by person (counted last) then id.
  std::vector<Record> Records(const std::string& source) {
    std::vector<Record> out;
    const Status s = db_->InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
      out.clear();
      const store::Value p[] = {source};
      SANAD_ASSIGN_OR_RETURN(
          store::Rows rows,
          c.Query("SELECT organisation_id, project_id, office_id, sector, kind, person_id, "
                  "person_key, count, sex, birth_year, population_group, pcode, served_on "
                  "FROM service_records WHERE source = ? ORDER BY person_id IS NULL, person_id, id",
                  p));
      for (const store::Row& r : rows) {
        out.push_back({.organisation_id = r.Int(0),
                       .project_id = r.Int(1),
                       .office_id = r.Int(2),
                       .sector = r.Text(3),
                       .kind = r.Text(4),
                       .person_id = r.Int(5),
                       .person_key = r.Int(6),
                       .count = r.Int(7),
                       .sex = r.Text(8),
                       .birth_year = r.Int(9),
                       .population_group = r.Text(10),
                       .pcode = r.Text(11),
                       .served_on = r.Text(12)});
      }
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  // A project of the organisation of `client`, run from a new office of it (the projects API is
  // not what these tests are about: the rows are written as its store would).
  struct Project {
    int64_t id = 0;
    int64_t office_id = 0;
  };
  Project AddProject(HttpClient& client, const std::string& code) {
    const int64_t org = OrganisationOf(client);
    Project out;
    const Status s = db_->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
      const store::Value o[] = {org, "Office " + code, "office " + code,
                                std::string(kMarkazHamdaniya)};
      SANAD_ASSIGN_OR_RETURN(
          store::Rows office,
          c.Query("INSERT INTO offices (organisation_id, version, name, name_key, pcode, "
                  "created_at, updated_at) VALUES (?, 1, ?, ?, ?, 0, 0) RETURNING id",
                  o));
      out.office_id = office.front().Int(0);
      const store::Value p[] = {org, out.office_id, code, "Project " + code};
      SANAD_ASSIGN_OR_RETURN(
          store::Rows project,
          c.Query("INSERT INTO projects (organisation_id, office_id, version, code, name, "
                  "sectors, status, starts_on, currency, created_at, updated_at) VALUES "
                  "(?, ?, 1, ?, ?, ',protection,wash,', 'ongoing', '2026-01-01', 'USD', 0, 0) "
                  "RETURNING id",
                  p));
      out.id = project.front().Int(0);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return out;
  }

  static int64_t OrganisationOf(HttpClient& c) {
    return c.Get("/api/v1/session").json["user"]["organisation"]["id"].get<int64_t>();
  }

  std::unique_ptr<store::Database> db_;
};

TEST_P(ServiceRecordsTest, ACollectionServesEveryLiveMemberUnderTheRoundsProject) {
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);
  const StockedItem kits = Stock(boss, "HYG-KIT", 20);  // category hygiene: the wash sector
  const Project project = AddProject(boss, "PRJ-WASH");
  HttpClient other = As(kOtherSupervisor);
  const Project theirs = AddProject(other, "PRJ-THEIRS");
  const Json family = Create(clerk, testing_support::JubouriHousehold());

  // A sector that is not one, or a project of another organisation, is refused by name.
  Json body = InKindBody(kits, 2);
  body["sector"] = "nutrition";
  EXPECT_THAT(boss.Post(kRounds, body).ErrorFields(), ElementsAre("sector"));
  body["sector"] = "wash";
  body["project_id"] = theirs.id;
  EXPECT_THAT(boss.Post(kRounds, body).ErrorFields(), ElementsAre("project_id"));

  body["project_id"] = project.id;
  body["sector"] = "protection";
  const Json draft = CreateRound(boss, body);
  EXPECT_EQ(draft["project_id"], project.id);
  EXPECT_EQ(draft["project_ref"],
            (Json{{"id", project.id}, {"code", "PRJ-WASH"}, {"name", "Project PRJ-WASH"}}));
  EXPECT_EQ(draft["project"], "ECHO-NFI-2026");  // the round's own reference stays
  EXPECT_EQ(draft["sector"], "protection");
  EXPECT_EQ(draft["effective_sector"], "protection");
  // Without a sector of its own a round counts under its basket's.
  HttpResponse edited =
      boss.Patch(PathOf(draft), {{"version", draft["version"]}, {"sector", nullptr}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(edited.json["sector"], nullptr);
  EXPECT_EQ(edited.json["effective_sector"], "wash");
  EXPECT_EQ(edited.json["project_id"], project.id);
  HttpResponse planned = Step(boss, edited.json, "plan");
  ASSERT_EQ(planned.status, 200) << planned.body;
  HttpResponse open = Step(boss, planned.json, "open");
  ASSERT_EQ(open.status, 200) << open.body;
  const Json round = open.json;

  HttpResponse collected = clerk.Post(PathOf(round) + "/collections",
                                      {{"household_id", family["id"]}, {"collector", "head"}});
  ASSERT_EQ(collected.status, 201) << collected.body;
  const std::string day = collected.json["at"].get<std::string>().substr(0, 10);
  const std::vector<Record> rows = Records("collection");
  ASSERT_EQ(rows.size(), 3u);  // the whole household was served, not only who came
  const std::pair<std::string, int64_t> people[] = {
      {"male", 1984}, {"female", 1988}, {"male", 2015}};
  for (size_t i = 0; i < rows.size(); ++i) {
    const Record& r = rows[i];
    EXPECT_EQ(r.person_id, family["members"][i]["id"]);
    EXPECT_EQ(r.person_key, r.person_id);
    EXPECT_EQ(r.sex, people[i].first);
    EXPECT_EQ(r.birth_year, people[i].second);
    EXPECT_EQ(r.population_group, "idp");  // in camp
    EXPECT_EQ(r.organisation_id, OrganisationOf(boss));
    EXPECT_EQ(r.project_id, project.id);
    EXPECT_EQ(r.office_id, project.office_id);
    EXPECT_EQ(r.sector, "wash");
    EXPECT_EQ(r.kind, "in_kind");
    EXPECT_EQ(r.pcode, kMarkazHamdaniya);
    EXPECT_EQ(r.served_on, day);
  }

  // A void takes the service back; collecting again serves them again.
  const std::string col =
      PathOf(round) + "/collections/" + std::to_string(collected.json["id"].get<int64_t>());
  ASSERT_EQ(clerk.Post(col + "/void", {{"reason", "wrong household"}}).status, 200);
  EXPECT_TRUE(Records("collection").empty());
  ASSERT_EQ(clerk
                .Post(PathOf(round) + "/collections",
                      {{"household_id", family["id"]}, {"collector", "head"}})
                .status,
            201);
  EXPECT_EQ(Records("collection").size(), 3u);
}

TEST_P(ServiceRecordsTest, CaseServicesAndReferralServicesAreRecordedForTheirPeople) {
  HttpClient clerk = As(kClerk);
  const Json family = Create(clerk, testing_support::JubouriHousehold());
  const int64_t wife = family["members"][1]["id"];
  const int64_t son = family["members"][2]["id"];
  HttpClient cp = As(kCpWorker);
  const Project project = AddProject(cp, "PRJ-CP");
  HttpClient provider = As(kOtherGbvSupervisor);
  const Project theirs = AddProject(provider, "PRJ-THEIRS");

  // A child protection case of a project: its service counts for the child, for the project.
  Json body = {{"module", "child_protection"},
               {"risk", "medium"},
               {"people", {son}},
               {"details", {{"separation", "separated"}}},
               {"project_id", theirs.id}};
  HttpResponse refused = cp.Post("/api/v1/cases", body);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_THAT(refused.ErrorFields(), ElementsAre("project_id"));
  body["project_id"] = project.id;
  Json kase = OpenCase(cp, body);
  EXPECT_EQ(kase["project_id"], project.id);
  EXPECT_EQ(kase["project"],
            (Json{{"id", project.id}, {"code", "PRJ-CP"}, {"name", "Project PRJ-CP"}}));
  HttpResponse served = cp.Post(
      CasePath(kase) + "/services",
      {{"version", kase["version"]}, {"date", "2026-11-05"}, {"service", "Family tracing"}});
  ASSERT_EQ(served.status, 200) << served.body;
  EXPECT_EQ(served.json["project"]["code"], "PRJ-CP");
  // Leaving the project later does not rewrite what was counted for it.
  HttpResponse left =
      cp.Patch(CasePath(kase), {{"version", served.json["version"]}, {"project_id", nullptr}});
  ASSERT_EQ(left.status, 200) << left.body;
  EXPECT_EQ(left.json["project"], nullptr);
  std::vector<Record> rows = Records("case_service");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].person_id, son);
  EXPECT_EQ(rows[0].person_key, son);
  EXPECT_EQ(rows[0].birth_year, 2015);
  EXPECT_EQ(rows[0].sector, "child_protection");
  EXPECT_EQ(rows[0].kind, "child_protection");
  EXPECT_EQ(rows[0].project_id, project.id);
  EXPECT_EQ(rows[0].office_id, project.office_id);
  EXPECT_EQ(rows[0].pcode, kMarkazHamdaniya);
  EXPECT_EQ(rows[0].served_on, "2026-11-05");

  // A GBV survivor is never linked to the registry in plain tables: one counted person of
  // unknown sex and age, placed only to the district.
  HttpClient gbv = As(kGbvWorker);
  const Json survivor =
      OpenCase(gbv, GbvCaseBody(wife, "Beaten at the water point", OrganisationOf(provider)));
  ASSERT_EQ(gbv.Post(CasePath(survivor) + "/services", {{"version", survivor["version"]},
                                                        {"date", "2026-11-06"},
                                                        {"service", "Dignity kit"}})
                .status,
            200);
  rows = Records("case_service");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].person_id, 0);
  EXPECT_EQ(rows[1].count, 1);
  EXPECT_EQ(rows[1].sex, "unknown");
  EXPECT_EQ(rows[1].population_group, "unknown");
  EXPECT_EQ(rows[1].sector, "gbv");
  EXPECT_EQ(rows[1].pcode, std::string(kMarkazHamdaniya).substr(0, 8));
  EXPECT_EQ(rows[1].served_on, "2026-11-06");
  EXPECT_EQ(rows[1].project_id, 0);

  // Referrals count for the organisation that gave the service, once it is recorded: the
  // member referred from her household, and the GBV case's survivor as one counted person.
  const Json clinic = provider
                          .Post("/api/v1/services", {{"type", "health"},
                                                     {"name", "Tigris clinic"},
                                                     {"pcode", testing_support::kMarkazErbil}})
                          .json;
  const Json safe_space = provider
                              .Post("/api/v1/services", {{"type", "gbv_safe_space"},
                                                         {"name", "Tigris women's centre"},
                                                         {"pcode", kMarkazHamdaniya}})
                              .json;
  HttpResponse from_household = clerk.Post("/api/v1/referrals", {{"household_id", family["id"]},
                                                                 {"person_id", wife},
                                                                 {"consent", true},
                                                                 {"service_id", clinic["id"]},
                                                                 {"urgency", "normal"},
                                                                 {"reason", "Antenatal care"},
                                                                 {"share", {"name", "sex"}}});
  ASSERT_EQ(from_household.status, 201) << from_household.body;
  HttpResponse from_case = gbv.Post("/api/v1/referrals", {{"case_id", survivor["id"]},
                                                          {"service_id", safe_space["id"]},
                                                          {"urgency", "emergency"},
                                                          {"reason", "Safe shelter"},
                                                          {"share", {"name", "sex"}}});
  ASSERT_EQ(from_case.status, 201) << from_case.body;
  const std::string today = Today();
  for (const Json& sent : {from_household.json, from_case.json}) {
    const std::string path = "/api/v1/referrals/" + std::to_string(sent["id"].get<int64_t>());
    HttpResponse accepted = provider.Post(path + "/accept", {{"version", sent["version"]}});
    ASSERT_EQ(accepted.status, 200) << accepted.body;
    EXPECT_TRUE(Records("referral").size() < 2u);  // accepting serves nobody yet
    HttpResponse done =
        provider.Post(path + "/service",
                      {{"version", accepted.json["version"]}, {"date", today}, {"note", "Seen"}});
    ASSERT_EQ(done.status, 200) << done.body;
  }
  rows = Records("referral");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].organisation_id, OrganisationOf(provider));
  EXPECT_EQ(rows[0].person_id, wife);
  EXPECT_EQ(rows[0].sex, "female");
  EXPECT_EQ(rows[0].sector, "health");
  EXPECT_EQ(rows[0].kind, "health");
  EXPECT_EQ(rows[0].pcode, testing_support::kMarkazErbil);
  EXPECT_EQ(rows[0].served_on, today);
  EXPECT_EQ(rows[1].organisation_id, OrganisationOf(provider));
  EXPECT_EQ(rows[1].person_id, 0);
  EXPECT_EQ(rows[1].sex, "unknown");
  EXPECT_EQ(rows[1].sector, "gbv");
  EXPECT_EQ(rows[1].kind, "gbv_safe_space");
}

TEST_P(ServiceRecordsTest, AMergeMakesTwoRegistrationsOnePersonAndUndoSeparatesThem) {
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);
  HttpClient admin = As(kAdmin);
  const StockedItem kits = Stock(boss, "HYG-KIT", 20);
  const Json jubouri = Create(clerk, testing_support::JubouriHousehold());
  const Json latin = Create(clerk, LatinJubouri());
  const Json round = OpenRound(boss, InKindBody(kits, 1));
  for (const Json& h : {jubouri, latin}) {
    ASSERT_EQ(clerk
                  .Post(PathOf(round) + "/collections",
                        {{"household_id", h["id"]}, {"collector", "head"}})
                  .status,
              201);
  }
  const int64_t keep = jubouri["members"][0]["id"];
  const int64_t twin = latin["members"][0]["id"];
  const auto keys = [&] {
    std::map<int64_t, int64_t> out;
    for (const Record& r : Records("collection")) out[r.person_id] = r.person_key;
    return out;
  };
  const auto people = [&] {
    std::set<int64_t> out;
    for (const auto& [person, key] : keys()) out.insert(key);
    return out.size();
  };
  ASSERT_EQ(people(), 4u);

  const Json g = DedupGroupOf(admin, keep, twin);
  ASSERT_TRUE(g.is_object()) << "deduplication did not propose the two heads";
  HttpResponse merged =
      admin.Post("/api/v1/dedup/groups/" + std::to_string(g["id"].get<int64_t>()) + "/decision",
                 {{"decision", "same_person"}, {"keep", keep}, {"version", g["version"]}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(keys()[twin], keep);
  EXPECT_EQ(people(), 3u);  // served twice, one person reached

  HttpResponse undone =
      admin.Post("/api/v1/dedup/groups/" + std::to_string(g["id"].get<int64_t>()) + "/undo",
                 {{"version", merged.json["version"]}});
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(keys()[twin], twin);
  EXPECT_EQ(people(), 4u);
}

SANAD_API_TEST_SUITE(ServiceRecordsTest);

}  // namespace
}  // namespace sanad::api_test
