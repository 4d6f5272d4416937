#include "reports/dashboard.h"

#include <map>
#include <utility>

namespace sanad::reports {
namespace {

PlaceFigure Place(const registry::PlaceDirectory& places, const store::ReachRow& r) {
  PlaceFigure out{.pcode = r.keys[0], .people = r.people, .times_served = r.times_served};
  if (const registry::Place* p = places.Find(out.pcode)) {
    out.name_en = p->name_en;
    out.name_ar = p->name_ar;
  }
  return out;
}

// People and times served by one dimension: no cells, no households.
Result<std::vector<store::ReachRow>> ReachBy(store::Connection& c, store::ReachFilter f,
                                             store::ReachDim dim, int age_year) {
  const store::ReachDim dims[] = {dim};
  f.with_cells = false;
  f.with_households = false;
  return store::Reach(c, f, dims, age_year);
}

}  // namespace

store::ReachFilter DashboardReachFilter(int64_t organisation_id, const DashboardQuery& q) {
  store::ReachFilter f{.organisation_id = organisation_id,
                       .pcode = q.pcode,
                       .from = q.period.from,
                       .to = q.period.to};
  f.project_id = q.project_id;
  if (!q.sector.empty()) f.sectors = {q.sector};
  return f;
}

Result<Dashboard> ComputeDashboard(store::Connection& c, int64_t organisation_id,
                                   const DashboardQuery& q,
                                   const registry::PlaceDirectory& places) {
  Dashboard d{.period = q.period};
  const int age_year = YearOf(q.period.to);
  const store::ReachFilter f = DashboardReachFilter(organisation_id, q);

  SANAD_ASSIGN_OR_RETURN(auto total, store::Reach(c, f, {}, age_year));
  d.reached = std::move(total.front());
  // The cells add up to the total: one cell per person.
  std::map<std::string, int64_t> by_group;
  std::map<std::pair<std::string, std::string>, int64_t> by_sex_age;
  for (const auto& cell : d.reached.cells) {
    by_group[cell.population_group] += cell.people;
    by_sex_age[{cell.sex, cell.age_group}] += cell.people;
  }
  for (const auto& [group, people] : by_group) {
    d.by_population_group.push_back({.key = group, .people = people});
  }
  for (const auto& cell : d.reached.cells) {
    auto it = by_sex_age.find({cell.sex, cell.age_group});
    if (it == by_sex_age.end()) continue;  // already listed, in the cells' order
    d.by_sex_age.push_back({.sex = cell.sex, .age_group = cell.age_group, .people = it->second});
    by_sex_age.erase(it);
  }

  SANAD_ASSIGN_OR_RETURN(auto months, ReachBy(c, f, store::ReachDim::kMonth, age_year));
  for (const auto& r : months) {
    d.by_month.push_back({.key = r.keys[0], .people = r.people, .times_served = r.times_served});
  }
  SANAD_ASSIGN_OR_RETURN(auto sectors, ReachBy(c, f, store::ReachDim::kSector, age_year));
  for (const auto& r : sectors) {
    d.by_sector.push_back({.key = r.keys[0], .people = r.people, .times_served = r.times_served});
  }
  SANAD_ASSIGN_OR_RETURN(auto adm1, ReachBy(c, f, store::ReachDim::kAdm1, age_year));
  for (const auto& r : adm1) d.by_governorate.push_back(Place(places, r));
  SANAD_ASSIGN_OR_RETURN(auto adm2, ReachBy(c, f, store::ReachDim::kAdm2, age_year));
  for (const auto& r : adm2) {
    if (!r.keys[0].empty()) d.by_district.push_back(Place(places, r));
  }

  SANAD_ASSIGN_OR_RETURN(
      d.caseload, store::CaseloadByModule(c, organisation_id, q.project_id, DayStart(q.period.from),
                                          DayEnd(q.period.to)));
  for (const auto& m : d.caseload) d.open_cases += m.open;

  const store::ProjectScope scope{.organisation_id = organisation_id,
                                  .project_id = q.project_id,
                                  .sector = q.sector,
                                  .pcode = q.pcode,
                                  .from = q.period.from,
                                  .to = q.period.to};
  SANAD_ASSIGN_OR_RETURN(d.rounds_by_status, store::RoundsByStatus(c, scope));
  for (const auto& s : d.rounds_by_status) d.rounds += s.count;
  store::ReachFilter collected = f;
  collected.sources = {"collection"};
  collected.with_cells = false;
  SANAD_ASSIGN_OR_RETURN(auto households, store::Reach(c, collected, {}, age_year));
  d.households_collected = households.front().households;
  SANAD_ASSIGN_OR_RETURN(d.budget, store::BudgetByCurrency(c, scope));
  SANAD_ASSIGN_OR_RETURN(d.projects_by_status, store::ProjectsByStatus(c, scope));

  store::ActivityFilter af{.organisation_id = organisation_id,
                           .project_id = q.project_id,
                           .pcode = q.pcode,
                           .from = q.period.from,
                           .to = q.period.to};
  if (!q.sector.empty()) af.sectors = {q.sector};
  SANAD_ASSIGN_OR_RETURN(auto held, store::MeasureActivities(c, af, store::ActivityMeasure::kHeld,
                                                             store::ActivityDim::kType));
  store::ReachFilter attended = f;
  attended.sources = {"activity"};
  SANAD_ASSIGN_OR_RETURN(auto participants, ReachBy(c, attended, store::ReachDim::kKind, age_year));
  std::map<std::string, ActivityTypeFigure> types;
  for (const auto& h : held) {
    types[h.key].held = h.value;
    d.activities_held += h.value;
  }
  for (const auto& p : participants) types[p.keys[0]].participants = p.people;
  for (auto& [type, figure] : types) {
    figure.type = type;
    d.activities_by_type.push_back(figure);
  }
  return d;
}

}  // namespace sanad::reports
