// Routes of deduplication: runs over the organisation's registry and the review of their
// groups of probable duplicates (part of Api; docs/api.md, "Deduplication").

#include "base/clock.h"
#include "http/api.h"
#include "http/json_response.h"
#include "http/route_params.h"

namespace sanad::http {
namespace {

using registry::DedupGroup;
using registry::DedupRun;

Json IdOrNull(int64_t id) { return id == 0 ? Json(nullptr) : Json(id); }

Json RunToJson(const DedupRun& r) {
  Json j = {{"id", r.id},
            {"status", r.status},
            {"started_at", FormatUtc(r.started_at)},
            {"finished_at", TimeOrNull(r.finished_at)},
            {"started_by", r.started_by_name},
            {"counts",
             {{"people", r.people},
              {"comparisons", r.comparisons},
              {"pairs", r.pairs},
              {"groups", r.groups},
              {"open_groups", r.open_groups}}},
            {"progress", nullptr},
            {"error", r.error.empty() ? Json(nullptr) : Json(r.error)}};
  if (r.status == "queued" || r.status == "running") {
    j["progress"] = {
        {"stage", r.stage.empty() ? r.status : r.stage}, {"done", r.done}, {"total", r.total}};
  }
  return j;
}

Json MemberToJson(const registry::DedupGroupMember& m, const registry::PlaceDirectory& places) {
  Json documents = Json::array();
  for (const auto& d : m.member.documents) {
    documents.push_back({{"type", d.type}, {"number", d.number}});
  }
  const registry::Place* place = places.Find(m.household.location_pcode);
  const char* status = m.merged_into != 0 ? "merged" : m.archived ? "archived" : "live";
  return {{"id", m.member.id},
          {"given_name", m.member.given_name},
          {"father_name", m.member.father_name},
          {"grandfather_name", m.member.grandfather_name},
          {"family_name", m.member.family_name},
          {"name_latin", m.member.name_latin},
          {"sex", m.member.sex},
          {"birth_date", m.member.birth_date},
          {"relationship", m.member.relationship},
          {"phone", m.member.phone},
          {"documents", documents},
          {"status", status},
          {"merged_into", IdOrNull(m.merged_into)},
          {"household",
           {{"id", m.household.id},
            {"displacement_status", m.household.displacement_status},
            {"phone", m.household.phone},
            {"location",
             {{"pcode", m.household.location_pcode},
              {"name_en", place ? place->name_en : ""},
              {"name_ar", place ? place->name_ar : ""},
              {"site", m.household.location_site}}}}}};
}

Json GroupToJson(const DedupGroup& g, const registry::PlaceDirectory& places) {
  Json members = Json::array();
  for (const auto& m : g.members) members.push_back(MemberToJson(m, places));
  Json pairs = Json::array();
  for (const auto& p : g.pairs) {
    Json reasons = Json::array();
    for (const auto& r : p.reasons) {
      reasons.push_back({{"field", r.field}, {"weight", r.weight}, {"detail", r.detail}});
    }
    pairs.push_back(
        {{"a", p.member_a}, {"b", p.member_b}, {"score", p.score}, {"reasons", reasons}});
  }
  return {{"id", g.id},
          {"run_id", g.run_id},
          {"version", g.version},
          {"state", g.state},
          {"score", g.score},
          {"keep", IdOrNull(g.kept_member_id)},
          {"decided_at", TimeOrNull(g.decided_at)},
          {"decided_by", g.decided_by_name.empty() ? Json(nullptr) : Json(g.decided_by_name)},
          {"members", members},
          {"pairs", pairs}};
}

// An integer body field: *out, or a field error when absent (if required) or not an integer.
void IntField(const Json& body, const char* name, bool required, int64_t* out,
              std::vector<FieldError>* bad) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) {
    if (required) bad->push_back({name, "is required"});
    return;
  }
  if (!it->is_number_integer()) {
    bad->push_back({name, "must be an integer"});
    return;
  }
  *out = it->get<int64_t>();
}

Response NoSuchGroup() { return ErrorResponse(Status::NotFound("dedup group not found")); }

}  // namespace

void Api::AddDedupRoutes() {
  Authed("POST", "/api/v1/dedup/runs", [this](Request&, const access::Session& s) {
    auto run = s_.dedup.Start(s.actor);
    if (!run.ok()) return ErrorResponse(run.status());
    Response r = JsonResponse(202, RunToJson(*run));
    r.headers.emplace_back("Location", "/api/v1/dedup/runs/" + std::to_string(run->id));
    return r;
  });
  Authed("GET", "/api/v1/dedup/runs", [this](Request& req, const access::Session& s) {
    auto page = IntParam(req, "page", 1);
    auto limit = IntParam(req, "limit", 25);
    if (!page.ok()) return QueryErrorResponse(page.status());
    if (!limit.ok()) return QueryErrorResponse(limit.status());
    auto result = s_.dedup.ListRuns(s.actor, static_cast<int>(std::clamp<int64_t>(*page, -1, 1e6)),
                                    static_cast<int>(std::clamp<int64_t>(*limit, -1, 1e6)));
    if (!result.ok()) return QueryErrorResponse(result.status());
    Json items = Json::array();
    for (const auto& run : result->items) items.push_back(RunToJson(run));
    return JsonResponse(200, {{"items", items},
                              {"page", result->page},
                              {"limit", result->limit},
                              {"total", result->total}});
  });
  Authed("GET", "/api/v1/dedup/runs/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return ErrorResponse(Status::NotFound("dedup run not found"));
    auto page = IntParam(req, "page", 1);
    auto limit = IntParam(req, "limit", 25);
    if (!page.ok()) return QueryErrorResponse(page.status());
    if (!limit.ok()) return QueryErrorResponse(limit.status());
    auto run = s_.dedup.GetRun(s.actor, *id);
    if (!run.ok()) return ErrorResponse(run.status());
    Json j = RunToJson(*run);
    if (run->status == "done") {
      auto groups = s_.dedup.ListGroups(
          s.actor, {.run_id = *id,
                    .state = req.query["state"],
                    .page = static_cast<int>(std::clamp<int64_t>(*page, -1, 1e6)),
                    .limit = static_cast<int>(std::clamp<int64_t>(*limit, -1, 1e6))});
      if (!groups.ok()) return QueryErrorResponse(groups.status());
      Json items = Json::array();
      for (const auto& g : groups->items) items.push_back(GroupToJson(g, s_.places));
      j["groups"] = {{"items", items},
                     {"page", groups->page},
                     {"limit", groups->limit},
                     {"total", groups->total}};
    }
    return JsonResponse(200, j);
  });
  Authed("GET", "/api/v1/dedup/groups/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchGroup();
    auto g = s_.dedup.GetGroup(s.actor, *id);
    if (!g.ok()) return ErrorResponse(g.status());
    return JsonResponse(200, GroupToJson(*g, s_.places));
  });
  Authed("POST", "/api/v1/dedup/groups/{id}/decision",
         [this](Request& req, const access::Session& s) {
           auto id = PathId(req);
           if (!id) return NoSuchGroup();
           auto body = ParseJsonObject(req.body);
           if (!body.ok()) return BadRequest(body.status().message());
           registry::DedupDecision d;
           std::vector<FieldError> bad;
           if (auto it = body->find("decision"); it != body->end() && it->is_string()) {
             d.decision = it->get<std::string>();
           } else {
             bad.push_back({"decision", "is required: same_person or different_people"});
           }
           IntField(*body, "keep", d.decision == "same_person", &d.keep, &bad);
           IntField(*body, "version", true, &d.version, &bad);
           if (!bad.empty()) {
             return ErrorResponse(Status::InvalidArgument("bad decision", std::move(bad)));
           }
           auto g = s_.dedup.Decide(s.actor, *id, d);
           if (!g.ok()) return ErrorResponse(g.status());
           return JsonResponse(200, GroupToJson(*g, s_.places));
         });
  Authed("POST", "/api/v1/dedup/groups/{id}/undo", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchGroup();
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    int64_t version = 0;
    std::vector<FieldError> bad;
    IntField(*body, "version", true, &version, &bad);
    if (!bad.empty()) return ErrorResponse(Status::InvalidArgument("bad undo", std::move(bad)));
    auto g = s_.dedup.Undo(s.actor, *id, version);
    if (!g.ok()) return ErrorResponse(g.status());
    return JsonResponse(200, GroupToJson(*g, s_.places));
  });
}

}  // namespace sanad::http
