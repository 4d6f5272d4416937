// The wire shapes of indicators, their progress and the dashboard (docs/programmes.md,
// "Indicators", "Dashboard"), and the body of an indicator's create or PATCH. The body reader
// checks JSON types only (422 naming the field; unknown fields refused, read-only fields of a
// response accepted and ignored); the service checks the rules. Pure functions; thread-safe.
#pragma once

#include "base/status.h"
#include "http/json_response.h"
#include "reports/dashboard.h"
#include "reports/indicator.h"
#include "reports/indicator_progress.h"

namespace sanad::http {

Json IndicatorToJson(const reports::Indicator& i);
// `version` is read by the route (body or If-Match).
Result<reports::IndicatorEdit> IndicatorEditFromJson(const Json& j);
// {indicator, period, value, times_served, counted, target, ratio, disaggregation, series?}.
Json ProgressToJson(const reports::Progress& p, bool with_series);
Json DashboardToJson(const reports::Dashboard& d);

}  // namespace sanad::http
