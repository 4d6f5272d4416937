#include "http/public_json.h"

#include "http/cash_json.h"

namespace sanad::http {
namespace {

Json CountJson(const reports::Count& n) { return n ? Json(*n) : Json(nullptr); }

Json ProjectsJson(const reports::ProjectCounts& p) {
  return {{"ongoing", p.ongoing}, {"completed", p.completed}};
}

}  // namespace

Json PublicOrganisationsJson(const std::vector<reports::PublicOrganisation>& orgs) {
  Json out = Json::array();
  for (const auto& o : orgs) out.push_back({{"id", o.id}, {"name", o.name}});
  return out;
}

Json OrganisationFiguresJson(const reports::OrganisationFigures& f) {
  Json budget = Json::array();
  for (const auto& b : f.budget) {
    budget.push_back({{"currency", b.currency},
                      {"budget", MoneyJson(b.budget, b.currency)},
                      {"spent", MoneyJson(b.spent, b.currency)}});
  }
  Json sectors = Json::array();
  for (const auto& s : f.by_sector) {
    sectors.push_back({{"sector", s.sector}, {"people_reached", CountJson(s.people_reached)}});
  }
  Json governorates = Json::array();
  for (const auto& g : f.by_governorate) {
    governorates.push_back({{"pcode", g.pcode},
                            {"name_en", g.name_en},
                            {"name_ar", g.name_ar},
                            {"people_reached", CountJson(g.people_reached)}});
  }
  return {{"organisation", {{"id", f.organisation.id}, {"name", f.organisation.name}}},
          {"threshold", f.threshold},
          {"period", {{"from", f.from}, {"to", f.to}}},
          {"people_reached", CountJson(f.people_reached)},
          {"projects", ProjectsJson(f.projects)},
          {"volunteers", CountJson(f.volunteers)},
          {"staff", CountJson(f.staff)},
          {"budget", budget},
          {"by_sector", sectors},
          {"by_governorate", governorates}};
}

Json MissionsJson(const std::vector<reports::Mission>& missions) {
  Json out = Json::array();
  for (const auto& m : missions) {
    Json activities = Json::array();
    for (const auto& a : m.activities) {
      activities.push_back({{"type", a.type},
                            {"sector", a.sector},
                            {"held", a.held},
                            {"people_reached", CountJson(a.people_reached)}});
    }
    out.push_back({{"id", m.id},
                   {"name", m.name},
                   {"name_ar", m.name_ar},
                   {"lat", m.lat},
                   {"lon", m.lon},
                   {"pcode", m.pcode},
                   {"place", {{"name_en", m.place_name_en}, {"name_ar", m.place_name_ar}}},
                   {"people_reached", CountJson(m.people_reached)},
                   {"projects", ProjectsJson(m.projects)},
                   {"activities", activities}});
  }
  return out;
}

}  // namespace sanad::http
