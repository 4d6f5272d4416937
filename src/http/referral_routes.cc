// Routes of referrals (part of Api): send, the inbox and the outbox, read, and the answers —
// accept, decline, service given, cancel. docs/cases.md has the shapes.
#include "http/api.h"
#include "http/case_json.h"
#include "http/json_response.h"
#include "http/route_params.h"
#include "referrals/referral_rules.h"
#include "referrals/referral_service.h"

namespace sanad::http {
namespace {

using referrals::Referral;

Response NoSuchReferral() { return ErrorResponse(Status::NotFound("referral not found")); }

Json TextOrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json IdOrNull(int64_t id) { return id == 0 ? Json(nullptr) : Json(id); }

// The plain part of a referral, as lists show it. The sender's own ids (case, household) are
// shown to the sending side only: they mean nothing to the receiver and would tell it more
// than the consent does.
Json SummaryJson(const access::Actor& actor, const Referral& r) {
  const bool sender = referrals::SeesAsSender(actor, r);
  Json next = Json::array();
  for (auto s : referrals::AllowedNext(actor, r)) next.push_back(referrals::ReferralStatusName(s));
  return {{"id", r.id},
          {"version", r.version},
          {"status", referrals::ReferralStatusName(r.status)},
          {"urgency", r.urgency},
          {"from",
           {{"organisation", {{"id", r.from_organisation_id}, {"name", r.from_organisation_name}}},
            {"user", r.from_username},
            {"case_id", sender ? IdOrNull(r.case_id) : Json(nullptr)},
            {"household_id", sender ? IdOrNull(r.household_id) : Json(nullptr)}}},
          {"service",
           {{"id", r.service_id},
            {"type", r.service_type},
            {"name", r.service_name},
            {"organisation", {{"id", r.to_organisation_id}, {"name", r.to_organisation_name}}}}},
          {"sent_at", FormatUtc(r.sent_at)},
          {"due_at", FormatUtc(r.due_at)},
          {"overdue", r.overdue},
          {"responded_at", TimeOrNull(r.responded_at)},
          {"service_given_at", TimeOrNull(r.service_given_at)},
          {"allowed_next", next}};
}

Json ReferralJson(const access::Actor& actor, const Referral& r) {
  Json j = SummaryJson(actor, r);
  const auto& c = r.content;
  j["from"]["person_id"] =
      referrals::SeesAsSender(actor, r) ? IdOrNull(c.person_id) : Json(nullptr);
  j["reason"] = c.reason;
  j["shared"] = c.shared;
  j["decline_reason"] = TextOrNull(c.decline_reason);
  j["cancel_reason"] = TextOrNull(c.cancel_reason);
  j["service_date"] = TextOrNull(c.service_date);
  j["feedback"] = TextOrNull(c.feedback);
  return j;
}

// Reads field `key` of `j` as T when present and of the right JSON type; names it in *bad
// otherwise.
template <typename T>
T Field(const Json& j, const char* key, const char* what, std::vector<FieldError>* bad) {
  const auto it = j.find(key);
  if (it == j.end() || it->is_null()) return T{};
  if constexpr (std::is_same_v<T, int64_t>) {
    if (it->is_number_integer()) return it->get<int64_t>();
  } else if constexpr (std::is_same_v<T, bool>) {
    if (it->is_boolean()) return it->get<bool>();
  } else {
    if (it->is_string()) return it->get<std::string>();
  }
  bad->push_back({key, what});
  return T{};
}

Result<referrals::NewReferral> NewReferralFromJson(const Json& j) {
  std::vector<FieldError> bad;
  referrals::NewReferral n{
      .case_id = Field<int64_t>(j, "case_id", "must be a case id", &bad),
      .household_id = Field<int64_t>(j, "household_id", "must be a household id", &bad),
      .person_id = Field<int64_t>(j, "person_id", "must be a member id", &bad),
      .service_id = Field<int64_t>(j, "service_id", "must be a service id", &bad),
      .urgency = Field<std::string>(j, "urgency", "must be text", &bad),
      .reason = Field<std::string>(j, "reason", "must be text", &bad),
      .consent = Field<bool>(j, "consent", "must be true or false", &bad)};
  if (const auto it = j.find("share"); it != j.end() && !it->is_null()) {
    if (!it->is_array()) {
      bad.push_back({"share", "must be a list of field names"});
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        const Json& f = (*it)[i];
        if (f.is_string()) {
          n.share.push_back(f.get<std::string>());
        } else {
          bad.push_back({"share[" + std::to_string(i) + "]", "must be a field name"});
          n.share.emplace_back();
        }
      }
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("referral is invalid", std::move(bad));
  return n;
}

// Text field `key` of an action body ("" when absent); InvalidArgument for a non-text value.
Result<std::string> ActionText(const Json& body, const char* key) {
  std::vector<FieldError> bad;
  std::string out = Field<std::string>(body, key, "must be text", &bad);
  if (!bad.empty()) return Status::InvalidArgument("bad " + std::string(key), std::move(bad));
  return out;
}

}  // namespace

void Api::AddReferralRoutes() {
  Authed("GET", "/api/v1/referrals", [this](Request& req, const access::Session& s) {
    auto page = IntParam(req, "page", 1);
    if (!page.ok()) return QueryErrorResponse(page.status());
    auto limit = IntParam(req, "limit", 25);
    if (!limit.ok()) return QueryErrorResponse(limit.status());
    const std::string overdue = req.query["overdue"];
    if (!overdue.empty() && overdue != "true" && overdue != "false") {
      return QueryErrorResponse(
          Status::InvalidArgument("bad query", {{"overdue", "must be true or false"}}));
    }
    auto list = s_.referrals.List(
        s.actor, {.box = req.query["box"],
                  .status = req.query["status"],
                  .overdue = overdue == "true",
                  .page = static_cast<int>(std::clamp<int64_t>(*page, -1, 1'000'000)),
                  .limit = static_cast<int>(std::clamp<int64_t>(*limit, -1, 1'000'000))});
    if (!list.ok()) return QueryErrorResponse(list.status());
    Json items = Json::array();
    for (const auto& r : list->items) items.push_back(SummaryJson(s.actor, r));
    return JsonResponse(
        200,
        {{"items", items}, {"page", list->page}, {"limit", list->limit}, {"total", list->total}});
  });
  Authed("POST", "/api/v1/referrals", [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto n = NewReferralFromJson(*body);
    if (!n.ok()) return ErrorResponse(n.status());
    auto r = s_.referrals.Create(s.actor, *n);
    if (!r.ok()) return ErrorResponse(r.status());
    Response out = JsonResponse(201, ReferralJson(s.actor, *r));
    out.headers.emplace_back("Location", "/api/v1/referrals/" + std::to_string(r->id));
    return out;
  });
  Authed("GET", "/api/v1/referrals/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchReferral();
    auto r = s_.referrals.Get(s.actor, *id);
    if (!r.ok()) return ErrorResponse(r.status());
    Response out = JsonResponse(200, ReferralJson(s.actor, *r));
    out.headers.emplace_back("ETag", ETagOf(r->version));
    return out;
  });

  using Act = std::function<Result<Referral>(const access::Actor&, const VersionedChange&)>;
  const auto action = [this](const char* name, Act act) {
    Authed("POST", std::string("/api/v1/referrals/{id}/") + name,
           [act = std::move(act)](Request& req, const access::Session& s) {
             Response refused;
             auto in = ReadVersionedChange(req, "referral", &refused);
             if (!in) return refused;
             auto r = act(s.actor, *in);
             // A workflow conflict also lists the allowed next statuses, as for cases.
             if (!r.ok()) return CaseErrorResponse(r.status());
             Response out = JsonResponse(200, ReferralJson(s.actor, *r));
             out.headers.emplace_back("ETag", ETagOf(r->version));
             return out;
           });
  };
  action("accept", [this](const access::Actor& a, const VersionedChange& in) {
    return s_.referrals.Accept(a, in.id, in.version);
  });
  action("decline", [this](const access::Actor& a, const VersionedChange& in) -> Result<Referral> {
    SANAD_ASSIGN_OR_RETURN(const std::string reason, ActionText(in.body, "reason"));
    return s_.referrals.Decline(a, in.id, in.version, reason);
  });
  action("service", [this](const access::Actor& a, const VersionedChange& in) -> Result<Referral> {
    SANAD_ASSIGN_OR_RETURN(const std::string note, ActionText(in.body, "note"));
    SANAD_ASSIGN_OR_RETURN(const std::string date, ActionText(in.body, "date"));
    return s_.referrals.RecordService(a, in.id, in.version, note, date);
  });
  action("cancel", [this](const access::Actor& a, const VersionedChange& in) -> Result<Referral> {
    SANAD_ASSIGN_OR_RETURN(const std::string reason, ActionText(in.body, "reason"));
    return s_.referrals.Cancel(a, in.id, in.version, reason);
  });
}

}  // namespace sanad::http
