// Protection cases through the API: opening with validation, the workflow and its order, stale
// edits, follow-ups, transfer and assignment, the timeline and the audit of every read.
#include "tests/api/case_fixtures.h"

namespace sanad::api_test {
namespace {

class CasesTest : public ApiTest {};

TEST_P(CasesTest, CaseworkerOpensAGbvCaseAndReadsItBack) {
  HttpClient clerk = As(kClerk);
  const int64_t person = RegisterPerson(clerk);
  HttpClient worker = As(kGbvWorker);
  const Json c = OpenCase(worker, GbvCaseBody(person, "She was beaten at the water point."));
  EXPECT_EQ(c["reference"],
            "GBV-" + std::string(6 - std::to_string(c["id"].get<int64_t>()).size(), '0') +
                std::to_string(c["id"].get<int64_t>()));
  EXPECT_EQ(c["status"], "open");
  EXPECT_EQ(c["risk"], "high");
  EXPECT_EQ(c["owner"]["username"], kGbvWorker);
  EXPECT_EQ(c["allowed_next"], Json::array({"assessment"}));
  EXPECT_EQ(c["details"]["days_to_report"], 3);  // 30 October to 2 November
  EXPECT_EQ(c["consent"]["taken_by"], kGbvWorker);
  ASSERT_EQ(c["people"].size(), 1u);
  EXPECT_EQ(c["people"][0]["id"], person);
  HttpResponse got = worker.Get(CasePath(c));
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.json["intake"]["narrative"], "She was beaten at the water point.");
  EXPECT_EQ(got.Header("ETag"), "\"1\"");
}

TEST_P(CasesTest, BadCasesAreRefusedNamingTheField) {
  HttpClient clerk = As(kClerk);
  const int64_t person = RegisterPerson(clerk);
  HttpClient worker = As(kGbvWorker);
  Json body = GbvCaseBody(person, "x");
  body["risk"] = "extreme";
  body["details"]["violence_type"] = "theft";
  body["details"]["shoe_size"] = 41;
  body["plan"] = {{"goals", {{{"goal", "Safety"}, {"actions", {{{"due", "2026-13-01"}}}}}}}};
  HttpResponse r = worker.Post("/api/v1/cases", body);
  ASSERT_EQ(r.status, 422) << r.body;
  std::set<std::string> fields;
  for (const auto& f : r.json["error"]["fields"]) fields.insert(f["field"].get<std::string>());
  EXPECT_THAT(fields, ::testing::IsSupersetOf({"risk", "details.violence_type", "details.shoe_size",
                                               "plan.goals[0].actions[0].due",
                                               "plan.goals[0].actions[0].action"}));
  // A person of another organisation is not found in this one's registry.
  HttpClient other_clerk = As(kOtherClerk);
  const int64_t stranger = RegisterPerson(other_clerk);
  r = worker.Post("/api/v1/cases", GbvCaseBody(stranger, "x"));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.json["error"]["fields"][0]["field"], "people[0]");
  // A module the caseworker does not work in.
  body = GbvCaseBody(person, "x");
  body["module"] = "child_protection";
  body.erase("details");
  EXPECT_EQ(worker.Post("/api/v1/cases", body).status, 403);
  EXPECT_EQ(worker.Get("/api/v1/cases").json["total"], 0);  // nothing was written
}

TEST_P(CasesTest, WorkflowGoesInOrderAndOnlyASupervisorCloses) {
  HttpClient clerk = As(kClerk);
  const int64_t person = RegisterPerson(clerk);
  HttpClient worker = As(kGbvWorker);
  Json c = OpenCase(worker, GbvCaseBody(person, "n"));
  HttpResponse skip =
      worker.Post(CasePath(c) + "/status", {{"status", "closed"}, {"version", c["version"]}});
  ASSERT_EQ(skip.status, 409) << skip.body;
  EXPECT_EQ(skip.json["error"]["allowed_next"], Json::array({"assessment"}));
  c = MoveCase(worker, c, "assessment");
  c = MoveCase(worker, c, "case_plan");
  c = MoveCase(worker, c, "follow_up");
  HttpResponse no_reason = worker.Post(
      CasePath(c) + "/status", {{"status", "closure_requested"}, {"version", c["version"]}});
  ASSERT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_EQ(no_reason.json["error"]["fields"][0]["field"], "reason");
  c = MoveCase(worker, c, "closure_requested", "Safe with her sister in Duhok");
  EXPECT_EQ(c["closure"]["reason"], "Safe with her sister in Duhok");
  EXPECT_EQ(c["allowed_next"], Json::array());  // waiting for a supervisor
  HttpClient lead = As(kGbvSupervisor);
  EXPECT_EQ(lead.Get(CasePath(c)).json["allowed_next"], Json::array({"follow_up", "closed"}));
  HttpResponse self_close =
      worker.Post(CasePath(c) + "/status", {{"status", "closed"}, {"version", c["version"]}});
  EXPECT_EQ(self_close.status, 403) << self_close.body;
  c = MoveCase(lead, c, "closed");
  EXPECT_EQ(c["status"], "closed");
  for (const char* step :
       {"open", "assessment", "case_plan", "follow_up", "closure_requested", "closed"}) {
    EXPECT_TRUE(c["dates"][step].is_string()) << step;
  }
  // A closed case is reopened, with a reason, before anything else.
  HttpResponse edit = worker.Patch(CasePath(c), {{"version", c["version"]}, {"risk", "low"}});
  EXPECT_EQ(edit.status, 409) << edit.body;
  HttpResponse reopen =
      worker.Post(CasePath(c) + "/status", {{"status", "open"}, {"version", c["version"]}});
  EXPECT_EQ(reopen.status, 422) << reopen.body;
  c = MoveCase(worker, c, "open", "She came back: new threats");
  EXPECT_EQ(c["status"], "open");
  HttpResponse timeline = worker.Get(CasePath(c) + "/timeline");
  ASSERT_EQ(timeline.status, 200) << timeline.body;
  std::vector<std::string> summaries;
  for (const auto& e : timeline.json["items"]) {
    if (e["kind"] == "status") summaries.push_back(e["summary"]);
  }
  EXPECT_THAT(summaries,
              ::testing::ElementsAre("open → assessment", "assessment → case_plan",
                                     "case_plan → follow_up", "follow_up → closure_requested",
                                     "closure_requested → closed", "closed → open"));
}

TEST_P(CasesTest, AStaleEditIsRefusedAndLosesNothing) {
  HttpClient clerk = As(kClerk);
  const int64_t person = RegisterPerson(clerk);
  HttpClient worker = As(kGbvWorker);
  const Json c = OpenCase(worker, GbvCaseBody(person, "n"));
  const Json plan = {
      {"goals",
       {{{"goal", "Safe shelter"},
         {"actions", {{{"action", "Call the safe house"}, {"due", "2026-11-10"}}}}}}}};
  HttpResponse first = worker.Patch(CasePath(c), {{"version", 1}, {"plan", plan}});
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_EQ(first.json["version"], 2);
  EXPECT_EQ(first.json["plan"]["goals"][0]["actions"][0]["done"], nullptr);
  HttpResponse stale = worker.Patch(CasePath(c), {{"version", 1}, {"risk", "low"}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  HttpResponse now = worker.Get(CasePath(c));
  EXPECT_EQ(now.json["risk"], "high");
  EXPECT_EQ(now.json["plan"], plan);
}

TEST_P(CasesTest, FollowUpsServicesTransferAndAssignment) {
  HttpClient clerk = As(kClerk);
  const int64_t person = RegisterPerson(clerk);
  HttpClient worker = As(kGbvWorker);
  Json c = OpenCase(worker, GbvCaseBody(person, "n"));
  HttpResponse fu = worker.Post(CasePath(c) + "/follow_ups", {{"version", c["version"]},
                                                              {"date", "2026-11-04"},
                                                              {"note", "Visited at home, calmer"},
                                                              {"next_follow_up", "2026-11-11"}});
  ASSERT_EQ(fu.status, 200) << fu.body;
  EXPECT_EQ(fu.json["next_follow_up"], "2026-11-11");
  c = fu.json;
  HttpResponse svc =
      worker.Post(CasePath(c) + "/services",
                  {{"version", c["version"]}, {"date", "2026-11-05"}, {"service", "Dignity kit"}});
  ASSERT_EQ(svc.status, 200) << svc.body;
  c = svc.json;
  // The owner assigns a colleague of the module; a caseworker of another module cannot be.
  HttpClient colleague = As(kGbvWorker2);
  EXPECT_EQ(colleague.Get(CasePath(c)).status, 404);
  HttpResponse users = worker.Get("/api/v1/cases/caseworkers?module=gbv");
  ASSERT_EQ(users.status, 200) << users.body;
  int64_t colleague_id = 0, cp_id = 0;
  Ensure(kCpWorker);
  for (const auto& u : users.json["items"]) {
    if (u["username"] == kGbvWorker2) colleague_id = u["id"];
    EXPECT_NE(u["username"], kCpWorker);
  }
  ASSERT_GT(colleague_id, 0);
  HttpResponse bad = worker.Post(CasePath(c) + "/assignments",
                                 {{"version", c["version"]}, {"user_id", cp_id + 999}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  HttpResponse assigned = worker.Post(CasePath(c) + "/assignments",
                                      {{"version", c["version"]}, {"user_id", colleague_id}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  c = assigned.json;
  EXPECT_EQ(colleague.Get(CasePath(c)).status, 200);
  // A caseworker does not transfer; the supervisor does, and the colleague becomes the owner.
  EXPECT_EQ(
      worker
          .Post(CasePath(c) + "/transfer", {{"version", c["version"]}, {"owner_id", colleague_id}})
          .status,
      403);
  HttpClient lead = As(kGbvSupervisor);
  HttpResponse moved =
      lead.Post(CasePath(c) + "/transfer",
                {{"version", c["version"]}, {"owner_id", colleague_id}, {"reason", "Leave"}});
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.json["owner"]["username"], kGbvWorker2);
  EXPECT_TRUE(moved.json["assigned"].empty());
  // The former owner no longer sees it.
  EXPECT_EQ(worker.Get(CasePath(c)).status, 404);
  HttpResponse timeline = colleague.Get(CasePath(c) + "/timeline");
  ASSERT_EQ(timeline.status, 200);
  std::vector<std::string> kinds;
  for (const auto& e : timeline.json["items"]) kinds.push_back(e["kind"]);
  EXPECT_THAT(kinds,
              ::testing::ElementsAre("created", "follow_up", "service", "assignment", "transfer"));
  EXPECT_EQ(timeline.json["items"][1]["body"]["note"], "Visited at home, calmer");
}

TEST_P(CasesTest, EveryReadOfACaseIsAudited) {
  HttpClient clerk = As(kClerk);
  const int64_t person = RegisterPerson(clerk);
  HttpClient worker = As(kGbvWorker);
  const Json c = OpenCase(worker, GbvCaseBody(person, "A narrative that the log never holds"));
  ASSERT_EQ(worker.Get(CasePath(c)).status, 200);
  HttpClient lead = As(kGbvSupervisor);
  ASSERT_EQ(lead.Get(CasePath(c)).status, 200);
  ASSERT_EQ(lead.Get(CasePath(c) + "/timeline").status, 200);
  ASSERT_EQ(As(kGbvWorker2).Get(CasePath(c)).status, 404);  // refused: nothing was read
  HttpResponse log = lead.Get(
      "/api/v1/audit?entity=case&id=" + std::to_string(c["id"].get<int64_t>()) + "&limit=100");
  ASSERT_EQ(log.status, 200) << log.body;
  std::vector<std::string> reads;
  for (const auto& e : log.json["items"]) {
    if (e["action"] == "read") reads.push_back(e["user"]["username"]);
    EXPECT_EQ(e.dump().find("A narrative that the log never holds"), std::string::npos);
  }
  EXPECT_THAT(reads, ::testing::UnorderedElementsAre(kGbvWorker, kGbvSupervisor, kGbvSupervisor));
}

SANAD_API_TEST_SUITE(CasesTest);

}  // namespace
}  // namespace sanad::api_test
