// Demo services and referrals for `sanad demo`: a few services of both demo organisations in
// Duhok and Erbil, a GBV case referred to the partner's safe space (accepted, service given)
// and a household member referred for cash (waiting in the partner's inbox). Not for real
// data. Single-threaded.
#pragma once

#include <cstdint>

#include "access/actor.h"
#include "base/status.h"
#include "referrals/referral_service.h"
#include "referrals/service_directory.h"

namespace sanad::referrals {

struct DemoReferralActors {
  access::Actor lead;          // supervisor of the referring organisation
  access::Actor partner_lead;  // supervisor of the receiving organisation
  access::Actor gbv_worker;    // caseworker owning `gbv_case_id`
  access::Actor clerk;         // registration clerk of the referring organisation
};

struct DemoReferralSources {
  int64_t gbv_case_id = 0;  // consent shares name, sex and age with the partner
  int64_t household_id = 0;
  int64_t person_id = 0;
};

// Returns how many referrals were sent.
Result<int> CreateDemoReferrals(ServiceDirectory& directory, ReferralService& referrals,
                                const DemoReferralActors& actors,
                                const DemoReferralSources& sources);

}  // namespace sanad::referrals
