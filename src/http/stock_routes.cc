// Routes of items, warehouses, stock movements, transfers, balances and the ledger export (part of
// Api); docs/assistance.md has the shapes.
#include "http/api.h"
#include "http/json_response.h"
#include "http/route_params.h"
#include "http/stock_json.h"
#include "io/table_writer.h"

namespace sanad::http {
namespace {

Result<stock::MovementQuery> MovementQueryOf(const Request& req) {
  int64_t page = 1;
  int64_t limit = 25;
  stock::MovementQuery q{
      .kind = Param(req, "kind"), .from = Param(req, "from"), .to = Param(req, "to")};
  SANAD_RETURN_IF_ERROR(Ints(req, {{"warehouse_id", &q.warehouse_id},
                                   {"item_id", &q.item_id},
                                   {"distribution_id", &q.distribution_id},
                                   {"transfer_id", &q.transfer_id},
                                   {"page", &page},
                                   {"limit", &limit}}));
  q.page = Clamp(page);
  q.limit = Clamp(limit);
  return q;
}

}  // namespace

void Api::AddStockRoutes() {
  // Items.
  Authed("GET", "/api/v1/items", [this](Request& req, const access::Session& s) {
    int64_t page = 1;
    int64_t limit = 25;
    if (Status st = Ints(req, {{"page", &page}, {"limit", &limit}}); !st.ok()) {
      return QueryErrorResponse(st);
    }
    auto list = s_.stock.ListItems(s.actor, {.text = Param(req, "q"),
                                             .category = Param(req, "category"),
                                             .active = ActiveParam(req),
                                             .page = Clamp(page),
                                             .limit = Clamp(limit)});
    if (!list.ok()) return QueryErrorResponse(list.status());
    return PageResponse(*list, ItemToJson);
  });
  Authed("POST", "/api/v1/items", [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto edit = ItemEditFromJson(*body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    auto item = s_.stock.CreateItem(s.actor, *edit);
    if (!item.ok()) return ErrorResponse(item.status());
    return Created(ItemToJson(*item), "/api/v1/items/" + std::to_string(item->id));
  });
  Authed("GET", "/api/v1/items/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return ErrorResponse(Status::NotFound("item not found"));
    auto item = s_.stock.GetItem(s.actor, *id);
    if (!item.ok()) return ErrorResponse(item.status());
    return Versioned(200, ItemToJson(*item), item->version);
  });
  Authed("PATCH", "/api/v1/items/{id}", [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadVersionedChange(req, "item", &refused);
    if (!in) return refused;
    auto edit = ItemEditFromJson(in->body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    edit->version = in->version;
    auto item = s_.stock.UpdateItem(s.actor, in->id, *edit);
    if (!item.ok()) return ErrorResponse(item.status());
    return Versioned(200, ItemToJson(*item), item->version);
  });

  // Warehouses.
  Authed("GET", "/api/v1/warehouses", [this](Request& req, const access::Session& s) {
    int64_t page = 1;
    int64_t limit = 25;
    if (Status st = Ints(req, {{"page", &page}, {"limit", &limit}}); !st.ok()) {
      return QueryErrorResponse(st);
    }
    auto list = s_.stock.ListWarehouses(s.actor, {.text = Param(req, "q"),
                                                  .pcode = Param(req, "pcode"),
                                                  .active = ActiveParam(req),
                                                  .page = Clamp(page),
                                                  .limit = Clamp(limit)});
    if (!list.ok()) return QueryErrorResponse(list.status());
    return PageResponse(
        *list, [this](const stock::Warehouse& w) { return WarehouseToJson(w, s_.places); });
  });
  Authed("POST", "/api/v1/warehouses", [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto edit = WarehouseEditFromJson(*body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    auto w = s_.stock.CreateWarehouse(s.actor, *edit);
    if (!w.ok()) return ErrorResponse(w.status());
    return Created(WarehouseToJson(*w, s_.places), "/api/v1/warehouses/" + std::to_string(w->id));
  });
  Authed("GET", "/api/v1/warehouses/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return ErrorResponse(Status::NotFound("warehouse not found"));
    auto w = s_.stock.GetWarehouse(s.actor, *id);
    if (!w.ok()) return ErrorResponse(w.status());
    return Versioned(200, WarehouseToJson(*w, s_.places), w->version);
  });
  Authed("PATCH", "/api/v1/warehouses/{id}", [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadVersionedChange(req, "warehouse", &refused);
    if (!in) return refused;
    auto edit = WarehouseEditFromJson(in->body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    edit->version = in->version;
    auto w = s_.stock.UpdateWarehouse(s.actor, in->id, *edit);
    if (!w.ok()) return ErrorResponse(w.status());
    return Versioned(200, WarehouseToJson(*w, s_.places), w->version);
  });

  // The ledger.
  Authed("POST", "/api/v1/stock/movements", [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto in = MovementRequestFromJson(*body);
    if (!in.ok()) return ErrorResponse(in.status());
    auto written = s_.stock.Record(s.actor, *in);
    if (!written.ok()) return ErrorResponse(written.status());
    Json items = Json::array();
    for (const auto& m : *written) items.push_back(MovementToJson(m));
    return JsonResponse(201, {{"items", items}});
  });
  Authed("GET", "/api/v1/stock/movements", [this](Request& req, const access::Session& s) {
    auto q = MovementQueryOf(req);
    if (!q.ok()) return QueryErrorResponse(q.status());
    auto page = s_.stock.ListMovements(s.actor, *q);
    if (!page.ok()) return QueryErrorResponse(page.status());
    return PageResponse(*page, MovementToJson);
  });
  Authed(
      "GET", "/api/v1/stock/movements/export.xlsx", [this](Request& req, const access::Session& s) {
        auto q = MovementQueryOf(req);
        if (!q.ok()) return QueryErrorResponse(q.status());
        auto ledger = s_.stock.ExportLedger(s.actor, *q);
        if (!ledger.ok()) return QueryErrorResponse(ledger.status());
        auto xlsx = io::WriteXlsxSheets(LedgerSheets(*ledger));
        if (!xlsx.ok()) return ErrorResponse(xlsx.status());
        Response r{
            .status = 200,
            .content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            .body = std::move(xlsx).value()};
        r.headers.emplace_back("Content-Disposition", "attachment; filename=\"stock-ledger.xlsx\"");
        r.headers.emplace_back("Cache-Control", "no-store");
        return r;
      });
  Authed("GET", "/api/v1/stock/balances", [this](Request& req, const access::Session& s) {
    stock::BalanceQuery q{.category = Param(req, "category")};
    if (Status st = Ints(req, {{"warehouse_id", &q.warehouse_id},
                               {"item_id", &q.item_id},
                               {"expiring_days", &q.expiring_days}});
        !st.ok()) {
      return QueryErrorResponse(st);
    }
    auto rows = s_.stock.Balances(s.actor, q);
    if (!rows.ok()) return QueryErrorResponse(rows.status());
    Json items = Json::array();
    for (const auto& r : *rows) items.push_back(BalanceRowToJson(r));
    return JsonResponse(200, {{"items", items}});
  });
  Authed("GET", "/api/v1/stock/suggest", [this](Request& req, const access::Session& s) {
    int64_t warehouse_id = 0;
    int64_t item_id = 0;
    int64_t quantity = 0;
    if (Status st = Ints(
            req, {{"warehouse_id", &warehouse_id}, {"item_id", &item_id}, {"quantity", &quantity}});
        !st.ok()) {
      return QueryErrorResponse(st);
    }
    auto suggestion = s_.stock.Suggest(s.actor, warehouse_id, item_id, quantity);
    if (!suggestion.ok()) return QueryErrorResponse(suggestion.status());
    return JsonResponse(200, SuggestionToJson(*suggestion));
  });

  // Transfers.
  Authed("POST", "/api/v1/stock/transfers", [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto in = TransferRequestFromJson(*body);
    if (!in.ok()) return ErrorResponse(in.status());
    auto t = s_.stock.Dispatch(s.actor, *in);
    if (!t.ok()) return ErrorResponse(t.status());
    return Created(TransferToJson(*t), "/api/v1/stock/transfers/" + std::to_string(t->id));
  });
  Authed("GET", "/api/v1/stock/transfers", [this](Request& req, const access::Session& s) {
    int64_t page = 1;
    int64_t limit = 25;
    stock::TransferQuery q{.status = Param(req, "status")};
    if (Status st =
            Ints(req, {{"warehouse_id", &q.warehouse_id}, {"page", &page}, {"limit", &limit}});
        !st.ok()) {
      return QueryErrorResponse(st);
    }
    q.page = Clamp(page);
    q.limit = Clamp(limit);
    auto list = s_.stock.ListTransfers(s.actor, q);
    if (!list.ok()) return QueryErrorResponse(list.status());
    return PageResponse(*list, TransferToJson);
  });
  Authed("GET", "/api/v1/stock/transfers/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return ErrorResponse(Status::NotFound("transfer not found"));
    auto t = s_.stock.GetTransfer(s.actor, *id);
    if (!t.ok()) return ErrorResponse(t.status());
    return Versioned(200, TransferToJson(*t), t->version);
  });
  Authed("POST", "/api/v1/stock/transfers/{id}/receive",
         [this](Request& req, const access::Session& s) {
           Response refused;
           auto in = ReadVersionedChange(req, "transfer", &refused);
           if (!in) return refused;
           auto receipt = ReceiveRequestFromJson(in->body);
           if (!receipt.ok()) return ErrorResponse(receipt.status());
           receipt->version = in->version;
           auto t = s_.stock.Receive(s.actor, in->id, *receipt);
           if (!t.ok()) return ErrorResponse(t.status());
           return Versioned(200, TransferToJson(*t), t->version);
         });
}

}  // namespace sanad::http
