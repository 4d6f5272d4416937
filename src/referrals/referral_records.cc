#include "referrals/referral_records.h"

#include <cstdint>
#include <string>
#include <utility>

#include "referrals/service.h"
#include "store/referral_store.h"
#include "store/service_record_store.h"
#include "store/service_store.h"

namespace sanad::referrals {

std::string_view ReferralSector(std::string_view service_type) {
  // Types named as their sector are left out.
  constexpr std::pair<std::string_view, std::string_view> kByType[] = {
      {"gbv_safe_space", "gbv"},  {"legal_aid", "protection"}, {"cash", "mpca"},
      {"shelter", "shelter_nfi"}, {"food", "food_security"},   {"other", "protection"}};
  for (const auto& [from, to] : kByType) {
    if (from == service_type) return to;
  }
  return service_type;
}

Status WriteReferralRecords(store::Connection& c, const Referral& r) {
  SANAD_ASSIGN_OR_RETURN(const Service service, store::GetService(c, r.service_id));
  const store::ServiceRecordBase base{.organisation_id = r.to_organisation_id,
                                      .sector = std::string(ReferralSector(r.service_type)),
                                      .source = "referral",
                                      .source_id = r.id,
                                      .kind = r.service_type,
                                      .pcode = service.pcode,
                                      .served_on = r.content.service_date};
  int64_t person = 0;
  if (r.case_id != 0) {
    SANAD_ASSIGN_OR_RETURN(person, store::FirstCasePerson(c, r.case_id));
  } else if (r.content.person_id != 0) {
    person = r.content.person_id;
  } else {
    SANAD_ASSIGN_OR_RETURN(person, store::HouseholdHead(c, r.household_id));
  }
  if (person == 0) return store::InsertCountedRecord(c, base, "unknown", "unknown", "unknown", 1);
  const int64_t people[] = {person};
  return store::InsertPeopleRecords(c, base, people);
}

}  // namespace sanad::referrals
