#include "reports/public_figures.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>
#include <utility>

#include "store/public_store.h"
#include "store/reach_store.h"

namespace sanad::reports {
namespace {

constexpr int kFirstYear = 1900;
constexpr int kLastYear = 9999;  // four digits: the period is YYYY-01-01..YYYY-12-31

ProjectCounts SumProjects(const std::vector<store::ProjectStatusRow>& rows, int64_t office_id,
                          bool any_office) {
  ProjectCounts out;
  for (const auto& r : rows) {
    if (!any_office && r.office_id != office_id) continue;
    if (r.status == "ongoing") out.ongoing += r.projects;
    if (r.status == "completed") out.completed += r.projects;
  }
  return out;
}

// The people of each row of a one-dimension reach, in order.
std::vector<int64_t> People(const std::vector<store::ReachRow>& rows) {
  std::vector<int64_t> out;
  out.reserve(rows.size());
  for (const auto& r : rows) out.push_back(r.people);
  return out;
}

Status OrganisationNotFound() { return Status::NotFound("organisation not found"); }

}  // namespace

PublicFigures::PublicFigures(store::Database& db, const registry::PlaceDirectory& places,
                             const Clock& clock, int64_t threshold)
    : db_(db), places_(places), clock_(clock), threshold_(threshold) {}

int PublicFigures::CurrentYear() const {
  const std::string date = FormatUtcDate(clock_.NowSeconds());
  int year = 0;
  std::from_chars(date.data(), date.data() + std::min<size_t>(4, date.size()), year);
  return year;
}

Result<std::vector<PublicOrganisation>> PublicFigures::Organisations() const {
  std::vector<PublicOrganisation> out;
  Status st = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
    out.clear();
    SANAD_ASSIGN_OR_RETURN(auto rows, store::ListPublicOrganisations(c));
    for (auto& r : rows) out.push_back({.id = r.id, .name = std::move(r.name)});
    return Status::Ok();
  });
  if (!st.ok()) return st;
  return out;
}

Result<OrganisationFigures> PublicFigures::Figures(int64_t organisation_id, int year) const {
  if (year == 0) year = CurrentYear();
  if (year < kFirstYear || year > kLastYear) {
    return Status::InvalidArgument("year is out of range",
                                   {{"year", "must be a year from 1900 to 9999"}});
  }
  OrganisationFigures out{.threshold = threshold_,
                          .from = std::to_string(year) + "-01-01",
                          .to = std::to_string(year) + "-12-31"};
  int64_t people = 0;
  std::vector<store::ReachRow> sectors;
  std::vector<store::ReachRow> governorates;
  store::StaffCountRow staff;
  Status st = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto org, store::FindPublicOrganisation(c, organisation_id));
    if (!org) return OrganisationNotFound();
    out.organisation = {.id = org->id, .name = org->name};
    // Only people are published: no cells, no households (one scan each instead of three).
    const store::ReachFilter f{.organisation_id = organisation_id,
                               .public_projects_only = true,
                               .from = out.from,
                               .to = out.to,
                               .with_cells = false,
                               .with_households = false};
    SANAD_ASSIGN_OR_RETURN(auto total, store::Reach(c, f, {}, year));
    people = total.empty() ? 0 : total[0].people;
    const store::ReachDim by_sector[] = {store::ReachDim::kSector};
    SANAD_ASSIGN_OR_RETURN(sectors, store::Reach(c, f, by_sector, year));
    const store::ReachDim by_governorate[] = {store::ReachDim::kAdm1};
    SANAD_ASSIGN_OR_RETURN(governorates, store::Reach(c, f, by_governorate, year));
    SANAD_ASSIGN_OR_RETURN(auto projects,
                           store::CountPublicProjects(c, organisation_id, out.from, out.to));
    out.projects = SumProjects(projects, 0, /*any_office=*/true);
    SANAD_ASSIGN_OR_RETURN(staff, store::CountPublicStaff(c, organisation_id));
    SANAD_ASSIGN_OR_RETURN(auto budget, store::PublicBudget(c, organisation_id, out.from, out.to));
    out.budget.clear();
    for (auto& b : budget) {
      out.budget.push_back(
          {.currency = std::move(b.currency), .budget = b.budget, .spent = b.spent});
    }
    return Status::Ok();
  });
  if (!st.ok()) return st;

  // One table: the total, and two breakdowns of it (sectors, governorates).
  const BreakdownRow row{.total = people, .groups = {People(sectors), People(governorates)}};
  const SuppressedRows shown = SuppressRows({&row, 1}, threshold_);
  out.people_reached = shown.rows[0].total;
  for (size_t i = 0; i < sectors.size(); ++i) {
    out.by_sector.push_back(
        {.sector = sectors[i].keys[0], .people_reached = shown.rows[0].groups[0][i]});
  }
  for (size_t i = 0; i < governorates.size(); ++i) {
    GovernorateReach g{.pcode = governorates[i].keys[0],
                       .people_reached = shown.rows[0].groups[1][i]};
    if (const registry::Place* p = places_.Find(g.pcode)) {
      g.name_en = p->name_en;
      g.name_ar = p->name_ar;
    }
    out.by_governorate.push_back(std::move(g));
  }
  // Staff and volunteers are people too, but no published total contains them.
  out.staff = SuppressCount(staff.staff, threshold_);
  out.volunteers = SuppressCount(staff.volunteers, threshold_);
  return out;
}

Result<std::vector<Mission>> PublicFigures::Missions(int64_t organisation_id) const {
  const int year = CurrentYear();
  std::vector<store::PublicOfficeRow> offices;
  std::map<std::string, int64_t> office_people;  // office id as text → people
  using ActivityKey = std::tuple<int64_t, std::string, std::string>;  // office, type, sector
  std::map<ActivityKey, std::pair<int64_t, int64_t>> activities;      // → held, people
  std::vector<store::ProjectStatusRow> projects;
  Status st = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto org, store::FindPublicOrganisation(c, organisation_id));
    if (!org) return OrganisationNotFound();
    SANAD_ASSIGN_OR_RETURN(offices, store::ListPublicOffices(c, organisation_id));
    store::ReachFilter f{.organisation_id = organisation_id,
                         .public_projects_only = true,
                         .with_cells = false,
                         .with_households = false};
    const store::ReachDim by_office[] = {store::ReachDim::kOffice};
    SANAD_ASSIGN_OR_RETURN(auto totals, store::Reach(c, f, by_office, year));
    office_people.clear();
    for (const auto& r : totals) office_people[r.keys[0]] = r.people;
    f.sources = {"activity"};
    const store::ReachDim by_activity[] = {store::ReachDim::kOffice, store::ReachDim::kKind,
                                           store::ReachDim::kSector};
    SANAD_ASSIGN_OR_RETURN(auto reached, store::Reach(c, f, by_activity, year));
    activities.clear();
    for (const auto& r : reached) {
      int64_t office = 0;
      std::from_chars(r.keys[0].data(), r.keys[0].data() + r.keys[0].size(), office);
      if (office != 0) activities[{office, r.keys[1], r.keys[2]}].second = r.people;
    }
    SANAD_ASSIGN_OR_RETURN(auto held, store::CountPublicActivities(c, organisation_id));
    for (const auto& h : held) activities[{h.office_id, h.type, h.sector}].first = h.held;
    SANAD_ASSIGN_OR_RETURN(projects, store::CountPublicProjects(c, organisation_id, "", ""));
    return Status::Ok();
  });
  if (!st.ok()) return st;

  // One row per mission: its people, and the people of its activities as its parts (the rest of
  // its people, from distributions and cases, is not published and so left out).
  std::vector<Mission> out;
  std::vector<BreakdownRow> rows;
  out.reserve(offices.size());
  rows.reserve(offices.size());
  for (auto& o : offices) {
    Mission m{.id = o.id,
              .name = std::move(o.name),
              .name_ar = std::move(o.name_ar),
              .pcode = std::move(o.pcode),
              .projects = SumProjects(projects, o.id, /*any_office=*/false)};
    const registry::Place* place = places_.Find(m.pcode);
    if (place) {
      m.place_name_en = place->name_en;
      m.place_name_ar = place->name_ar;
    }
    m.lat = o.lat ? *o.lat : (place ? place->lat : 0);
    m.lon = o.lon ? *o.lon : (place ? place->lon : 0);
    BreakdownRow row{.total = 0, .groups = {{}}};
    if (auto it = office_people.find(std::to_string(o.id)); it != office_people.end()) {
      row.total = it->second;
    }
    for (auto it = activities.lower_bound({o.id, "", ""});
         it != activities.end() && std::get<0>(it->first) == o.id; ++it) {
      m.activities.push_back({.type = std::get<1>(it->first),
                              .sector = std::get<2>(it->first),
                              .held = it->second.first});
      row.groups[0].push_back(it->second.second);
    }
    out.push_back(std::move(m));
    rows.push_back(std::move(row));
  }
  const SuppressedRows shown = SuppressRows(rows, threshold_);
  for (size_t i = 0; i < out.size(); ++i) {
    out[i].people_reached = shown.rows[i].total;
    for (size_t k = 0; k < out[i].activities.size(); ++k) {
      out[i].activities[k].people_reached = shown.rows[i].groups[0][k];
    }
  }
  return out;
}

}  // namespace sanad::reports
