// Routes of protection cases: lists, the dashboard, exports, reading, opening and editing a
// case, and its workflow (part of Api). docs/cases.md has the shapes.
#include "http/api.h"
#include "http/case_json.h"
#include "http/json_response.h"
#include "http/route_params.h"
#include "io/table_writer.h"

namespace sanad::http {
namespace {

Response NoSuchCase() { return ErrorResponse(Status::NotFound("case not found")); }

Result<cases::CaseQuery> QueryOf(const Request& req) {
  auto page = IntParam(req, "page", 1);
  if (!page.ok()) return page.status();
  auto limit = IntParam(req, "limit", 25);
  if (!limit.ok()) return limit.status();
  auto param = [&](const char* name) {
    auto it = req.query.find(name);
    return it == req.query.end() ? std::string() : it->second;
  };
  cases::CaseQuery q{.view = param("view"),
                     .module = param("module"),
                     .status = param("status"),
                     .risk = param("risk"),
                     .text = param("q"),
                     .page = static_cast<int>(std::clamp<int64_t>(*page, -1, 1'000'000)),
                     .limit = static_cast<int>(std::clamp<int64_t>(*limit, -1, 1'000'000))};
  if (q.view.empty()) q.view = "mine";
  return q;
}

std::vector<io::TableRow> ExportRows(const std::vector<cases::CaseSummary>& items) {
  std::vector<io::TableRow> rows = {{"reference", "module", "status", "risk", "owner", "opened_at",
                                     "status_since", "next_follow_up", "overdue"}};
  for (const auto& s : items) {
    rows.push_back({s.Reference(), std::string(access::CaseModuleName(s.module)),
                    std::string(cases::StatusName(s.status)), std::string(cases::RiskName(s.risk)),
                    s.owner.username, FormatUtc(s.opened_at), FormatUtc(s.status_at),
                    s.next_follow_up, s.overdue ? "yes" : "no"});
  }
  return rows;
}

}  // namespace

void Api::AddCaseRoutes() {
  Authed("GET", "/api/v1/cases", [this](Request& req, const access::Session& s) {
    auto q = QueryOf(req);
    if (!q.ok()) return QueryErrorResponse(q.status());
    auto page = s_.cases.List(s.actor, *q);
    if (!page.ok()) return QueryErrorResponse(page.status());
    Json items = Json::array();
    for (const auto& c : page->items) items.push_back(CaseSummaryToJson(c));
    return JsonResponse(
        200,
        {{"items", items}, {"page", page->page}, {"limit", page->limit}, {"total", page->total}});
  });
  Authed("GET", "/api/v1/cases/dashboard", [this](Request&, const access::Session& s) {
    auto d = s_.cases.GetDashboard(s.actor);
    if (!d.ok()) return ErrorResponse(d.status());
    return JsonResponse(200, DashboardToJson(*d));
  });
  Authed("GET", "/api/v1/cases/caseworkers", [this](Request& req, const access::Session& s) {
    auto users = s_.cases.Caseworkers(s.actor, req.query["module"]);
    if (!users.ok()) return QueryErrorResponse(users.status());
    Json items = Json::array();
    for (const auto& u : *users) items.push_back({{"id", u.id}, {"username", u.username}});
    return JsonResponse(200, {{"items", items}});
  });
  for (const char* format : {"csv", "xlsx"}) {
    const std::string f = format;
    Authed("GET", "/api/v1/cases/export." + f, [this, f](Request& req, const access::Session& s) {
      auto q = QueryOf(req);
      if (!q.ok()) return QueryErrorResponse(q.status());
      auto items = s_.cases.Export(s.actor, *q);
      if (!items.ok()) return QueryErrorResponse(items.status());
      const auto rows = ExportRows(*items);
      Response r{.status = 200};
      if (f == "csv") {
        r.content_type = "text/csv; charset=utf-8";
        r.body = io::WriteCsv(rows);
      } else {
        auto xlsx = io::WriteXlsx("cases", rows);
        if (!xlsx.ok()) return ErrorResponse(xlsx.status());
        r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
        r.body = std::move(xlsx).value();
      }
      r.headers.emplace_back("Content-Disposition", "attachment; filename=\"cases." + f + "\"");
      r.headers.emplace_back("Cache-Control", "no-store");
      return r;
    });
  }
  Authed("POST", "/api/v1/cases", [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto in = NewCaseFromJson(*body);
    if (!in.ok()) return ErrorResponse(in.status());
    return CaseResponse(201, s.actor, s_.cases.Create(s.actor, *in));
  });
  Authed("GET", "/api/v1/cases/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchCase();
    return CaseResponse(200, s.actor, s_.cases.Get(s.actor, *id));
  });
  Authed("PATCH", "/api/v1/cases/{id}", [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadVersionedChange(req, "case", &refused);
    if (!in) return refused;
    auto edit = CaseEditFromJson(in->body, in->version);
    if (!edit.ok()) return ErrorResponse(edit.status());
    return CaseResponse(200, s.actor, s_.cases.Edit(s.actor, in->id, *edit));
  });
  Authed("POST", "/api/v1/cases/{id}/status", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchCase();
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    const auto version = ExpectedVersion(req, &*body);
    const Json status = body->value("status", Json());
    const Json reason = body->value("reason", Json(""));
    std::vector<FieldError> bad;
    if (!version) bad.push_back({"version", "is required"});
    if (!status.is_string()) bad.push_back({"status", "is required"});
    if (!reason.is_string()) bad.push_back({"reason", "must be text"});
    if (!bad.empty()) return ErrorResponse(Status::InvalidArgument("bad step", std::move(bad)));
    return CaseResponse(200, s.actor,
                        s_.cases.Move(s.actor, *id, status.get<std::string>(), *version,
                                      reason.get<std::string>()));
  });
  Authed("GET", "/api/v1/cases/{id}/timeline", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchCase();
    auto events = s_.cases.Timeline(s.actor, *id);
    if (!events.ok()) return ErrorResponse(events.status());
    Json items = Json::array();
    for (const auto& e : *events) items.push_back(CaseEventToJson(e));
    Response r = JsonResponse(200, {{"items", items}});
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  });
}

}  // namespace sanad::http
