// A referral's service records count under the sector of its service type
// (docs/programmes.md, "Service records"): every type names a sector of the vocabulary.
#include "referrals/referral_records.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>

#include "referrals/service.h"

namespace sanad::referrals {
namespace {

TEST(ReferralSectorTest, EveryServiceTypeCountsUnderASector) {
  const std::pair<std::string, std::string> expected[] = {{"health", "health"},
                                                          {"mhpss", "mhpss"},
                                                          {"gbv_safe_space", "gbv"},
                                                          {"legal_aid", "protection"},
                                                          {"cash", "mpca"},
                                                          {"shelter", "shelter_nfi"},
                                                          {"education", "education"},
                                                          {"livelihoods", "livelihoods"},
                                                          {"child_protection", "child_protection"},
                                                          {"food", "food_security"},
                                                          {"wash", "wash"},
                                                          {"other", "protection"}};
  ASSERT_EQ(std::size(expected), kServiceTypes.size());
  for (const auto& [type, sector] : expected) {
    EXPECT_TRUE(IsServiceType(type)) << type;
    EXPECT_EQ(ReferralSector(type), sector) << type;
  }
}

}  // namespace
}  // namespace sanad::referrals
