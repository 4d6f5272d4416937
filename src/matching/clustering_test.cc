#include "matching/clustering.h"

#include <gtest/gtest.h>

namespace sanad::matching {
namespace {

TEST(ClusterPairsTest, AChainOfWeakLinksDoesNotJoinPeopleWhoClearlyDiffer) {
  // A~B and B~C are above the threshold, but A and C are clearly different people.
  const std::vector<ScoredEdge> edges = {{0, 1, 12}, {1, 2, 9}};
  ClusterOptions options{.threshold = 8};
  options.score_missing = [](uint32_t a, uint32_t b) { return a == 0 && b == 2 ? -15.0 : 0.0; };
  const std::vector<uint32_t> c = ClusterPairs(3, edges, {}, options);
  EXPECT_EQ(c, (std::vector<uint32_t>{0, 0, 2}));
}

TEST(ClusterPairsTest, AStronglyLinkedGroupStaysTogether) {
  const std::vector<ScoredEdge> edges = {{0, 1, 20}, {1, 2, 18}, {0, 2, 6}, {3, 4, 9}};
  const std::vector<uint32_t> c = ClusterPairs(6, edges, {}, {.threshold = 8});
  EXPECT_EQ(c, (std::vector<uint32_t>{0, 0, 0, 3, 3, 5}));
}

TEST(ClusterPairsTest, WithoutScoresForMissingPairsAChainOfTwoWeakLinksSplits) {
  // Unknown pairs count as no link: the mean of A's links to {B, C} is (9 + 0) / 2.
  const std::vector<ScoredEdge> edges = {{0, 1, 9}, {1, 2, 9}};
  const std::vector<uint32_t> c = ClusterPairs(3, edges, {}, {.threshold = 8});
  EXPECT_NE(c[0], c[2]);
}

TEST(ClusterPairsTest, DecidedDifferentPeopleNeverShareACluster) {
  const std::vector<ScoredEdge> edges = {{0, 1, 30}, {1, 2, 30}, {0, 2, 30}};
  const std::vector<uint32_t> c = ClusterPairs(3, edges, {{2, 0}}, {.threshold = 8});
  EXPECT_NE(c[0], c[2]);
  EXPECT_TRUE(c[1] == c[0] || c[1] == c[2]);
  const std::vector<uint32_t> pair = ClusterPairs(2, {{0, 1, 30}}, {{0, 1}}, {.threshold = 8});
  EXPECT_EQ(pair, (std::vector<uint32_t>{0, 1}));
}

}  // namespace
}  // namespace sanad::matching
