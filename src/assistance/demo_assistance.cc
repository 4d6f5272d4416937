#include "assistance/demo_assistance.h"

#include <array>
#include <string>
#include <vector>

#include "base/clock.h"

namespace sanad::assistance {
namespace {

struct DemoItem {
  const char* code;
  const char* name_en;
  const char* name_ar;
  const char* name_ckb;
  const char* unit;
  const char* category;
  int64_t quantity;  // received into the Duhok warehouse
  int expiry_days;   // 0 = does not expire
  const char* donor;
};

constexpr std::array<DemoItem, 8> kItems = {{
    {"FOOD-BASKET", "Food basket", "سلة غذائية", "سەبەتەی خۆراک", "basket", "food", 400, 180,
     "WFP"},
    {"WATER-5L", "Drinking water 5 L", "مياه شرب ٥ لتر", "ئاوی خواردنەوە ٥ لیتر", "bottle", "wash",
     2000, 365, "UNICEF"},
    {"BLANKET", "Blanket", "بطانية", "بەتانی", "piece", "nfi", 1500, 0, "UNHCR"},
    {"COOKER", "Gas cooker", "طباخ غاز", "غازی چێشتلێنان", "piece", "nfi", 300, 0, "ECHO"},
    {"HYG-KIT", "Hygiene kit", "حقيبة نظافة", "کیتی پاکوخاوێنی", "kit", "hygiene", 600, 730,
     "ECHO"},
    {"DIGNITY-KIT", "Dignity kit", "حقيبة الكرامة", "کیتی شکۆمەندی", "kit", "dignity_kit", 250, 0,
     "UNFPA"},
    {"TARPAULIN", "Tarpaulin 4×6 m", "مشمع ٤×٦ م", "شادری ٤×٦ م", "piece", "shelter", 200, 0,
     "IOM"},
    {"ORS", "Oral rehydration salts", "أملاح الإرواء الفموي", "خوێی ئاوپێدانەوەی دەمی", "sachet",
     "medicine", 5000, 540, "WHO"},
}};

constexpr char kDuhokDistrict[] = "IQG09Q02";
constexpr char kErbilDistrict[] = "IQG11Q02";
constexpr int64_t kDay = 86'400;

Status Fail(const std::string& what, const Status& s) {
  return {s.code(), "demo assistance, " + what + ": " + s.ToString()};
}

}  // namespace

Result<DemoAssistanceCounts> CreateDemoAssistance(stock::StockService& stock,
                                                  DistributionService& rounds,
                                                  const access::Actor& logistics,
                                                  const access::Actor& clerk, int64_t today) {
  DemoAssistanceCounts out;
  auto duhok = stock.CreateWarehouse(logistics, {.name = std::string("Duhok central warehouse"),
                                                 .pcode = std::string(kDuhokDistrict),
                                                 .address = std::string("Duhok industrial area")});
  if (!duhok.ok()) return Fail("warehouse", duhok.status());
  auto erbil = stock.CreateWarehouse(
      logistics, {.name = std::string("Erbil warehouse"), .pcode = std::string(kErbilDistrict)});
  if (!erbil.ok()) return Fail("warehouse", erbil.status());

  std::vector<stock::Item> items;
  for (size_t i = 0; i < kItems.size(); ++i) {
    const DemoItem& d = kItems.at(i);
    auto item = stock.CreateItem(logistics, {.code = std::string(d.code),
                                             .name_en = std::string(d.name_en),
                                             .name_ar = std::string(d.name_ar),
                                             .name_ckb = std::string(d.name_ckb),
                                             .unit = std::string(d.unit),
                                             .category = std::string(d.category)});
    if (!item.ok()) return Fail("item", item.status());
    auto received = stock.Record(
        logistics, {.kind = "receipt",
                    .warehouse_id = duhok->id,
                    .item_id = item->id,
                    .lot_number = "L-" + std::to_string(2611 + i),
                    .lot_expiry = d.expiry_days ? FormatUtcDate(today + d.expiry_days * kDay) : "",
                    .quantity = d.quantity,
                    .donor = d.donor,
                    .waybill = "WB-DUH-" + std::to_string(1040 + i)});
    if (!received.ok()) return Fail("receipt", received.status());
    items.push_back(*item);
    ++out.items;
  }
  // A second lot of food that expires sooner: first expiry first out takes it first.
  auto early = stock.Record(logistics, {.kind = "receipt",
                                        .warehouse_id = duhok->id,
                                        .item_id = items[0].id,
                                        .lot_number = "L-2598",
                                        .lot_expiry = FormatUtcDate(today + 40 * kDay),
                                        .quantity = 60,
                                        .donor = "WFP",
                                        .waybill = "WB-DUH-0998"});
  if (!early.ok()) return Fail("receipt", early.status());
  auto loss = stock.Record(logistics, {.kind = "loss",
                                       .warehouse_id = duhok->id,
                                       .item_id = items[0].id,
                                       .quantity = 3,
                                       .reason = "spoiled",
                                       .note = "rain damage at the loading bay"});
  if (!loss.ok()) return Fail("loss", loss.status());

  // Blankets and hygiene kits to Erbil: one transfer received two blankets short, one on the road.
  auto sent = stock.Dispatch(logistics, {.from_warehouse_id = duhok->id,
                                         .to_warehouse_id = erbil->id,
                                         .waybill = "WB-TR-0007",
                                         .lines = {{.item_id = items[2].id, .quantity = 200},
                                                   {.item_id = items[4].id, .quantity = 100}}});
  if (!sent.ok()) return Fail("transfer", sent.status());
  std::vector<stock::ReceiveLine> arrived;
  for (const auto& l : sent->lines) {
    arrived.push_back({.lot_id = l.lot_id,
                       .received = l.item_id == items[2].id ? l.sent - 2 : l.sent,
                       .loss_reason = l.item_id == items[2].id ? "damaged" : ""});
  }
  auto received = stock.Receive(logistics, sent->id, {.version = sent->version, .lines = arrived});
  if (!received.ok()) return Fail("transfer", received.status());
  auto on_road = stock.Dispatch(logistics, {.from_warehouse_id = duhok->id,
                                            .to_warehouse_id = erbil->id,
                                            .waybill = "WB-TR-0008",
                                            .lines = {{.item_id = items[1].id, .quantity = 300}}});
  if (!on_road.ok()) return Fail("transfer", on_road.status());

  // An open winter round with families served, by the head or a proxy.
  Distribution winter{
      .name = "Winter NFI — Duhok",
      .kind = "in_kind",
      .project = "ECHO-NFI-2026",
      .pcode = kDuhokDistrict,
      .site = "Duhok distribution point",
      .warehouse_id = duhok->id,
      .starts_on = FormatUtcDate(today - kDay),
      .ends_on = FormatUtcDate(today + 6 * kDay),
      .basket = {{.item_id = items[2].id, .quantity = 1, .per_member = true, .max_quantity = 6},
                 {.item_id = items[3].id, .quantity = 1},
                 {.item_id = items[4].id, .quantity = 1}},
      .criteria = {.max_households = 60}};
  auto round = rounds.Create(logistics, winter);
  if (!round.ok()) return Fail("round", round.status());
  auto planned = rounds.Plan(logistics, round->id, round->version);
  if (!planned.ok()) return Fail("plan", planned.status());
  auto opened = rounds.Open(logistics, round->id, planned->version);
  if (!opened.ok()) return Fail("open", opened.status());
  ++out.rounds;
  auto listed = rounds.Beneficiaries(clerk, round->id, {.limit = 20});
  if (!listed.ok()) return Fail("list", listed.status());
  for (size_t i = 0; i < listed->items.size() && i < 18; ++i) {
    const Beneficiary& b = listed->items[i];
    NewCollection n{.household_id = b.household_id, .collector = "head"};
    if (i % 6 == 5) {
      n.collector = "proxy";
      n.proxy_name = "جار العائلة";
      n.note = "the head is ill; the neighbour collected with the family's slip";
    }
    PreviousCollection previous;
    auto c = rounds.Collect(clerk, round->id, n, &previous);
    if (!c.ok()) return Fail("collection", c.status());
    ++out.collections;
  }

  // A planned cash round for female-headed households, and a draft food round.
  Distribution cash{
      .name = "Emergency cash — female-headed households",
      .kind = "cash",
      .project = "ECHO-MPCA-2026",
      .pcode = kErbilDistrict,
      .starts_on = FormatUtcDate(today + 7 * kDay),
      .ends_on = FormatUtcDate(today + 21 * kDay),
      .cash = CashPlan{.amount = 150'000, .currency = "IQD", .mechanism = "mobile_money"},
      .criteria = {.female_headed = true, .max_households = 25}};
  auto cash_round = rounds.Create(logistics, cash);
  if (!cash_round.ok()) return Fail("cash round", cash_round.status());
  auto cash_planned = rounds.Plan(logistics, cash_round->id, cash_round->version);
  if (!cash_planned.ok()) return Fail("cash plan", cash_planned.status());
  ++out.rounds;
  Distribution food{
      .name = "Food baskets — new arrivals",
      .kind = "in_kind",
      .pcode = kDuhokDistrict,
      .warehouse_id = duhok->id,
      .starts_on = FormatUtcDate(today + 14 * kDay),
      .ends_on = FormatUtcDate(today + 15 * kDay),
      .basket = {{.item_id = items[0].id, .quantity = 1},
                 {.item_id = items[1].id, .quantity = 2, .per_member = true, .max_quantity = 10}},
      .criteria = {.not_assisted_days = 30, .max_households = 100}};
  auto draft = rounds.Create(logistics, food);
  if (!draft.ok()) return Fail("draft round", draft.status());
  ++out.rounds;
  return out;
}

}  // namespace sanad::assistance
