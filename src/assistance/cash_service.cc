#include "assistance/cash_service.h"

#include <map>
#include <utility>

#include "assistance/money.h"
#include "matching/normalise.h"
#include "store/audit_store.h"
#include "store/cash_store.h"

namespace sanad::assistance {
namespace {

using access::FieldChange;

Status Deny() {
  return Status::PermissionDenied(
      "only admins, supervisors and logistics officers change cash transfers");
}

std::string Trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  return std::string(s.substr(first, s.find_last_not_of(" \t") - first + 1));
}

// Money moves only while a round is open or after it closed: before, a plan may still go back
// to draft and drop its transfers; a cancelled round pays nothing.
Status CheckRoundTakesPayments(const CashRound& round) {
  if (round.status == "open" || round.status == "closed") return Status::Ok();
  return Status::Conflict("the transfers of round " + std::to_string(round.id) +
                          " change only while it is open or closed; it is " + round.status);
}

Result<CashRound> CashRoundOf(store::Connection& c, int64_t organisation_id,
                              int64_t distribution_id) {
  SANAD_ASSIGN_OR_RETURN(CashRound round, store::GetCashRound(c, organisation_id, distribution_id));
  if (round.kind != "cash") {
    return Status::InvalidArgument("not a cash round",
                                   {{"distribution_id", "is an in-kind round, not a cash round"}});
  }
  return round;
}

std::string PaidText(const CashTransfer& t) {
  return t.paid_amount ? FormatAmount(*t.paid_amount, t.currency) : "";
}

std::vector<FieldChange> Diff(const CashTransfer& before, const CashTransfer& after) {
  std::vector<FieldChange> out;
  const std::pair<const char*, std::pair<std::string, std::string>> fields[] = {
      {"status", {before.status, after.status}},
      {"provider_reference", {before.provider_reference, after.provider_reference}},
      {"paid_amount", {PaidText(before), PaidText(after)}},
      {"paid_at", {before.paid_at, after.paid_at}},
      {"failure_reason", {before.failure_reason, after.failure_reason}}};
  for (const auto& [name, values] : fields) {
    if (values.first != values.second) out.push_back({name, values.first, values.second});
  }
  return out;
}

access::AuditEntry Entry(const access::Actor& a, int64_t now, std::string action, int64_t id,
                         std::vector<FieldChange> changes) {
  return {.at = now,
          .organisation_id = a.organisation_id,
          .user_id = a.user_id,
          .username = a.username,
          .action = std::move(action),
          .entity = "cash_transfer",
          .entity_id = id,
          .changes = std::move(changes)};
}

Result<store::CashTransferFilter> FilterOf(const access::Actor& actor, const CashTransferQuery& q,
                                           int max_limit) {
  std::vector<FieldError> bad;
  if (q.page < 1) bad.push_back({"page", "must be 1 or more"});
  if (q.limit < 1 || q.limit > max_limit) {
    bad.push_back({"limit", "must be between 1 and " + std::to_string(max_limit)});
  }
  if (!q.status.empty() && !IsTransferStatus(q.status)) {
    bad.push_back({"status", "must be pending, paid, failed or returned"});
  }
  if (q.distribution_id < 0) bad.push_back({"distribution_id", "must be a round's id"});
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  store::CashTransferFilter f{.organisation_id = actor.organisation_id,
                              .distribution_id = q.distribution_id,
                              .status = q.status,
                              .limit = q.limit,
                              .offset = (q.page - 1) * q.limit};
  const std::string text = Trimmed(q.text);
  if (auto id = ParseTransferReference(text)) {
    f.id = *id;
  } else if (!text.empty()) {
    f.provider_reference = text;
    f.terms = matching::NormalisedWords(text);
  }
  return f;
}

// The transfer `change` makes of `t`; InvalidArgument naming bad fields.
Result<CashTransfer> Apply(const CashTransfer& t, const TransferStatusChange& change,
                           const std::string& today) {
  CashTransfer out = t;
  std::vector<FieldError> bad;
  const bool paid = change.status == "paid";
  if (change.paid_amount && !paid) bad.push_back({"paid_amount", "is only for status paid"});
  if (change.paid_at && !paid) bad.push_back({"paid_at", "is only for status paid"});
  if (change.provider_reference) out.provider_reference = Trimmed(*change.provider_reference);
  const std::string reason = Trimmed(change.reason.value_or(""));
  if (paid) {
    out.paid_amount = t.amount;
    if (change.paid_amount) {
      auto amount = ParseAmount(*change.paid_amount, t.currency);
      if (amount.ok()) {
        out.paid_amount = *amount;
      } else {
        bad.push_back({"paid_amount", amount.status().message()});
      }
    }
    out.paid_at = Trimmed(change.paid_at.value_or(""));
    if (out.paid_at.empty()) out.paid_at = today;
    if (!IsIsoDate(out.paid_at)) bad.push_back({"paid_at", "is not a date (YYYY-MM-DD)"});
    out.failure_reason.clear();
  } else if (change.status == "pending") {
    // A retry: what failed before is in the audit log.
    out.failure_reason.clear();
    out.paid_amount.reset();
    out.paid_at.clear();
  } else {
    if (change.status == "returned" && reason.empty()) {
      bad.push_back({"reason", "is required: why did the money come back?"});
    }
    out.failure_reason = reason;
  }
  if (!bad.empty()) return Status::InvalidArgument("the status change has problems", bad);
  out.status = change.status;
  return out;
}

}  // namespace

Result<CashTransferPage> CashService::List(const access::Actor& actor,
                                           const CashTransferQuery& q) const {
  SANAD_ASSIGN_OR_RETURN(const store::CashTransferFilter f, FilterOf(actor, q, kMaxLimit));
  CashTransferPage page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListCashTransfers(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountCashTransfers(c, f));
    return Status::Ok();
  }));
  return page;
}

Result<CashTransfer> CashService::Get(const access::Actor& actor, int64_t id) const {
  std::optional<CashTransfer> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::GetCashTransfer(c, actor.organisation_id, id));
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<CashTransfer> CashService::ChangeStatus(const access::Actor& actor, int64_t id,
                                               const TransferStatusChange& change) {
  if (!actor.Can(access::Permission::kManageCash)) return Deny();
  if (!IsTransferStatus(change.status)) {
    return Status::InvalidArgument("bad status",
                                   {{"status", "must be pending, paid, failed or returned"}});
  }
  const int64_t now = clock_.NowSeconds();
  std::optional<CashTransfer> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const CashTransfer before,
                           store::GetCashTransfer(c, actor.organisation_id, id));
    if (before.version != change.version) {
      const std::string current = std::to_string(before.version);
      return Status(StatusCode::kConflict,
                    "cash transfer " + TransferReference(id) +
                        " was changed by someone else: the current version is " + current,
                    {{"version", "is stale: the current version is " + current}});
    }
    SANAD_ASSIGN_OR_RETURN(const CashRound round,
                           store::GetCashRound(c, actor.organisation_id, before.distribution_id));
    SANAD_RETURN_IF_ERROR(CheckRoundTakesPayments(round));
    if (!TransferMayMove(before.status, change.status)) {
      return Status(
          StatusCode::kConflict,
          TransferReference(id) + " is " + before.status + ": it cannot become " + change.status,
          {{"status", AllowedNextReason(before.status)}});
    }
    SANAD_ASSIGN_OR_RETURN(CashTransfer after, Apply(before, change, FormatUtcDate(now)));
    SANAD_RETURN_IF_ERROR(store::UpdateCashTransferStatus(c, &after, change.version, now));
    SANAD_RETURN_IF_ERROR(
        store::AppendAudit(c, Entry(actor, now, "update", id, Diff(before, after))));
    out = std::move(after);
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<ReconciliationReport> CashService::Reconcile(const access::Actor& actor,
                                                    const ReconciliationRequest& request) {
  if (!actor.Can(access::Permission::kManageCash)) return Deny();
  const ReconciliationFile file = ReadReconciliationCsv(request.source, request.text);
  const int64_t now = clock_.NowSeconds();
  ReconciliationReport report{.dry_run = request.dry_run,
                              .lines = static_cast<int>(file.lines.size())};
  const auto mode = request.dry_run ? store::TxMode::kRead : store::TxMode::kWrite;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(mode, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(report.round,
                           CashRoundOf(c, actor.organisation_id, request.distribution_id));
    SANAD_RETURN_IF_ERROR(CheckRoundTakesPayments(report.round));
    SANAD_ASSIGN_OR_RETURN(const auto round,
                           store::ListRoundTransfers(c, actor.organisation_id, report.round.id));
    const UnmatchedReferences unmatched = FindUnmatched(file, round);
    SANAD_ASSIGN_OR_RETURN(const auto others,
                           store::FindCashTransfers(c, actor.organisation_id, unmatched.ids,
                                                    unmatched.provider_references));
    ForeignTransfers foreign;
    for (const auto& t : others) {
      foreign.round_of_id.emplace(t.id, t.distribution_id);
      if (!t.provider_reference.empty()) {
        foreign.round_of_provider_reference.emplace(t.provider_reference, t.distribution_id);
      }
    }
    report.check = CheckReconciliation(file, round, foreign, FormatUtcDate(now));
    if (file.lines.empty() && report.check.problems.empty()) {
      report.check.problems.push_back({.reason = "has no lines below its header"});
    }
    if (!report.check.problems.empty() || request.dry_run) return Status::Ok();
    std::map<int64_t, const CashTransfer*> by_id;
    for (const auto& t : round) by_id.emplace(t.id, &t);
    for (auto& change : report.check.changes) {
      const CashTransfer& before = *by_id.at(change.after.id);
      SANAD_RETURN_IF_ERROR(store::UpdateCashTransferStatus(c, &change.after, before.version, now));
      auto changes = Diff(before, change.after);
      changes.push_back({"file", std::nullopt, request.source + ":" + std::to_string(change.line)});
      SANAD_RETURN_IF_ERROR(store::AppendAudit(
          c, Entry(actor, now, "reconcile", change.after.id, std::move(changes))));
    }
    return Status::Ok();
  }));
  report.applied = report.check.problems.empty() && !request.dry_run;
  return report;
}

Result<RoundCashReport> CashService::Report(const access::Actor& actor,
                                            int64_t distribution_id) const {
  RoundCashReport r;
  std::vector<CashTransfer> round;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(r.round, CashRoundOf(c, actor.organisation_id, distribution_id));
    SANAD_ASSIGN_OR_RETURN(round,
                           store::ListRoundTransfers(c, actor.organisation_id, distribution_id));
    return Status::Ok();
  }));
  for (const auto& t : round) {
    if (r.currency.empty()) r.currency = t.currency;
    ++r.transfers;
    r.due += t.amount;
    if (t.status == "paid") {
      r.paid += t.paid_amount.value_or(t.amount);
      ++r.count_paid;
    } else if (t.status == "failed") {
      r.failed += t.amount;
      ++r.count_failed;
    } else if (t.status == "returned") {
      r.returned += t.paid_amount.value_or(t.amount);
      ++r.count_returned;
    } else {
      r.pending += t.amount;
      ++r.count_pending;
    }
  }
  r.differences = RoundDifferences(round);
  return r;
}

Result<std::vector<CashTransfer>> CashService::Export(const access::Actor& actor,
                                                      const CashTransferQuery& q) {
  CashTransferQuery all = q;
  all.page = 1;
  all.limit = 1;
  SANAD_ASSIGN_OR_RETURN(store::CashTransferFilter f, FilterOf(actor, all, kMaxLimit));
  f.limit = kMaxExportRows;
  f.offset = 0;
  const int64_t now = clock_.NowSeconds();
  std::vector<CashTransfer> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    if (q.distribution_id != 0) {
      SANAD_RETURN_IF_ERROR(
          store::GetCashRound(c, actor.organisation_id, q.distribution_id).status());
    }
    SANAD_ASSIGN_OR_RETURN(out, store::ListCashTransfers(c, f));
    return store::AppendAudit(
        c, Entry(actor, now, "export", 0,
                 {{.field = "cash_transfers", .after = std::to_string(out.size())},
                  {.field = "distribution_id", .after = std::to_string(q.distribution_id)}}));
  }));
  return out;
}

}  // namespace sanad::assistance
