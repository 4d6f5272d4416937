// Routes of distribution rounds, their beneficiary lists, collections and reports (part of Api);
// docs/assistance.md has the shapes.
#include "assistance/beneficiary_rows.h"
#include "http/api.h"
#include "http/distribution_json.h"
#include "http/json_response.h"
#include "http/route_params.h"
#include "io/table_writer.h"

namespace sanad::http {
namespace {

using assistance::Distribution;

constexpr char kRounds[] = "/api/v1/distributions";

Response NoSuchRound() { return ErrorResponse(Status::NotFound("distribution not found")); }

Response RoundResponse(int status, const access::Actor& actor, const Result<Distribution>& d) {
  if (!d.ok()) return DistributionErrorResponse(d.status());
  Response r = JsonResponse(status, DistributionToJson(*d, actor));
  r.headers.emplace_back("ETag", ETagOf(d->version));
  r.headers.emplace_back("Cache-Control", "no-store");
  if (status == 201) {
    r.headers.emplace_back("Location", std::string(kRounds) + "/" + std::to_string(d->id));
  }
  return r;
}

std::string RoundPath(const std::string& tail) { return std::string(kRounds) + "/{id}" + tail; }

}  // namespace

void Api::AddDistributionRoutes() {
  Authed("GET", kRounds, [this](Request& req, const access::Session& s) {
    auto page = IntParam(req, "page", 1);
    if (!page.ok()) return QueryErrorResponse(page.status());
    auto limit = IntParam(req, "limit", 25);
    if (!limit.ok()) return QueryErrorResponse(limit.status());
    auto list = s_.distributions.List(s.actor, {.status = req.query["status"],
                                                .kind = req.query["kind"],
                                                .page = Clamp(*page),
                                                .limit = Clamp(*limit)});
    if (!list.ok()) return QueryErrorResponse(list.status());
    Json items = Json::array();
    for (const auto& d : list->items) items.push_back(DistributionToJson(d, s.actor));
    return JsonResponse(
        200,
        {{"items", items}, {"page", list->page}, {"limit", list->limit}, {"total", list->total}});
  });
  Authed("POST", kRounds, [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto edit = DistributionEditFromJson(*body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    return RoundResponse(201, s.actor, s_.distributions.Create(s.actor, NewDistribution(*edit)));
  });
  Authed("GET", RoundPath(""), [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchRound();
    return RoundResponse(200, s.actor, s_.distributions.Get(s.actor, *id));
  });
  Authed("PATCH", RoundPath(""), [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadVersionedChange(req, "distribution", &refused);
    if (!in) return refused;
    auto edit = DistributionEditFromJson(in->body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    edit->version = in->version;
    return RoundResponse(200, s.actor, s_.distributions.Update(s.actor, in->id, *edit));
  });
  Authed("GET", RoundPath("/preview"), [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchRound();
    auto d = s_.distributions.Get(s.actor, *id);
    if (!d.ok()) return ErrorResponse(d.status());
    auto p = s_.distributions.PreviewPlan(s.actor, *id);
    if (!p.ok()) return ErrorResponse(p.status());
    return JsonResponse(200, PreviewToJson(*d, *p));
  });

  using Step = std::function<Result<Distribution>(const access::Actor&, const VersionedChange&)>;
  const auto step = [this](const char* name, Step act) {
    Authed("POST", RoundPath(std::string("/") + name),
           [act = std::move(act)](Request& req, const access::Session& s) {
             Response refused;
             auto in = ReadVersionedChange(req, "distribution", &refused);
             if (!in) return refused;
             return RoundResponse(200, s.actor, act(s.actor, *in));
           });
  };
  step("plan", [this](const access::Actor& a, const VersionedChange& in) {
    return s_.distributions.Plan(a, in.id, in.version);
  });
  step("draft", [this](const access::Actor& a, const VersionedChange& in) {
    return s_.distributions.BackToDraft(a, in.id, in.version);
  });
  step("open", [this](const access::Actor& a, const VersionedChange& in) {
    return s_.distributions.Open(a, in.id, in.version);
  });
  step("close", [this](const access::Actor& a, const VersionedChange& in) {
    return s_.distributions.Close(a, in.id, in.version);
  });
  step("cancel", [this](const access::Actor& a, const VersionedChange& in) -> Result<Distribution> {
    const auto it = in.body.find("reason");
    if (it != in.body.end() && !it->is_null() && !it->is_string()) {
      return Status::InvalidArgument("bad reason", {{"reason", "must be text"}});
    }
    const std::string reason = it != in.body.end() && it->is_string() ? it->get<std::string>() : "";
    return s_.distributions.Cancel(a, in.id, in.version, reason);
  });

  Authed("GET", RoundPath("/beneficiaries"), [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchRound();
    auto page = IntParam(req, "page", 1);
    if (!page.ok()) return QueryErrorResponse(page.status());
    auto limit = IntParam(req, "limit", 25);
    if (!limit.ok()) return QueryErrorResponse(limit.status());
    auto d = s_.distributions.Get(s.actor, *id);
    if (!d.ok()) return ErrorResponse(d.status());
    auto list = s_.distributions.Beneficiaries(s.actor, *id,
                                               {.text = req.query["q"],
                                                .status = req.query["status"],
                                                .page = Clamp(*page),
                                                .limit = Clamp(*limit)});
    if (!list.ok()) return QueryErrorResponse(list.status());
    Json items = Json::array();
    for (const auto& b : list->items) items.push_back(BeneficiaryToJson(*d, b));
    Response r = JsonResponse(
        200,
        {{"items", items}, {"page", list->page}, {"limit", list->limit}, {"total", list->total}});
    r.headers.emplace_back("Cache-Control", "no-store");
    return r;
  });
  Authed("GET", RoundPath("/beneficiaries/export.xlsx"),
         [this](Request& req, const access::Session& s) {
           auto id = PathId(req);
           if (!id) return NoSuchRound();
           assistance::Distribution d;
           auto list = s_.distributions.ExportBeneficiaries(s.actor, *id, "xlsx", &d);
           if (!list.ok()) return ErrorResponse(list.status());
           auto xlsx = io::WriteXlsx("beneficiaries", assistance::BeneficiaryRows(d, *list));
           if (!xlsx.ok()) return ErrorResponse(xlsx.status());
           Response r{.status = 200};
           r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
           r.body = std::move(xlsx).value();
           r.headers.emplace_back("Content-Disposition", "attachment; filename=\"distribution-" +
                                                             std::to_string(*id) +
                                                             "-beneficiaries.xlsx\"");
           r.headers.emplace_back("Cache-Control", "no-store");
           return r;
         });

  Authed("GET", RoundPath("/beneficiaries/export.pdf"),
         [this](Request& req, const access::Session& s) {
           auto id = PathId(req);
           if (!id) return NoSuchRound();
           std::string lang = req.query["lang"];
           if (lang.empty()) lang = "en";
           if (lang != "en" && lang != "ar" && lang != "ckb") {
             return QueryErrorResponse(
                 Status::InvalidArgument("bad query", {{"lang", "must be en, ar or ckb"}}));
           }
           auto pdf = s_.distributions.PrintBeneficiaries(s.actor, *id, lang);
           if (!pdf.ok()) return ErrorResponse(pdf.status());
           Response r{.status = 200, .content_type = "application/pdf", .body = std::move(*pdf)};
           r.headers.emplace_back("Content-Disposition", "attachment; filename=\"distribution-" +
                                                             std::to_string(*id) +
                                                             "-beneficiaries.pdf\"");
           r.headers.emplace_back("Cache-Control", "no-store");
           return r;
         });

  Authed("POST", RoundPath("/collections"), [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchRound();
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto n = NewCollectionFromJson(*body);
    if (!n.ok()) return ErrorResponse(n.status());
    assistance::PreviousCollection previous;
    auto c = s_.distributions.Collect(s.actor, *id, *n, &previous);
    if (!c.ok()) return DistributionErrorResponse(c.status(), &previous);
    Response r = JsonResponse(201, CollectionToJson(*c));
    r.headers.emplace_back("Location", std::string(kRounds) + "/" + std::to_string(*id) +
                                           "/collections/" + std::to_string(c->collection.id));
    return r;
  });
  Authed("GET", RoundPath("/collections"), [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchRound();
    auto page = IntParam(req, "page", 1);
    if (!page.ok()) return QueryErrorResponse(page.status());
    auto limit = IntParam(req, "limit", 25);
    if (!limit.ok()) return QueryErrorResponse(limit.status());
    auto list = s_.distributions.Collections(s.actor, *id, Clamp(*page), Clamp(*limit));
    if (!list.ok()) return QueryErrorResponse(list.status());
    Json items = Json::array();
    for (const auto& c : list->items) items.push_back(CollectionSummaryToJson(c));
    return JsonResponse(
        200,
        {{"items", items}, {"page", list->page}, {"limit", list->limit}, {"total", list->total}});
  });
  Authed("GET", RoundPath("/collections/{cid}"), [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    auto cid = PathId(req, 1);
    if (!id || !cid) return ErrorResponse(Status::NotFound("collection not found"));
    auto c = s_.distributions.GetCollection(s.actor, *id, *cid);
    if (!c.ok()) return ErrorResponse(c.status());
    return JsonResponse(200, CollectionToJson(*c));
  });
  Authed(
      "POST", RoundPath("/collections/{cid}/void"), [this](Request& req, const access::Session& s) {
        auto id = PathId(req);
        auto cid = PathId(req, 1);
        if (!id || !cid) return ErrorResponse(Status::NotFound("collection not found"));
        auto body = ParseJsonObject(req.body.empty() ? "{}" : req.body);
        if (!body.ok()) return BadRequest(body.status().message());
        const auto it = body->find("reason");
        if (it != body->end() && !it->is_null() && !it->is_string()) {
          return ErrorResponse(Status::InvalidArgument("bad reason", {{"reason", "must be text"}}));
        }
        const std::string reason =
            it != body->end() && it->is_string() ? it->get<std::string>() : "";
        auto c = s_.distributions.Void(s.actor, *id, *cid, reason);
        if (!c.ok()) return DistributionErrorResponse(c.status());
        return JsonResponse(200, CollectionToJson(*c));
      });
  Authed("GET", RoundPath("/report"), [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchRound();
    auto report = s_.distributions.Report(s.actor, *id);
    if (!report.ok()) return ErrorResponse(report.status());
    return JsonResponse(200, ReportToJson(*report));
  });
}

}  // namespace sanad::http
