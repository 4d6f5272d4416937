// Routes of the dashboard and the exports (part of Api; docs/programmes.md, "Reports and
// exports", "Dashboard"). The services check who may read and export, and audit each export.
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

Response FileResponse(reports::ReportFile file) {
  Response r{
      .status = 200, .content_type = std::move(file.content_type), .body = std::move(file.body)};
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + file.filename + "\"");
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

reports::Period PeriodOf(const Request& req) {
  return {.from = Param(req, "from"), .to = Param(req, "to")};
}

}  // namespace

void Api::AddReportRoutes() {
  Authed("GET", "/api/v1/reports/dashboard", [this](Request& req, const access::Session& s) {
    if (!s_.reports) return Unconfigured();
    auto project_id = IntParam(req, "project_id", 0);
    if (!project_id.ok()) return QueryErrorResponse(project_id.status());
    auto d = s_.reports->reports.GetDashboard(s.actor, {.period = PeriodOf(req),
                                                        .project_id = *project_id,
                                                        .sector = Param(req, "sector"),
                                                        .pcode = Param(req, "pcode")});
    if (!d.ok()) return QueryErrorResponse(d.status());
    return JsonResponse(200, DashboardToJson(*d));
  });
  for (const auto& route : {std::pair{"/api/v1/reports/4w.csv", reports::FileFormat::kCsv},
                            std::pair{"/api/v1/reports/4w.xlsx", reports::FileFormat::kXlsx}}) {
    const reports::FileFormat format = route.second;
    Authed("GET", route.first, [this, format](Request& req, const access::Session& s) {
      if (!s_.reports) return Unconfigured();
      auto project_id = IntParam(req, "project_id", 0);
      if (!project_id.ok()) return QueryErrorResponse(project_id.status());
      auto audience = reports::ParseAudience(Param(req, "audience"));
      if (!audience.ok()) return QueryErrorResponse(audience.status());
      auto file = s_.reports->reports.FourW(s.actor,
                                            {.period = PeriodOf(req),
                                             .project_id = *project_id,
                                             .sector = Param(req, "sector"),
                                             .audience = *audience},
                                            format);
      if (!file.ok()) return QueryErrorResponse(file.status());
      return FileResponse(std::move(file).value());
    });
  }
  Authed("GET", "/api/v1/projects/{id}/report.xlsx",
         [this](Request& req, const access::Session& s) {
           if (!s_.reports) return Unconfigured();
           auto id = PathId(req);
           if (!id) return ErrorResponse(Status::NotFound("project not found"));
           auto audience = reports::ParseAudience(Param(req, "audience"));
           if (!audience.ok()) return QueryErrorResponse(audience.status());
           auto file = s_.reports->reports.DonorReport(s.actor, *id, PeriodOf(req), *audience);
           if (!file.ok()) return QueryErrorResponse(file.status());
           return FileResponse(std::move(file).value());
         });
  Authed("GET", "/api/v1/reports/indicators.xlsx", [this](Request& req, const access::Session& s) {
    if (!s_.reports) return Unconfigured();
    auto project_id = IntParam(req, "project_id", 0);
    if (!project_id.ok()) return QueryErrorResponse(project_id.status());
    auto audience = reports::ParseAudience(Param(req, "audience"));
    if (!audience.ok()) return QueryErrorResponse(audience.status());
    auto file = s_.reports->reports.IndicatorWorkbook(s.actor, *project_id, *audience);
    if (!file.ok()) return QueryErrorResponse(file.status());
    return FileResponse(std::move(file).value());
  });
}

}  // namespace sanad::http
