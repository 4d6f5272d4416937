// The wire shapes of items, warehouses, movements, transfers, the stock report and the FEFO
// suggestion (docs/assistance.md), and the request bodies read into stock_requests.h values.
// Body readers check JSON types only (422 naming the field, unknown fields refused); the
// service checks the rules. Pure functions; thread-safe.
#pragma once

#include "base/status.h"
#include "http/json_response.h"
#include "io/table_writer.h"
#include "registry/place_directory.h"
#include "stock/stock.h"
#include "stock/stock_requests.h"

namespace sanad::http {

Json ItemToJson(const stock::Item& i);
Json WarehouseToJson(const stock::Warehouse& w, const registry::PlaceDirectory& places);
Json MovementToJson(const stock::Movement& m);
Json TransferToJson(const stock::Transfer& t);
Json BalanceRowToJson(const stock::BalanceRow& r);
Json SuggestionToJson(const stock::Suggestion& s);

Result<stock::ItemEdit> ItemEditFromJson(const Json& j);
Result<stock::WarehouseEdit> WarehouseEditFromJson(const Json& j);
Result<stock::MovementRequest> MovementRequestFromJson(const Json& j);
Result<stock::TransferRequest> TransferRequestFromJson(const Json& j);
// `version` is read by the route (body or If-Match).
Result<stock::ReceiveRequest> ReceiveRequestFromJson(const Json& j);

// The sheets of the ledger workbook: "Ledger" (every movement) and "Balances" (lot by lot).
std::vector<io::XlsxSheet> LedgerSheets(const stock::LedgerExport& e);

}  // namespace sanad::http
