// The stock ledger through the API: after receipts, losses, adjustments and transfers every
// balance is the sum of its movements and none is negative; a movement that would go below
// zero is refused with what is there and writes nothing; stock leaves first expiry first out;
// a transfer is received once, a shortfall needs a reason and shows as lost; the ledger
// exports as a workbook that holds the movements.
#include <gmock/gmock.h>

#include "io/xlsx_reader.h"
#include "tests/api/stock_fixtures.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

std::string TransferPath(int64_t id, const std::string& tail = "") {
  return std::string(kTransfers) + "/" + std::to_string(id) + tail;
}

class StockLedgerTest : public StockTest {
 protected:
  void SetUp() override {
    StockTest::SetUp();
    logistics_ = std::make_unique<HttpClient>(Logistics());
    kit_ = AddItem(*logistics_, "HYG-KIT", "Hygiene kit");
    water_ = AddItem(*logistics_, "WATER-5L", "Water 5 l", "bottle");
    duhok_ = AddWarehouse(*logistics_, "Duhok central warehouse");
    erbil_ = AddWarehouse(*logistics_, "Erbil hub", testing_support::kMarkazErbil);
  }
  HttpClient& logistics() { return *logistics_; }
  HttpResponse Loss(int64_t warehouse, int64_t item, int64_t quantity, int64_t lot = 0) {
    Json body = {{"kind", "loss"},
                 {"warehouse_id", warehouse},
                 {"item_id", item},
                 {"quantity", quantity},
                 {"reason", "damaged"}};
    if (lot != 0) body["lot_id"] = lot;
    return logistics().Post(kMovements, body);
  }
  Json Dispatch(int64_t from, int64_t to, const Json& lines) {
    return Add(logistics(), kTransfers,
               {{"from_warehouse_id", from},
                {"to_warehouse_id", to},
                {"waybill", "WB-77"},
                {"lines", lines}});
  }

  std::unique_ptr<HttpClient> logistics_;
  int64_t kit_ = 0;
  int64_t water_ = 0;
  int64_t duhok_ = 0;
  int64_t erbil_ = 0;
};

TEST_P(StockLedgerTest, EveryBalanceIsTheSumOfItsMovementsAndNeverNegative) {
  const int64_t early = Receive(logistics(), duhok_, kit_, "L-1", "2027-01-31", 500);
  const int64_t late = Receive(logistics(), duhok_, kit_, "L-2", "2027-06-30", 300);
  ASSERT_GT(Receive(logistics(), duhok_, water_, "W-1", nullptr, 1000), 0);
  ASSERT_GT(early, 0);
  ASSERT_GT(late, 0);
  // A second receipt of the same lot number and expiry adds to the same lot.
  EXPECT_EQ(Receive(logistics(), duhok_, kit_, "L-1", "2027-01-31", 20), early);

  EXPECT_EQ(Loss(duhok_, kit_, 530).status, 201);  // all of L-1, then 10 of L-2
  HttpResponse count = logistics().Post(kMovements, {{"kind", "adjustment"},
                                                     {"warehouse_id", duhok_},
                                                     {"lot_id", late},
                                                     {"counted", 250},
                                                     {"note", "count of 23 November"}});
  ASSERT_EQ(count.status, 201) << count.body;
  EXPECT_EQ(count.json["items"][0]["quantity"], -40);
  HttpResponse found = logistics().Post(
      kMovements,
      {{"kind", "adjustment"}, {"warehouse_id", duhok_}, {"lot_id", late}, {"counted", 260}});
  ASSERT_EQ(found.status, 201) << found.body;
  EXPECT_EQ(found.json["items"][0]["quantity"], 10);
  HttpResponse nothing = logistics().Post(
      kMovements,
      {{"kind", "adjustment"}, {"warehouse_id", duhok_}, {"lot_id", late}, {"counted", 260}});
  EXPECT_EQ(nothing.status, 422) << nothing.body;
  EXPECT_THAT(nothing.ErrorFields(), ElementsAre("counted"));

  const Json t =
      Dispatch(duhok_, erbil_,
               {{{"item_id", kit_}, {"quantity", 100}}, {{"item_id", water_}, {"quantity", 400}}});
  ASSERT_TRUE(t.is_object());
  EXPECT_EQ(t["status"], "in_transit");
  const Json on_the_way = Balance(logistics(), erbil_, kit_);
  ASSERT_TRUE(on_the_way.is_object());
  EXPECT_EQ(on_the_way["incoming"], 100);
  EXPECT_EQ(on_the_way["on_hand"], 0);
  const int64_t water_lot = t["lines"][1]["lot"]["id"];
  HttpResponse got = logistics().Post(
      TransferPath(IdOf(t), "/receive"),
      {{"version", 1},
       {"lines", {{{"lot_id", water_lot}, {"received", 390}, {"loss_reason", "damaged"}}}}});
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(Loss(erbil_, water_, 90).status, 201);

  HttpResponse report = logistics().Get(kBalances);
  ASSERT_EQ(report.status, 200) << report.body;
  ASSERT_EQ(report.json["items"].size(), 4u);  // two items in two warehouses
  for (const auto& row : report.json["items"]) {
    const int64_t w = row["warehouse"]["id"];
    const int64_t i = row["item"]["id"];
    EXPECT_GE(row["on_hand"].get<int64_t>(), 0);
    EXPECT_EQ(row["on_hand"].get<int64_t>(), LedgerSum(logistics(), w, i)) << row.dump();
    int64_t lots = 0;
    for (const auto& l : row["lots"]) lots += l["quantity"].get<int64_t>();
    EXPECT_EQ(lots, row["on_hand"].get<int64_t>()) << row.dump();
  }
  EXPECT_EQ(OnHand(logistics(), duhok_, kit_), 160);  // 820 − 530 − 40 + 10 − 100
  EXPECT_EQ(OnHand(logistics(), duhok_, water_), 600);
  EXPECT_EQ(OnHand(logistics(), erbil_, kit_), 100);
  EXPECT_EQ(OnHand(logistics(), erbil_, water_), 300);  // 390 arrived, 90 lost there
  EXPECT_EQ(Balance(logistics(), erbil_, kit_)["incoming"], 0);
  // Newest first, with who made each movement.
  const auto ledger = Ledger(logistics());
  ASSERT_FALSE(ledger.empty());
  EXPECT_EQ(ledger.front()["kind"], "loss");
  EXPECT_EQ(ledger.back()["kind"], "receipt");
  EXPECT_EQ(ledger.back()["by"]["username"], kLogistics);
  EXPECT_EQ(Ledger(logistics(), "kind=transfer_in").size(), 2u);
  EXPECT_EQ(Ledger(logistics(), "transfer_id=" + std::to_string(IdOf(t))).size(), 4u);
}

TEST_P(StockLedgerTest, OverIssueIsRefusedWithWhatIsThereAndWritesNothing) {
  ASSERT_GT(Receive(logistics(), duhok_, kit_, "L-1", nullptr, 40), 0);
  const size_t before = Ledger(logistics()).size();
  HttpResponse loss = Loss(duhok_, kit_, 41);
  EXPECT_EQ(loss.status, 409) << loss.body;
  EXPECT_THAT(loss.ErrorFields(), ElementsAre("quantity"));
  EXPECT_THAT(loss.json["error"]["message"].get<std::string>(),
              HasSubstr("only 40 kit of Hygiene kit in Duhok central warehouse"));
  HttpResponse transfer = logistics().Post(
      kTransfers,
      {{"from_warehouse_id", duhok_},
       {"to_warehouse_id", erbil_},
       {"lines", {{{"item_id", kit_}, {"quantity", 30}}, {{"item_id", water_}, {"quantity", 1}}}}});
  EXPECT_EQ(transfer.status, 409) << transfer.body;
  EXPECT_THAT(transfer.ErrorFields(), ElementsAre("lines[1].quantity"));
  // Nothing of either request was written: not the first line's 30 kits, not a transfer.
  EXPECT_EQ(Ledger(logistics()).size(), before);
  EXPECT_EQ(OnHand(logistics(), duhok_, kit_), 40);
  EXPECT_EQ(logistics().Get(kTransfers).json["total"], 0);
  EXPECT_EQ(Loss(duhok_, kit_, 40).status, 201);
  EXPECT_EQ(Loss(duhok_, kit_, 1).status, 409);
  EXPECT_EQ(OnHand(logistics(), duhok_, kit_), 0);
}

TEST_P(StockLedgerTest, StockLeavesFirstExpiryFirstOutThenLotsWithoutExpiry) {
  const int64_t none = Receive(logistics(), duhok_, kit_, "N-1", nullptr, 50);
  const int64_t june = Receive(logistics(), duhok_, kit_, "L-JUN", "2027-06-30", 50);
  const int64_t jan = Receive(logistics(), duhok_, kit_, "L-JAN", "2027-01-31", 50);
  HttpResponse s = logistics().Get("/api/v1/stock/suggest?warehouse_id=" + std::to_string(duhok_) +
                                   "&item_id=" + std::to_string(kit_) + "&quantity=120");
  ASSERT_EQ(s.status, 200) << s.body;
  ASSERT_EQ(s.json["lots"].size(), 3u);
  EXPECT_EQ(s.json["lots"][0]["lot"]["id"], jan);
  EXPECT_EQ(s.json["lots"][1]["lot"]["id"], june);
  EXPECT_EQ(s.json["lots"][2]["lot"]["id"], none);
  EXPECT_EQ(s.json["lots"][2]["take"], 20);
  EXPECT_EQ(s.json["lots"][2]["lot"]["expiry"], nullptr);
  EXPECT_EQ(s.json["short"], 0);
  HttpResponse too_much =
      logistics().Get("/api/v1/stock/suggest?warehouse_id=" + std::to_string(duhok_) +
                      "&item_id=" + std::to_string(kit_) + "&quantity=160");
  EXPECT_EQ(too_much.json["short"], 10);

  HttpResponse loss = Loss(duhok_, kit_, 70);
  ASSERT_EQ(loss.status, 201) << loss.body;
  ASSERT_EQ(loss.json["items"].size(), 2u);
  EXPECT_EQ(loss.json["items"][0]["lot"]["id"], jan);
  EXPECT_EQ(loss.json["items"][0]["quantity"], -50);
  EXPECT_EQ(loss.json["items"][1]["lot"]["id"], june);
  EXPECT_EQ(loss.json["items"][1]["quantity"], -20);
  // The report lists lots in the same order, with days to expiry.
  const Json row = Balance(logistics(), duhok_, kit_);
  ASSERT_EQ(row["lots"].size(), 2u);
  EXPECT_EQ(row["lots"][0]["lot"]["id"], june);
  EXPECT_EQ(row["lots"][1]["expires_in_days"], nullptr);
  // A named lot is taken from that lot only.
  HttpResponse named = Loss(duhok_, kit_, 31, june);
  EXPECT_EQ(named.status, 409) << named.body;
  EXPECT_EQ(Loss(duhok_, kit_, 30, june).status, 201);
  EXPECT_EQ(OnHand(logistics(), duhok_, kit_), 50);
}

TEST_P(StockLedgerTest, TransferIsReceivedOnceAndAShortfallNeedsAReason) {
  const int64_t lot = Receive(logistics(), duhok_, kit_, "L-1", "2027-01-31", 200);
  const Json t =
      Dispatch(duhok_, erbil_, {{{"item_id", kit_}, {"lot_id", lot}, {"quantity", 100}}});
  ASSERT_TRUE(t.is_object());
  EXPECT_EQ(OnHand(logistics(), duhok_, kit_), 100);
  const std::string receive = TransferPath(IdOf(t), "/receive");

  HttpResponse no_reason =
      logistics().Post(receive, {{"version", 1}, {"lines", {{{"lot_id", lot}, {"received", 96}}}}});
  EXPECT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_THAT(no_reason.ErrorFields(), ElementsAre("lines[0].loss_reason"));
  HttpResponse too_many = logistics().Post(
      receive, {{"version", 1}, {"lines", {{{"lot_id", lot}, {"received", 101}}}}});
  EXPECT_EQ(too_many.status, 422) << too_many.body;
  EXPECT_THAT(too_many.ErrorFields(), ElementsAre("lines[0].received"));
  HttpResponse stale = logistics().Post(
      receive, {{"version", 9},
                {"lines", {{{"lot_id", lot}, {"received", 96}, {"loss_reason", "damaged"}}}}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_EQ(OnHand(logistics(), erbil_, kit_), 0);  // nothing arrived yet

  HttpResponse ok = logistics().Post(
      receive, {{"version", 1},
                {"lines", {{{"lot_id", lot}, {"received", 96}, {"loss_reason", "damaged"}}}}});
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(ok.json["status"], "received");
  EXPECT_EQ(ok.json["received_by"], kLogistics);
  ASSERT_EQ(ok.json["lines"].size(), 1u);
  EXPECT_EQ(ok.json["lines"][0]["sent"], 100);
  EXPECT_EQ(ok.json["lines"][0]["received"], 96);
  EXPECT_EQ(ok.json["lines"][0]["lost"], 4);
  EXPECT_EQ(ok.json["lines"][0]["loss_reason"], "damaged");
  EXPECT_EQ(logistics().Get(TransferPath(IdOf(t))).json, ok.json);
  EXPECT_EQ(OnHand(logistics(), erbil_, kit_), 96);

  HttpResponse twice = logistics().Post(receive, {{"version", 2}});
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(OnHand(logistics(), erbil_, kit_), 96);
  EXPECT_EQ(logistics().Get(std::string(kTransfers) + "?status=received").json["total"], 1);
  EXPECT_EQ(logistics().Get(std::string(kTransfers) + "?status=in_transit").json["total"], 0);
  EXPECT_EQ(As(kOtherSupervisor).Get(TransferPath(IdOf(t))).status, 404);
}

TEST_P(StockLedgerTest, LedgerExportsAsAWorkbookOfMovementsAndBalances) {
  ASSERT_GT(Receive(logistics(), duhok_, kit_, "L-1", "2027-01-31", 120), 0);
  ASSERT_GT(Receive(logistics(), erbil_, water_, "W-9", nullptr, 60), 0);
  ASSERT_EQ(Loss(duhok_, kit_, 20).status, 201);
  HttpClient viewer = As(kViewer);  // every role exports
  HttpResponse r = viewer.Get(std::string(kMovements) + "/export.xlsx");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_THAT(r.Header("Content-Disposition"), HasSubstr("stock-ledger.xlsx"));

  auto ledger = io::ReadXlsxSheet("stock-ledger.xlsx", r.body, {.sheet = "Ledger"});
  ASSERT_TRUE(ledger.ok()) << ledger.status().ToString();
  ASSERT_EQ(ledger->size(), 4u);  // header and three movements, oldest first
  EXPECT_EQ(ledger->at(0).cells.at(2), "kind");
  EXPECT_EQ(ledger->at(1).cells.at(2), "receipt");
  EXPECT_EQ(ledger->at(1).cells.at(4), "HYG-KIT");
  EXPECT_EQ(ledger->at(1).cells.at(9), "120");
  EXPECT_EQ(ledger->at(3).cells.at(2), "loss");
  EXPECT_EQ(ledger->at(3).cells.at(9), "-20");
  auto balances = io::ReadXlsxSheet("stock-ledger.xlsx", r.body, {.sheet = "Balances"});
  ASSERT_TRUE(balances.ok()) << balances.status().ToString();
  ASSERT_EQ(balances->size(), 3u);
  EXPECT_EQ(balances->at(1).cells.at(0), "Duhok central warehouse");
  EXPECT_EQ(balances->at(1).cells.at(6), "100");
  EXPECT_EQ(balances->at(2).cells.at(1), "WATER-5L");

  // Filters narrow the ledger sheet.
  HttpResponse kits =
      viewer.Get(std::string(kMovements) + "/export.xlsx?item_id=" + std::to_string(kit_));
  auto kit_rows = io::ReadXlsxSheet("x.xlsx", kits.body, {.sheet = "Ledger"});
  ASSERT_TRUE(kit_rows.ok());
  EXPECT_EQ(kit_rows->size(), 3u);

  HttpResponse audit = As(kSupervisor).Get("/api/v1/audit?entity=stock_movement");
  ASSERT_EQ(audit.status, 200) << audit.body;
  int exports = 0;
  for (const auto& e : audit.json["items"]) exports += e["action"] == "export" ? 1 : 0;
  EXPECT_EQ(exports, 2);
}

SANAD_API_TEST_SUITE(StockLedgerTest);

}  // namespace
}  // namespace sanad::api_test
