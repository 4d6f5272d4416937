#include "reports/indicator_progress.h"

#include <algorithm>
#include <iterator>
#include <map>

#include "store/report_store.h"

namespace sanad::reports {
namespace {

// The value of a measure over service records in one reach row.
int64_t ReachValue(const std::string& measure, const store::ReachRow& row) {
  if (measure == "households_reached") return row.households;
  if (measure == "services_delivered") return row.times_served;
  return row.people;
}

store::ActivityMeasure ActivityMeasureOf(const std::string& measure) {
  if (measure == "units_rehabilitated") return store::ActivityMeasure::kUnits;
  if (measure == "trainees_improved") return store::ActivityMeasure::kTraineesImproved;
  return store::ActivityMeasure::kHeld;
}

store::ActivityFilter ActivityFilterOf(const Indicator& indicator,
                                       const programmes::Project& project, const Period& period) {
  const IndicatorDefinition& d = indicator.definition;
  store::ActivityFilter f{.organisation_id = indicator.organisation_id,
                          .types = d.kinds,
                          .sectors = d.sectors,
                          .unit_kinds = d.unit_kinds,
                          .pcode = d.pcode,
                          .from = period.from,
                          .to = period.to};
  if (d.project_only) {
    f.project_id = project.id;
  } else {
    f.pcodes = project.places;
  }
  return f;
}

std::string PlaceLabel(const registry::PlaceDirectory& places, const std::string& pcode) {
  const registry::Place* p = places.Find(pcode);
  return p ? p->name_en : pcode;
}

// Month series of a measure over service records.
Result<std::vector<SeriesPoint>> ReachMonths(store::Connection& c, const Indicator& indicator,
                                             const store::ReachFilter& f, const Period& period,
                                             int age_year) {
  const store::ReachDim dims[] = {store::ReachDim::kMonth};
  store::ReachFilter lean = f;
  lean.with_cells = false;
  lean.with_households = indicator.measure == "households_reached";
  SANAD_ASSIGN_OR_RETURN(std::vector<store::ReachRow> rows, store::Reach(c, lean, dims, age_year));
  std::map<std::string, int64_t> in_month;
  for (const auto& r : rows) in_month[r.keys[0]] = ReachValue(indicator.measure, r);
  std::map<std::string, int64_t> cumulative;
  if (indicator.measure == "people_reached") {
    SANAD_ASSIGN_OR_RETURN(auto months, store::ReachByMonthCumulative(c, f));
    for (const auto& m : months) cumulative[m.month] = m.cumulative;
  }
  std::vector<SeriesPoint> out;
  int64_t running = 0;
  for (const std::string& month : MonthsOf(period)) {
    SeriesPoint p{.key = month, .label = month};
    if (auto it = in_month.find(month); it != in_month.end()) p.value = it->second;
    if (indicator.measure == "people_reached") {
      // A month without records keeps the cumulative of the month before.
      auto it = cumulative.upper_bound(month);
      running = it == cumulative.begin() ? 0 : std::prev(it)->second;
    } else if (indicator.measure == "services_delivered") {
      running += p.value;  // times served add up
    } else {
      // Households are unique over the whole span: counted again up to the month's end.
      store::ReachFilter upto = lean;
      upto.to = std::min(MonthEnd(month), period.to);
      SANAD_ASSIGN_OR_RETURN(auto total, store::Reach(c, upto, {}, age_year));
      running = total.front().households;
    }
    p.cumulative = running;
    out.push_back(std::move(p));
  }
  return out;
}

Result<std::vector<SeriesPoint>> ActivityMonths(store::Connection& c, const Indicator& indicator,
                                                const store::ActivityFilter& f,
                                                const Period& period) {
  const store::ActivityMeasure m = ActivityMeasureOf(indicator.measure);
  SANAD_ASSIGN_OR_RETURN(auto rows, store::MeasureActivities(c, f, m, store::ActivityDim::kMonth));
  std::map<std::string, int64_t> in_month;
  for (const auto& r : rows) in_month[r.key] = r.value;
  std::vector<SeriesPoint> out;
  int64_t running = 0;
  for (const std::string& month : MonthsOf(period)) {
    SeriesPoint p{.key = month, .label = month};
    if (auto it = in_month.find(month); it != in_month.end()) p.value = it->second;
    if (m == store::ActivityMeasure::kTraineesImproved) {
      // A trainee improving in two trainings counts once: counted again up to the month's end.
      store::ActivityFilter upto = f;
      upto.to = std::min(MonthEnd(month), period.to);
      SANAD_ASSIGN_OR_RETURN(auto total,
                             store::MeasureActivities(c, upto, m, store::ActivityDim::kNone));
      running = total.front().value;
    } else {
      running += p.value;
    }
    p.cumulative = running;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

store::ReachFilter ReachFilterOf(const Indicator& indicator, const programmes::Project& project,
                                 const Period& period) {
  const IndicatorDefinition& d = indicator.definition;
  store::ReachFilter f{.organisation_id = indicator.organisation_id,
                       .sources = d.sources,
                       .sectors = d.sectors,
                       .kinds = d.kinds,
                       .pcode = d.pcode,
                       .from = period.from,
                       .to = period.to};
  if (d.project_only) {
    f.project_id = project.id;
  } else {
    f.pcodes = project.places;
  }
  return f;
}

Result<Progress> ComputeProgress(store::Connection& c, const Indicator& indicator,
                                 const programmes::Project& project, const Period& period,
                                 SeriesBy by, const registry::PlaceDirectory& places) {
  Progress out{.indicator = indicator, .period = period};
  const int age_year = YearOf(period.to);
  if (IsReachMeasure(indicator.measure)) {
    store::ReachFilter f = ReachFilterOf(indicator, project, period);
    f.with_cells = indicator.measure == "people_reached";
    f.with_households = indicator.measure == "households_reached";
    SANAD_ASSIGN_OR_RETURN(auto total, store::Reach(c, f, {}, age_year));
    const store::ReachRow& row = total.front();
    out.value = ReachValue(indicator.measure, row);
    out.times_served = row.times_served;
    if (indicator.measure == "people_reached") {
      out.counted = row.counted;
      out.disaggregation = row.cells;
    }
    if (by == SeriesBy::kMonth) {
      SANAD_ASSIGN_OR_RETURN(out.series, ReachMonths(c, indicator, f, period, age_year));
    } else if (by == SeriesBy::kPlace) {
      const store::ReachDim dims[] = {store::ReachDim::kAdm1};
      store::ReachFilter lean = f;
      lean.with_cells = false;
      SANAD_ASSIGN_OR_RETURN(auto rows, store::Reach(c, lean, dims, age_year));
      for (const auto& r : rows) {
        out.series.push_back({.key = r.keys[0],
                              .label = PlaceLabel(places, r.keys[0]),
                              .value = ReachValue(indicator.measure, r)});
      }
    }
  } else {
    const store::ActivityFilter f = ActivityFilterOf(indicator, project, period);
    const store::ActivityMeasure m = ActivityMeasureOf(indicator.measure);
    SANAD_ASSIGN_OR_RETURN(auto total,
                           store::MeasureActivities(c, f, m, store::ActivityDim::kNone));
    out.value = total.front().value;
    if (by == SeriesBy::kMonth) {
      SANAD_ASSIGN_OR_RETURN(out.series, ActivityMonths(c, indicator, f, period));
    } else if (by == SeriesBy::kPlace) {
      SANAD_ASSIGN_OR_RETURN(auto rows,
                             store::MeasureActivities(c, f, m, store::ActivityDim::kAdm1));
      for (const auto& r : rows) {
        out.series.push_back({.key = r.key, .label = PlaceLabel(places, r.key), .value = r.value});
      }
    }
  }
  if (indicator.target > 0) {
    out.ratio = static_cast<double>(out.value) / static_cast<double>(indicator.target);
  }
  return out;
}

}  // namespace sanad::reports
