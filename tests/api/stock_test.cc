// Items and warehouses through the API, and who may do what with stock: admins, supervisors
// and logistics officers maintain the catalogue and record movements; every other role of the
// organisation reads; another organisation's records are not found. Codes and names are
// unique in the organisation, stale edits are refused, and bad fields are named.
#include <gmock/gmock.h>

#include "tests/api/stock_fixtures.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::UnorderedElementsAre;

std::string PathOf(const char* base, int64_t id) {
  return std::string(base) + "/" + std::to_string(id);
}

std::vector<std::string> Codes(HttpClient& c, const std::string& query) {
  HttpResponse r = c.Get(std::string(kItems) + "?" + query);
  EXPECT_EQ(r.status, 200) << query << ": " << r.body;
  std::vector<std::string> out;
  for (const auto& i : r.json.value("items", Json::array())) out.push_back(i["code"]);
  return out;
}

class StockCatalogueTest : public StockTest {};

TEST_P(StockCatalogueTest, LogisticsOfficerKeepsTheCatalogueAndStaleEditsAreRefused) {
  HttpClient logistics = Logistics();
  HttpResponse created = logistics.Post(kItems, HygieneKit());
  ASSERT_EQ(created.status, 201) << created.body;
  const Json item = created.json;
  EXPECT_EQ(created.Header("Location"), PathOf(kItems, IdOf(item)));
  EXPECT_EQ(item["code"], "HYG-KIT");
  EXPECT_EQ(item["name_ar"], "حقيبة نظافة");
  EXPECT_EQ(item["active"], true);
  EXPECT_EQ(item["version"], 1);

  HttpResponse renamed = logistics.Patch(PathOf(kItems, IdOf(item)),
                                         {{"version", 1}, {"name_en", "Family hygiene kit"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json["version"], 2);
  HttpResponse stale =
      logistics.Patch(PathOf(kItems, IdOf(item)), {{"version", 1}, {"unit", "box"}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.ErrorFields(), ElementsAre("version"));
  EXPECT_EQ(logistics.Get(PathOf(kItems, IdOf(item))).json["unit"], "kit");

  // Never deleted: deactivated, then listed only when asked for.
  ASSERT_EQ(logistics.Patch(PathOf(kItems, IdOf(item)), {{"version", 2}, {"active", false}}).status,
            200);
  EXPECT_TRUE(Codes(logistics, "").empty());
  EXPECT_THAT(Codes(logistics, "active=false"), ElementsAre("HYG-KIT"));

  const int64_t w = AddWarehouse(logistics, "Duhok central warehouse");
  ASSERT_GT(w, 0);
  HttpResponse wh = logistics.Get(PathOf(kWarehouses, w));
  EXPECT_EQ(wh.json["place"]["name_en"], "Markaz Al-Hamdaniya");
  HttpResponse stale_w =
      logistics.Patch(PathOf(kWarehouses, w), {{"version", 7}, {"address", "x"}});
  EXPECT_EQ(stale_w.status, 409) << stale_w.body;

  HttpResponse audit =
      As(kSupervisor).Get("/api/v1/audit?entity=item&id=" + std::to_string(IdOf(item)));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json["total"], 3);  // created, renamed, deactivated
}

TEST_P(StockCatalogueTest, CodesAndNamesAreUniqueAndBadFieldsAreNamed) {
  HttpClient admin = As(kAdmin);
  ASSERT_GT(IdOf(Add(admin, kItems, HygieneKit())), 0);
  HttpResponse again = admin.Post(kItems, HygieneKit());
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_THAT(again.ErrorFields(), ElementsAre("code"));

  ASSERT_GT(AddWarehouse(admin, "Duhok central warehouse"), 0);
  // The same name in other case and spacing is the same warehouse.
  HttpResponse same = admin.Post(kWarehouses, {{"name", "  DUHOK central   Warehouse "},
                                               {"pcode", testing_support::kMarkazErbil}});
  EXPECT_EQ(same.status, 409) << same.body;
  EXPECT_THAT(same.ErrorFields(), ElementsAre("name"));

  HttpResponse bad = admin.Post(
      kItems, {{"code", "HYG KIT!"}, {"name_en", ""}, {"unit", "kit"}, {"category", "toys"}});
  EXPECT_EQ(bad.status, 422) << bad.body;
  EXPECT_THAT(bad.ErrorFields(), UnorderedElementsAre("code", "name_en", "category"));
  HttpResponse bad_w = admin.Post(kWarehouses, {{"name", "Erbil"}, {"pcode", "IQG99"}});
  EXPECT_EQ(bad_w.status, 422) << bad_w.body;
  EXPECT_THAT(bad_w.ErrorFields(), ElementsAre("pcode"));
  HttpResponse typed = admin.Post(kItems, {{"code", 5}, {"colour", "red"}});
  EXPECT_EQ(typed.status, 422) << typed.body;
  EXPECT_THAT(typed.ErrorFields(), UnorderedElementsAre("code", "colour"));
}

TEST_P(StockCatalogueTest, OnlyStockRolesWriteEveryRoleReadsOtherOrganisationsSeeNothing) {
  HttpClient logistics = Logistics();
  const int64_t item = AddItem(logistics, "BLANKET", "Blanket", "piece");
  const int64_t w = AddWarehouse(logistics, "Qaraqosh store");
  ASSERT_GT(Receive(logistics, w, item, "L-1", nullptr, 10), 0);

  for (const char* who : {kSupervisor, kAdmin}) {
    HttpClient c = As(who);
    EXPECT_GT(AddItem(c, std::string("BY-") + who, "Kit"), 0) << who;
    EXPECT_EQ(c.Post(kMovements, {{"kind", "loss"},
                                  {"warehouse_id", w},
                                  {"item_id", item},
                                  {"quantity", 1},
                                  {"reason", "damaged"}})
                  .status,
              201)
        << who;
  }
  for (const char* who : {kViewer, kClerk, kGbvWorker}) {
    HttpClient c = As(who);
    EXPECT_EQ(c.Post(kItems, HygieneKit()).status, 403) << who;
    EXPECT_EQ(c.Patch(PathOf(kItems, item), {{"version", 1}, {"name_en", "x"}}).status, 403) << who;
    EXPECT_EQ(c.Post(kWarehouses, {{"name", "Mine"}, {"pcode", "IQG15"}}).status, 403) << who;
    EXPECT_EQ(c.Post(kMovements, {{"kind", "loss"},
                                  {"warehouse_id", w},
                                  {"item_id", item},
                                  {"quantity", 1},
                                  {"reason", "stolen"}})
                  .status,
              403)
        << who;
    EXPECT_EQ(c.Post(kTransfers, {{"from_warehouse_id", w},
                                  {"to_warehouse_id", w},
                                  {"lines", {{{"item_id", item}, {"quantity", 1}}}}})
                  .status,
              403)
        << who;
    // Reading is for everyone of the organisation.
    EXPECT_EQ(c.Get(PathOf(kItems, item)).status, 200) << who;
    EXPECT_EQ(c.Get(kWarehouses).json["total"], 1) << who;
    EXPECT_EQ(OnHand(c, w, item), 8) << who;
    EXPECT_EQ(Ledger(c).size(), 3u) << who;
  }

  HttpClient other = As(kOtherSupervisor);
  EXPECT_EQ(other.Get(PathOf(kItems, item)).status, 404);
  EXPECT_EQ(other.Get(PathOf(kWarehouses, w)).status, 404);
  EXPECT_EQ(other.Patch(PathOf(kItems, item), {{"version", 1}, {"name_en", "x"}}).status, 404);
  EXPECT_EQ(other.Patch(PathOf(kWarehouses, w), {{"version", 1}, {"name", "x"}}).status, 404);
  EXPECT_EQ(other.Get(kItems).json["total"], 0);
  EXPECT_TRUE(Ledger(other).empty());
  EXPECT_TRUE(other.Get(kBalances).json["items"].empty());
  // Their warehouse and item ids are not theirs to move stock with.
  HttpResponse foreign = other.Post(kMovements, {{"kind", "loss"},
                                                 {"warehouse_id", w},
                                                 {"item_id", item},
                                                 {"quantity", 1},
                                                 {"reason", "stolen"}});
  EXPECT_EQ(foreign.status, 422) << foreign.body;
  EXPECT_THAT(foreign.ErrorFields(), UnorderedElementsAre("warehouse_id", "item_id"));
  EXPECT_EQ(OnHand(logistics, w, item), 8);
}

SANAD_API_TEST_SUITE(StockCatalogueTest);

}  // namespace
}  // namespace sanad::api_test
