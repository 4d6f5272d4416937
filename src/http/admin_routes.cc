// Routes of administration: organisations, users and the audit log (part of Api).
#include <charconv>

#include "base/clock.h"
#include "http/api.h"
#include "http/household_json.h"
#include "http/json_response.h"

namespace sanad::http {
namespace {

Json OrganisationJson(const access::Organisation& o) {
  return {{"id", o.id}, {"name", o.name}, {"created_at", FormatUtc(o.created_at)}};
}

Json UserRecordJson(const access::User& u) {
  return {{"id", u.id},
          {"username", u.username},
          {"role", access::RoleName(u.role)},
          {"organisation", {{"id", u.organisation_id}, {"name", u.organisation_name}}},
          {"modules", ModulesJson(u.modules)},
          {"disabled", u.disabled},
          {"created_at", FormatUtc(u.created_at)}};
}

std::string StringField(const Json& j, const char* key, std::vector<FieldError>* bad) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return "";
  if (!it->is_string()) {
    bad->push_back({key, "must be a string"});
    return "";
  }
  return it->get<std::string>();
}

// The "modules" array of a user body: nullopt (with a field error when not an array of strings).
std::optional<std::vector<std::string>> ModulesField(const Json& j, std::vector<FieldError>* bad) {
  auto it = j.find("modules");
  if (it == j.end() || it->is_null()) return std::nullopt;
  std::vector<std::string> out;
  if (it->is_array()) {
    for (const auto& m : *it) {
      if (!m.is_string()) break;
      out.push_back(m.get<std::string>());
    }
    if (out.size() == it->size()) return out;
  }
  bad->push_back({"modules", "must be an array of module names"});
  return std::nullopt;
}

}  // namespace

void Api::AddAdminRoutes() {
  Authed("GET", "/api/v1/organisations", [this](Request&, const access::Session& s) {
    auto orgs = s_.admin.ListOrganisations(s.actor);
    if (!orgs.ok()) return ErrorResponse(orgs.status());
    Json items = Json::array();
    for (const auto& o : *orgs) items.push_back(OrganisationJson(o));
    return JsonResponse(
        200, {{"items", items}, {"page", 1}, {"limit", items.size()}, {"total", items.size()}});
  });
  Authed("POST", "/api/v1/organisations", [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    std::vector<FieldError> bad;
    const std::string name = StringField(*body, "name", &bad);
    if (!bad.empty()) return ErrorResponse(Status::InvalidArgument("bad organisation", bad));
    auto org = s_.admin.CreateOrganisation(s.actor, name);
    if (!org.ok()) return ErrorResponse(org.status());
    return JsonResponse(201, OrganisationJson(*org));
  });
  Authed("GET", "/api/v1/users", [this](Request& req, const access::Session& s) {
    auto org = IntParam(req, "organisation_id", 0);
    if (!org.ok()) return QueryErrorResponse(org.status());
    auto users = s_.admin.ListUsers(s.actor, *org);
    if (!users.ok()) return ErrorResponse(users.status());
    Json items = Json::array();
    for (const auto& u : *users) items.push_back(UserRecordJson(u));
    return JsonResponse(
        200, {{"items", items}, {"page", 1}, {"limit", items.size()}, {"total", items.size()}});
  });
  Authed("POST", "/api/v1/users", [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    std::vector<FieldError> bad;
    access::NewUser nu{.username = StringField(*body, "username", &bad),
                       .password = StringField(*body, "password", &bad),
                       .role = StringField(*body, "role", &bad)};
    if (auto it = body->find("organisation_id"); it != body->end() && !it->is_null()) {
      if (it->is_number_integer()) {
        nu.organisation_id = it->get<int64_t>();
      } else {
        bad.push_back({"organisation_id", "must be an integer"});
      }
    }
    nu.modules = ModulesField(*body, &bad).value_or(std::vector<std::string>{});
    if (!bad.empty()) return ErrorResponse(Status::InvalidArgument("bad user", bad));
    auto user = s_.admin.CreateUser(s.actor, nu);
    if (!user.ok()) return ErrorResponse(user.status());
    return JsonResponse(201, UserRecordJson(*user));
  });
  Authed("PATCH", "/api/v1/users/{id}", [this](Request& req, const access::Session& s) {
    int64_t id = 0;
    const std::string& seg = req.path_params[0];
    const auto [p, ec] = std::from_chars(seg.data(), seg.data() + seg.size(), id);
    if (ec != std::errc() || p != seg.data() + seg.size()) {
      return ErrorResponse(Status::NotFound("user not found"));
    }
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    std::vector<FieldError> bad;
    access::UserChange change;
    if (body->contains("role")) change.role = StringField(*body, "role", &bad);
    if (body->contains("password")) change.password = StringField(*body, "password", &bad);
    if (auto it = body->find("disabled"); it != body->end()) {
      if (it->is_boolean()) {
        change.disabled = it->get<bool>();
      } else {
        bad.push_back({"disabled", "must be true or false"});
      }
    }
    change.modules = ModulesField(*body, &bad);
    if (!bad.empty()) return ErrorResponse(Status::InvalidArgument("bad user change", bad));
    auto user = s_.admin.UpdateUser(s.actor, id, change);
    if (!user.ok()) return ErrorResponse(user.status());
    return JsonResponse(200, UserRecordJson(*user));
  });
  Authed("GET", "/api/v1/audit", [this](Request& req, const access::Session& s) {
    auto id = IntParam(req, "id", 0);
    auto page = IntParam(req, "page", 1);
    auto limit = IntParam(req, "limit", 25);
    for (const auto* r : {&id, &page, &limit}) {
      if (!r->ok()) return QueryErrorResponse(r->status());
    }
    auto result = s_.audit.List(
        s.actor, {.entity = req.query["entity"],
                  .entity_id = *id,
                  .page = static_cast<int>(std::clamp<int64_t>(*page, -1, 1'000'000)),
                  .limit = static_cast<int>(std::clamp<int64_t>(*limit, -1, 1'000'000))});
    if (!result.ok()) return QueryErrorResponse(result.status());
    Json items = Json::array();
    for (const auto& e : result->items) items.push_back(AuditEntryToJson(e));
    return JsonResponse(200, {{"items", items},
                              {"page", result->page},
                              {"limit", result->limit},
                              {"total", result->total}});
  });
}

}  // namespace sanad::http
