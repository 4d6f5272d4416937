// Transfers between warehouses of StockService: dispatch (transfer_out at the source, first
// expiry first out when no lot is named, respecting what rounds reserved there) and receipt
// (transfer_in at the destination; what did not arrive is a loss on the way, recorded on the
// transfer line with its reason: it left the source's ledger and never entered the
// destination's, so every balance stays the sum of its movements).
#include <algorithm>

#include "base/clock.h"
#include "stock/catalogue.h"
#include "stock/ledger.h"
#include "stock/stock_service.h"
#include "stock/stock_service_internal.h"
#include "store/audit_store.h"
#include "store/stock_store.h"

namespace sanad::stock {
namespace {

using internal::ContextOf;
using internal::Entry;

std::string LineField(size_t i, const char* name) {
  return "lines[" + std::to_string(i) + "]." + name;
}

std::string LineSummary(const TransferLine& l) {
  std::string out = "item " + std::to_string(l.item_id) + " lot " + std::to_string(l.lot_id) +
                    ": sent " + std::to_string(l.sent);
  if (l.received) out += ", received " + std::to_string(*l.received);
  if (!l.loss_reason.empty()) out += " (" + l.loss_reason + ")";
  return out;
}

// Checks a dispatch request against the organisation's warehouses, items and lots.
Status CheckDispatch(store::Connection& c, int64_t org, const TransferRequest& r) {
  std::vector<FieldError> bad;
  SANAD_RETURN_IF_ERROR(
      internal::WarehouseFor(c, org, r.from_warehouse_id, "from_warehouse_id", &bad).status());
  SANAD_ASSIGN_OR_RETURN(
      const auto to, internal::WarehouseFor(c, org, r.to_warehouse_id, "to_warehouse_id", &bad));
  if (to && !to->active) bad.push_back({"to_warehouse_id", "is inactive: it receives nothing"});
  if (r.from_warehouse_id == r.to_warehouse_id && r.to_warehouse_id > 0) {
    bad.push_back({"to_warehouse_id", "must differ from from_warehouse_id"});
  }
  if (Trimmed(r.waybill).size() > kMaxTextLength) bad.push_back({"waybill", "is too long"});
  if (Trimmed(r.note).size() > kMaxTextLength) bad.push_back({"note", "is too long"});
  if (r.lines.empty()) bad.push_back({"lines", "is required: at least one item"});
  for (size_t i = 0; i < r.lines.size(); ++i) {
    const TransferRequestLine& l = r.lines[i];
    SANAD_ASSIGN_OR_RETURN(const auto item,
                           internal::ItemFor(c, org, l.item_id, LineField(i, "item_id"), &bad));
    if (item && l.lot_id != 0) {
      SANAD_RETURN_IF_ERROR(
          internal::LotFor(c, org, l.lot_id, l.item_id, LineField(i, "lot_id"), &bad).status());
    }
    if (l.quantity <= 0)
      bad.push_back({LineField(i, "quantity"), "must be a whole number above 0"});
  }
  if (!bad.empty()) return Status::InvalidArgument("transfer is invalid", std::move(bad));
  return Status::Ok();
}

// Fills every line's `received` from the request (whole when not named); InvalidArgument
// naming lines[i].… for an unknown lot, more than sent or a shortfall without a reason.
Status ApplyReceipt(const ReceiveRequest& r, Transfer* t) {
  for (TransferLine& line : t->lines) {
    line.received = line.sent;
    line.loss_reason.clear();
  }
  if (!r.lines) return Status::Ok();
  std::vector<FieldError> bad;
  std::vector<int64_t> named;
  for (size_t i = 0; i < r.lines->size(); ++i) {
    const ReceiveLine& in = (*r.lines)[i];
    auto line = std::find_if(t->lines.begin(), t->lines.end(),
                             [&](const TransferLine& l) { return l.lot_id == in.lot_id; });
    if (line == t->lines.end()) {
      bad.push_back({LineField(i, "lot_id"), "is not a lot of this transfer"});
      continue;
    }
    if (std::find(named.begin(), named.end(), in.lot_id) != named.end()) {
      bad.push_back({LineField(i, "lot_id"), "is named twice"});
      continue;
    }
    named.push_back(in.lot_id);
    if (in.received < 0) {
      bad.push_back({LineField(i, "received"), "must be 0 or more"});
    } else if (in.received > line->sent) {
      bad.push_back({LineField(i, "received"),
                     "must not be more than was sent (" + std::to_string(line->sent) + ")"});
    } else if (in.received < line->sent) {
      const std::string reason = Trimmed(in.loss_reason);
      if (!IsLossReason(reason)) {
        bad.push_back(
            {LineField(i, "loss_reason"), "is required when less arrived than was sent: " +
                                              Choices(kLossReasons.data(), kLossReasons.size())});
      }
      line->loss_reason = reason;
    }
    line->received = in.received;
  }
  if (!bad.empty()) return Status::InvalidArgument("receipt is invalid", std::move(bad));
  return Status::Ok();
}

}  // namespace

Result<Transfer> StockService::Dispatch(const access::Actor& actor, const TransferRequest& r) {
  if (!internal::MayManage(actor)) return internal::Deny();
  const int64_t now = clock_.NowSeconds();
  const int64_t org = actor.organisation_id;
  std::optional<Transfer> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_RETURN_IF_ERROR(CheckDispatch(c, org, r));
    Transfer t{.organisation_id = org,
               .status = "in_transit",
               .from_warehouse_id = r.from_warehouse_id,
               .to_warehouse_id = r.to_warehouse_id,
               .waybill = Trimmed(r.waybill),
               .note = Trimmed(r.note),
               .dispatched_at = now,
               .dispatched_by = actor.user_id,
               .dispatched_by_name = actor.username};
    SANAD_RETURN_IF_ERROR(store::InsertTransfer(c, &t));
    std::vector<TransferLine> lines;  // one per lot
    for (size_t i = 0; i < r.lines.size(); ++i) {
      const TransferRequestLine& l = r.lines[i];
      Movement m{.kind = MovementKind::kTransferOut,
                 .warehouse_id = r.from_warehouse_id,
                 .item_id = l.item_id,
                 .lot_id = l.lot_id,
                 .waybill = t.waybill,
                 .note = t.note,
                 .transfer_id = t.id};
      auto taken = TakeOut(c, ContextOf(actor, now), m, l.quantity, /*respect_reservations=*/true);
      if (!taken.ok()) {
        const Status& s = taken.status();
        if (s.code() != StatusCode::kConflict) return s;
        return Status(StatusCode::kConflict, s.message(),
                      {{LineField(i, "quantity"), s.message()}});
      }
      for (const Movement& out_of_stock : *taken) {
        auto same = std::find_if(lines.begin(), lines.end(), [&](const TransferLine& x) {
          return x.lot_id == out_of_stock.lot_id;
        });
        if (same == lines.end()) {
          lines.push_back({.item_id = out_of_stock.item_id, .lot_id = out_of_stock.lot_id});
          same = lines.end() - 1;
        }
        same->sent += -out_of_stock.quantity;
      }
    }
    std::vector<std::pair<std::string, std::string>> fields = {
        {"status", t.status},
        {"from_warehouse_id", std::to_string(t.from_warehouse_id)},
        {"to_warehouse_id", std::to_string(t.to_warehouse_id)},
        {"waybill", t.waybill},
        {"note", t.note}};
    for (size_t i = 0; i < lines.size(); ++i) {
      SANAD_RETURN_IF_ERROR(store::InsertTransferLine(c, t.id, lines[i]));
      fields.emplace_back("lines[" + std::to_string(i) + "]", LineSummary(lines[i]));
    }
    SANAD_RETURN_IF_ERROR(store::AppendAudit(
        c, Entry(actor, now, "dispatch", "stock_transfer", t.id, internal::Diff(nullptr, fields))));
    SANAD_ASSIGN_OR_RETURN(out, store::GetTransfer(c, org, t.id));
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<Transfer> StockService::Receive(const access::Actor& actor, int64_t id,
                                       const ReceiveRequest& r) {
  if (!internal::MayManage(actor)) return internal::Deny();
  const int64_t now = clock_.NowSeconds();
  const int64_t org = actor.organisation_id;
  std::optional<Transfer> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(auto found, store::GetTransfer(c, org, id));
    if (!found) return Status::NotFound("transfer not found");
    Transfer t = std::move(*found);
    if (t.status != "in_transit") {
      return Status(StatusCode::kConflict,
                    "transfer " + std::to_string(id) + " was already received by " +
                        t.received_by_name + " on " + FormatUtc(t.received_at),
                    {{"status", "is " + t.status}});
    }
    if (r.version != t.version) {
      const std::string current = std::to_string(t.version);
      return Status(StatusCode::kConflict,
                    "transfer " + std::to_string(id) + " was changed by someone else: version " +
                        std::to_string(r.version) + " is stale, the current version is " + current,
                    {{"version", "is stale: the current version is " + current}});
    }
    SANAD_RETURN_IF_ERROR(ApplyReceipt(r, &t));
    std::vector<std::pair<std::string, std::string>> before = {{"status", t.status}};
    std::vector<std::pair<std::string, std::string>> after = {{"status", "received"}};
    for (size_t i = 0; i < t.lines.size(); ++i) {
      const TransferLine& line = t.lines[i];
      before.emplace_back("lines[" + std::to_string(i) + "]", "");
      after.emplace_back("lines[" + std::to_string(i) + "]", LineSummary(line));
      if (*line.received == 0) continue;
      Movement m{.kind = MovementKind::kTransferIn,
                 .warehouse_id = t.to_warehouse_id,
                 .item_id = line.item_id,
                 .lot_id = line.lot_id,
                 .quantity = *line.received,
                 .waybill = t.waybill,
                 .transfer_id = t.id};
      SANAD_RETURN_IF_ERROR(Bring(c, ContextOf(actor, now), m).status());
    }
    t.status = "received";
    t.received_at = now;
    t.received_by = actor.user_id;
    t.received_by_name = actor.username;
    SANAD_RETURN_IF_ERROR(store::MarkTransferReceived(c, &t, r.version));
    SANAD_RETURN_IF_ERROR(store::AppendAudit(
        c, Entry(actor, now, "receive", "stock_transfer", t.id, internal::Diff(&before, after))));
    out = std::move(t);
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<Page<Transfer>> StockService::ListTransfers(const access::Actor& actor,
                                                   const TransferQuery& q) const {
  std::vector<FieldError> bad;
  const int offset = internal::CheckPage(q.page, q.limit, kMaxLimit, &bad);
  if (!q.status.empty() && q.status != "in_transit" && q.status != "received") {
    bad.push_back({"status", "must be in_transit or received"});
  }
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  const store::TransferFilter f{.organisation_id = actor.organisation_id,
                                .status = q.status,
                                .warehouse_id = q.warehouse_id,
                                .limit = q.limit,
                                .offset = offset};
  Page<Transfer> page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListTransfers(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountTransfers(c, f));
    return Status::Ok();
  }));
  return page;
}

Result<Transfer> StockService::GetTransfer(const access::Actor& actor, int64_t id) const {
  std::optional<Transfer> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::GetTransfer(c, actor.organisation_id, id));
    return Status::Ok();
  }));
  if (!out) return Status::NotFound("transfer not found");
  return std::move(*out);
}

}  // namespace sanad::stock
