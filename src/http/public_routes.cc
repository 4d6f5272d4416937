// Routes of the public page (part of Api; docs/programmes.md, "The public page"): no login, no
// cookie, no CSRF token — anyone may read them, so they answer only suppressed aggregates
// (reports/public_figures.h). An organisation without a public, active office is 404.
#include "http/api.h"
#include "http/json_response.h"
#include "http/public_json.h"
#include "http/route_params.h"

namespace sanad::http {
namespace {

Response Unconfigured() {
  return ErrorResponse(Status::Unavailable("the public page is not configured on this server"));
}

Response NoSuchOrganisation() { return ErrorResponse(Status::NotFound("organisation not found")); }

}  // namespace

void Api::AddPublicRoutes() {
  router_.Add("GET", "/api/v1/public/organisations", [this](Request&) {
    if (!s_.public_figures) return Unconfigured();
    auto orgs = s_.public_figures->Organisations();
    if (!orgs.ok()) return ErrorResponse(orgs.status());
    return JsonResponse(200, PublicOrganisationsJson(*orgs));
  });
  router_.Add("GET", "/api/v1/public/organisations/{id}/figures", [this](Request& req) {
    if (!s_.public_figures) return Unconfigured();
    const auto id = PathId(req);
    if (!id) return NoSuchOrganisation();
    auto year = IntParam(req, "year", 0);
    if (!year.ok()) return QueryErrorResponse(year.status());
    // Absent is the current year (0 to the domain); a given 0, or anything out of int range, is
    // out of the domain's year range.
    const bool given = req.query.contains("year");
    const int y = *year <= 0 || *year > 1'000'000 ? (given ? -1 : 0) : static_cast<int>(*year);
    auto figures = s_.public_figures->Figures(*id, y);
    if (!figures.ok()) return QueryErrorResponse(figures.status());
    return JsonResponse(200, OrganisationFiguresJson(*figures));
  });
  router_.Add("GET", "/api/v1/public/organisations/{id}/missions", [this](Request& req) {
    if (!s_.public_figures) return Unconfigured();
    const auto id = PathId(req);
    if (!id) return NoSuchOrganisation();
    auto missions = s_.public_figures->Missions(*id);
    if (!missions.ok()) return ErrorResponse(missions.status());
    return JsonResponse(200, MissionsJson(*missions));
  });
}

}  // namespace sanad::http
