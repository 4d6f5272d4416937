// Routes of the registry: places and households (part of Api).

#include "http/api.h"
#include "http/household_json.h"
#include "http/json_response.h"
#include "http/route_params.h"

namespace sanad::http {
namespace {

Response NoSuchHousehold() { return ErrorResponse(Status::NotFound("household not found")); }

Json PlaceToJson(const registry::Place& p) {
  return {{"pcode", p.pcode},
          {"level", p.level},
          {"name_en", p.name_en},
          {"name_ar", p.name_ar},
          {"parent", p.parent_pcode.empty() ? Json(nullptr) : Json(p.parent_pcode)},
          {"lat", p.lat},
          {"lon", p.lon}};
}

}  // namespace

void Api::AddRegistryRoutes() {
  Authed("GET", "/api/v1/places", [this](Request& req, const access::Session&) {
    auto level = IntParam(req, "level", 0);
    if (!level.ok()) return QueryErrorResponse(level.status());
    if (*level < 0 || *level > 3) {
      return QueryErrorResponse(
          Status::InvalidArgument("bad query", {{"level", "must be 1, 2 or 3"}}));
    }
    Json items = Json::array();
    for (const auto& p :
         s_.places.List(static_cast<int>(*level), req.query["parent"], req.query["q"])) {
      items.push_back(PlaceToJson(p));
    }
    return JsonResponse(200, {{"items", items}});
  });
  Authed("GET", "/api/v1/places/{pcode}", [this](Request& req, const access::Session&) {
    const auto* p = s_.places.Find(req.path_params[0]);
    if (!p) return ErrorResponse(Status::NotFound("no place with P-code " + req.path_params[0]));
    Json j = PlaceToJson(*p);
    Json path = Json::array();
    for (const auto& q : s_.places.Path(p->pcode)) path.push_back(PlaceToJson(q));
    j["path"] = path;
    return JsonResponse(200, j);
  });

  Authed("GET", "/api/v1/households", [this](Request& req, const access::Session& s) {
    auto page = IntParam(req, "page", 1);
    auto limit = IntParam(req, "limit", 25);
    if (!page.ok()) return QueryErrorResponse(page.status());
    if (!limit.ok()) return QueryErrorResponse(limit.status());
    registry::HouseholdQuery q{
        .text = req.query["q"],
        .pcode = req.query["pcode"],
        .status = req.query["status"],
        .page = static_cast<int>(std::clamp<int64_t>(*page, -1, 1'000'000)),
        .limit = static_cast<int>(std::clamp<int64_t>(*limit, -1, 1'000'000))};
    auto result = s_.households.List(s.actor, q);
    if (!result.ok()) return QueryErrorResponse(result.status());
    Json items = Json::array();
    for (const auto& h : result->items) items.push_back(HouseholdToJson(h, s_.places));
    return JsonResponse(200, {{"items", items},
                              {"page", result->page},
                              {"limit", result->limit},
                              {"total", result->total}});
  });
  Authed("POST", "/api/v1/households", [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    registry::Household h;
    Status st = ApplyHouseholdJson(*body, &h);
    if (!st.ok()) return ErrorResponse(st);
    auto created = s_.households.Create(s.actor, std::move(h));
    if (!created.ok()) return ErrorResponse(created.status());
    Response r = JsonResponse(201, HouseholdToJson(*created, s_.places));
    r.headers.emplace_back("Location", "/api/v1/households/" + std::to_string(created->id));
    r.headers.emplace_back("ETag", ETagOf(created->version));
    return r;
  });
  Authed("GET", "/api/v1/households/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchHousehold();
    auto h = s_.households.Get(s.actor, *id);
    if (!h.ok()) return ErrorResponse(h.status());
    Response r = JsonResponse(200, HouseholdToJson(*h, s_.places));
    r.headers.emplace_back("ETag", ETagOf(h->version));
    return r;
  });
  Authed("PATCH", "/api/v1/households/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchHousehold();
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    const auto version = ExpectedVersion(req, &*body);
    if (!version) {
      return ErrorResponse(
          Status::InvalidArgument("the version being edited is required",
                                  {{"version", "is required (field or If-Match header)"}}));
    }
    auto current = s_.households.Get(s.actor, *id);
    if (!current.ok()) return ErrorResponse(current.status());
    registry::Household h = std::move(current).value();
    Status st = ApplyHouseholdJson(*body, &h);
    if (!st.ok()) return ErrorResponse(st);
    auto updated = s_.households.Update(s.actor, std::move(h), *version);
    if (!updated.ok()) return ErrorResponse(updated.status());
    Response r = JsonResponse(200, HouseholdToJson(*updated, s_.places));
    r.headers.emplace_back("ETag", ETagOf(updated->version));
    return r;
  });
  Authed("DELETE", "/api/v1/households/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchHousehold();
    Status st = s_.households.Archive(s.actor, *id, ExpectedVersion(req, nullptr));
    if (!st.ok()) return ErrorResponse(st);
    return Response{.status = 204};
  });
  Authed("GET", "/api/v1/households/{id}/history", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchHousehold();
    auto entries = s_.households.History(s.actor, *id);
    if (!entries.ok()) return ErrorResponse(entries.status());
    Json items = Json::array();
    for (const auto& e : *entries) items.push_back(AuditEntryToJson(e));
    return JsonResponse(200, {{"items", items}});
  });
}

}  // namespace sanad::http
