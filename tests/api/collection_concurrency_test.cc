// Many distribution points at once: 16 client threads collect for more households than there is
// stock, every household tried by every thread. Exactly the stock is issued, no household is
// served twice, and every refusal is a clean 409 — on both backends.
#include <atomic>
#include <mutex>
#include <set>
#include <thread>

#include "tests/api/distribution_fixtures.h"

namespace sanad::api_test {
namespace {

constexpr int kThreads = 16;
constexpr int kHouseholds = 24;
constexpr int64_t kStock = 10;

class CollectionConcurrencyTest : public DistributionApiTest {};

TEST_P(CollectionConcurrencyTest, ManyStationsNeverHandOutMoreThanTheStockNorServeTwice) {
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);
  const StockedItem kits = Stock(boss, "HYG-KIT", kStock);
  std::vector<int64_t> households;
  for (int i = 0; i < kHouseholds; ++i) {
    households.push_back(
        Create(clerk, testing_support::OneMemberHousehold("Maryam " + std::to_string(i)))["id"]);
  }
  const Json round = OpenRound(boss, InKindBody(kits, 1));
  ASSERT_EQ(round["counts"]["households"], kHouseholds);
  const std::string path = PathOf(round) + "/collections";

  std::vector<HttpClient> stations;
  for (int t = 0; t < kThreads; ++t) stations.push_back(As(kClerk));
  std::mutex mu;
  std::multiset<int64_t> served;  // household of every 201
  std::vector<std::string> unclean;
  std::atomic<int> refused{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      while (!go.load()) std::this_thread::yield();
      for (int k = 0; k < kHouseholds; ++k) {
        const int64_t h = households[(t * 5 + k) % kHouseholds];
        HttpResponse r = stations[t].Post(path, {{"household_id", h}, {"collector", "head"}});
        std::lock_guard lock(mu);
        if (r.status == 201) {
          served.insert(h);
        } else if (r.status == 409 && r.json.contains("error")) {
          ++refused;
        } else {
          unclean.push_back(std::to_string(r.status) + " " + r.body);
        }
      }
    });
  }
  go = true;
  for (auto& th : threads) th.join();

  EXPECT_TRUE(unclean.empty()) << unclean.size() << " unclean answers, first: " << unclean.front();
  EXPECT_EQ(served.size(), static_cast<size_t>(kStock));
  EXPECT_EQ(std::set<int64_t>(served.begin(), served.end()).size(), served.size());
  EXPECT_EQ(refused.load(), kThreads * kHouseholds - static_cast<int>(served.size()));
  const Levels after = LevelsOf(kits);
  EXPECT_EQ(after.issued, kStock);  // the sum of the issue movements is the stock
  EXPECT_EQ(after.on_hand, 0);
  EXPECT_EQ(clerk.Get(path).json["total"], kStock);
  EXPECT_EQ(Beneficiaries(clerk, round, "status=collected")["total"], kStock);
}

}  // namespace

SANAD_API_TEST_SUITE(CollectionConcurrencyTest);

}  // namespace sanad::api_test
