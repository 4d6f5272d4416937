// Routes of what happens to a case besides editing: follow-ups, services given, transfer and
// assignment (part of Api). Each takes the case's `version` and answers with the case.
#include "http/api.h"
#include "http/case_json.h"
#include "http/json_response.h"
#include "http/route_params.h"

namespace sanad::http {
namespace {

std::optional<int64_t> IdField(const Json& body, const char* key, Response* refused) {
  const Json v = body.value(key, Json());
  if (v.is_number_integer()) return v.get<int64_t>();
  *refused = ErrorResponse(Status::InvalidArgument("bad request", {{key, "must be a user id"}}));
  return std::nullopt;
}

}  // namespace

void Api::AddCaseActionRoutes() {
  Authed("POST", "/api/v1/cases/{id}/follow_ups", [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadVersionedChange(req, "case", &refused);
    if (!in) return refused;
    return CaseResponse(200, s.actor, s_.cases.AddFollowUp(s.actor, in->id, in->version, in->body));
  });
  Authed("POST", "/api/v1/cases/{id}/services", [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadVersionedChange(req, "case", &refused);
    if (!in) return refused;
    return CaseResponse(200, s.actor, s_.cases.AddService(s.actor, in->id, in->version, in->body));
  });
  Authed("POST", "/api/v1/cases/{id}/transfer", [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadVersionedChange(req, "case", &refused);
    if (!in) return refused;
    auto owner = IdField(in->body, "owner_id", &refused);
    if (!owner) return refused;
    const Json reason = in->body.value("reason", Json(""));
    return CaseResponse(200, s.actor,
                        s_.cases.Transfer(s.actor, in->id, in->version, *owner,
                                          reason.is_string() ? reason.get<std::string>() : ""));
  });
  Authed("POST", "/api/v1/cases/{id}/assignments", [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadVersionedChange(req, "case", &refused);
    if (!in) return refused;
    auto user = IdField(in->body, "user_id", &refused);
    if (!user) return refused;
    return CaseResponse(200, s.actor, s_.cases.Assign(s.actor, in->id, in->version, *user));
  });
  Authed("DELETE", "/api/v1/cases/{id}/assignments/{user_id}",
         [this](Request& req, const access::Session& s) {
           Response refused;
           auto in = ReadVersionedChange(req, "case", &refused);
           if (!in) return refused;
           auto user = PathId(req, 1);
           if (!user) return ErrorResponse(Status::NotFound("that user is not assigned"));
           return CaseResponse(200, s.actor,
                               s_.cases.Unassign(s.actor, in->id, in->version, *user));
         });
}

}  // namespace sanad::http
