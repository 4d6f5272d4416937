#include "cases_content.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"

namespace sanad::bench {
namespace {

using Json = nlohmann::json;
constexpr int64_t kDay = 24 * 3600;

constexpr std::array<std::string_view, 16> kSentences = {
    "تعرضت للضرب من قبل زوجها بعد خلاف على المساعدات النقدية.",
    "تطلب مكاناً آمناً لها ولأطفالها الثلاثة بعيداً عن بيت أهل الزوج.",
    "فقدت هوية الأحوال المدنية وشهادة الجنسية أثناء النزوح من الموصل.",
    "تعيش العائلة في خيمة في مخيم حسن شام منذ ثلاث سنوات.",
    "الأب مفقود منذ عام ٢٠١٧ ولا تعرف العائلة مكانه.",
    "تشعر بالخوف عند الخروج من المنزل وتعاني من الأرق وفقدان الشهية.",
    "تم التعرف على الحالة من خلال فريق التوعية المتنقل في القطاع الرابع.",
    "الطفل لا يذهب إلى المدرسة ويعمل في السوق لإعالة أسرته.",
    "Boy of 12 working at the market instead of school; father missing since the displacement.",
    "Sleeps badly since the return to Sinjar; nightmares, withdrawn from family and neighbours.",
    "House in Qaraqosh occupied by another family; the title deed burned with the house.",
    "Wheelchair user living in a tent; needs an accessible latrine and a ramp at the clinic.",
    "Referred by the primary health centre after a visit for bruises she did not explain.",
    "Mother reports that the girl was approached by men near the camp gate twice this month.",
    "Lives with her in-laws, who keep the family's cash assistance card.",
    "Asked that the caseworker call only on her sister's phone, never on her own.",
};

constexpr std::array<std::string_view, 8> kNeeds = {
    "medical", "psychosocial", "legal", "shelter", "cash", "education", "documentation", "safety"};

constexpr std::array<std::string_view, 6> kGoals = {"Safety at home and in the camp",
                                                    "Recover civil documents",
                                                    "Return to school by the next term",
                                                    "Regular psychosocial sessions",
                                                    "Access to cash assistance in her own name",
                                                    "Accessible shelter and latrine"};

constexpr std::array<std::string_view, 8> kActions = {
    "Accompany to the civil affairs directorate in Mosul",
    "Refer to the women's safe space for weekly sessions",
    "مرافقة إلى مديرية الأحوال المدنية",
    "Home visit with the community focal point",
    "إحالة إلى المحامي لرفع دعوى استرداد الملكية",
    "Enrol in the catch-up class and pay the transport",
    "Refer to the MHPSS team for individual counselling",
    "متابعة هاتفية كل أسبوع للتأكد من السلامة"};

constexpr std::array<std::string_view, 6> kViolence = {"rape",
                                                       "sexual_assault",
                                                       "physical_assault",
                                                       "forced_marriage",
                                                       "denial_of_resources",
                                                       "psychological_abuse"};

template <size_t N>
std::string_view Pick(const std::array<std::string_view, N>& pool, std::mt19937_64& rng) {
  return pool.at(std::uniform_int_distribution<size_t>(0, N - 1)(rng));
}

int Between(int lo, int hi, std::mt19937_64& rng) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

std::string Text(int sentences, std::mt19937_64& rng) {
  std::string out;
  for (int i = 0; i < sentences; ++i) {
    if (!out.empty()) out += ' ';
    out += Pick(kSentences, rng);
  }
  return out;
}

std::string DateOf(int64_t seconds) { return FormatUtcDate(seconds); }

Json Details(access::CaseModule module, int64_t opened_at, std::mt19937_64& rng) {
  using M = access::CaseModule;
  switch (module) {
    case M::kGbv: {
      const int days = Between(0, 30, rng);
      return {{"incident_date", DateOf(opened_at - days * kDay)},
              {"violence_type", Pick(kViolence, rng)},
              {"days_to_report", days},
              {"perpetrator_relation", Between(0, 2, rng) ? "husband" : "brother-in-law"}};
    }
    case M::kChildProtection:
      return {{"caregiver_name", "خالدة عبد الله حسين"},
              {"caregiver_relation", Between(0, 1, rng) ? "uncle" : "grandmother"},
              {"separation", Between(0, 2, rng) ? "separated" : "unaccompanied"}};
    case M::kLegal:
    case M::kHlp:
      return {{"documents_lost", {"civil_id", "nationality_certificate", "title_deed"}},
              {"documents_recovered", Json::array({"civil_id"})},
              {"property", "House, Qaraqosh, hay al-Askari, plot 112/3"},
              {"court_stage", Between(0, 1, rng) ? "filed" : "hearing"}};
    case M::kMhpss:
    case M::kSpecialNeeds:
      return Json::object();
  }
  return Json::object();
}

}  // namespace

Json SyntheticCaseContent(access::CaseModule module, cases::CaseStatus status, int64_t opened_at,
                          const std::string& owner, std::mt19937_64& rng) {
  static constexpr std::array<std::string_view, 5> kIdentifiedBy = {"self", "outreach", "referral",
                                                                    "hotline", "other"};
  Json content = {{"intake",
                   {{"identified_by", Pick(kIdentifiedBy, rng)},
                    {"narrative", Text(Between(3, 5, rng), rng)},
                    {"date", DateOf(opened_at)}}},
                  {"consent",
                   {{"registration", true},
                    {"contact", Between(0, 3, rng) != 0},
                    {"share_with", Json::array({2, 5})},
                    {"share_fields", {"name", "sex", "age", "phone", "location", "summary"}},
                    {"given_on", DateOf(opened_at)},
                    {"taken_by", owner}}},
                  {"details", Details(module, opened_at, rng)}};
  if (status >= cases::CaseStatus::kAssessment) {
    Json needs = Json::array();
    for (int i = Between(1, 3, rng); i > 0; --i) needs.push_back(Pick(kNeeds, rng));
    content["assessment"] = {{"summary", Text(Between(1, 2, rng), rng)}, {"needs", needs}};
  }
  if (status >= cases::CaseStatus::kCasePlan) {
    Json goals = Json::array();
    for (int g = Between(1, 3, rng); g > 0; --g) {
      Json actions = Json::array();
      for (int a = Between(1, 3, rng); a > 0; --a) {
        actions.push_back({{"action", Pick(kActions, rng)},
                           {"due", DateOf(opened_at + Between(7, 90, rng) * kDay)},
                           {"done", Between(0, 1, rng) == 1}});
      }
      goals.push_back({{"goal", Pick(kGoals, rng)}, {"actions", actions}});
    }
    content["plan"] = {{"goals", goals}};
  }
  if (status >= cases::CaseStatus::kClosureRequested) {
    content["closure"] = {{"reason",
                           "Goals of the case plan reached; she feels safe and the "
                           "documents were recovered."}};
  }
  return content;
}

}  // namespace sanad::bench
