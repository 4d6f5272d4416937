#include "reports/indicator_definition.h"

#include <algorithm>
#include <span>
#include <string>
#include <vector>

#include "access/case_module.h"
#include "programmes/programme.h"
#include "referrals/service.h"

namespace sanad::reports {
namespace {

using Json = nlohmann::json;

constexpr size_t kMaxPcode = 16;

std::string Choices(std::span<const std::string_view> choices) {
  std::string out;
  for (size_t i = 0; i < choices.size(); ++i) {
    if (i > 0) out += i + 1 == choices.size() ? " or " : ", ";
    out += choices[i];
  }
  return out;
}

// A list of strings each accepted by `valid`; adds a field error and returns false otherwise.
bool ReadList(const Json& v, const std::string& field, bool (*valid)(std::string_view),
              const std::string& choices, std::vector<std::string>* out,
              std::vector<FieldError>* bad) {
  if (!v.is_array()) {
    bad->push_back({field, "must be a list of strings"});
    return false;
  }
  for (const Json& x : v) {
    if (!x.is_string()) {
      bad->push_back({field, "must be a list of strings"});
      return false;
    }
    const auto s = x.get<std::string>();
    if (!valid(s)) {
      bad->push_back({field, "unknown value '" + s + "': use " + choices});
      return false;
    }
    if (std::find(out->begin(), out->end(), s) == out->end()) out->push_back(s);
  }
  std::sort(out->begin(), out->end());
  return true;
}

bool IsSource(std::string_view s) {
  return std::find(kSources.begin(), kSources.end(), s) != kSources.end();
}
bool IsSector(std::string_view s) { return programmes::OneOf(programmes::kSectors, s); }
bool IsActivityType(std::string_view s) { return programmes::OneOf(programmes::kActivityTypes, s); }
bool IsUnitKind(std::string_view s) { return programmes::OneOf(programmes::kUnitKinds, s); }

bool IsPcodeShape(std::string_view p) {
  if (p.size() < 2 || p.size() > kMaxPcode) return false;
  return std::all_of(p.begin(), p.end(),
                     [](char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9'); });
}

}  // namespace

bool IsServiceKind(std::string_view kind) {
  if (IsActivityType(kind) || kind == "in_kind" || kind == "cash") return true;
  if (access::ParseCaseModule(kind).has_value()) return true;
  return referrals::IsServiceType(kind);
}

Result<IndicatorDefinition> ParseDefinition(const Json& j, std::string_view measure) {
  IndicatorDefinition d;
  if (j.is_null()) return d;
  if (!j.is_object()) {
    return Status::InvalidArgument("the definition must be an object",
                                   {{"definition", "must be an object"}});
  }
  const bool reach = IsReachMeasure(measure);
  std::vector<FieldError> bad;
  for (const auto& [key, v] : j.items()) {
    const std::string field = "definition." + key;
    // An empty list filters nothing: accepted for every measure, so the stored form (every
    // key) reads back after the measure changed.
    if (v.is_array() && v.empty() &&
        (key == "sources" || key == "sectors" || key == "kinds" || key == "unit_kinds")) {
      continue;
    }
    if (key == "sources") {
      if (!reach) {
        bad.push_back({field,
                       "applies to people_reached, households_reached and "
                       "services_delivered only"});
        continue;
      }
      ReadList(v, field, IsSource, Choices(kSources), &d.sources, &bad);
    } else if (key == "sectors") {
      ReadList(v, field, IsSector, "a sector of docs/programmes.md", &d.sectors, &bad);
    } else if (key == "kinds") {
      if (measure == "units_rehabilitated" || measure == "trainees_improved") {
        bad.push_back(
            {field, "does not apply: " + std::string(measure) + " counts " +
                        (measure == "trainees_improved" ? "trainings" : "rehabilitation") +
                        " only"});
        continue;
      }
      if (reach) {
        ReadList(v, field, IsServiceKind,
                 "an activity type, in_kind, cash, a case module or a service type", &d.kinds,
                 &bad);
      } else {
        ReadList(v, field, IsActivityType, Choices(programmes::kActivityTypes), &d.kinds, &bad);
      }
    } else if (key == "unit_kinds") {
      if (measure != "units_rehabilitated") {
        bad.push_back({field, "applies to units_rehabilitated only"});
        continue;
      }
      ReadList(v, field, IsUnitKind, Choices(programmes::kUnitKinds), &d.unit_kinds, &bad);
    } else if (key == "pcode") {
      // "" = anywhere, as the stored form writes it.
      if (!v.is_string() ||
          (!v.get<std::string>().empty() && !IsPcodeShape(v.get<std::string>()))) {
        bad.push_back({field, "must be a P-code such as IQG15"});
        continue;
      }
      d.pcode = v.get<std::string>();
    } else if (key == "project_only") {
      if (!v.is_boolean()) {
        bad.push_back({field, "must be true or false"});
        continue;
      }
      d.project_only = v.get<bool>();
    } else {
      bad.push_back({field,
                     "unknown key: use sources, sectors, kinds, pcode, project_only or "
                     "unit_kinds"});
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("the definition is not valid", std::move(bad));
  return d;
}

Json DefinitionToJson(const IndicatorDefinition& d) {
  // Lists are sorted and unique as ParseDefinition leaves them.
  return {{"sources", d.sources}, {"sectors", d.sectors},           {"kinds", d.kinds},
          {"pcode", d.pcode},     {"project_only", d.project_only}, {"unit_kinds", d.unit_kinds}};
}

}  // namespace sanad::reports
