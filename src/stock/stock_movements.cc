// Receipts, losses and adjustments of StockService, the ledger list, its export and the FEFO
// suggestion. Losses and adjustments record what already happened to the goods, so they are
// not refused for what rounds reserved (only for going below zero); see ledger.h.
#include "stock/catalogue.h"
#include "stock/ledger.h"
#include "stock/stock_service.h"
#include "stock/stock_service_internal.h"
#include "store/audit_store.h"
#include "store/stock_ledger_store.h"
#include "store/stock_store.h"

namespace sanad::stock {
namespace {

using internal::ContextOf;
using internal::Entry;

constexpr int64_t kSecondsPerDay = 86'400;
constexpr size_t kMaxLotNumberLength = 64;

std::string Id(int64_t id) { return id == 0 ? "" : std::to_string(id); }

std::vector<access::FieldChange> MovementChanges(const Movement& m) {
  const std::vector<std::pair<std::string, std::string>> fields = {
      {"kind", std::string(MovementKindName(m.kind))},
      {"warehouse_id", Id(m.warehouse_id)},
      {"item_id", Id(m.item_id)},
      {"lot_id", Id(m.lot_id)},
      {"quantity", std::to_string(m.quantity)},
      {"donor", m.donor},
      {"waybill", m.waybill},
      {"reason", m.reason},
      {"note", m.note},
      {"transfer_id", Id(m.transfer_id)}};
  return internal::Diff(nullptr, fields);
}

void Required(const std::string& field, std::string* value, std::vector<FieldError>* bad) {
  *value = Trimmed(*value);
  if (value->empty()) bad->push_back({field, "is required"});
  if (value->size() > kMaxTextLength) bad->push_back({field, "is too long"});
}

void Optional(const std::string& field, std::string* value, std::vector<FieldError>* bad) {
  *value = Trimmed(*value);
  if (value->size() > kMaxTextLength) bad->push_back({field, "is too long"});
}

void Positive(const std::string& field, int64_t value, std::vector<FieldError>* bad) {
  if (value <= 0) bad->push_back({field, "must be a whole number above 0"});
}

}  // namespace

Result<std::vector<Movement>> StockService::Record(const access::Actor& actor,
                                                   const MovementRequest& r) {
  if (!internal::MayManage(actor)) return internal::Deny();
  if (r.kind != "receipt" && r.kind != "loss" && r.kind != "adjustment") {
    return Status::InvalidArgument("movement is invalid",
                                   {{"kind",
                                     "must be receipt, loss or adjustment (transfers and "
                                     "issues have their own requests)"}});
  }
  const int64_t now = clock_.NowSeconds();
  std::vector<Movement> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    Result<std::vector<Movement>> written = r.kind == "receipt" ? Receipt(c, actor, r, now)
                                            : r.kind == "loss"  ? Loss(c, actor, r, now)
                                                                : Adjustment(c, actor, r, now);
    if (!written.ok()) return written.status();
    out = std::move(written).value();
    for (const Movement& m : out) {
      SANAD_RETURN_IF_ERROR(store::AppendAudit(
          c, Entry(actor, now, "create", "stock_movement", m.id, MovementChanges(m))));
    }
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Movement>> StockService::Receipt(store::Connection& c,
                                                    const access::Actor& actor,
                                                    const MovementRequest& r, int64_t now) {
  const int64_t org = actor.organisation_id;
  std::vector<FieldError> bad;
  SANAD_ASSIGN_OR_RETURN(const auto w,
                         internal::WarehouseFor(c, org, r.warehouse_id, "warehouse_id", &bad));
  if (w && !w->active) bad.push_back({"warehouse_id", "is inactive: it receives nothing"});
  SANAD_ASSIGN_OR_RETURN(const auto item, internal::ItemFor(c, org, r.item_id, "item_id", &bad));
  if (item && !item->active) bad.push_back({"item_id", "is inactive: it is not received"});
  const std::string number = Trimmed(r.lot_number);
  const std::string expiry = Trimmed(r.lot_expiry);
  if (number.size() > kMaxLotNumberLength) bad.push_back({"lot.number", "is too long"});
  if (!expiry.empty() && !DayNumber(expiry)) {
    bad.push_back({"lot.expiry", "must be a date YYYY-MM-DD, or null when it does not expire"});
  }
  Positive("quantity", r.quantity, &bad);
  Movement m{.kind = MovementKind::kReceipt,
             .warehouse_id = r.warehouse_id,
             .item_id = r.item_id,
             .quantity = r.quantity,
             .donor = r.donor,
             .waybill = r.waybill,
             .note = r.note};
  Required("donor", &m.donor, &bad);
  Required("waybill", &m.waybill, &bad);
  Optional("note", &m.note, &bad);
  if (!bad.empty()) return Status::InvalidArgument("receipt is invalid", std::move(bad));
  SANAD_ASSIGN_OR_RETURN(const Lot lot,
                         store::FindOrCreateLot(c, org, r.item_id, number, expiry, now));
  m.lot_id = lot.id;
  SANAD_ASSIGN_OR_RETURN(Movement written, Bring(c, ContextOf(actor, now), std::move(m)));
  return std::vector<Movement>{std::move(written)};
}

Result<std::vector<Movement>> StockService::Loss(store::Connection& c, const access::Actor& actor,
                                                 const MovementRequest& r, int64_t now) {
  const int64_t org = actor.organisation_id;
  std::vector<FieldError> bad;
  SANAD_RETURN_IF_ERROR(
      internal::WarehouseFor(c, org, r.warehouse_id, "warehouse_id", &bad).status());
  SANAD_ASSIGN_OR_RETURN(const auto item, internal::ItemFor(c, org, r.item_id, "item_id", &bad));
  if (r.lot_id != 0 && item) {
    SANAD_RETURN_IF_ERROR(internal::LotFor(c, org, r.lot_id, r.item_id, "lot_id", &bad).status());
  }
  Positive("quantity", r.quantity, &bad);
  Movement m{.kind = MovementKind::kLoss,
             .warehouse_id = r.warehouse_id,
             .item_id = r.item_id,
             .lot_id = r.lot_id,
             .reason = Trimmed(r.reason),
             .note = r.note};
  if (!IsLossReason(m.reason)) {
    bad.push_back({"reason", Choices(kLossReasons.data(), kLossReasons.size())});
  }
  if (m.reason == "other") {
    Required("note", &m.note, &bad);
  } else {
    Optional("note", &m.note, &bad);
  }
  if (!bad.empty()) return Status::InvalidArgument("loss is invalid", std::move(bad));
  return TakeOut(c, ContextOf(actor, now), m, r.quantity,
                 /*respect_reservations=*/false);
}

Result<std::vector<Movement>> StockService::Adjustment(store::Connection& c,
                                                       const access::Actor& actor,
                                                       const MovementRequest& r, int64_t now) {
  const int64_t org = actor.organisation_id;
  std::vector<FieldError> bad;
  SANAD_RETURN_IF_ERROR(
      internal::WarehouseFor(c, org, r.warehouse_id, "warehouse_id", &bad).status());
  std::optional<Lot> lot;
  if (r.lot_id <= 0) {
    bad.push_back({"lot_id", "is required: a count is of one lot"});
  } else {
    SANAD_ASSIGN_OR_RETURN(lot, internal::LotFor(c, org, r.lot_id, r.item_id, "lot_id", &bad));
  }
  if (!r.counted) {
    bad.push_back({"counted", "is required"});
  } else if (*r.counted < 0) {
    bad.push_back({"counted", "must be 0 or more"});
  }
  std::string note = r.note;
  Optional("note", &note, &bad);
  if (!bad.empty()) return Status::InvalidArgument("adjustment is invalid", std::move(bad));
  SANAD_ASSIGN_OR_RETURN(const int64_t balance, store::LotOnHand(c, r.warehouse_id, lot->id));
  const int64_t difference = *r.counted - balance;
  if (difference == 0) {
    return Status::InvalidArgument(
        "adjustment is invalid",
        {{"counted", "equals the balance (" + std::to_string(balance) + "): nothing to adjust"}});
  }
  Movement m{.kind = MovementKind::kAdjustment,
             .warehouse_id = r.warehouse_id,
             .item_id = lot->item_id,
             .lot_id = lot->id,
             .quantity = difference,
             .note = std::move(note)};
  const MovementContext ctx = ContextOf(actor, now);
  if (difference > 0) {
    SANAD_ASSIGN_OR_RETURN(Movement written, Bring(c, ctx, std::move(m)));
    return std::vector<Movement>{std::move(written)};
  }
  return TakeOut(c, ctx, m, -difference, /*respect_reservations=*/false);
}

namespace {

// The store filter of a ledger query; InvalidArgument naming bad parameters.
Result<store::MovementFilter> MovementFilterOf(const access::Actor& actor, const MovementQuery& q,
                                               int max_limit) {
  std::vector<FieldError> bad;
  const int offset = internal::CheckPage(q.page, q.limit, max_limit, &bad);
  if (!q.kind.empty() && !ParseMovementKind(q.kind)) {
    bad.push_back({"kind", Choices(kMovementKindNames.data(), kMovementKindNames.size())});
  }
  store::MovementFilter f{.organisation_id = actor.organisation_id,
                          .warehouse_id = q.warehouse_id,
                          .item_id = q.item_id,
                          .kind = q.kind,
                          .distribution_id = q.distribution_id,
                          .transfer_id = q.transfer_id,
                          .limit = q.limit,
                          .offset = offset};
  if (!q.from.empty()) {
    if (auto day = DayNumber(q.from)) {
      f.from_at = *day * kSecondsPerDay;
    } else {
      bad.push_back({"from", "must be a date YYYY-MM-DD"});
    }
  }
  if (!q.to.empty()) {
    if (auto day = DayNumber(q.to)) {
      f.to_at = (*day + 1) * kSecondsPerDay;
    } else {
      bad.push_back({"to", "must be a date YYYY-MM-DD"});
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("bad ledger query", std::move(bad));
  return f;
}

}  // namespace

Result<Page<Movement>> StockService::ListMovements(const access::Actor& actor,
                                                   const MovementQuery& q) const {
  SANAD_ASSIGN_OR_RETURN(const store::MovementFilter f, MovementFilterOf(actor, q, kMaxLimit));
  Page<Movement> page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListMovements(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountMovements(c, f));
    return Status::Ok();
  }));
  return page;
}

Result<LedgerExport> StockService::ExportLedger(const access::Actor& actor,
                                                const MovementQuery& q) {
  MovementQuery all = q;
  all.page = 1;
  all.limit = 1;
  SANAD_ASSIGN_OR_RETURN(store::MovementFilter f, MovementFilterOf(actor, all, kMaxLimit));
  f.oldest_first = true;
  f.limit = static_cast<int>(kMaxExportRows) + 1;
  const int64_t now = clock_.NowSeconds();
  LedgerExport out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out.movements, store::ListMovements(c, f));
    if (static_cast<int64_t>(out.movements.size()) > kMaxExportRows) {
      return Status::InvalidArgument(
          "the ledger is too long to export",
          {{"from", "more than 100000 movements match: narrow the dates, warehouse or item"}});
    }
    SANAD_ASSIGN_OR_RETURN(
        out.balances,
        ReadBalances(c, actor, {.warehouse_id = q.warehouse_id, .item_id = q.item_id}));
    return store::AppendAudit(
        c, Entry(actor, now, "export", "stock_movement", 0,
                 internal::Diff(nullptr, {{"movements", std::to_string(out.movements.size())},
                                          {"warehouse_id", Id(q.warehouse_id)},
                                          {"item_id", Id(q.item_id)},
                                          {"kind", q.kind},
                                          {"from", q.from},
                                          {"to", q.to}})));
  }));
  return out;
}

Result<Suggestion> StockService::Suggest(const access::Actor& actor, int64_t warehouse_id,
                                         int64_t item_id, int64_t quantity) const {
  Suggestion out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    std::vector<FieldError> bad;
    const int64_t org = actor.organisation_id;
    SANAD_RETURN_IF_ERROR(
        internal::WarehouseFor(c, org, warehouse_id, "warehouse_id", &bad).status());
    SANAD_RETURN_IF_ERROR(internal::ItemFor(c, org, item_id, "item_id", &bad).status());
    Positive("quantity", quantity, &bad);
    if (!bad.empty()) return Status::InvalidArgument("bad suggestion query", std::move(bad));
    SANAD_ASSIGN_OR_RETURN(const Pick pick, PickFefo(c, warehouse_id, item_id, quantity));
    out = {};
    for (const Take& t : pick.takes) {
      out.lots.push_back(t.from);
      out.take.push_back(t.take);
    }
    out.short_by = pick.short_by;
    return Status::Ok();
  }));
  return out;
}

}  // namespace sanad::stock
