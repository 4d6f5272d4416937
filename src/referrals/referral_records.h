// The service records of a referral (docs/programmes.md, "Service records"): written by the
// receiving organisation when it records the service given, in that transaction. Stateless;
// thread-safe.
#pragma once

#include <string_view>

#include "base/status.h"
#include "referrals/referral.h"
#include "store/database.h"

namespace sanad::referrals {

// The sector a service type's records count under: health, mhpss, gbv_safe_space → gbv,
// legal_aid → protection, cash → mpca, shelter → shelter_nfi, education, livelihoods,
// child_protection, food → food_security, wash, other → protection.
std::string_view ReferralSector(std::string_view service_type);

// Writes the records of `r` (its content opened, service_date set), counted for the receiving
// organisation at the service's place: the person referred from a household (else its head),
// or the first registry person of a case. A GBV case keeps its survivor out of the plain
// tables: one counted person of unknown sex, age and population group.
Status WriteReferralRecords(store::Connection& c, const Referral& r);

}  // namespace sanad::referrals
