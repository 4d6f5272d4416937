#include "referrals/demo_referrals.h"

#include "base/clock.h"

namespace sanad::referrals {
namespace {

Result<Service> Offer(ServiceDirectory& directory, const access::Actor& by, const char* type,
                      const char* name, const char* pcode, const char* contact,
                      const char* eligibility) {
  return directory.Create(by, {.type = type,
                               .name = name,
                               .pcode = pcode,
                               .contact_name = contact,
                               .contact_phone = "07501234567",
                               .eligibility = eligibility});
}

}  // namespace

Result<int> CreateDemoReferrals(ServiceDirectory& directory, ReferralService& referrals,
                                const DemoReferralActors& a, const DemoReferralSources& s) {
  SANAD_ASSIGN_OR_RETURN(
      Service safe_space,
      Offer(directory, a.partner_lead, "gbv_safe_space", "Women and girls safe space — Duhok",
            "IQG09Q02", "Shilan", "Women and girls at risk of or surviving violence"));
  SANAD_ASSIGN_OR_RETURN(
      Service cash, Offer(directory, a.partner_lead, "cash", "Cash for protection — Duhok", "IQG09",
                          "Rebwar", "Families with a protection risk"));
  SANAD_RETURN_IF_ERROR(Offer(directory, a.lead, "legal_aid", "Legal aid desk — Erbil", "IQG11Q02",
                              "Haider", "Lost civil documents, property claims")
                            .status());
  SANAD_RETURN_IF_ERROR(Offer(directory, a.lead, "mhpss", "Psychosocial support centre — Erbil",
                              "IQG11Q02", "Noor", "Adults and children in distress")
                            .status());
  int sent = 0;
  if (s.gbv_case_id > 0) {
    SANAD_ASSIGN_OR_RETURN(Referral r,
                           referrals.Create(a.gbv_worker, {.case_id = s.gbv_case_id,
                                                           .service_id = safe_space.id,
                                                           .urgency = "urgent",
                                                           .reason = "Needs a safe place tonight",
                                                           .share = {"name", "sex", "age"}}));
    ++sent;
    SANAD_ASSIGN_OR_RETURN(r, referrals.Accept(a.partner_lead, r.id, r.version));
    SANAD_RETURN_IF_ERROR(referrals
                              .RecordService(a.partner_lead, r.id, r.version,
                                             "Received at the safe space; follow-up booked",
                                             FormatUtcDate(SystemClock().NowSeconds()))
                              .status());
  }
  if (s.household_id > 0) {
    SANAD_RETURN_IF_ERROR(referrals
                              .Create(a.clerk, {.household_id = s.household_id,
                                                .person_id = s.person_id,
                                                .service_id = cash.id,
                                                .urgency = "normal",
                                                .reason = "Widow with four children, no income",
                                                .share = {"name", "sex", "phone", "location"},
                                                .consent = true})
                              .status());
    ++sent;
  }
  return sent;
}

}  // namespace sanad::referrals
