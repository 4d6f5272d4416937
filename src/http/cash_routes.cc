// Routes of cash transfers and reconciliation (part of Api); docs/assistance.md has the shapes.
// Reads are for every role of the organisation; status changes and reconciliation files need
// kManageCash (the service checks). A workflow conflict carries error.allowed_next.
#include <algorithm>

#include "http/api.h"
#include "http/case_json.h"
#include "http/cash_json.h"
#include "http/json_response.h"
#include "http/route_params.h"

namespace sanad::http {
namespace {

Response NoSuchTransfer() { return ErrorResponse(Status::NotFound("cash transfer not found")); }

// The list's (and the export's) query; InvalidArgument naming a parameter that is not a number.
Result<assistance::CashTransferQuery> QueryOf(Request& req) {
  SANAD_ASSIGN_OR_RETURN(const int64_t page, IntParam(req, "page", 1));
  SANAD_ASSIGN_OR_RETURN(const int64_t limit, IntParam(req, "limit", 25));
  SANAD_ASSIGN_OR_RETURN(const int64_t round, IntParam(req, "distribution_id", 0));
  return assistance::CashTransferQuery{
      .distribution_id = round,
      .status = req.query["status"],
      .text = req.query["q"],
      .page = static_cast<int>(std::clamp<int64_t>(page, -1, 1'000'000)),
      .limit = static_cast<int>(std::clamp<int64_t>(limit, -1, 1'000'000))};
}

// The required distribution_id of the reconciliation routes; InvalidArgument naming it.
Result<int64_t> RoundParam(Request& req) {
  SANAD_ASSIGN_OR_RETURN(const int64_t round, IntParam(req, "distribution_id", 0));
  if (round <= 0) {
    return Status::InvalidArgument("bad query", {{"distribution_id", "is required: a round's id"}});
  }
  return round;
}

Response TransferResponse(const assistance::CashTransfer& t) {
  Response r = JsonResponse(200, TransferToJson(t));
  r.headers.emplace_back("ETag", ETagOf(t.version));
  r.headers.emplace_back("Cache-Control", "no-store");
  return r;
}

bool IsCsvBody(const Request& req) {
  std::string type = req.Header("content-type");
  type = type.substr(0, type.find(';'));
  while (!type.empty() && type.back() == ' ') type.pop_back();
  for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return type == "text/csv" || type == "text/plain" || type == "application/octet-stream";
}

}  // namespace

void Api::AddCashRoutes() {
  Authed("GET", "/api/v1/cash/transfers", [this](Request& req, const access::Session& s) {
    auto q = QueryOf(req);
    if (!q.ok()) return QueryErrorResponse(q.status());
    auto list = s_.cash.List(s.actor, *q);
    if (!list.ok()) return QueryErrorResponse(list.status());
    Json items = Json::array();
    for (const auto& t : list->items) items.push_back(TransferToJson(t));
    return JsonResponse(
        200,
        {{"items", items}, {"page", list->page}, {"limit", list->limit}, {"total", list->total}});
  });
  Authed("GET", "/api/v1/cash/transfers/export.xlsx",
         [this](Request& req, const access::Session& s) {
           auto q = QueryOf(req);
           if (!q.ok()) return QueryErrorResponse(q.status());
           auto items = s_.cash.Export(s.actor, *q);
           if (!items.ok()) return QueryErrorResponse(items.status());
           auto xlsx = io::WriteXlsx("transfers", TransferExportRows(*items));
           if (!xlsx.ok()) return ErrorResponse(xlsx.status());
           Response r{
               .status = 200,
               .content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               .body = std::move(xlsx).value()};
           const std::string name =
               q->distribution_id > 0
                   ? "cash-transfers-" + std::to_string(q->distribution_id) + ".xlsx"
                   : "cash-transfers.xlsx";
           r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
           r.headers.emplace_back("Cache-Control", "no-store");
           return r;
         });
  Authed("GET", "/api/v1/cash/transfers/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchTransfer();
    auto t = s_.cash.Get(s.actor, *id);
    if (!t.ok()) return ErrorResponse(t.status());
    return TransferResponse(*t);
  });
  Authed("POST", "/api/v1/cash/transfers/{id}/status",
         [this](Request& req, const access::Session& s) {
           Response refused;
           auto in = ReadVersionedChange(req, "cash transfer", &refused);
           if (!in) return refused;
           auto change = StatusChangeFromJson(in->body, in->version);
           if (!change.ok()) return ErrorResponse(change.status());
           auto t = s_.cash.ChangeStatus(s.actor, in->id, *change);
           // The same error.allowed_next as a case's or a referral's workflow conflict.
           if (!t.ok()) return CaseErrorResponse(t.status());
           return TransferResponse(*t);
         });
  Authed("POST", "/api/v1/cash/reconciliation", [this](Request& req, const access::Session& s) {
    if (!IsCsvBody(req)) {
      return BadRequest("send the provider's CSV file as the body with Content-Type text/csv");
    }
    auto round = RoundParam(req);
    if (!round.ok()) return QueryErrorResponse(round.status());
    const std::string dry_run = req.query["dry_run"];
    if (!dry_run.empty() && dry_run != "true" && dry_run != "false") {
      return QueryErrorResponse(
          Status::InvalidArgument("bad query", {{"dry_run", "must be true or false"}}));
    }
    std::string source = req.query["filename"];
    if (source.empty()) source = "reconciliation.csv";
    auto report = s_.cash.Reconcile(s.actor, {.distribution_id = *round,
                                              .source = source,
                                              .text = req.body,
                                              .dry_run = dry_run == "true"});
    if (!report.ok()) return ErrorResponse(report.status());
    return ReconciliationResponse(source, *report);
  });
  Authed("GET", "/api/v1/cash/reconciliation", [this](Request& req, const access::Session& s) {
    auto round = RoundParam(req);
    if (!round.ok()) return QueryErrorResponse(round.status());
    auto report = s_.cash.Report(s.actor, *round);
    if (!report.ok()) return ErrorResponse(report.status());
    return JsonResponse(200, RoundCashReportToJson(*report));
  });
}

}  // namespace sanad::http
