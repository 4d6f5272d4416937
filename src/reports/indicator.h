// Indicators of a project (docs/programmes.md, "Indicators"): what is counted (a measure and a
// definition filtering the records it counts), the target, and the progress computed from what
// was recorded. Plain values and the closed vocabularies they use; validation lives in
// indicator_definition.h, computation in indicator_progress.h.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sanad::reports {

inline constexpr std::array<std::string_view, 6> kMeasures = {
    "people_reached",  "households_reached",  "services_delivered",
    "activities_held", "units_rehabilitated", "trainees_improved"};
// Where service records come from (store/service_record_store.h).
inline constexpr std::array<std::string_view, 4> kSources = {"activity", "collection",
                                                             "case_service", "referral"};

// True for the measures counted over service records (the others count activities).
constexpr bool IsReachMeasure(std::string_view measure) {
  return measure == "people_reached" || measure == "households_reached" ||
         measure == "services_delivered";
}

// The filters of a measure; every list empty = no filter on it.
struct IndicatorDefinition {
  std::vector<std::string> sources;     // reach measures: kSources
  std::vector<std::string> sectors;     // programmes::kSectors
  std::vector<std::string> kinds;       // service record kinds; activity types for activities
  std::string pcode;                    // the place and under it; "" = anywhere
  bool project_only = true;             // false: the organisation's records in the project's
                                        // places and dates
  std::vector<std::string> unit_kinds;  // units_rehabilitated: programmes::kUnitKinds
  bool operator==(const IndicatorDefinition&) const = default;
};

struct Indicator {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t project_id = 0;
  int64_t version = 0;
  std::string code;
  std::string name;
  std::string name_ar;
  std::string measure;
  IndicatorDefinition definition;
  int64_t target = 0;
  bool active = true;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A create (every required field present) or a PATCH (fields present replace the stored ones).
struct IndicatorEdit {
  int64_t version = 0;
  std::optional<int64_t> project_id;  // create only
  std::optional<std::string> code;
  std::optional<std::string> name;
  std::optional<std::string> name_ar;
  std::optional<std::string> measure;
  std::optional<nlohmann::json> definition;  // checked against the measure
  std::optional<int64_t> target;
  std::optional<bool> active;
};

struct IndicatorQuery {
  int64_t project_id = 0;  // 0 = every project
  int page = 1;
  int limit = 25;
};

struct IndicatorPage {
  std::vector<Indicator> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

}  // namespace sanad::reports
