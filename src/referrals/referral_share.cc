#include "referrals/referral_share.h"

#include <algorithm>
#include <charconv>

#include "base/partial_date.h"

namespace sanad::referrals {
namespace {

using Json = nlohmann::json;

std::string Field(size_t i) { return "share[" + std::to_string(i) + "]"; }

bool Shareable(std::string_view field) {
  return std::any_of(std::begin(cases::kShareableFields), std::end(cases::kShareableFields),
                     [&](const char* f) { return field == f; });
}

Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

std::string FullName(const registry::Member& m) {
  std::string out;
  for (const std::string* part :
       {&m.given_name, &m.father_name, &m.grandfather_name, &m.family_name}) {
    if (part->empty()) continue;
    if (!out.empty()) out += ' ';
    out += *part;
  }
  return out.empty() ? m.name_latin : out;
}

}  // namespace

void CheckShareList(const std::vector<std::string>& share, std::vector<FieldError>* bad) {
  for (size_t i = 0; i < share.size(); ++i) {
    if (!Shareable(share[i])) {
      bad->push_back({Field(i), "must be one of name, sex, age, phone, location, summary"});
    } else if (std::find(share.begin(), share.begin() + static_cast<std::ptrdiff_t>(i), share[i]) !=
               share.begin() + static_cast<std::ptrdiff_t>(i)) {
      bad->push_back({Field(i), "is listed twice"});
    }
  }
}

void CheckConsent(const cases::ReferralSource& source, const std::vector<std::string>& share,
                  int64_t to_organisation_id, std::vector<FieldError>* bad) {
  for (size_t i = 0; i < share.size(); ++i) {
    if (!Shareable(share[i])) continue;  // CheckShareList reports it
    if (std::find(source.share_fields.begin(), source.share_fields.end(), share[i]) ==
        source.share_fields.end()) {
      bad->push_back({Field(i), "the person did not consent to share their " + share[i]});
    }
  }
  if (to_organisation_id != source.organisation_id &&
      std::find(source.share_with.begin(), source.share_with.end(), to_organisation_id) ==
          source.share_with.end()) {
    bad->push_back(
        {"service_id", "the person did not consent to share with this service's organisation"});
  }
}

Json SharedFromCase(const cases::ReferralSource& source, const std::vector<std::string>& share) {
  Json out = Json::object();
  for (const auto& field : share) {
    const auto it = source.values.find(field);
    const std::string value = it == source.values.end() ? "" : it->second;
    if (field == "age") {
      int age = -1;
      const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), age);
      out[field] = ec == std::errc() && p == value.data() + value.size() && age >= 0
                       ? Json(age)
                       : Json(nullptr);
    } else {
      out[field] = TextOrNull(value);
    }
  }
  return out;
}

Json SharedFromMember(const registry::Household& household, const registry::Member& member,
                      const std::vector<std::string>& share, const std::string& today,
                      std::vector<FieldError>* bad) {
  Json out = Json::object();
  for (size_t i = 0; i < share.size(); ++i) {
    const std::string& field = share[i];
    if (field == "name") {
      out[field] = TextOrNull(FullName(member));
    } else if (field == "sex") {
      out[field] = TextOrNull(member.sex);
    } else if (field == "age") {
      const int age = AgeOn(member.birth_date, today);
      out[field] = age < 0 ? Json(nullptr) : Json(age);
    } else if (field == "phone") {
      out[field] = TextOrNull(member.phone.empty() ? household.phone : member.phone);
    } else if (field == "location") {
      out[field] = TextOrNull(household.location_pcode);
    } else if (field == "summary") {
      bad->push_back({Field(i), "only a referral from a case can share a summary"});
    }
  }
  return out;
}

}  // namespace sanad::referrals
