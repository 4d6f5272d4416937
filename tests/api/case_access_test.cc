// Who sees a case (docs/cases.md): the whole matrix of roles × modules × organisations, on
// the case itself (read, edit, workflow, timeline), its lists, search, dashboard and exports.
// A user who may not see a case gets 404 everywhere, never 403, and finds it in no list.
#include "tests/api/case_fixtures.h"

namespace sanad::api_test {
namespace {

class CaseAccessTest : public ApiTest {};

struct Expectation {
  const char* user;
  bool sees;        // the case, its timeline, and it in lists, search and exports
  int list_status;  // GET /api/v1/cases?view=overdue
};

TEST_P(CaseAccessTest, OnlyTheOwnerAssigneesAndSupervisorsOfTheModuleSeeACase) {
  HttpClient clerk = As(kClerk);
  const int64_t person = RegisterPerson(clerk);
  HttpClient owner = As(kGbvWorker);
  const Json c = OpenCase(owner, GbvCaseBody(person, "n"));
  const std::string path = CasePath(c);
  const std::string reference = c["reference"];
  const Expectation matrix[] = {
      {kGbvWorker, true, 200},        // owner
      {kGbvSupervisor, true, 200},    // supervisor of the module
      {kGbvWorker2, false, 200},      // same module, not assigned
      {kCpWorker, false, 200},        // another module
      {kCpSupervisor, false, 200},    // supervisor of another module
      {kSupervisor, false, 403},      // supervisor without modules
      {kAdmin, false, 403},           // administers users, not case content
      {kClerk, false, 403},           // registration
      {kViewer, false, 403},          // viewer
      {kOtherGbvWorker, false, 200},  // same module, other organisation
      {kOtherGbvSupervisor, false, 200},
      {kOtherClerk, false, 403},
  };
  for (const Expectation& e : matrix) {
    SCOPED_TRACE(e.user);
    HttpClient u = As(e.user);
    const int read = e.sees ? 200 : 404;
    EXPECT_EQ(u.Get(path).status, read);
    EXPECT_EQ(u.Get(path + "/timeline").status, read);
    HttpResponse overdue = u.Get("/api/v1/cases?view=overdue");  // open since today: not overdue
    EXPECT_EQ(overdue.status, e.list_status) << overdue.body;
    HttpResponse search =
        u.Get("/api/v1/cases?view=" +
              std::string(e.sees && e.user != std::string(kGbvWorker) ? "team" : "mine") +
              "&q=" + reference);
    HttpResponse csv = u.Get("/api/v1/cases/export.csv?view=mine");
    if (e.list_status == 403) {
      EXPECT_EQ(search.status, 403);
      EXPECT_EQ(csv.status, 403);
      EXPECT_EQ(u.Get("/api/v1/cases/dashboard").status, 403);
    } else {
      ASSERT_EQ(search.status, 200) << search.body;
      EXPECT_EQ(search.json["total"], e.sees ? 1 : 0);
      ASSERT_EQ(csv.status, 200);
      EXPECT_EQ(csv.body.find(reference) != std::string::npos, e.user == std::string(kGbvWorker));
      HttpResponse dash = u.Get("/api/v1/cases/dashboard");
      ASSERT_EQ(dash.status, 200) << dash.body;
      EXPECT_EQ(dash.json["totals"]["open"], e.sees ? 1 : 0);
    }
    if (!e.sees) {
      // Writes are refused the same way, and change nothing.
      EXPECT_EQ(u.Patch(path, {{"version", 1}, {"risk", "low"}}).status, 404);
      EXPECT_EQ(u.Post(path + "/status", {{"version", 1}, {"status", "assessment"}}).status, 404);
      EXPECT_EQ(u.Post(path + "/follow_ups", {{"version", 1}, {"date", "2026-11-04"}}).status, 404);
      EXPECT_EQ(u.Post(path + "/transfer", {{"version", 1}, {"owner_id", 1}}).status, 404);
    }
  }
  // The team list is the supervisors' view.
  EXPECT_EQ(owner.Get("/api/v1/cases?view=team").status, 403);
  HttpResponse team = As(kGbvSupervisor).Get("/api/v1/cases?view=team");
  ASSERT_EQ(team.status, 200);
  EXPECT_EQ(team.json["total"], 1);
  const HttpResponse after = owner.Get(path);
  EXPECT_EQ(after.json["version"], 1);
  EXPECT_EQ(after.json["risk"], "high");
}

TEST_P(CaseAccessTest, AGbvCaseIsNotFoundThroughItsSurvivorsName) {
  HttpClient clerk = As(kClerk);
  const int64_t person = RegisterPerson(clerk);
  HttpClient worker = As(kGbvWorker);
  OpenCase(worker, GbvCaseBody(person, "n"));
  // A child protection case about the same family is found by name by its caseworker.
  HttpClient cp = As(kCpWorker);
  const Json child = OpenCase(cp, {{"module", "child_protection"},
                                   {"risk", "medium"},
                                   {"people", {RegisterPerson(clerk, 2)}},
                                   {"details", {{"separation", "separated"}}}});
  HttpResponse by_name = cp.Get("/api/v1/cases?q=" + testing_support::UrlEncode("أحمد"));
  ASSERT_EQ(by_name.status, 200);
  EXPECT_EQ(by_name.json["total"], 1);
  HttpClient lead = As(kGbvSupervisor);
  HttpResponse gbv = lead.Get("/api/v1/cases?view=team&q=" + testing_support::UrlEncode("فاطمة"));
  ASSERT_EQ(gbv.status, 200);
  EXPECT_EQ(gbv.json["total"], 0);
  HttpResponse all = lead.Get("/api/v1/cases?view=team");
  EXPECT_EQ(all.json["total"], 1);
  EXPECT_EQ(child["people"][0]["name"].get<std::string>().find("أحمد"), 0u);
}

SANAD_API_TEST_SUITE(CaseAccessTest);

}  // namespace
}  // namespace sanad::api_test
