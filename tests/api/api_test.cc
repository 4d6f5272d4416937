#include "tests/api/api_test.h"

#include <chrono>
#include <iostream>
#include <set>
#include <stdexcept>
#include <thread>

namespace sanad::api_test {

namespace {

struct FixtureUser {
  const char* username;
  const char* role;
  const char* organisation;
  const char* modules = "";
};

constexpr FixtureUser kFixtureUsers[] = {
    {kAdmin, "admin", kOrganisation},
    {kSupervisor, "supervisor", kOrganisation},
    {kClerk, "registration", kOrganisation},
    {kViewer, "viewer", kOrganisation},
    {kOtherClerk, "registration", kOtherOrganisation},
    {kOtherSupervisor, "supervisor", kOtherOrganisation},
    {kGbvWorker, "caseworker", kOrganisation, "gbv"},
    {kGbvWorker2, "caseworker", kOrganisation, "gbv"},
    {kCpWorker, "caseworker", kOrganisation, "child_protection"},
    {kGbvSupervisor, "supervisor", kOrganisation, "gbv"},
    {kCpSupervisor, "supervisor", kOrganisation, "child_protection"},
    {kOtherGbvWorker, "caseworker", kOtherOrganisation, "gbv"},
    {kOtherGbvSupervisor, "supervisor", kOtherOrganisation, "gbv"},
};

}  // namespace

void ApiTest::SetUp() {
  server_ = std::make_unique<TestServer>(SANAD_BIN, testing_support::FreshDatabaseUrl(GetParam()));
  server_->Start();
}

void ApiTest::Ensure(const std::string& username) {
  if (users_.contains(username)) return;
  for (const FixtureUser& u : kFixtureUsers) {
    if (username != u.username) continue;
    server_->AddUser(u.username, u.role, u.organisation, kPassword, u.modules);
    users_.insert(username);
    return;
  }
  throw std::invalid_argument(username + " is not a fixture user");
}

void ApiTest::TearDown() {
  if (HasFailure() && server_) {
    std::cerr << "--- sanad serve output ---\n" << server_->Output() << "---\n";
  }
  server_.reset();
}

Json ApiTest::Create(HttpClient& client, const Json& body) {
  HttpResponse r = client.Post("/api/v1/households", body);
  EXPECT_EQ(r.status, 201) << r.body << r.error;
  return r.status == 201 ? r.json : Json();
}

HttpResponse ApiTest::List(HttpClient& client, const std::string& query) {
  HttpResponse r = client.Get("/api/v1/households" + (query.empty() ? "" : "?" + query));
  EXPECT_EQ(r.status, 200) << query << ": " << r.body << r.error;
  return r;
}

int64_t ApiTest::Total(HttpClient& client, const std::string& query) {
  HttpResponse r = List(client, query);
  return r.status == 200 ? r.json.value("total", int64_t{-1}) : -1;
}

std::vector<int64_t> ApiTest::Ids(const HttpResponse& list) {
  std::vector<int64_t> out;
  if (!list.json.is_object()) return out;
  for (const auto& h : list.json.value("items", Json::array())) out.push_back(h.value("id", 0));
  return out;
}

Json DedupGroupOf(HttpClient& admin, int64_t a, int64_t b) {
  HttpResponse started = admin.Post("/api/v1/dedup/runs", Json::object());
  EXPECT_EQ(started.status, 202) << started.body;
  Json run;
  for (int i = 0; i < 600; ++i) {
    run = admin.Get(started.Header("Location") + "?limit=200").json;
    if (run["status"] == "done" || run["status"] == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(run["status"], "done") << run;
  for (const auto& g : run["groups"]["items"]) {
    std::set<int64_t> ids;
    for (const auto& m : g["members"]) ids.insert(m["id"].get<int64_t>());
    if (ids.contains(a) && ids.contains(b)) return g;
  }
  return nullptr;
}

std::string BackendTestName(const ::testing::TestParamInfo<TestBackend>& info) {
  return testing_support::BackendName(info.param);
}

}  // namespace sanad::api_test
