// Expenditures of ProjectService: lines in the project's currency, added and voided, never
// edited or deleted.
#include "assistance/money.h"
#include "programmes/programme_rules.h"
#include "programmes/programmes_internal.h"
#include "programmes/project_service.h"
#include "stock/catalogue.h"
#include "store/audit_store.h"
#include "store/expenditure_store.h"
#include "store/project_store.h"

namespace sanad::programmes {

using internal::Entry;

Result<Page<Expenditure>> ProjectService::ListExpenditures(const access::Actor& actor,
                                                           int64_t project_id, int page,
                                                           int limit) const {
  if (!internal::MayRead(actor)) return internal::DenyRead();
  std::vector<FieldError> bad;
  const int offset = internal::CheckPage(page, limit, &bad);
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  Page<Expenditure> out{.page = page, .limit = limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const auto project,
                           store::GetProject(c, actor.organisation_id, project_id));
    if (!project) return Status::NotFound("project not found");
    SANAD_ASSIGN_OR_RETURN(
        out.items, store::ListExpenditures(c, actor.organisation_id, project_id, limit, offset));
    SANAD_ASSIGN_OR_RETURN(out.total,
                           store::CountExpenditures(c, actor.organisation_id, project_id));
    return Status::Ok();
  }));
  return out;
}

Result<Expenditure> ProjectService::AddExpenditure(const access::Actor& actor, int64_t project_id,
                                                   const ExpenditureRequest& r) {
  if (!internal::MayManage(actor)) return internal::DenyManage();
  const int64_t now = clock_.NowSeconds();
  Expenditure out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const auto project,
                           store::GetProject(c, actor.organisation_id, project_id));
    if (!project) return Status::NotFound("project not found");
    out = Expenditure{.organisation_id = actor.organisation_id,
                      .project_id = project_id,
                      .spent_on = r.spent_on,
                      .category = r.category,
                      .description = r.description,
                      .created_at = now,
                      .created_by = actor.user_id};
    std::vector<FieldError> bad;
    CheckExpenditure(&out, &bad);
    auto amount = assistance::ParseAmount(r.amount, project->currency);
    if (!amount.ok()) {
      bad.push_back({"amount", "must be an amount of " + project->currency + ": " +
                                   amount.status().message()});
    } else if (*amount <= 0) {
      bad.push_back({"amount", "must be more than 0"});
    } else {
      out.amount = *amount;
    }
    if (!bad.empty()) return Status::InvalidArgument("expenditure is invalid", std::move(bad));
    SANAD_RETURN_IF_ERROR(store::InsertExpenditure(c, &out));
    out.created_by_name = actor.username;
    out.currency = project->currency;
    return store::AppendAudit(
        c, Entry(actor, now, "create", "expenditure", out.id,
                 internal::Diff(
                     nullptr, {{"project_id", std::to_string(project_id)},
                               {"spent_on", out.spent_on},
                               {"amount", assistance::FormatAmount(out.amount, project->currency)},
                               {"currency", project->currency},
                               {"category", out.category},
                               {"description", out.description}})));
  }));
  return out;
}

Result<Expenditure> ProjectService::VoidExpenditure(const access::Actor& actor, int64_t project_id,
                                                    int64_t expenditure_id,
                                                    const std::string& reason) {
  if (!internal::MayManage(actor)) return internal::DenyManage();
  const std::string why = stock::Trimmed(reason);
  std::vector<FieldError> bad;
  if (why.empty()) bad.push_back({"reason", "is required"});
  CheckLength("reason", why, kMaxTextLength, &bad);
  const int64_t now = clock_.NowSeconds();
  Expenditure out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(
        auto found, store::GetExpenditure(c, actor.organisation_id, project_id, expenditure_id));
    if (!found) return Status::NotFound("expenditure not found");
    if (!bad.empty()) return Status::InvalidArgument("void is invalid", bad);
    SANAD_RETURN_IF_ERROR(
        store::VoidExpenditure(c, actor.organisation_id, expenditure_id, now, why));
    out = *found;
    out.voided_at = now;
    out.void_reason = why;
    return store::AppendAudit(c, Entry(actor, now, "void", "expenditure", expenditure_id,
                                       {{"void_reason", std::nullopt, why}}));
  }));
  return out;
}

}  // namespace sanad::programmes
