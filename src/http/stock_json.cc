#include "http/stock_json.h"

#include <initializer_list>
#include <string_view>

#include "base/clock.h"
#include "http/body_reader.h"

namespace sanad::http {
namespace {

using stock::Movement;

Json NullIfEmpty(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }
Json NullIfZero(int64_t id) { return id == 0 ? Json(nullptr) : Json(id); }

Json ItemRef(int64_t id, const std::string& code, const std::string& name_en,
             const std::string& unit) {
  return {{"id", id}, {"code", code}, {"name_en", name_en}, {"unit", unit}};
}
Json WarehouseRef(int64_t id, const std::string& name) { return {{"id", id}, {"name", name}}; }
Json LotJson(int64_t id, const std::string& number, const std::string& expiry) {
  return {{"id", id}, {"number", number}, {"expiry", NullIfEmpty(expiry)}};
}

}  // namespace

Json ItemToJson(const stock::Item& i) {
  return {{"id", i.id},
          {"version", i.version},
          {"code", i.code},
          {"name_en", i.name_en},
          {"name_ar", i.name_ar},
          {"name_ckb", i.name_ckb},
          {"unit", i.unit},
          {"category", i.category},
          {"active", i.active},
          {"created_at", FormatUtc(i.created_at)},
          {"updated_at", FormatUtc(i.updated_at)}};
}

Json WarehouseToJson(const stock::Warehouse& w, const registry::PlaceDirectory& places) {
  const registry::Place* place = places.Find(w.pcode);
  return {{"id", w.id},
          {"version", w.version},
          {"name", w.name},
          {"pcode", w.pcode},
          {"place",
           {{"name_en", place ? place->name_en : ""}, {"name_ar", place ? place->name_ar : ""}}},
          {"address", w.address},
          {"active", w.active},
          {"created_at", FormatUtc(w.created_at)},
          {"updated_at", FormatUtc(w.updated_at)}};
}

Json MovementToJson(const Movement& m) {
  return {{"id", m.id},
          {"at", FormatUtc(m.at)},
          {"kind", std::string(stock::MovementKindName(m.kind))},
          {"warehouse", WarehouseRef(m.warehouse_id, m.warehouse_name)},
          {"item", ItemRef(m.item_id, m.item_code, m.item_name_en, m.item_unit)},
          {"lot", LotJson(m.lot_id, m.lot_number, m.lot_expiry)},
          {"quantity", m.quantity},
          {"donor", m.donor},
          {"waybill", m.waybill},
          {"reason", m.reason},
          {"note", m.note},
          {"transfer_id", NullIfZero(m.transfer_id)},
          {"distribution_id", NullIfZero(m.distribution_id)},
          {"collection_id", NullIfZero(m.collection_id)},
          {"by", {{"id", NullIfZero(m.created_by)}, {"username", m.created_by_name}}}};
}

Json TransferToJson(const stock::Transfer& t) {
  Json lines = Json::array();
  for (const auto& l : t.lines) {
    lines.push_back({{"item", ItemRef(l.item_id, l.item_code, l.item_name_en, l.item_unit)},
                     {"lot", LotJson(l.lot_id, l.lot_number, l.lot_expiry)},
                     {"sent", l.sent},
                     {"received", l.received ? Json(*l.received) : Json(nullptr)},
                     {"lost", l.received ? Json(l.sent - *l.received) : Json(nullptr)},
                     {"loss_reason", NullIfEmpty(l.loss_reason)}});
  }
  const bool received = t.received_at != 0;
  return {{"id", t.id},
          {"version", t.version},
          {"status", t.status},
          {"from", WarehouseRef(t.from_warehouse_id, t.from_name)},
          {"to", WarehouseRef(t.to_warehouse_id, t.to_name)},
          {"waybill", t.waybill},
          {"note", t.note},
          {"dispatched_at", FormatUtc(t.dispatched_at)},
          {"dispatched_by", t.dispatched_by_name},
          {"received_at", received ? Json(FormatUtc(t.received_at)) : Json(nullptr)},
          {"received_by", received ? Json(t.received_by_name) : Json(nullptr)},
          {"lines", lines}};
}

Json BalanceRowToJson(const stock::BalanceRow& r) {
  Json lots = Json::array();
  for (const auto& l : r.lots) {
    lots.push_back(
        {{"lot", LotJson(l.lot.id, l.lot.number, l.lot.expiry)},
         {"quantity", l.quantity},
         {"expires_in_days", l.expires_in_days ? Json(*l.expires_in_days) : Json(nullptr)}});
  }
  return {{"warehouse", WarehouseRef(r.warehouse.id, r.warehouse.name)},
          {"item", ItemRef(r.item.id, r.item.code, r.item.name_en, r.item.unit)},
          {"on_hand", r.on_hand},
          {"reserved", r.reserved},
          {"available", r.available()},
          {"incoming", r.incoming},
          {"expiring", r.expiring},
          {"lots", lots}};
}

Json SuggestionToJson(const stock::Suggestion& s) {
  Json lots = Json::array();
  for (size_t i = 0; i < s.lots.size(); ++i) {
    const auto& l = s.lots[i];
    lots.push_back({{"lot", LotJson(l.lot.id, l.lot.number, l.lot.expiry)},
                    {"available", l.quantity},
                    {"take", s.take[i]}});
  }
  return {{"lots", lots}, {"short", s.short_by}};
}

Result<stock::ItemEdit> ItemEditFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad,
                {"code", "name_en", "name_ar", "name_ckb", "unit", "category", "active", "id",
                 "version", "created_at", "updated_at"},
                "an item");
  stock::ItemEdit out{.code = in.Text("code"),
                      .name_en = in.Text("name_en"),
                      .name_ar = in.Text("name_ar"),
                      .name_ckb = in.Text("name_ckb"),
                      .unit = in.Text("unit"),
                      .category = in.Text("category"),
                      .active = in.Bool("active")};
  if (!bad.empty()) return Status::InvalidArgument("item is invalid", std::move(bad));
  return out;
}

Result<stock::WarehouseEdit> WarehouseEditFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(
      j, "", &bad,
      {"name", "pcode", "address", "active", "id", "version", "created_at", "updated_at", "place"},
      "a warehouse");
  stock::WarehouseEdit out{.name = in.Text("name"),
                           .pcode = in.Text("pcode"),
                           .address = in.Text("address"),
                           .active = in.Bool("active")};
  if (!bad.empty()) return Status::InvalidArgument("warehouse is invalid", std::move(bad));
  return out;
}

Result<stock::MovementRequest> MovementRequestFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad,
                {"kind", "warehouse_id", "item_id", "lot_id", "lot", "quantity", "counted", "donor",
                 "waybill", "reason", "note"},
                "a movement");
  stock::MovementRequest out{.kind = in.Text("kind").value_or(""),
                             .warehouse_id = in.Int("warehouse_id").value_or(0),
                             .item_id = in.Int("item_id").value_or(0),
                             .lot_id = in.Int("lot_id").value_or(0),
                             .quantity = in.Int("quantity").value_or(0),
                             .counted = in.Int("counted"),
                             .donor = in.Text("donor").value_or(""),
                             .waybill = in.Text("waybill").value_or(""),
                             .reason = in.Text("reason").value_or(""),
                             .note = in.Text("note").value_or("")};
  if (const Json* lot = in.Find("lot")) {
    if (!lot->is_object()) {
      in.Bad("lot", "must be an object {number, expiry}");
    } else {
      BodyReader l(*lot, "lot.", &bad, {"number", "expiry", "id"}, "a lot");
      out.lot_number = l.Text("number").value_or("");
      out.lot_expiry = l.Text("expiry").value_or("");
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("movement is invalid", std::move(bad));
  return out;
}

Result<stock::TransferRequest> TransferRequestFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad, {"from_warehouse_id", "to_warehouse_id", "waybill", "note", "lines"},
                "a transfer");
  stock::TransferRequest out{.from_warehouse_id = in.Int("from_warehouse_id").value_or(0),
                             .to_warehouse_id = in.Int("to_warehouse_id").value_or(0),
                             .waybill = in.Text("waybill").value_or(""),
                             .note = in.Text("note").value_or("")};
  const auto lines = in.Objects("lines");
  for (size_t i = 0; lines && i < lines->size(); ++i) {
    BodyReader l((*lines)[i], "lines[" + std::to_string(i) + "].", &bad,
                 {"item_id", "lot_id", "quantity"}, "a transfer line");
    out.lines.push_back({.item_id = l.Int("item_id").value_or(0),
                         .lot_id = l.Int("lot_id").value_or(0),
                         .quantity = l.Int("quantity").value_or(0)});
  }
  if (!bad.empty()) return Status::InvalidArgument("transfer is invalid", std::move(bad));
  return out;
}

Result<stock::ReceiveRequest> ReceiveRequestFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad, {"version", "lines"}, "a receipt");
  stock::ReceiveRequest out;
  if (const auto lines = in.Objects("lines")) {
    out.lines.emplace();
    for (size_t i = 0; i < lines->size(); ++i) {
      BodyReader l((*lines)[i], "lines[" + std::to_string(i) + "].", &bad,
                   {"lot_id", "received", "loss_reason", "lot", "item", "sent", "lost"},
                   "a receipt line");
      auto lot_id = l.Int("lot_id");
      auto received = l.Int("received");
      if (!lot_id) l.Bad("lot_id", "is required");
      if (!received && !l.Find("received")) l.Bad("received", "is required");
      out.lines->push_back({.lot_id = lot_id.value_or(0),
                            .received = received.value_or(0),
                            .loss_reason = l.Text("loss_reason").value_or("")});
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("receipt is invalid", std::move(bad));
  return out;
}

std::vector<io::XlsxSheet> LedgerSheets(const stock::LedgerExport& e) {
  io::XlsxSheet ledger{.name = "Ledger",
                       .rows = {{"id", "at", "kind", "warehouse", "item_code", "item", "unit",
                                 "lot", "expiry", "quantity", "donor", "waybill", "reason", "note",
                                 "transfer_id", "distribution_id", "collection_id", "by"}}};
  auto id = [](int64_t v) { return v == 0 ? std::string() : std::to_string(v); };
  for (const Movement& m : e.movements) {
    ledger.rows.push_back(
        {std::to_string(m.id), FormatUtc(m.at), std::string(stock::MovementKindName(m.kind)),
         m.warehouse_name, m.item_code, m.item_name_en, m.item_unit, m.lot_number, m.lot_expiry,
         std::to_string(m.quantity), m.donor, m.waybill, m.reason, m.note, id(m.transfer_id),
         id(m.distribution_id), id(m.collection_id), m.created_by_name});
  }
  io::XlsxSheet balances{.name = "Balances",
                         .rows = {{"warehouse", "item_code", "item", "unit", "lot", "expiry",
                                   "on_hand", "reserved", "incoming"}}};
  for (const auto& r : e.balances) {
    // One line per lot on hand; an item with nothing on hand (only reserved or incoming) has
    // one line without a lot.
    if (r.lots.empty()) {
      balances.rows.push_back({r.warehouse.name, r.item.code, r.item.name_en, r.item.unit, "", "",
                               "0", std::to_string(r.reserved), std::to_string(r.incoming)});
    }
    for (size_t i = 0; i < r.lots.size(); ++i) {
      const auto& l = r.lots[i];
      balances.rows.push_back({r.warehouse.name, r.item.code, r.item.name_en, r.item.unit,
                               l.lot.number, l.lot.expiry, std::to_string(l.quantity),
                               i == 0 ? std::to_string(r.reserved) : "",
                               i == 0 ? std::to_string(r.incoming) : ""});
    }
  }
  return {std::move(ledger), std::move(balances)};
}

}  // namespace sanad::http
