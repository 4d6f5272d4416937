#include "http/cash_json.h"

#include "assistance/money.h"
#include "http/import_problem_json.h"

namespace sanad::http {
namespace {

using assistance::CashTransfer;
using assistance::TransferReference;

Json OptionalMoney(const std::optional<int64_t>& minor, const std::string& currency) {
  return minor ? MoneyJson(*minor, currency) : Json(nullptr);
}

Json DifferenceToJson(const assistance::ReconciliationDifference& d) {
  return {{"kind", d.kind},
          {"line", d.line == 0 ? Json(nullptr) : Json(d.line)},
          {"transfer_id", d.transfer_id},
          {"reference", TransferReference(d.transfer_id)},
          {"status", d.status},
          {"amount", MoneyJson(d.amount, d.currency)},
          {"paid_amount", OptionalMoney(d.paid_amount, d.currency)},
          {"currency", d.currency},
          {"message", d.message}};
}

Json RoundJson(const assistance::CashRound& r) {
  return {{"id", r.id}, {"name", r.name}, {"status", r.status}};
}

}  // namespace

Json MoneyJson(int64_t minor, const std::string& currency) {
  const int decimals = assistance::MinorUnitDecimals(currency).value_or(0);
  int64_t scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  if (minor % scale == 0) return minor / scale;
  return assistance::MajorUnits(minor, currency);
}

Json TransferToJson(const CashTransfer& t) {
  Json recipient = nullptr;
  if (t.recipient_id != 0) {
    recipient = {{"id", t.recipient_id}, {"name", t.recipient_name}, {"phone", t.recipient_phone}};
  }
  return {{"id", t.id},
          {"reference", TransferReference(t.id)},
          {"version", t.version},
          {"distribution", {{"id", t.distribution_id}, {"name", t.distribution_name}}},
          {"household_id", t.household_id},
          {"recipient", recipient},
          {"amount", MoneyJson(t.amount, t.currency)},
          {"currency", t.currency},
          {"mechanism", t.mechanism},
          {"status", t.status},
          {"provider_reference", t.provider_reference},
          {"paid_amount", OptionalMoney(t.paid_amount, t.currency)},
          {"paid_at", t.paid_at.empty() ? Json(nullptr) : Json(t.paid_at)},
          {"failure_reason", t.failure_reason},
          {"updated_at", FormatUtc(t.updated_at)},
          {"allowed_next", assistance::NextTransferStatuses(t.status)}};
}

Result<assistance::TransferStatusChange> StatusChangeFromJson(const Json& j, int64_t version) {
  assistance::TransferStatusChange out{.version = version};
  std::vector<FieldError> bad;
  const std::pair<const char*, std::optional<std::string>*> texts[] = {
      {"provider_reference", &out.provider_reference},
      {"paid_at", &out.paid_at},
      {"reason", &out.reason}};
  for (const auto& [key, value] : j.items()) {
    if (key == "version") continue;
    if (key == "status") {
      if (value.is_string()) {
        out.status = value.get<std::string>();
      } else {
        bad.push_back({key, "must be text"});
      }
      continue;
    }
    if (key == "paid_amount") {
      if (value.is_number_integer() || value.is_number_unsigned()) {
        out.paid_amount = value.dump();
      } else if (value.is_number_float()) {
        // The shortest text that reads back as the same double: 100.5 stays "100.5".
        out.paid_amount = value.dump();
      } else if (!value.is_null()) {
        bad.push_back({key, "must be a number"});
      }
      continue;
    }
    bool known = false;
    for (const auto& [name, field] : texts) {
      if (key != name) continue;
      known = true;
      if (value.is_string()) {
        *field = value.get<std::string>();
      } else if (!value.is_null()) {
        bad.push_back({key, "must be text"});
      }
    }
    if (!known) bad.push_back({key, "is not a field of a status change"});
  }
  if (out.status.empty() && !j.contains("status")) bad.push_back({"status", "is required"});
  if (!bad.empty()) return Status::InvalidArgument("the status change has problems", bad);
  return out;
}

Response ReconciliationResponse(const std::string& source,
                                const assistance::ReconciliationReport& r) {
  Json changed = Json::array();
  for (const auto& c : r.check.changes) {
    changed.push_back({{"line", c.line},
                       {"transfer_id", c.after.id},
                       {"reference", TransferReference(c.after.id)},
                       {"from", c.from},
                       {"to", c.after.status},
                       {"amount", MoneyJson(c.after.amount, c.after.currency)},
                       {"paid_amount", OptionalMoney(c.after.paid_amount, c.after.currency)},
                       {"currency", c.after.currency}});
  }
  Json differences = Json::array();
  for (const auto& d : r.check.differences) differences.push_back(DifferenceToJson(d));
  Json problems = Json::array();
  Json fields = Json::array();
  for (const auto& p : r.check.problems) {
    problems.push_back(ImportProblemJson(source, p));
    fields.push_back({{"field", ImportProblemField(p)}, {"reason", p.reason}});
  }
  Json body = {{"file", source},
               {"distribution", RoundJson(r.round)},
               {"dry_run", r.dry_run},
               {"applied", r.applied},
               {"lines", r.lines},
               {"changed", changed},
               {"unchanged", r.check.unchanged},
               {"differences", differences},
               {"problems", problems}};
  if (r.check.problems.empty()) return JsonResponse(200, body);
  body["error"] = {
      {"code", "invalid_argument"},
      {"message", "nothing was applied: " + std::to_string(r.check.problems.size()) + " problems"},
      {"fields", fields}};
  return JsonResponse(422, body);
}

Json RoundCashReportToJson(const assistance::RoundCashReport& r) {
  Json differences = Json::array();
  for (const auto& d : r.differences) differences.push_back(DifferenceToJson(d));
  return {{"distribution", RoundJson(r.round)},
          {"currency", r.currency.empty() ? Json(nullptr) : Json(r.currency)},
          {"transfers", r.transfers},
          {"due", MoneyJson(r.due, r.currency)},
          {"paid", MoneyJson(r.paid, r.currency)},
          {"failed", MoneyJson(r.failed, r.currency)},
          {"returned", MoneyJson(r.returned, r.currency)},
          {"pending", MoneyJson(r.pending, r.currency)},
          {"counts",
           {{"paid", r.count_paid},
            {"failed", r.count_failed},
            {"returned", r.count_returned},
            {"pending", r.count_pending}}},
          {"differences", differences}};
}

std::vector<io::TableRow> TransferExportRows(const std::vector<CashTransfer>& items) {
  std::vector<io::TableRow> rows = {{"reference", "distribution_id", "distribution", "household_id",
                                     "recipient", "phone", "amount", "currency", "mechanism",
                                     "status", "provider_reference", "paid_amount", "paid_at",
                                     "failure_reason", "updated_at"}};
  rows.reserve(items.size() + 1);
  for (const auto& t : items) {
    rows.push_back({TransferReference(t.id), std::to_string(t.distribution_id), t.distribution_name,
                    std::to_string(t.household_id), t.recipient_name, t.recipient_phone,
                    assistance::FormatAmount(t.amount, t.currency), t.currency, t.mechanism,
                    t.status, t.provider_reference,
                    t.paid_amount ? assistance::FormatAmount(*t.paid_amount, t.currency) : "",
                    t.paid_at, t.failure_reason, FormatUtc(t.updated_at)});
  }
  return rows;
}

}  // namespace sanad::http
