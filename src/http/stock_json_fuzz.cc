// libFuzzer target: a request body on its way to the stock ledger — JSON parsing, the body
// readers of items, warehouses, movements, transfers and receipts, and the catalogue's checks —
// must never crash, hang or read out of bounds, whatever the bytes; and what passes the checks
// passes them again unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "http/json_response.h"
#include "http/stock_json.h"
#include "stock/catalogue.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto json = sanad::http::ParseJsonObject(body);
  if (!json.ok()) return 0;
  (void)sanad::http::MovementRequestFromJson(*json);
  (void)sanad::http::TransferRequestFromJson(*json);
  (void)sanad::http::ReceiveRequestFromJson(*json);
  (void)sanad::http::WarehouseEditFromJson(*json);
  auto edit = sanad::http::ItemEditFromJson(*json);
  if (!edit.ok()) return 0;
  sanad::stock::Item item{.code = edit->code.value_or(""),
                          .name_en = edit->name_en.value_or(""),
                          .name_ar = edit->name_ar.value_or(""),
                          .name_ckb = edit->name_ckb.value_or(""),
                          .unit = edit->unit.value_or(""),
                          .category = edit->category.value_or("")};
  std::vector<sanad::FieldError> bad;
  sanad::stock::CheckItem(&item, &bad);
  if (!bad.empty()) return 0;
  // Checking is idempotent: a checked (trimmed) item checks clean as it is.
  sanad::stock::Item again = item;
  sanad::stock::CheckItem(&again, &bad);
  if (!bad.empty() || again.code != item.code || again.name_en != item.name_en) std::abort();
  (void)sanad::stock::ItemSearchText(item);
  return 0;
}
