// CaseService: lists, exports, the dashboard and the caseworkers of a module — all filtered in
// SQL by the same rule as reading one case (store::CaseScope).
#include <charconv>

#include "cases/case_access.h"
#include "cases/case_book_internal.h"
#include "cases/case_service.h"
#include "cases/case_workflow.h"
#include "matching/normalise.h"
#include "store/audit_store.h"
#include "store/case_store.h"

namespace sanad::cases {
namespace {

constexpr int kMaxLimit = 200;
constexpr int kDashboardRows = 50;
constexpr std::string_view kViews[] = {"mine", "team", "due", "overdue", "closure_requests"};

store::CaseScope ScopeOf(const access::Actor& a) {
  store::CaseScope s{.organisation_id = a.organisation_id, .user_id = a.user_id};
  for (access::CaseModule m : a.modules.List()) {
    s.modules.emplace_back(access::CaseModuleName(m));
    if (Supervises(a, m)) s.supervised_modules.emplace_back(access::CaseModuleName(m));
  }
  return s;
}

// "GBV-000017", "gbv-17" or "17": the case id a search text names, or 0.
int64_t ReferenceId(std::string_view text) {
  if (const auto dash = text.find('-'); dash != std::string_view::npos)
    text.remove_prefix(dash + 1);
  int64_t id = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  return ec == std::errc() && p == text.data() + text.size() && id > 0 ? id : 0;
}

void MarkOverdue(std::vector<CaseSummary>* items, const std::string& today, int64_t now) {
  for (auto& s : *items) {
    s.overdue = IsOverdue(s.status, s.risk, s.opened_at, s.status_at, s.next_follow_up, today, now);
  }
}

// The filter of a query for the actor; InvalidArgument naming bad parameters, PermissionDenied
// for a view the actor's role does not have.
Result<store::CaseFilter> FilterOf(const access::Actor& actor, const CaseQuery& q, int64_t now) {
  if (!WorksOnCases(actor)) return Status::PermissionDenied("your role works on no cases");
  std::vector<FieldError> bad;
  if (std::find(std::begin(kViews), std::end(kViews), q.view) == std::end(kViews)) {
    bad.push_back({"view", "must be mine, team, due, overdue or closure_requests"});
  }
  if (!q.module.empty() && !access::ParseCaseModule(q.module)) {
    bad.push_back({"module", "is not a module"});
  }
  if (!q.status.empty() && !ParseStatus(q.status)) bad.push_back({"status", "is not a status"});
  std::optional<Risk> risk;
  if (!q.risk.empty()) {
    risk = ParseRisk(q.risk);
    if (!risk) bad.push_back({"risk", "must be low, medium or high"});
  }
  if (q.page < 1) bad.push_back({"page", "must be 1 or more"});
  if (q.limit < 1 || q.limit > kMaxLimit) bad.push_back({"limit", "must be between 1 and 200"});
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  store::CaseFilter f{.scope = ScopeOf(actor),
                      .module = q.module,
                      .status = q.status,
                      .risk = risk ? static_cast<int>(*risk) : 0,
                      .today = LocalDate(now),
                      .now = now,
                      .limit = q.limit,
                      .offset = (q.page - 1) * q.limit};
  if (q.view == "mine") {
    f.only_mine = true;
  } else if (q.view == "team") {
    if (actor.role != access::Role::kSupervisor) {
      return Status::PermissionDenied("the team's caseload is for supervisors");
    }
  } else if (q.view == "due") {
    f.only_mine = true;
    f.not_closed = true;
    f.due_by = f.today;
  } else if (q.view == "overdue") {
    f.overdue = true;
  } else if (q.view == "closure_requests") {
    f.status = "closure_requested";
  }
  if (const int64_t id = ReferenceId(q.text)) {
    f.id = id;
  } else {
    f.terms = matching::NormalisedWords(q.text);
  }
  return f;
}

}  // namespace

Result<CasePage> CaseService::List(const access::Actor& actor, const CaseQuery& q) {
  const int64_t now = clock_.NowSeconds();
  SANAD_ASSIGN_OR_RETURN(store::CaseFilter f, FilterOf(actor, q, now));
  CasePage page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListCases(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountCases(c, f));
    return Status::Ok();
  }));
  MarkOverdue(&page.items, f.today, now);
  return page;
}

Result<std::vector<CaseSummary>> CaseService::Export(const access::Actor& actor,
                                                     const CaseQuery& q) {
  const int64_t now = clock_.NowSeconds();
  CaseQuery all = q;
  all.page = 1;
  all.limit = 1;
  SANAD_ASSIGN_OR_RETURN(store::CaseFilter f, FilterOf(actor, all, now));
  f.limit = kMaxExportRows;
  f.offset = 0;
  std::vector<CaseSummary> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::ListCases(c, f));
    return store::AppendAudit(c,
                              {.at = now,
                               .organisation_id = actor.organisation_id,
                               .user_id = actor.user_id,
                               .username = actor.username,
                               .action = "export",
                               .entity = "case",
                               .entity_id = 0,
                               .changes = {{.field = "cases", .after = std::to_string(out.size())},
                                           {.field = "view", .after = q.view}}});
  }));
  MarkOverdue(&out, f.today, now);
  return out;
}

Result<Dashboard> CaseService::GetDashboard(const access::Actor& actor) {
  const int64_t now = clock_.NowSeconds();
  const bool supervisor = actor.role == access::Role::kSupervisor;
  SANAD_ASSIGN_OR_RETURN(store::CaseFilter base,
                         FilterOf(actor, {.view = supervisor ? "team" : "mine"}, now));
  Dashboard d;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(auto owners, store::CountCasesByOwner(c, base));
    for (const auto& o : owners) {
      d.caseworkers.push_back(
          {.user = o.owner, .open = o.open, .high_risk = o.high_risk, .overdue = o.overdue});
      d.open += o.open;
      d.high_risk += o.high_risk;
      d.overdue_count += o.overdue;
    }
    store::CaseFilter closure = base;
    closure.status = "closure_requested";
    closure.limit = kDashboardRows;
    SANAD_ASSIGN_OR_RETURN(d.closure_requests, store::ListCases(c, closure));
    SANAD_ASSIGN_OR_RETURN(d.closure_request_count, store::CountCases(c, closure));
    store::CaseFilter overdue = base;
    overdue.overdue = true;
    overdue.limit = kDashboardRows;
    SANAD_ASSIGN_OR_RETURN(d.overdue, store::ListCases(c, overdue));
    return Status::Ok();
  }));
  MarkOverdue(&d.closure_requests, base.today, now);
  MarkOverdue(&d.overdue, base.today, now);
  return d;
}

Result<std::vector<CaseUser>> CaseService::Caseworkers(const access::Actor& actor,
                                                       std::string_view module) {
  const auto m = access::ParseCaseModule(module);
  if (!m) return Status::InvalidArgument("bad query", {{"module", "is not a module"}});
  if (!WorksOnCases(actor) || !actor.modules.Has(*m)) {
    return Status::PermissionDenied("you do not work in the " + std::string(module) + " module");
  }
  std::vector<CaseUser> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out,
                           store::ListCaseworkers(c, actor.organisation_id, std::string(module)));
    return Status::Ok();
  }));
  return out;
}

}  // namespace sanad::cases
