// What a referral shares: the list of fields a sender asks to share, checked, and the snapshot
// of their values taken at sending — from a case (what its consent allows, via the case
// service) or from a registered household member. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "cases/referral_source.h"
#include "registry/household.h"

namespace sanad::referrals {

// Checks the field names of `share` (each one of cases::kShareableFields, none twice), appending
// problems to *bad as "share[1]".
void CheckShareList(const std::vector<std::string>& share, std::vector<FieldError>* bad);

// Checks a case referral against the case's consent: every shared field must be in
// share_fields ("share[i]"), and `to_organisation_id` in share_with unless it is the case's own
// organisation ("service_id").
void CheckConsent(const cases::ReferralSource& source, const std::vector<std::string>& share,
                  int64_t to_organisation_id, std::vector<FieldError>* bad);

// The shared values of a case referral: {"name": "…", "age": 27, …}; unknown values are null.
nlohmann::json SharedFromCase(const cases::ReferralSource& source,
                              const std::vector<std::string>& share);

// The shared values of a household referral about `member` (age on `today`, YYYY-MM-DD; the
// member's phone or else the household's; the household's location P-code). A household has
// no case summary: asking for it is a problem "share[i]" appended to *bad.
nlohmann::json SharedFromMember(const registry::Household& household,
                                const registry::Member& member,
                                const std::vector<std::string>& share, const std::string& today,
                                std::vector<FieldError>* bad);

}  // namespace sanad::referrals
