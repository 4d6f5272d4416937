// Routes of what happens to a case besides editing: follow-ups, services given, transfer and
// assignment (part of Api). Each takes the case's `version` and answers with the case.
#include "cases/case_access.h"
#include "cases/case_workflow.h"
#include "http/api.h"
#include "http/case_json.h"
#include "http/json_response.h"
#include "http/route_params.h"

namespace sanad::http {
namespace {

struct ActionInput {
  int64_t id = 0;
  int64_t version = 0;
  Json body;
};

// The case id, the version and the body of an action, or the response refusing them.
std::optional<ActionInput> ReadAction(Request& req, Response* refused) {
  auto id = PathId(req);
  if (!id) {
    *refused = ErrorResponse(Status::NotFound("case not found"));
    return std::nullopt;
  }
  auto body = req.body.empty() ? Result<Json>(Json::object()) : ParseJsonObject(req.body);
  if (!body.ok()) {
    *refused = BadRequest(body.status().message());
    return std::nullopt;
  }
  const auto version = ExpectedVersion(req, &*body);
  if (!version) {
    *refused = ErrorResponse(
        Status::InvalidArgument("the case's version is required", {{"version", "is required"}}));
    return std::nullopt;
  }
  return ActionInput{.id = *id, .version = *version, .body = std::move(body).value()};
}

Response Answer(const access::Actor& actor, const Result<cases::Case>& c) {
  if (!c.ok()) return CaseErrorResponse(c.status());
  const int64_t now = SystemClock().NowSeconds();
  const bool overdue = cases::IsOverdue(c->status, c->risk, c->step_at[0].value_or(0), c->status_at,
                                        c->next_follow_up, FormatUtcDate(now + 3 * 3600), now);
  Response r = JsonResponse(200, CaseToJson(*c, cases::StepsFor(actor, *c), overdue));
  r.headers.emplace_back("ETag", "\"" + std::to_string(c->version) + "\"");
  return r;
}

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
    auto in = ReadAction(req, &refused);
    if (!in) return refused;
    return Answer(s.actor, s_.cases.AddFollowUp(s.actor, in->id, in->version, in->body));
  });
  Authed("POST", "/api/v1/cases/{id}/services", [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadAction(req, &refused);
    if (!in) return refused;
    return Answer(s.actor, s_.cases.AddService(s.actor, in->id, in->version, in->body));
  });
  Authed("POST", "/api/v1/cases/{id}/transfer", [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadAction(req, &refused);
    if (!in) return refused;
    auto owner = IdField(in->body, "owner_id", &refused);
    if (!owner) return refused;
    const Json reason = in->body.value("reason", Json(""));
    return Answer(s.actor, s_.cases.Transfer(s.actor, in->id, in->version, *owner,
                                             reason.is_string() ? reason.get<std::string>() : ""));
  });
  Authed("POST", "/api/v1/cases/{id}/assignments", [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadAction(req, &refused);
    if (!in) return refused;
    auto user = IdField(in->body, "user_id", &refused);
    if (!user) return refused;
    return Answer(s.actor, s_.cases.Assign(s.actor, in->id, in->version, *user));
  });
  Authed("DELETE", "/api/v1/cases/{id}/assignments/{user_id}",
         [this](Request& req, const access::Session& s) {
           Response refused;
           auto in = ReadAction(req, &refused);
           if (!in) return refused;
           auto user = PathId(req, 1);
           if (!user) return ErrorResponse(Status::NotFound("that user is not assigned"));
           return Answer(s.actor, s_.cases.Unassign(s.actor, in->id, in->version, *user));
         });
}

}  // namespace sanad::http
