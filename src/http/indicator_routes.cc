// Routes of indicators and their progress (part of Api; docs/programmes.md, "Indicators"). The
// services check who may read and write; these read the request and write the response.
#include "http/api.h"
#include "http/json_response.h"
#include "http/report_json.h"
#include "http/route_params.h"
#include "reports/report_services.h"

namespace sanad::http {
namespace {

Response Unconfigured() {
  return ErrorResponse(Status::Unavailable("reports are not configured on this server"));
}

Result<reports::SeriesBy> SeriesByOf(const std::string& by) {
  if (by.empty() || by == "none") return reports::SeriesBy::kNone;
  if (by == "month") return reports::SeriesBy::kMonth;
  if (by == "place") return reports::SeriesBy::kPlace;
  return Status::InvalidArgument("bad query", {{"by", "must be month, place or none"}});
}

}  // namespace

void Api::AddIndicatorRoutes() {
  Authed("GET", "/api/v1/indicators", [this](Request& req, const access::Session& s) {
    if (!s_.reports) return Unconfigured();
    int64_t project_id = 0;
    int page = 1;
    int limit = 25;
    if (Status st = Ints(req, {{"project_id", &project_id}}); !st.ok()) {
      return QueryErrorResponse(st);
    }
    if (Status st = PageParams(req, &page, &limit); !st.ok()) return QueryErrorResponse(st);
    auto list = s_.reports->indicators.List(
        s.actor, {.project_id = project_id, .page = page, .limit = limit});
    if (!list.ok()) return QueryErrorResponse(list.status());
    return PageResponse(*list, [](const auto& i) { return IndicatorToJson(i); });
  });
  Authed("POST", "/api/v1/indicators", [this](Request& req, const access::Session& s) {
    if (!s_.reports) return Unconfigured();
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto edit = IndicatorEditFromJson(*body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    auto created = s_.reports->indicators.Create(s.actor, *edit);
    if (!created.ok()) return ErrorResponse(created.status());
    Response r = Versioned(201, IndicatorToJson(*created), created->version);
    r.headers.emplace_back("Location", "/api/v1/indicators/" + std::to_string(created->id));
    return r;
  });
  Authed("GET", "/api/v1/indicators/{id}", [this](Request& req, const access::Session& s) {
    if (!s_.reports) return Unconfigured();
    auto id = PathId(req);
    if (!id) return ErrorResponse(Status::NotFound("indicator not found"));
    auto i = s_.reports->indicators.Get(s.actor, *id);
    if (!i.ok()) return ErrorResponse(i.status());
    return Versioned(200, IndicatorToJson(*i), i->version);
  });
  Authed("PATCH", "/api/v1/indicators/{id}", [this](Request& req, const access::Session& s) {
    if (!s_.reports) return Unconfigured();
    Response refused;
    auto in = ReadVersionedChange(req, "indicator", &refused);
    if (!in) return refused;
    auto edit = IndicatorEditFromJson(in->body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    edit->version = in->version;
    auto i = s_.reports->indicators.Update(s.actor, in->id, *edit);
    if (!i.ok()) return ErrorResponse(i.status());
    return Versioned(200, IndicatorToJson(*i), i->version);
  });
  Authed("GET", "/api/v1/indicators/{id}/progress", [this](Request& req, const access::Session& s) {
    if (!s_.reports) return Unconfigured();
    auto id = PathId(req);
    if (!id) return ErrorResponse(Status::NotFound("indicator not found"));
    auto by = SeriesByOf(Param(req, "by"));
    if (!by.ok()) return QueryErrorResponse(by.status());
    auto p = s_.reports->indicators.GetProgress(
        s.actor, *id, {.from = Param(req, "from"), .to = Param(req, "to")}, *by);
    if (!p.ok()) return QueryErrorResponse(p.status());
    return JsonResponse(200, ProgressToJson(*p, true));
  });
  Authed("GET", "/api/v1/projects/{id}/indicators/progress",
         [this](Request& req, const access::Session& s) {
           if (!s_.reports) return Unconfigured();
           auto id = PathId(req);
           if (!id) return ErrorResponse(Status::NotFound("project not found"));
           auto all = s_.reports->indicators.ProjectProgress(
               s.actor, *id, {.from = Param(req, "from"), .to = Param(req, "to")});
           if (!all.ok()) return QueryErrorResponse(all.status());
           Json items = Json::array();
           for (const auto& p : *all) items.push_back(ProgressToJson(p, false));
           return JsonResponse(200, {{"project_id", *id}, {"items", items}});
         });
}

}  // namespace sanad::http
