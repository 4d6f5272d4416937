// Routes of people search and probable matches (part of Api): GET /api/v1/people and
// POST /api/v1/people/matches (docs/api.md, "People").
#include "http/api.h"
#include "http/json_response.h"

namespace sanad::http {
namespace {

Json ReasonsJson(const std::vector<matching::MatchReason>& reasons) {
  Json out = Json::array();
  for (const auto& r : reasons) {
    out.push_back({{"field", r.field}, {"weight", r.weight}, {"detail", r.detail}});
  }
  return out;
}

Json HitJson(const registry::PersonHit& hit, const registry::PlaceDirectory& places) {
  const registry::Member& m = hit.member;
  const registry::Household& h = hit.household;
  Json location = {{"pcode", h.location_pcode}, {"site", h.location_site}};
  if (const auto* p = places.Find(h.location_pcode)) {
    location["name_en"] = p->name_en;
    location["name_ar"] = p->name_ar;
  }
  return {{"person",
           {{"id", m.id},
            {"given_name", m.given_name},
            {"father_name", m.father_name},
            {"grandfather_name", m.grandfather_name},
            {"family_name", m.family_name},
            {"name_latin", m.name_latin},
            {"sex", m.sex},
            {"birth_date", m.birth_date},
            {"relationship", m.relationship}}},
          {"household",
           {{"id", h.id}, {"displacement_status", h.displacement_status}, {"location", location}}},
          {"score", hit.score},
          {"reasons", ReasonsJson(hit.reasons)}};
}

Json HitsJson(const std::vector<registry::PersonHit>& hits,
              const registry::PlaceDirectory& places) {
  Json items = Json::array();
  for (const auto& hit : hits) items.push_back(HitJson(hit, places));
  return items;
}

// Reads the match query from a JSON body; InvalidArgument naming fields of the wrong type.
Status ReadMatchQuery(const Json& body, registry::MatchQuery* q) {
  std::vector<FieldError> bad;
  const std::pair<const char*, std::string*> texts[] = {{"given_name", &q->given_name},
                                                        {"father_name", &q->father_name},
                                                        {"grandfather_name", &q->grandfather_name},
                                                        {"family_name", &q->family_name},
                                                        {"name_latin", &q->name_latin},
                                                        {"sex", &q->sex},
                                                        {"birth_date", &q->birth_date},
                                                        {"location_pcode", &q->location_pcode},
                                                        {"phone", &q->phone},
                                                        {"document_number", &q->document_number}};
  for (const auto& [key, out] : texts) {
    const auto it = body.find(key);
    if (it == body.end() || it->is_null()) continue;
    if (it->is_string()) {
      *out = it->get<std::string>();
    } else {
      bad.push_back({key, "must be a string"});
    }
  }
  const std::pair<const char*, int64_t> integers[] = {{"household_id", 0}, {"limit", q->limit}};
  for (const auto& [key, fallback] : integers) {
    const auto it = body.find(key);
    int64_t v = fallback;
    if (it != body.end() && !it->is_null()) {
      if (it->is_number_integer()) {
        v = std::clamp<int64_t>(it->get<int64_t>(), -1, 1'000'000);
      } else {
        bad.push_back({key, "must be a whole number"});
      }
    }
    if (std::string_view(key) == "limit") {
      q->limit = static_cast<int>(v);
    } else {
      q->household_id = v;
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("match query is invalid", std::move(bad));
  return Status::Ok();
}

}  // namespace

void Api::AddPeopleRoutes() {
  Authed("GET", "/api/v1/people", [this](Request& req, const access::Session& s) {
    auto limit = IntParam(req, "limit", 20);
    if (!limit.ok()) return QueryErrorResponse(limit.status());
    const registry::PeopleQuery q{
        .text = req.query["q"],
        .limit = static_cast<int>(std::clamp<int64_t>(*limit, -1, 1'000'000))};
    auto hits = s_.people.Search(s.actor, q);
    if (!hits.ok()) return QueryErrorResponse(hits.status());
    return JsonResponse(200, {{"items", HitsJson(*hits, s_.places)}});
  });
  // POST although it changes nothing: the names of the person being registered are personal
  // data, and a body stays out of URLs, proxy logs and browser history.
  Authed("POST", "/api/v1/people/matches", [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    registry::MatchQuery q;
    if (Status st = ReadMatchQuery(*body, &q); !st.ok()) return ErrorResponse(st);
    auto report = s_.people.Matches(s.actor, q);
    if (!report.ok()) return ErrorResponse(report.status());
    return JsonResponse(200, {{"items", HitsJson(report->matches, s_.places)},
                              {"other_organisations", report->other_organisations}});
  });
}

}  // namespace sanad::http
