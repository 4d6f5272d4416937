#include "cases/case_content.h"

#include <algorithm>
#include <span>

#include "base/partial_date.h"
#include "cases/referral_source.h"

namespace sanad::cases {
namespace {

constexpr size_t kMaxText = 20'000;
constexpr size_t kMaxItems = 100;

using Names = std::span<const std::string_view>;

constexpr std::string_view kIdentifiedBy[] = {"self", "outreach", "referral", "hotline", "other"};
// The six GBVIMS core types of violence.
constexpr std::string_view kViolenceTypes[] = {"rape",
                                               "sexual_assault",
                                               "physical_assault",
                                               "forced_marriage",
                                               "denial_of_resources",
                                               "psychological_abuse"};
constexpr std::string_view kSeparation[] = {"none", "separated", "unaccompanied"};
constexpr std::string_view kCourtStages[] = {"none",     "filed",  "hearing",
                                             "judgment", "appeal", "enforced"};
constexpr std::string_view kNeeds[] = {
    "medical",   "psychosocial",  "safety",      "legal",          "shelter", "cash",
    "education", "documentation", "livelihoods", "family_tracing", "other"};
// The registry's identity documents and what legal and HLP cases recover besides them.
constexpr std::string_view kDocumentTypes[] = {"national_id",
                                               "unified_card",
                                               "civil_id",
                                               "nationality_certificate",
                                               "passport",
                                               "pds_card",
                                               "birth_certificate",
                                               "marriage_certificate",
                                               "death_certificate",
                                               "residency_card",
                                               "title_deed",
                                               "rental_contract",
                                               "other"};

// The fields a consent may let a referral share (cases/referral_source.h).
constexpr std::string_view kShareable[] = {"name", "sex", "age", "phone", "location", "summary"};
static_assert(std::size(kShareableFields) == 6);

bool In(Names names, std::string_view v) {
  return std::find(names.begin(), names.end(), v) != names.end();
}
std::string List(Names names) {
  std::string out;
  for (auto n : names) out += (out.empty() ? "" : ", ") + std::string(n);
  return out;
}

enum class Kind { kAny, kText, kDate, kBool, kCount, kEnum, kEnumList, kIdList, kFieldList };
struct FieldRule {
  std::string_view name;
  Kind kind;
  Names values = {};
};

void Trim(std::string* s) {
  const auto first = s->find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    s->clear();
    return;
  }
  *s = s->substr(first, s->find_last_not_of(" \t\r\n") - first + 1);
}

void CheckField(const FieldRule& rule, const std::string& path, Json* v,
                std::vector<FieldError>* bad) {
  if (v->is_null()) return;
  switch (rule.kind) {
    case Kind::kAny:
      return;  // checked by the caller
    case Kind::kText: {
      if (!v->is_string()) return bad->push_back({path, "must be text"});
      auto s = v->get<std::string>();
      Trim(&s);
      if (s.size() > kMaxText) return bad->push_back({path, "is longer than 20000 bytes"});
      *v = s;
      return;
    }
    case Kind::kDate:
      if (!v->is_string() || (!v->get<std::string>().empty() && !IsFullDate(v->get<std::string>())))
        bad->push_back({path, "must be a date YYYY-MM-DD"});
      return;
    case Kind::kBool:
      if (!v->is_boolean()) bad->push_back({path, "must be true or false"});
      return;
    case Kind::kCount:
      if (!v->is_number_integer() || v->get<int64_t>() < 0)
        bad->push_back({path, "must be a whole number, 0 or more"});
      return;
    case Kind::kEnum:
      if (!v->is_string() || !In(rule.values, v->get<std::string>()))
        bad->push_back({path, "must be one of " + List(rule.values)});
      return;
    case Kind::kEnumList:
    case Kind::kIdList:
    case Kind::kFieldList: {
      if (!v->is_array() || v->size() > kMaxItems)
        return bad->push_back({path, "must be a list (at most 100)"});
      for (size_t i = 0; i < v->size(); ++i) {
        const Json& item = (*v)[i];
        const std::string p = path + "[" + std::to_string(i) + "]";
        if (rule.kind == Kind::kIdList) {
          if (!item.is_number_integer() || item.get<int64_t>() <= 0)
            bad->push_back({p, "must be an id"});
        } else if (!item.is_string() || !In(rule.values, item.get<std::string>())) {
          bad->push_back({p, "must be one of " + List(rule.values)});
        }
      }
      return;
    }
  }
}

void CheckObject(std::string_view section, std::initializer_list<FieldRule> rules, Json* obj,
                 std::vector<FieldError>* bad) {
  const std::string base(section);
  if (!obj->is_object()) return bad->push_back({base, "must be an object"});
  for (auto it = obj->begin(); it != obj->end(); ++it) {
    const auto rule = std::find_if(rules.begin(), rules.end(),
                                   [&](const FieldRule& r) { return r.name == it.key(); });
    if (rule == rules.end()) {
      bad->push_back({base + "." + it.key(), "is not a field of " + base});
      continue;
    }
    CheckField(*rule, base + "." + it.key(), &it.value(), bad);
  }
}

// Days from one YYYY-MM-DD date to another (civil days).
int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}
int64_t DayNumber(const std::string& date) {
  std::string why;
  const auto d = ParsePartialDate(date, &why);
  return DaysFromCivil(d->year, d->month, d->day);
}

void CheckPlan(Json* plan, std::vector<FieldError>* bad) {
  if (!plan->is_object()) return bad->push_back({"plan", "must be an object"});
  for (auto it = plan->begin(); it != plan->end(); ++it) {
    if (it.key() != "goals") bad->push_back({"plan." + it.key(), "is not a field of plan"});
  }
  if (!plan->contains("goals")) return;
  Json& goals = (*plan)["goals"];
  if (!goals.is_array() || goals.size() > kMaxItems)
    return bad->push_back({"plan.goals", "must be a list (at most 100)"});
  for (size_t g = 0; g < goals.size(); ++g) {
    const std::string gp = "plan.goals[" + std::to_string(g) + "]";
    CheckObject(gp, {{"goal", Kind::kText}, {"actions", Kind::kAny}}, &goals[g], bad);
    if (!goals[g].is_object()) continue;
    if (TextAt(goals[g], "goal").empty()) bad->push_back({gp + ".goal", "is required"});
    if (!goals[g].contains("actions")) continue;
    Json& actions = goals[g]["actions"];
    if (!actions.is_array() || actions.size() > kMaxItems) {
      bad->push_back({gp + ".actions", "must be a list (at most 100)"});
      continue;
    }
    for (size_t a = 0; a < actions.size(); ++a) {
      const std::string ap = gp + ".actions[" + std::to_string(a) + "]";
      CheckObject(ap,
                  {{"action", Kind::kText},
                   {"responsible", Kind::kText},
                   {"due", Kind::kDate},
                   {"done", Kind::kBool}},
                  &actions[a], bad);
      if (actions[a].is_object() && TextAt(actions[a], "action").empty())
        bad->push_back({ap + ".action", "is required"});
    }
  }
}

void CheckDetails(access::CaseModule module, Json* details, std::vector<FieldError>* bad) {
  using access::CaseModule;
  switch (module) {
    case CaseModule::kGbv:
      CheckObject("details",
                  {{"incident_date", Kind::kDate},
                   {"violence_type", Kind::kEnum, kViolenceTypes},
                   {"days_to_report", Kind::kCount},
                   {"perpetrator_relation", Kind::kText}},
                  details, bad);
      return;
    case CaseModule::kChildProtection:
      CheckObject("details",
                  {{"caregiver_name", Kind::kText},
                   {"caregiver_relation", Kind::kText},
                   {"separation", Kind::kEnum, kSeparation}},
                  details, bad);
      return;
    case CaseModule::kLegal:
    case CaseModule::kHlp:
      CheckObject("details",
                  {{"documents_lost", Kind::kEnumList, kDocumentTypes},
                   {"documents_recovered", Kind::kEnumList, kDocumentTypes},
                   {"property", Kind::kText},
                   {"court_stage", Kind::kEnum, kCourtStages}},
                  details, bad);
      return;
    case CaseModule::kMhpss:
    case CaseModule::kSpecialNeeds:
      CheckObject("details", {}, details, bad);
      return;
  }
}

}  // namespace

bool IsFullDate(std::string_view text) {
  std::string why;
  const auto d = ParsePartialDate(text, &why);
  return d && d->precision == DatePrecision::kDay;
}

void CheckSection(access::CaseModule module, std::string_view section, Json* v,
                  std::vector<FieldError>* bad) {
  if (section == "intake") {
    CheckObject(section,
                {{"identified_by", Kind::kEnum, kIdentifiedBy},
                 {"date", Kind::kDate},
                 {"narrative", Kind::kText}},
                v, bad);
  } else if (section == "consent") {
    CheckObject(section,
                {{"registration", Kind::kBool},
                 {"contact", Kind::kBool},
                 {"share_with", Kind::kIdList},
                 {"share_fields", Kind::kFieldList, kShareable},
                 {"given_on", Kind::kDate},
                 {"taken_by", Kind::kText}},
                v, bad);
  } else if (section == "assessment") {
    CheckObject(section, {{"summary", Kind::kText}, {"needs", Kind::kEnumList, kNeeds}}, v, bad);
  } else if (section == "plan") {
    CheckPlan(v, bad);
  } else if (section == "details") {
    CheckDetails(module, v, bad);
  } else if (section == "closure") {
    CheckObject(section, {{"reason", Kind::kText}}, v, bad);
  } else {
    bad->push_back({std::string(section), "is not a section of a case"});
  }
}

void CheckContent(access::CaseModule module, Json* content, std::vector<FieldError>* bad) {
  if (!content->is_object()) return bad->push_back({"content", "must be an object"});
  for (auto it = content->begin(); it != content->end(); ++it) {
    CheckSection(module, it.key(), &it.value(), bad);
  }
  // Time to report: from the incident to the intake, when both are known.
  if (module != access::CaseModule::kGbv || !bad->empty()) return;
  const Json* incident = content->contains("details") ? &(*content)["details"] : nullptr;
  const Json* intake = content->contains("intake") ? &(*content)["intake"] : nullptr;
  if (!incident || !intake || !incident->is_object() || !intake->is_object()) return;
  const std::string from = TextAt(*incident, "incident_date");
  const std::string to = TextAt(*intake, "date");
  if (from.empty() || to.empty()) return;
  const int64_t days = DayNumber(to) - DayNumber(from);
  if (days < 0) {
    bad->push_back({"details.incident_date", "is after the intake date"});
    return;
  }
  (*content)["details"]["days_to_report"] = days;
}

}  // namespace sanad::cases
