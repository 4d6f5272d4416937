#include "cases/demo_cases.h"

#include "base/clock.h"

namespace sanad::cases {
namespace {

struct Template {
  const char* module;
  const char* narrative;
  Json details;
};

const Template& TemplateFor(int i) {
  static const Template kTemplates[] = {
      {"gbv",
       "تعرضت للضرب من قبل زوجها بعد خلاف على المساعدات. تطلب مكاناً آمناً.",
       {{"violence_type", "physical_assault"}, {"perpetrator_relation", "husband"}}},
      {"child_protection",
       "Boy of 12 working at the market instead of school; father missing.",
       {{"separation", "separated"}, {"caregiver_relation", "uncle"}}},
      {"mhpss", "Sleeps badly since the return to Sinjar; nightmares, withdrawn from family.",
       Json::object()},
      {"legal",
       "فقدت هوية الأحوال المدنية وشهادة الجنسية أثناء النزوح من الموصل.",
       {{"documents_lost", {"civil_id", "nationality_certificate"}}, {"court_stage", "none"}}},
      {"hlp",
       "House in Qaraqosh occupied by another family; title deed burned.",
       {{"documents_lost", {"title_deed"}},
        {"property", "House, Qaraqosh, hay al-Askari"},
        {"court_stage", "filed"}}},
      {"special_needs", "Wheelchair user living in a tent; needs an accessible latrine.",
       Json::object()},
  };
  return kTemplates[i % std::size(kTemplates)];
}

const access::Actor& OwnerFor(const DemoCaseTeam& team, const std::string& module) {
  if (module == "gbv") return team.gbv_worker;
  if (module == "child_protection" || module == "mhpss") return team.cp_worker;
  return team.legal_worker;
}

}  // namespace

Result<int> CreateDemoCases(CaseService& cases, const DemoCaseTeam& team,
                            std::span<const int64_t> person_ids, int count) {
  static constexpr const char* kRisks[] = {"high", "medium", "low", "medium"};
  static constexpr CaseStatus kTargets[] = {
      CaseStatus::kOpen,     CaseStatus::kAssessment,       CaseStatus::kCasePlan,
      CaseStatus::kFollowUp, CaseStatus::kClosureRequested, CaseStatus::kClosed,
      CaseStatus::kFollowUp, CaseStatus::kCasePlan};
  int opened = 0;
  for (int i = 0; i < count && static_cast<size_t>(i) < person_ids.size(); ++i) {
    const Template& t = TemplateFor(i);
    const access::Actor& owner = OwnerFor(team, t.module);
    Json content = {
        {"intake", {{"identified_by", i % 3 ? "outreach" : "self"}, {"narrative", t.narrative}}},
        {"consent",
         {{"registration", true},
          {"contact", i % 4 != 0},
          {"share_with", team.partner_organisation_id > 0
                             ? Json::array({team.partner_organisation_id})
                             : Json::array()},
          {"share_fields", {"name", "sex", "age"}}}},
        {"details", t.details}};
    // Every third case has a follow-up that fell due yesterday: the overdue list has rows.
    const std::string follow_up = i % 3 == 0
                                      ? FormatUtcDate(SystemClock().NowSeconds() - 86400)
                                      : FormatUtcDate(SystemClock().NowSeconds() + 7 * 86400);
    auto c = cases.Create(owner, {.module = t.module,
                                  .risk = kRisks[i % std::size(kRisks)],
                                  .person_ids = {person_ids[i]},
                                  .content = content,
                                  .next_follow_up = follow_up});
    if (!c.ok()) return c.status();
    ++opened;
    const CaseStatus target = kTargets[i % std::size(kTargets)];
    Case k = std::move(c).value();
    while (k.status != target) {
      const auto next = static_cast<CaseStatus>(static_cast<int>(k.status) + 1);
      const bool supervisor_step = next == CaseStatus::kClosed;
      if (next == CaseStatus::kCasePlan) {
        auto edited = cases.Edit(owner, k.id,
                                 {.version = k.version,
                                  .sections = {{"assessment",
                                                {{"summary",
                                                  "Needs safety and "
                                                  "psychosocial support"}}},
                                               {"plan", {{"goals", {{{"goal", "Safety"}}}}}}}});
        if (!edited.ok()) return edited.status();
        k = std::move(edited).value();
      }
      auto moved =
          cases.Move(supervisor_step ? team.supervisor : owner, k.id, StatusName(next), k.version,
                     next == CaseStatus::kClosureRequested ? "Goals reached" : "");
      if (!moved.ok()) return moved.status();
      k = std::move(moved).value();
    }
  }
  return opened;
}

}  // namespace sanad::cases
