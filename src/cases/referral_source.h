// ReferralSource: what a referral from a case may share — the case's consent and the values of
// the fields it names — as the case service hands it to the referral service. A plain value.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sanad::cases {

// The fields a consent may let a referral share (docs/cases.md).
inline constexpr const char* kShareableFields[] = {"name",  "sex",      "age",
                                                   "phone", "location", "summary"};

struct ReferralSource {
  int64_t case_id = 0;
  int64_t organisation_id = 0;
  std::string module;
  std::string reference;                  // "GBV-000017"
  bool consent_to_share = false;          // the consent names at least one organisation
  std::vector<int64_t> share_with;        // organisations the person agreed to share with
  std::vector<std::string> share_fields;  // fields the person agreed to share
  // The current value of every shareable field ("" when unknown): name, sex, age (years as
  // text), phone, location (P-code), summary (the assessment's summary).
  std::map<std::string, std::string> values;
};

}  // namespace sanad::cases
