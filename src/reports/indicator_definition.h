// Reading and writing an indicator's definition (docs/programmes.md, "Indicators"): the JSON
// object of filters a measure counts with, checked key by key against the closed vocabularies.
// Pure functions; thread-safe.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "reports/indicator.h"

namespace sanad::reports {

// The definition of an indicator of `measure` (one of kMeasures). InvalidArgument naming
// `definition` when it is not an object, and `definition.<key>` for every unknown key, wrong
// type, unknown value, or key the measure does not use (sources for activity measures, kinds
// for units_rehabilitated and trainees_improved, unit_kinds outside units_rehabilitated).
// An empty list is accepted for any measure (it filters nothing). Repeated values are kept once.
// The P-code is checked for shape only: the caller checks that the place exists.
Result<IndicatorDefinition> ParseDefinition(const nlohmann::json& j, std::string_view measure);

// The stored and wire form: every key, lists sorted.
nlohmann::json DefinitionToJson(const IndicatorDefinition& d);

// True for a kind of service record: an activity type, in_kind or cash, a case module, a
// referral's service type.
bool IsServiceKind(std::string_view kind);

}  // namespace sanad::reports
