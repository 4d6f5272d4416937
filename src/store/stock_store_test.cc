// The stock tables on both backends: items and warehouses round-trip and a stale or foreign
// update changes nothing; lots are reused by number and expiry; every balance is the sum of
// its movements and the database itself refuses one below zero; lots come first expiry first
// out; transfers keep their lines and are received over their version; the report's parts
// add up per warehouse × item.
#include "store/stock_store.h"

#include <gtest/gtest.h>

#include "store/household_store_test_data.h"
#include "store/stock_ledger_store.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using stock::Item;
using stock::Movement;
using stock::MovementKind;
using stock::Warehouse;

class StockStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<Value> p) { Exec(sql, std::move(p)); });
  }

  Item AddItem(const std::string& code, int64_t org = kOrgA, const std::string& category = "nfi") {
    Item i{.organisation_id = org,
           .code = code,
           .name_en = code + " name",
           .unit = "kit",
           .category = category};
    SANAD_EXPECT_OK(Write([&](Connection& c) { return InsertItem(c, &i, " x ", 100); }));
    return i;
  }
  Warehouse AddWarehouse(const std::string& name, int64_t org = kOrgA) {
    Warehouse w{.organisation_id = org, .name = name, .pcode = kMarkazHamdaniya};
    SANAD_EXPECT_OK(Write([&](Connection& c) { return InsertWarehouse(c, &w, name, 100); }));
    return w;
  }
  int64_t Lot(int64_t item, const std::string& number, const std::string& expiry) {
    int64_t id = 0;
    SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(auto lot, FindOrCreateLot(c, kOrgA, item, number, expiry, 100));
      id = lot.id;
      return Status::Ok();
    }));
    return id;
  }
  Status Move(int64_t warehouse, int64_t item, int64_t lot, int64_t quantity,
              MovementKind kind = MovementKind::kReceipt, int64_t transfer = 0) {
    Movement m{.organisation_id = kOrgA,
               .at = 1000,
               .kind = kind,
               .warehouse_id = warehouse,
               .item_id = item,
               .lot_id = lot,
               .quantity = quantity,
               .transfer_id = transfer,
               .created_by = kActor,
               .created_by_name = "zainab"};
    return Write([&](Connection& c) { return AppendMovement(c, &m); });
  }
  int64_t Balance(int64_t warehouse, int64_t lot) {
    return Count(
        "SELECT COALESCE(SUM(quantity), 0) FROM stock_balances WHERE warehouse_id = ? "
        "AND lot_id = ?",
        {warehouse, lot});
  }
  int64_t SumOfMovements(int64_t warehouse, int64_t lot) {
    return Count(
        "SELECT COALESCE(SUM(quantity), 0) FROM stock_movements WHERE warehouse_id = ? "
        "AND lot_id = ?",
        {warehouse, lot});
  }
};

TEST_P(StockStoreTest, ItemsAndWarehousesRoundTripAndStaleOrForeignUpdatesChangeNothing) {
  Item kit = AddItem("HYG-KIT");
  AddItem("BLANKET", kOrgB);
  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto got, GetItem(c, kOrgA, kit.id));
    EXPECT_TRUE(got.has_value());
    if (got) {
      EXPECT_EQ(got->code, "HYG-KIT");
    }
    SANAD_ASSIGN_OR_RETURN(auto foreign, GetItem(c, kOrgB, kit.id));
    EXPECT_FALSE(foreign.has_value());
    SANAD_ASSIGN_OR_RETURN(auto by_code, FindItemByCode(c, kOrgA, "HYG-KIT"));
    EXPECT_EQ(by_code.value_or(0), kit.id);
    Item renamed = kit;
    renamed.name_en = "Family hygiene kit";
    SANAD_RETURN_IF_ERROR(UpdateItem(c, &renamed, 1, " x ", 200));
    EXPECT_EQ(renamed.version, 2);
    Item stale = kit;
    stale.unit = "box";
    EXPECT_EQ(UpdateItem(c, &stale, 1, " x ", 300).code(), StatusCode::kConflict);
    Item foreign_edit = kit;
    foreign_edit.organisation_id = kOrgB;
    EXPECT_EQ(UpdateItem(c, &foreign_edit, 2, " x ", 300).code(), StatusCode::kNotFound);
    SANAD_ASSIGN_OR_RETURN(auto after, GetItem(c, kOrgA, kit.id));
    EXPECT_EQ(after->unit, "kit");
    EXPECT_EQ(after->name_en, "Family hygiene kit");
    return Status::Ok();
  }));
  // The database refuses a second item of the same code in the organisation.
  Item twin{.organisation_id = kOrgA,
            .code = "HYG-KIT",
            .name_en = "x",
            .unit = "kit",
            .category = "nfi"};
  EXPECT_EQ(Write([&](Connection& c) { return InsertItem(c, &twin, "", 1); }).code(),
            StatusCode::kAlreadyExists);

  Warehouse w = AddWarehouse("duhok central");
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto found, FindWarehouseByNameKey(c, kOrgA, "duhok central"));
    EXPECT_EQ(found.value_or(0), w.id);
    SANAD_ASSIGN_OR_RETURN(auto other, FindWarehouseByNameKey(c, kOrgB, "duhok central"));
    EXPECT_FALSE(other.has_value());
    SANAD_ASSIGN_OR_RETURN(
        auto list,
        ListWarehouses(c, {.organisation_id = kOrgA, .pcode = kHamdaniya, .terms = {"duhok"}}));
    EXPECT_EQ(list.size(), 1u);
    SANAD_ASSIGN_OR_RETURN(auto none,
                           CountWarehouses(c, {.organisation_id = kOrgA, .pcode = kMarkazErbil}));
    EXPECT_EQ(none, 0);
    SANAD_ASSIGN_OR_RETURN(
        auto items, CountItems(c, {.organisation_id = kOrgA, .category = "nfi", .active = true}));
    EXPECT_EQ(items, 1);
    return Status::Ok();
  }));
}

TEST_P(StockStoreTest, BalanceIsTheSumOfMovementsAndTheDatabaseRefusesBelowZero) {
  const Item kit = AddItem("HYG-KIT");
  const Warehouse w = AddWarehouse("duhok");
  const int64_t lot = Lot(kit.id, "L-1", "2027-01-31");
  EXPECT_EQ(Lot(kit.id, "L-1", "2027-01-31"), lot);  // reused
  EXPECT_NE(Lot(kit.id, "L-1", ""), lot);            // another expiry is another lot
  SANAD_EXPECT_OK(Move(w.id, kit.id, lot, 500));
  SANAD_EXPECT_OK(Move(w.id, kit.id, lot, -120, MovementKind::kLoss));
  SANAD_EXPECT_OK(Move(w.id, kit.id, lot, 20, MovementKind::kAdjustment));
  EXPECT_EQ(Balance(w.id, lot), 400);
  EXPECT_EQ(SumOfMovements(w.id, lot), 400);

  // The CHECK is the last guard: the movement and the balance roll back together.
  const Status s = Move(w.id, kit.id, lot, -401, MovementKind::kLoss);
  EXPECT_EQ(s.code(), StatusCode::kFailedPrecondition) << s.ToString();
  EXPECT_EQ(Balance(w.id, lot), 400);
  EXPECT_EQ(SumOfMovements(w.id, lot), 400);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM stock_movements"), 3);
}

TEST_P(StockStoreTest, LotsComeFirstExpiryFirstOutThenWithoutExpiryThenOldest) {
  const Item kit = AddItem("HYG-KIT");
  const Warehouse w = AddWarehouse("duhok");
  const int64_t none_old = Lot(kit.id, "A", "");
  const int64_t june = Lot(kit.id, "B", "2027-06-30");
  const int64_t none_new = Lot(kit.id, "C", "");
  const int64_t jan = Lot(kit.id, "D", "2027-01-31");
  const int64_t empty = Lot(kit.id, "E", "2026-01-01");
  for (int64_t lot : {none_old, june, none_new, jan}) SANAD_EXPECT_OK(Move(w.id, kit.id, lot, 5));
  SANAD_EXPECT_OK(Move(w.id, kit.id, empty, 5));
  SANAD_EXPECT_OK(Move(w.id, kit.id, empty, -5, MovementKind::kLoss));  // now empty: skipped
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto lots, ListLotBalances(c, w.id, kit.id));
    std::vector<int64_t> order;
    for (const auto& l : lots) order.push_back(l.lot.id);
    EXPECT_EQ(order, (std::vector<int64_t>{jan, june, none_old, none_new}));
    SANAD_ASSIGN_OR_RETURN(const int64_t on_hand, ItemOnHand(c, w.id, kit.id));
    EXPECT_EQ(on_hand, 20);
    SANAD_ASSIGN_OR_RETURN(auto stock, ListLotStock(c, {.organisation_id = kOrgA}));
    EXPECT_EQ(stock.size(), 4u);
    SANAD_ASSIGN_OR_RETURN(auto other, ListLotStock(c, {.organisation_id = kOrgB}));
    EXPECT_TRUE(other.empty());
    return Status::Ok();
  }));
}

TEST_P(StockStoreTest, TransfersKeepTheirLinesAndAreReceivedOverTheirVersion) {
  const Item kit = AddItem("HYG-KIT");
  const Warehouse from = AddWarehouse("duhok");
  const Warehouse to = AddWarehouse("erbil");
  const int64_t lot = Lot(kit.id, "L-1", "");
  stock::Transfer t{.organisation_id = kOrgA,
                    .status = "in_transit",
                    .from_warehouse_id = from.id,
                    .to_warehouse_id = to.id,
                    .waybill = "WB-1",
                    .dispatched_at = 100,
                    .dispatched_by = kActor,
                    .dispatched_by_name = "zainab"};
  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(InsertTransfer(c, &t));
    return InsertTransferLine(c, t.id, {.item_id = kit.id, .lot_id = lot, .sent = 100});
  }));
  SANAD_EXPECT_OK(Move(from.id, kit.id, lot, 100));
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto incoming, ListIncomingTotals(c, {.organisation_id = kOrgA}));
    EXPECT_EQ(incoming.size(), 1u);
    if (!incoming.empty()) {
      EXPECT_EQ(incoming[0].warehouse_id, to.id);
      EXPECT_EQ(incoming[0].quantity, 100);
    }
    SANAD_ASSIGN_OR_RETURN(auto got, GetTransfer(c, kOrgA, t.id));
    EXPECT_TRUE(got.has_value());
    if (!got) return Status::Ok();
    EXPECT_EQ(got->from_name, "duhok");
    EXPECT_EQ(got->to_name, "erbil");
    EXPECT_EQ(got->lines.size(), 1u);
    EXPECT_FALSE(got->lines.at(0).received.has_value());
    SANAD_ASSIGN_OR_RETURN(auto foreign, GetTransfer(c, kOrgB, t.id));
    EXPECT_FALSE(foreign.has_value());
    return Status::Ok();
  }));
  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto got, GetTransfer(c, kOrgA, t.id));
    got->status = "received";
    got->received_at = 200;
    got->lines[0].received = 96;
    got->lines[0].loss_reason = "damaged";
    auto stale = *got;
    EXPECT_EQ(MarkTransferReceived(c, &stale, 5).code(), StatusCode::kConflict);
    SANAD_RETURN_IF_ERROR(MarkTransferReceived(c, &*got, 1));
    EXPECT_EQ(got->version, 2);
    return Status::Ok();
  }));
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto got, GetTransfer(c, kOrgA, t.id));
    EXPECT_EQ(got->status, "received");
    EXPECT_EQ(got->lines.at(0).received.value_or(-1), 96);
    EXPECT_EQ(got->lines.at(0).loss_reason, "damaged");
    SANAD_ASSIGN_OR_RETURN(auto incoming, ListIncomingTotals(c, {.organisation_id = kOrgA}));
    EXPECT_TRUE(incoming.empty());
    SANAD_ASSIGN_OR_RETURN(
        auto received,
        CountTransfers(c, {.organisation_id = kOrgA, .status = "received", .warehouse_id = to.id}));
    EXPECT_EQ(received, 1);
    return Status::Ok();
  }));
}

TEST_P(StockStoreTest, MovementListsFilterAndPageNewestFirst) {
  const Item kit = AddItem("HYG-KIT");
  const Item water = AddItem("WATER", kOrgA, "wash");
  const Warehouse w = AddWarehouse("duhok");
  const int64_t kit_lot = Lot(kit.id, "K", "");
  const int64_t water_lot = Lot(water.id, "W", "");
  SANAD_EXPECT_OK(Move(w.id, kit.id, kit_lot, 10));
  SANAD_EXPECT_OK(Move(w.id, water.id, water_lot, 20));
  SANAD_EXPECT_OK(Move(w.id, kit.id, kit_lot, -3, MovementKind::kLoss));
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto all, ListMovements(c, {.organisation_id = kOrgA}));
    EXPECT_EQ(all.size(), 3u);
    if (all.size() == 3) {
      EXPECT_EQ(all[0].quantity, -3);  // newest first
      EXPECT_EQ(all[0].item_code, "HYG-KIT");
      EXPECT_EQ(all[0].warehouse_name, "duhok");
    }
    SANAD_ASSIGN_OR_RETURN(auto kits,
                           CountMovements(c, {.organisation_id = kOrgA, .item_id = kit.id}));
    EXPECT_EQ(kits, 2);
    SANAD_ASSIGN_OR_RETURN(auto losses,
                           CountMovements(c, {.organisation_id = kOrgA, .kind = "loss"}));
    EXPECT_EQ(losses, 1);
    SANAD_ASSIGN_OR_RETURN(auto later,
                           CountMovements(c, {.organisation_id = kOrgA, .from_at = 1001}));
    EXPECT_EQ(later, 0);
    SANAD_ASSIGN_OR_RETURN(auto foreign, CountMovements(c, {.organisation_id = kOrgB}));
    EXPECT_EQ(foreign, 0);
    SANAD_ASSIGN_OR_RETURN(
        auto oldest,
        ListMovements(c,
                      {.organisation_id = kOrgA, .oldest_first = true, .limit = 1, .offset = 1}));
    EXPECT_EQ(oldest.size(), 1u);
    if (!oldest.empty()) {
      EXPECT_EQ(oldest[0].quantity, 20);
    }
    SANAD_ASSIGN_OR_RETURN(auto wash,
                           ListLotStock(c, {.organisation_id = kOrgA, .category = "wash"}));
    EXPECT_EQ(wash.size(), 1u);
    return Status::Ok();
  }));
}

SANAD_STORE_TEST_BACKENDS(StockStoreTest);

}  // namespace
}  // namespace sanad::store
