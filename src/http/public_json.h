// The wire form of the public page's answers (docs/programmes.md, "The public page"): an
// organisation in figures and its missions. A suppressed count is null; money is a JSON number
// in the currency's major unit. Only aggregates and names of organisations, offices and places.
// Pure functions; thread-safe.
#pragma once

#include <vector>

#include "http/json_response.h"
#include "reports/public_figures.h"

namespace sanad::http {

// [{id, name}]
Json PublicOrganisationsJson(const std::vector<reports::PublicOrganisation>& orgs);
// {organisation, threshold, period, people_reached, projects, volunteers, staff, budget,
// by_sector, by_governorate}
Json OrganisationFiguresJson(const reports::OrganisationFigures& f);
// [{id, name, name_ar, lat, lon, pcode, place, people_reached, projects, activities}]
Json MissionsJson(const std::vector<reports::Mission>& missions);

}  // namespace sanad::http
