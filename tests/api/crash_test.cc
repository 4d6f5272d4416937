// Crash safety: the server is killed (SIGKILL) while eight clients register households; after
// a restart on the same database every acknowledged household is there, whole, and nothing
// half-written is.
#include <atomic>
#include <chrono>
#include <iostream>
#include <mutex>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include "tests/api/api_test.h"

namespace sanad::api_test {
namespace {

constexpr int kThreads = 8;
constexpr size_t kAcknowledgedBeforeKill = 100;
constexpr auto kMaxWaitBeforeKill = std::chrono::seconds(90);

// A household acknowledged with 201.
struct Acknowledged {
  int64_t id = 0;
  std::string marker;
  size_t members = 0;
};

// A household of 1 to 4 members whose head's Latin name is `marker` and says how many
// members it has ("Crash T3 N17 M4"), so a household stored but never acknowledged can
// still be checked for completeness.
Json MarkedHousehold(const std::string& marker, size_t members) {
  Json h = testing_support::OneMemberHousehold(marker, testing_support::kBartilla, "idp_in_camp");
  for (size_t k = 1; k < members; ++k) {
    h["members"].push_back({{"given_name", "علي"},
                            {"family_name", "الحمداني"},
                            {"name_latin", marker + " child " + std::to_string(k)},
                            {"sex", k % 2 ? "male" : "female"},
                            {"birth_date", "2012"},
                            {"relationship", "child"},
                            {"documents", {{{"type", "civil_id"}, {"number", marker}}}}});
  }
  return h;
}

// The member count a marker announces, or 0 when `name` is not a marker.
size_t AnnouncedMembers(const std::string& name) {
  static const std::regex kMarker(R"(Crash T\d+ N\d+ M(\d+))");
  std::smatch m;
  return std::regex_match(name, m, kMarker) ? std::stoul(m[1]) : 0;
}

class CrashTest : public ApiTest {};

TEST_P(CrashTest, EveryAcknowledgedHouseholdSurvivesAKillAndNoneIsHalfWritten) {
  std::vector<HttpClient> clients;
  clients.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) clients.push_back(As(kClerk));
  std::mutex mu;
  std::vector<Acknowledged> acknowledged;
  std::atomic<int> refused{0};
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0;; ++i) {
        const size_t members = 1 + (t + i) % 4;
        const std::string marker = "Crash T" + std::to_string(t) + " N" + std::to_string(i) + " M" +
                                   std::to_string(members);
        HttpResponse r = clients[t].Post("/api/v1/households", MarkedHousehold(marker, members));
        if (r.status == 0) return;  // the server is gone
        if (r.status != 201) {
          ++refused;
          continue;
        }
        std::lock_guard lock(mu);
        acknowledged.push_back({r.json["id"], marker, members});
      }
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + kMaxWaitBeforeKill;
  while (std::chrono::steady_clock::now() < deadline) {
    {
      std::lock_guard lock(mu);
      if (acknowledged.size() >= kAcknowledgedBeforeKill) break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  server().Kill();
  for (auto& th : threads) th.join();
  EXPECT_EQ(refused.load(), 0) << "valid households were refused before the kill";
  ASSERT_FALSE(acknowledged.empty());

  server().Start();
  HttpClient clerk = As(kClerk);
  for (const Acknowledged& a : acknowledged) {
    HttpResponse r = clerk.Get(HouseholdPath(a.id));
    ASSERT_EQ(r.status, 200) << a.marker << " was acknowledged but is lost: " << r.body;
    ASSERT_EQ(r.json["members"].size(), a.members) << a.marker;
    EXPECT_EQ(r.json["members"][0]["name_latin"], a.marker);
  }

  // Everything stored, acknowledged or not, is whole: as many members as its marker says.
  std::vector<int64_t> stored;
  int64_t total = -1;
  for (int page = 1;; ++page) {
    HttpResponse r = List(clerk, "limit=200&page=" + std::to_string(page));
    ASSERT_EQ(r.status, 200);
    total = r.json["total"];
    for (auto& h : r.json["items"]) {
      stored.push_back(h["id"]);
      ASSERT_FALSE(h["members"].empty()) << "household " << h["id"] << " has no members";
      const std::string name = h["members"][0]["name_latin"];
      EXPECT_EQ(h["members"].size(), AnnouncedMembers(name)) << name << " is half-written";
    }
    if (r.json["items"].empty() || static_cast<int64_t>(stored.size()) >= total) break;
  }
  std::cout << acknowledged.size() << " households acknowledged before the kill, " << stored.size()
            << " stored\n";
  EXPECT_EQ(static_cast<int64_t>(stored.size()), total);
  std::sort(stored.begin(), stored.end());
  EXPECT_EQ(std::adjacent_find(stored.begin(), stored.end()), stored.end()) << "duplicate ids";
  EXPECT_GE(stored.size(), acknowledged.size());
  // At most one request per client was in flight when the server died.
  EXPECT_LE(stored.size(), acknowledged.size() + kThreads);
  // The restarted server takes new registrations.
  Create(clerk, testing_support::JubouriHousehold());
  EXPECT_EQ(Total(clerk), total + 1);
}

SANAD_API_TEST_SUITE(CrashTest);

}  // namespace
}  // namespace sanad::api_test
