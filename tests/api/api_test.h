// ApiTest: the base of every API test. Each test gets a fresh database on one backend (the
// suite runs once on SQLite and once on PostgreSQL) and its own `sanad serve` on a random
// loopback port; fixture users of two organisations are created as the test first uses them.
// Helpers keep the tests to their flow: log in as someone, register a household, count what a user
// sees.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <set>
#include <string>
#include <vector>

#include "tests/support/household_fixtures.h"
#include "tests/support/http_client.h"
#include "tests/support/test_database.h"
#include "tests/support/test_server.h"

namespace sanad::testing_support {

// Shows the backend by name in gtest messages ("where GetParam() = postgres").
inline void PrintTo(TestBackend backend, std::ostream* os) { *os << BackendName(backend); }

}  // namespace sanad::testing_support

namespace sanad::api_test {

using testing_support::HttpClient;
using testing_support::HttpResponse;
using testing_support::Json;
using testing_support::TestBackend;
using testing_support::TestServer;

inline constexpr char kPassword[] = "Tigris-and-Euphrates-2026";
inline constexpr char kOrganisation[] = "Demo Relief";
inline constexpr char kOtherOrganisation[] = "Tigris Aid";

// Fixture users: username and role; the first four work for kOrganisation.
inline constexpr char kAdmin[] = "rana.admin";
inline constexpr char kSupervisor[] = "layla.supervisor";
inline constexpr char kClerk[] = "omar.registration";
inline constexpr char kViewer[] = "huda.viewer";
inline constexpr char kOtherClerk[] = "sami.registration";      // kOtherOrganisation
inline constexpr char kOtherSupervisor[] = "nadia.supervisor";  // kOtherOrganisation
// Case workers (docs/cases.md): role and modules in the name.
inline constexpr char kGbvWorker[] = "amal.gbv";          // caseworker, gbv
inline constexpr char kGbvWorker2[] = "zina.gbv";         // caseworker, gbv
inline constexpr char kCpWorker[] = "karim.cp";           // caseworker, child_protection
inline constexpr char kGbvSupervisor[] = "mona.gbvlead";  // supervisor, gbv
inline constexpr char kCpSupervisor[] = "yusuf.cplead";   // supervisor, child_protection
inline constexpr char kOtherGbvWorker[] = "rasha.gbv";    // caseworker, gbv, kOtherOrganisation
inline constexpr char kOtherGbvSupervisor[] = "salma.gbvlead";  // supervisor, gbv, other org

class ApiTest : public ::testing::TestWithParam<TestBackend> {
 protected:
  void SetUp() override;
  void TearDown() override;

  TestServer& server() { return *server_; }
  // Creates the fixture user `username` with `sanad user add` unless this test already did,
  // so each test pays only for the users it needs.
  void Ensure(const std::string& username);
  // A client logged in as a fixture user (password kPassword), created when needed.
  HttpClient As(const std::string& username) {
    Ensure(username);
    return server_->LoggedIn(username, kPassword);
  }

  // POSTs `body` as `client`; expects 201 and returns the stored household (null otherwise).
  static Json Create(HttpClient& client, const Json& body);
  // GET /api/v1/households?`query` as `client`; expects 200.
  static HttpResponse List(HttpClient& client, const std::string& query = "");
  // The `total` of List(client, query), or -1 when the list failed.
  static int64_t Total(HttpClient& client, const std::string& query = "");
  // The ids of the items of a list response, in order.
  static std::vector<int64_t> Ids(const HttpResponse& list);
  static std::string HouseholdPath(int64_t id) {
    return "/api/v1/households/" + std::to_string(id);
  }

 private:
  std::unique_ptr<TestServer> server_;
  std::set<std::string> users_;  // fixture users created so far
};

// Runs deduplication as `admin` (POST /api/v1/dedup/runs, polled until it ends) and returns the
// group that proposes both people `a` and `b`, or null when none does.
Json DedupGroupOf(HttpClient& admin, int64_t a, int64_t b);

// "sqlite" or "postgres" as the test name suffix.
std::string BackendTestName(const ::testing::TestParamInfo<TestBackend>& info);

}  // namespace sanad::api_test

// Runs every TEST_P of `suite` on both backends.
#define SANAD_API_TEST_SUITE(suite)                                                      \
  INSTANTIATE_TEST_SUITE_P(Backends, suite,                                              \
                           ::testing::ValuesIn(::sanad::testing_support::AllBackends()), \
                           ::sanad::api_test::BackendTestName)
