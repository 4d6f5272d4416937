// StockTest: the base of the stock API tests — a logistics officer of the fixture organisation
// (created on first use), and helpers that add items and warehouses, record movements and add
// up the ledger the way a user reading GET /stock/movements would.
#pragma once

#include <string>

#include "tests/api/api_test.h"

namespace sanad::api_test {

inline constexpr char kLogistics[] = "aziz.logistics";  // logistics, kOrganisation
inline constexpr char kItems[] = "/api/v1/items";
inline constexpr char kWarehouses[] = "/api/v1/warehouses";
inline constexpr char kMovements[] = "/api/v1/stock/movements";
inline constexpr char kTransfers[] = "/api/v1/stock/transfers";
inline constexpr char kBalances[] = "/api/v1/stock/balances";

class StockTest : public ApiTest {
 protected:
  // A client logged in as the logistics officer.
  HttpClient Logistics() {
    if (!logistics_added_) {
      server().AddUser(kLogistics, "logistics", kOrganisation, kPassword);
      logistics_added_ = true;
    }
    return server().LoggedIn(kLogistics, kPassword);
  }

  static int64_t IdOf(const Json& j) { return j.is_object() ? j.value("id", int64_t{0}) : 0; }

  // POSTs and expects 201; returns the created record (null otherwise).
  static Json Add(HttpClient& c, const std::string& path, const Json& body) {
    HttpResponse r = c.Post(path, body);
    EXPECT_EQ(r.status, 201) << path << " " << body.dump() << ": " << r.body;
    return r.status == 201 ? r.json : Json();
  }
  static Json HygieneKit() {
    return {{"code", "HYG-KIT"},
            {"name_en", "Hygiene kit"},
            {"name_ar", "حقيبة نظافة"},
            {"unit", "kit"},
            {"category", "hygiene"}};
  }
  static int64_t AddItem(HttpClient& c, const std::string& code, const std::string& name,
                         const std::string& unit = "kit") {
    return IdOf(
        Add(c, kItems, {{"code", code}, {"name_en", name}, {"unit", unit}, {"category", "nfi"}}));
  }
  static int64_t AddWarehouse(HttpClient& c, const std::string& name,
                              const std::string& pcode = testing_support::kMarkazHamdaniya) {
    return IdOf(Add(c, kWarehouses, {{"name", name}, {"pcode", pcode}}));
  }
  // Receives `quantity` of a lot; returns the lot's id (0 when refused).
  static int64_t Receive(HttpClient& c, int64_t warehouse, int64_t item, const std::string& lot,
                         const Json& expiry, int64_t quantity) {
    const Json m = Add(c, kMovements,
                       {{"kind", "receipt"},
                        {"warehouse_id", warehouse},
                        {"item_id", item},
                        {"lot", {{"number", lot}, {"expiry", expiry}}},
                        {"quantity", quantity},
                        {"donor", "ECHO"},
                        {"waybill", "WB-" + lot}});
    if (!m.is_object() || m["items"].size() != 1) return 0;
    return m["items"][0]["lot"]["id"].get<int64_t>();
  }
  // Every movement GET /stock/movements?`query` lists (all pages).
  static std::vector<Json> Ledger(HttpClient& c, const std::string& query = "") {
    std::vector<Json> out;
    for (int page = 1;; ++page) {
      HttpResponse r = c.Get(std::string(kMovements) + "?limit=200&page=" + std::to_string(page) +
                             (query.empty() ? "" : "&" + query));
      EXPECT_EQ(r.status, 200) << r.body;
      if (r.status != 200 || r.json["items"].empty()) return out;
      for (const auto& m : r.json["items"]) out.push_back(m);
    }
  }
  // The sum of the ledger's quantities for a warehouse and item.
  static int64_t LedgerSum(HttpClient& c, int64_t warehouse, int64_t item) {
    int64_t sum = 0;
    for (const auto& m : Ledger(
             c, "warehouse_id=" + std::to_string(warehouse) + "&item_id=" + std::to_string(item))) {
      sum += m["quantity"].get<int64_t>();
    }
    return sum;
  }
  // The row of GET /stock/balances for a warehouse and item (null when there is none).
  static Json Balance(HttpClient& c, int64_t warehouse, int64_t item) {
    HttpResponse r = c.Get(std::string(kBalances) + "?warehouse_id=" + std::to_string(warehouse) +
                           "&item_id=" + std::to_string(item));
    EXPECT_EQ(r.status, 200) << r.body;
    for (const auto& row : r.json.value("items", Json::array())) return row;
    return Json();
  }
  static int64_t OnHand(HttpClient& c, int64_t warehouse, int64_t item) {
    const Json b = Balance(c, warehouse, item);
    return b.is_object() ? b["on_hand"].get<int64_t>() : 0;
  }

 private:
  bool logistics_added_ = false;
};

}  // namespace sanad::api_test
