#include "tests/api/distribution_fixtures.h"

#include "stock/ledger.h"
#include "store/database.h"
#include "store/stock_ledger_store.h"

namespace sanad::api_test {
namespace {

int64_t OrganisationOf(HttpClient& c) {
  return c.Get("/api/v1/session").json["user"]["organisation"]["id"].get<int64_t>();
}

std::unique_ptr<store::Database> Open(const std::string& url) {
  auto db = store::OpenDatabase(url);
  if (!db.ok()) throw std::runtime_error(db.status().ToString());
  return std::move(db).value();
}

}  // namespace

StockedItem DistributionApiTest::Stock(HttpClient& client, const std::string& code,
                                       int64_t quantity) {
  const std::string pcode = testing_support::kMarkazHamdaniya;
  HttpResponse item = client.Post(
      "/api/v1/items",
      {{"code", code}, {"name_en", "Item " + code}, {"unit", "kit"}, {"category", "hygiene"}});
  if (item.status != 404 && item.status != 405) {
    // The stock API is there: use it as a logistics officer would.
    EXPECT_EQ(item.status, 201) << item.body;
    if (warehouse_id_ == 0) {
      HttpResponse w = client.Post("/api/v1/warehouses",
                                   {{"name", "Hamdaniya central warehouse"}, {"pcode", pcode}});
      EXPECT_EQ(w.status, 201) << w.body;
      warehouse_id_ = w.json.value("id", int64_t{0});
    }
    const StockedItem s{.item_id = item.json.value("id", int64_t{0}),
                        .warehouse_id = warehouse_id_};
    HttpResponse r = client.Post("/api/v1/stock/movements",
                                 {{"kind", "receipt"},
                                  {"warehouse_id", s.warehouse_id},
                                  {"item_id", s.item_id},
                                  {"lot", {{"number", "L-" + code}, {"expiry", "2030-01-31"}}},
                                  {"quantity", quantity},
                                  {"donor", "ECHO"},
                                  {"waybill", "WB-" + code}});
    EXPECT_EQ(r.status, 201) << r.body;
    return s;
  }
  // No stock API in this build yet: the same rows, written through the ledger.
  const int64_t org = OrganisationOf(client);
  auto db = Open(server().db_url());
  StockedItem s;
  const Status written = db->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    if (warehouse_id_ == 0) {
      const store::Value w[] = {org, pcode};
      SANAD_ASSIGN_OR_RETURN(
          store::Rows rows,
          c.Query("INSERT INTO warehouses (organisation_id, version, name, name_key, pcode, "
                  "created_at, updated_at) VALUES (?, 1, 'Hamdaniya central warehouse', "
                  "'hamdaniya central warehouse', ?, 0, 0) RETURNING id",
                  w));
      warehouse_id_ = rows.front().Int(0);
    }
    const store::Value i[] = {org, code, "Item " + code};
    SANAD_ASSIGN_OR_RETURN(
        store::Rows rows,
        c.Query("INSERT INTO items (organisation_id, version, code, name_en, unit, category, "
                "created_at, updated_at) VALUES (?, 1, ?, ?, 'kit', 'hygiene', 0, 0) RETURNING id",
                i));
    s = {.item_id = rows.front().Int(0), .warehouse_id = warehouse_id_};
    SANAD_ASSIGN_OR_RETURN(const stock::Lot lot,
                           store::FindOrCreateLot(c, org, s.item_id, "L-" + code, "2030-01-31", 0));
    return stock::Bring(c, {.organisation_id = org, .username = "test", .now = 1},
                        {.kind = stock::MovementKind::kReceipt,
                         .warehouse_id = s.warehouse_id,
                         .item_id = s.item_id,
                         .lot_id = lot.id,
                         .quantity = quantity,
                         .donor = "ECHO",
                         .waybill = "WB-" + code})
        .status();
  });
  EXPECT_TRUE(written.ok()) << written.ToString();
  return s;
}

DistributionApiTest::Levels DistributionApiTest::LevelsOf(const StockedItem& s) {
  auto db = Open(server().db_url());
  Levels out;
  const Status read = db->InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const stock::Availability a,
                           stock::ItemAvailability(c, s.warehouse_id, s.item_id));
    out.on_hand = a.on_hand;
    out.reserved = a.reserved;
    const store::Value p[] = {s.item_id};
    SANAD_ASSIGN_OR_RETURN(store::Rows rows,
                           c.Query("SELECT COALESCE(SUM(quantity), 0) FROM stock_movements "
                                   "WHERE item_id = ? AND kind IN ('issue', 'return')",
                                   p));
    out.issued = -rows.front().Int(0);
    return Status::Ok();
  });
  EXPECT_TRUE(read.ok()) << read.ToString();
  return out;
}

Json DistributionApiTest::InKindBody(const StockedItem& s, int64_t quantity, Json criteria) {
  return {{"name", "Winter NFI — Hamdaniya"},
          {"kind", "in_kind"},
          {"project", "ECHO-NFI-2026"},
          {"pcode", testing_support::kMarkazHamdaniya},
          {"site", "Qaraqosh"},
          {"warehouse_id", s.warehouse_id},
          {"starts_on", "2026-12-01"},
          {"ends_on", "2026-12-03"},
          {"basket", {{{"item_id", s.item_id}, {"quantity", quantity}}}},
          {"criteria", criteria}};
}

Json DistributionApiTest::CreateRound(HttpClient& c, const Json& body) {
  HttpResponse r = c.Post(kRounds, body);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.json;
}

HttpResponse DistributionApiTest::Step(HttpClient& c, const Json& round, const std::string& step,
                                       Json body) {
  if (!body.contains("version")) body["version"] = round["version"];
  return c.Post(PathOf(round) + "/" + step, body);
}

Json DistributionApiTest::OpenRound(HttpClient& c, const Json& body) {
  const Json draft = CreateRound(c, body);
  HttpResponse planned = Step(c, draft, "plan");
  EXPECT_EQ(planned.status, 200) << planned.body;
  HttpResponse open = Step(c, planned.json, "open");
  EXPECT_EQ(open.status, 200) << open.body;
  return open.json;
}

Json DistributionApiTest::Beneficiaries(HttpClient& c, const Json& round,
                                        const std::string& query) {
  HttpResponse r =
      c.Get(PathOf(round) + "/beneficiaries?limit=200" + (query.empty() ? "" : "&" + query));
  EXPECT_EQ(r.status, 200) << r.body;
  return r.json;
}

}  // namespace sanad::api_test
