// Deduplication runs over an organisation's registry and their review: a person registered
// twice (in Arabic and in Latin letters) is found with reasons; "different people" is never
// proposed again; "same person" merges and undo restores; only reviewers of the organisation
// see any of it.
#include <chrono>
#include <set>
#include <string>
#include <thread>

#include "tests/api/api_test.h"

namespace sanad::api_test {
namespace {

using testing_support::JubouriHousehold;
using testing_support::LatinJubouri;
using testing_support::ObaidiHousehold;

constexpr char kRuns[] = "/api/v1/dedup/runs";
constexpr char kMeOfficer[] = "dalia.me";

class DedupRunsTest : public ApiTest {
 protected:
  // Registers the planted duplicate and a family with no duplicate as the clerk.
  void Plant() {
    HttpClient clerk = As(kClerk);
    jubouri_ = Create(clerk, JubouriHousehold());
    latin_ = Create(clerk, LatinJubouri());
    obaidi_ = Create(clerk, ObaidiHousehold());
  }

  // Starts a run as `client`, polls it until it ends and returns it with its groups.
  static Json RunToEnd(HttpClient& client) {
    HttpResponse started = client.Post(kRuns, Json::object());
    EXPECT_EQ(started.status, 202) << started.body;
    const std::string location = started.Header("Location");
    EXPECT_EQ(location, std::string(kRuns) + "/" + std::to_string(started.json.value("id", 0)));
    for (int i = 0; i < 600; ++i) {
      HttpResponse r = client.Get(location + "?limit=200");
      EXPECT_EQ(r.status, 200) << r.body;
      const std::string status = r.json.value("status", "");
      if (status == "done" || status == "failed") return r.json;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    ADD_FAILURE() << "the run did not end";
    return nullptr;
  }

  // The member ids of each group of `run`.
  static std::vector<std::set<int64_t>> GroupMembers(const Json& run) {
    std::vector<std::set<int64_t>> out;
    for (const auto& g : run["groups"]["items"]) {
      std::set<int64_t> ids;
      for (const auto& m : g["members"]) ids.insert(m["id"].get<int64_t>());
      out.push_back(ids);
    }
    return out;
  }

  // The group of `run` holding both planted records, or null.
  Json PlantedGroup(const Json& run) const {
    const int64_t a = jubouri_["members"][0]["id"];
    const int64_t b = latin_["members"][0]["id"];
    for (const auto& g : run["groups"]["items"]) {
      std::set<int64_t> ids;
      for (const auto& m : g["members"]) ids.insert(m["id"].get<int64_t>());
      if (ids.contains(a) && ids.contains(b)) return g;
    }
    return nullptr;
  }

  static std::string GroupPath(const Json& g, const std::string& action) {
    return "/api/v1/dedup/groups/" + std::to_string(g["id"].get<int64_t>()) + "/" + action;
  }

  Json jubouri_, latin_, obaidi_;
};

TEST_P(DedupRunsTest, FindsAPersonRegisteredInArabicAndInLatinWithReasons) {
  Plant();
  HttpClient supervisor = As(kSupervisor);
  const Json run = RunToEnd(supervisor);
  ASSERT_EQ(run["status"], "done") << run.dump();
  EXPECT_EQ(run["counts"]["people"], 6);
  EXPECT_GE(run["counts"]["groups"], 1);
  EXPECT_EQ(run["started_by"], kSupervisor);
  const Json g = PlantedGroup(run);
  ASSERT_TRUE(g.is_object()) << run.dump();
  EXPECT_EQ(g["state"], "open");
  EXPECT_EQ(g["version"], 1);
  ASSERT_EQ(g["members"].size(), 2u);
  EXPECT_EQ(g["members"][0]["given_name"], "محمد");
  EXPECT_EQ(g["members"][0]["household"]["location"]["name_en"], "Markaz Al-Hamdaniya");
  EXPECT_EQ(g["members"][1]["given_name"], "Mohamad");
  EXPECT_EQ(g["members"][1]["status"], "live");
  ASSERT_FALSE(g["pairs"].empty());
  EXPECT_GT(g["pairs"][0]["score"].get<double>(), 0);
  std::set<std::string> fields;
  for (const auto& r : g["pairs"][0]["reasons"]) fields.insert(r["field"].get<std::string>());
  EXPECT_TRUE(fields.contains("given_name")) << g["pairs"][0].dump();
  EXPECT_TRUE(fields.contains("document_number")) << g["pairs"][0].dump();
  // The Obaidi family has no duplicate.
  for (const auto& ids : GroupMembers(run)) {
    for (const auto& m : obaidi_["members"]) EXPECT_FALSE(ids.contains(m["id"].get<int64_t>()));
  }
  // Listed among the organisation's runs, and readable by group.
  HttpResponse runs = supervisor.Get(kRuns);
  ASSERT_EQ(runs.status, 200);
  EXPECT_EQ(runs.json["total"], 1);
  EXPECT_EQ(runs.json["items"][0]["id"], run["id"]);
  EXPECT_EQ(supervisor.Get("/api/v1/dedup/groups/" + std::to_string(g["id"].get<int64_t>())).json,
            g);
}

TEST_P(DedupRunsTest, DifferentPeopleAreNeverProposedAgain) {
  Plant();
  server().AddUser(kMeOfficer, "me_officer", kOrganisation, kPassword);
  HttpClient me = server().LoggedIn(kMeOfficer, kPassword);
  const Json g = PlantedGroup(RunToEnd(me));
  ASSERT_TRUE(g.is_object());
  HttpResponse decided =
      me.Post(GroupPath(g, "decision"), {{"decision", "different_people"}, {"version", 1}});
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.json["state"], "different_people");
  EXPECT_EQ(decided.json["version"], 2);
  EXPECT_EQ(decided.json["decided_by"], kMeOfficer);
  // Deciding again, on the old or the new version, is refused.
  EXPECT_EQ(
      me.Post(GroupPath(g, "decision"), {{"decision", "different_people"}, {"version", 1}}).status,
      409);
  EXPECT_EQ(
      me.Post(GroupPath(g, "decision"), {{"decision", "different_people"}, {"version", 2}}).status,
      409);

  const Json second = RunToEnd(me);
  ASSERT_EQ(second["status"], "done");
  EXPECT_TRUE(PlantedGroup(second).is_null()) << second.dump();
  // Undone, the pair is proposed again.
  ASSERT_EQ(me.Post(GroupPath(g, "undo"), {{"version", 2}}).status, 200);
  EXPECT_TRUE(PlantedGroup(RunToEnd(me)).is_object());
}

TEST_P(DedupRunsTest, SamePersonMergesAndUndoRestoresExactly) {
  Plant();
  HttpClient clerk = As(kClerk);
  HttpClient admin = As(kAdmin);
  const int64_t before = Total(clerk);
  const Json latin_before = clerk.Get(HouseholdPath(latin_["id"])).json;
  const Json g = PlantedGroup(RunToEnd(admin));
  ASSERT_TRUE(g.is_object());
  const int64_t keep = jubouri_["members"][0]["id"];
  HttpResponse bad = admin.Post(GroupPath(g, "decision"),
                                {{"decision", "same_person"}, {"keep", 999999}, {"version", 1}});
  EXPECT_EQ(bad.status, 422);
  EXPECT_EQ(bad.ErrorFields(), std::vector<std::string>{"keep"});

  HttpResponse merged = admin.Post(GroupPath(g, "decision"),
                                   {{"decision", "same_person"}, {"keep", keep}, {"version", 1}});
  ASSERT_EQ(merged.status, 200) << merged.body;
  EXPECT_EQ(merged.json["state"], "same_person");
  EXPECT_EQ(merged.json["keep"], keep);
  EXPECT_EQ(merged.json["members"][1]["status"], "merged");
  EXPECT_EQ(merged.json["members"][1]["merged_into"], keep);
  // The Latin registration had no one else: its household is gone from lists and reads.
  EXPECT_EQ(Total(clerk), before - 1);
  EXPECT_EQ(clerk.Get(HouseholdPath(latin_["id"])).status, 404);
  EXPECT_EQ(Total(clerk, "q=Mohamad"), 0);
  EXPECT_EQ(clerk.Get(HouseholdPath(jubouri_["id"])).json["members"].size(), 3u);

  HttpResponse undone = admin.Post(GroupPath(g, "undo"), {{"version", 2}});
  ASSERT_EQ(undone.status, 200) << undone.body;
  EXPECT_EQ(undone.json["state"], "open");
  EXPECT_EQ(undone.json["version"], 3);
  EXPECT_EQ(Total(clerk), before);
  Json latin_after = clerk.Get(HouseholdPath(latin_["id"])).json;
  EXPECT_EQ(latin_after["members"], latin_before["members"]);
  EXPECT_EQ(latin_after["location"], latin_before["location"]);
  EXPECT_EQ(Total(clerk, "q=Mohamad"), 1);
  EXPECT_EQ(admin.Post(GroupPath(g, "undo"), {{"version", 3}}).status, 409);

  // Both are in the audit log, and the household's history tells of the merge.
  HttpResponse audit = admin.Get("/api/v1/audit?entity=dedup_group");
  ASSERT_EQ(audit.status, 200) << audit.body;
  ASSERT_EQ(audit.json["items"].size(), 2u);
  EXPECT_EQ(audit.json["items"][0]["action"], "undo");
  EXPECT_EQ(audit.json["items"][1]["action"], "decide");
  HttpResponse history = admin.Get(HouseholdPath(latin_["id"].get<int64_t>()) + "/history");
  std::vector<std::string> actions;
  for (const auto& e : history.json["items"]) actions.push_back(e["action"]);
  EXPECT_EQ(actions, (std::vector<std::string>{"create", "merge", "unmerge"}));
}

TEST_P(DedupRunsTest, AMemberEditedSinceTheRunMakesTheDecisionStale) {
  Plant();
  HttpClient supervisor = As(kSupervisor);
  const Json g = PlantedGroup(RunToEnd(supervisor));
  ASSERT_TRUE(g.is_object());
  HttpClient clerk = As(kClerk);
  Json members = latin_["members"];
  members[0]["phone"] = "07509998877";
  ASSERT_EQ(clerk.Patch(HouseholdPath(latin_["id"]), {{"version", 1}, {"members", members}}).status,
            200);
  HttpResponse r =
      supervisor.Post(GroupPath(g, "decision"), {{"decision", "different_people"}, {"version", 1}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.ErrorFields(), std::vector<std::string>{"members"});
}

TEST_P(DedupRunsTest, OnlyReviewersMayRunOrDecide) {
  Plant();
  HttpClient supervisor = As(kSupervisor);
  const Json g = PlantedGroup(RunToEnd(supervisor));
  ASSERT_TRUE(g.is_object());
  for (const char* user : {kViewer, kClerk}) {
    HttpClient c = As(user);
    EXPECT_EQ(c.Post(kRuns, Json::object()).status, 403) << user;
    EXPECT_EQ(c.Get(kRuns).status, 403) << user;
    EXPECT_EQ(c.Get(std::string(kRuns) + "/" + std::to_string(g["run_id"].get<int64_t>())).status,
              403)
        << user;
    EXPECT_EQ(
        c.Post(GroupPath(g, "decision"), {{"decision", "different_people"}, {"version", 1}}).status,
        403)
        << user;
    EXPECT_EQ(c.Post(GroupPath(g, "undo"), {{"version", 1}}).status, 403) << user;
  }
  EXPECT_EQ(server().Client().Get(kRuns).status, 401);
}

TEST_P(DedupRunsTest, AnotherOrganisationsDataNeverAppears) {
  Plant();
  // The other organisation registered the same man too, and a duplicate of its own.
  HttpClient other_clerk = As(kOtherClerk);
  Create(other_clerk, LatinJubouri());
  Create(other_clerk, JubouriHousehold());
  HttpClient supervisor = As(kSupervisor);
  const Json run = RunToEnd(supervisor);
  ASSERT_EQ(run["status"], "done");
  EXPECT_EQ(run["counts"]["people"], 6);
  std::set<int64_t> own;
  for (const Json* h : {&jubouri_, &latin_, &obaidi_}) {
    for (const auto& m : (*h)["members"]) own.insert(m["id"].get<int64_t>());
  }
  for (const auto& ids : GroupMembers(run)) {
    for (const int64_t id : ids) EXPECT_TRUE(own.contains(id)) << id;
  }
  HttpClient other = As(kOtherSupervisor);
  const std::string path = std::string(kRuns) + "/" + std::to_string(run["id"].get<int64_t>());
  EXPECT_EQ(other.Get(path).status, 404);
  EXPECT_EQ(other.Get(kRuns).json["total"], 0);
  const Json g = PlantedGroup(run);
  ASSERT_TRUE(g.is_object());
  EXPECT_EQ(other.Post(GroupPath(g, "decision"), {{"decision", "different_people"}, {"version", 1}})
                .status,
            404);
  const Json theirs = RunToEnd(other);
  EXPECT_EQ(theirs["counts"]["people"], 4);
  for (const auto& ids : GroupMembers(theirs)) {
    for (const int64_t id : ids) EXPECT_FALSE(own.contains(id)) << id;
  }
}

SANAD_API_TEST_SUITE(DedupRunsTest);

}  // namespace
}  // namespace sanad::api_test
