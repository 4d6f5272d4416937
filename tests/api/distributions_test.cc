// Distribution rounds through the API: the plan draws exactly the eligible households and reserves
// their stock; validation names fields; the workflow refuses steps out of order and stale
// versions; the list is searched by name, token, phone and document and exported; cash rounds
// create one pending transfer per household; another organisation sees nothing.
#include <cstdio>
#include <fstream>
#include <set>

#include "tests/api/distribution_fixtures.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;
using testing_support::kMarkazHamdaniya;
using testing_support::OneMemberHousehold;

class DistributionsTest : public DistributionApiTest {};

std::set<int64_t> Households(const Json& list) {
  std::set<int64_t> out;
  for (const auto& b : list["items"]) out.insert(b["household_id"].get<int64_t>());
  return out;
}

TEST_P(DistributionsTest, PlanDrawsExactlyTheEligibleHouseholdsAndReservesTheirStock) {
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);
  const StockedItem kits = Stock(boss, "HYG-KIT", 100);
  const Json jubouri = Create(clerk, testing_support::JubouriHousehold());  // idp_in_camp, 3
  Create(clerk, testing_support::ObaidiHousehold());                        // returnee, Erbil
  const Json out1 = Create(clerk, OneMemberHousehold("Maryam One"));        // idp_out_of_camp
  const Json out2 = Create(clerk, OneMemberHousehold("Maryam Two"));
  Create(clerk, OneMemberHousehold("Maryam Mosul", testing_support::kMosul));

  Json body = InKindBody(kits, 2,
                         {{"displacement_status", {"idp_out_of_camp", "idp_in_camp"}},
                          {"pcode", testing_support::kHamdaniya}});
  body["basket"].push_back(
      {{"item_id", kits.item_id}, {"quantity", 1}, {"per_member", true}, {"max_quantity", 2}});
  HttpResponse dup = boss.Post(kRounds, body);  // the same item twice
  ASSERT_EQ(dup.status, 422) << dup.body;
  EXPECT_THAT(dup.ErrorFields(), ElementsAre("basket[1].item_id"));
  body["basket"].erase(1);
  body["basket"][0]["per_member"] = true;
  body["basket"][0]["max_quantity"] = 4;
  const Json draft = CreateRound(boss, body);
  EXPECT_EQ(draft["status"], "draft");
  EXPECT_EQ(draft["allowed_next"], Json::array({"planned", "cancelled"}));

  HttpResponse preview = boss.Get(PathOf(draft) + "/preview");
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.json["households"], 3);
  EXPECT_EQ(preview.json["people"], 5);
  EXPECT_EQ(preview.json["items"][0]["need"], 4 + 2 + 2);  // 2 per member, at most 4
  EXPECT_EQ(preview.json["items"][0]["available"], 100);
  EXPECT_EQ(preview.json["items"][0]["shortfall"], 0);
  EXPECT_EQ(LevelsOf(kits).reserved, 0);  // a preview writes nothing

  HttpResponse planned = Step(boss, draft, "plan");
  ASSERT_EQ(planned.status, 200) << planned.body;
  EXPECT_EQ(planned.json["status"], "planned");
  EXPECT_EQ(planned.json["counts"]["households"], 3);
  EXPECT_EQ(planned.json["counts"]["people"], 5);
  const Json list = Beneficiaries(boss, planned.json);
  EXPECT_EQ(Households(list),
            (std::set<int64_t>{jubouri["id"], out1["id"], out2["id"]}));  // and nobody else
  std::set<std::string> tokens;
  for (const auto& b : list["items"]) {
    const std::string t = b["token"];
    EXPECT_EQ(t.size(), 9u);
    EXPECT_EQ(t[4], '-');
    tokens.insert(t);
    EXPECT_EQ(b["status"], "listed");
  }
  EXPECT_EQ(tokens.size(), 3u);
  EXPECT_EQ(list["items"][0]["household_id"], jubouri["id"]);  // oldest registration first
  EXPECT_EQ(list["items"][0]["entitlement"][0]["quantity"], 4);
  EXPECT_EQ(list["items"][0]["head"]["name_latin"], jubouri["members"][0]["name_latin"]);
  EXPECT_EQ(LevelsOf(kits).reserved, 8);

  // Back to draft drops the list and the reservation; planning again draws afresh.
  HttpResponse back = Step(boss, planned.json, "draft");
  ASSERT_EQ(back.status, 200) << back.body;
  EXPECT_EQ(back.json["counts"]["households"], 0);
  EXPECT_EQ(LevelsOf(kits).reserved, 0);
  EXPECT_EQ(Beneficiaries(boss, back.json)["total"], 0);
}

TEST_P(DistributionsTest, ValidationNamesEveryBadField) {
  HttpClient boss = As(kSupervisor);
  const StockedItem kits = Stock(boss, "HYG-KIT", 10);
  Json body = InKindBody(kits, 0, {{"pcode", "IQG99"}});
  body["basket"].push_back({{"item_id", kits.item_id}, {"quantity", 1.5}});
  HttpResponse bad = boss.Post(kRounds, body);
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_THAT(bad.ErrorFields(), ElementsAre("basket[1].quantity"));  // a type problem first
  body["basket"].erase(1);
  bad = boss.Post(kRounds, body);
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_THAT(bad.ErrorFields(), ElementsAre("basket[0].quantity", "criteria.pcode"));

  Json cash = {
      {"name", "Winter cash"},
      {"kind", "cash"},
      {"pcode", kMarkazHamdaniya},
      {"starts_on", "2026-12-01"},
      {"ends_on", "2026-12-03"},
      {"cash", {{"amount", 150000.5}, {"currency", "IQD"}, {"mechanism", "mobile_money"}}}};
  bad = boss.Post(kRounds, cash);
  ASSERT_EQ(bad.status, 422) << bad.body;
  EXPECT_THAT(bad.ErrorFields(), ElementsAre("cash.amount"));  // IQD has no decimals
  cash["cash"]["currency"] = "EUR";
  bad = boss.Post(kRounds, cash);
  EXPECT_THAT(bad.ErrorFields(), ElementsAre("cash.currency"));
  cash["cash"]["currency"] = "USD";
  cash["cash"]["amount"] = 100.5;
  HttpResponse ok = boss.Post(kRounds, cash);
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.json["cash"]["amount"], 100.5);

  // Roles: a viewer and a registration clerk read rounds but do not plan them.
  HttpClient viewer = As(kViewer);
  EXPECT_EQ(viewer.Post(kRounds, InKindBody(kits, 1)).status, 403);
  EXPECT_EQ(As(kClerk).Post(kRounds, InKindBody(kits, 1)).status, 403);
  EXPECT_EQ(viewer.Get(PathOf(ok.json)).status, 200);
  EXPECT_EQ(viewer.Get(PathOf(ok.json)).json["allowed_next"], Json::array());
  // Another organisation: not found, not listed.
  HttpClient other = As(kOtherSupervisor);
  EXPECT_EQ(other.Get(PathOf(ok.json)).status, 404);
  EXPECT_EQ(Step(other, ok.json, "plan").status, 404);
  EXPECT_EQ(other.Get(kRounds).json["total"], 0);
  // An item of another organisation is not one of ours.
  EXPECT_THAT(other.Post(kRounds, InKindBody(kits, 1)).ErrorFields(),
              ElementsAre("warehouse_id", "basket[0].item_id"));
}

TEST_P(DistributionsTest, StepsOutOfOrderAndStaleVersionsAreRefused) {
  HttpClient boss = As(kSupervisor);
  const StockedItem kits = Stock(boss, "HYG-KIT", 10);
  HttpClient clerk = As(kClerk);
  Create(clerk, OneMemberHousehold("Maryam One"));
  const Json draft = CreateRound(boss, InKindBody(kits, 1));
  HttpResponse early = Step(boss, draft, "open");
  ASSERT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.json["error"]["allowed_next"], Json::array({"planned", "cancelled"}));
  HttpResponse stale = Step(boss, draft, "plan", {{"version", 7}});
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.ErrorFields(), ElementsAre("version"));

  HttpResponse renamed = boss.Patch(PathOf(draft), {{"version", 1}, {"name", "Renamed"}});
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.json["name"], "Renamed");
  EXPECT_EQ(boss.Patch(PathOf(draft), {{"version", 1}, {"name", "Again"}}).status, 409);
  HttpResponse planned = Step(boss, renamed.json, "plan");
  ASSERT_EQ(planned.status, 200) << planned.body;
  EXPECT_EQ(boss.Patch(PathOf(draft), {{"version", planned.json["version"]}, {"name", "X"}}).status,
            409);  // only a draft is edited
  HttpResponse no_reason = Step(boss, planned.json, "cancel");
  ASSERT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_THAT(no_reason.ErrorFields(), ElementsAre("reason"));
  HttpResponse cancelled = Step(boss, planned.json, "cancel", {{"reason", "Access road closed"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json["status"], "cancelled");
  EXPECT_EQ(cancelled.json["cancel_reason"], "Access road closed");
  EXPECT_EQ(cancelled.json["allowed_next"], Json::array());
  EXPECT_EQ(LevelsOf(kits).reserved, 0);  // everything released

  HttpResponse audit = As(kAdmin).Get("/api/v1/audit?entity=distribution&limit=50");
  ASSERT_EQ(audit.status, 200) << audit.body;
  std::vector<std::string> actions;
  for (const auto& e : audit.json["items"]) actions.push_back(e["action"]);
  EXPECT_THAT(actions, ElementsAre("cancel", "plan", "update", "create"));
}

TEST_P(DistributionsTest, ListIsFoundByNameTokenPhoneAndDocumentAndExported) {
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);
  const StockedItem kits = Stock(boss, "HYG-KIT", 10);
  const Json jubouri = Create(clerk, testing_support::JubouriHousehold());
  const Json obaidi = Create(clerk, OneMemberHousehold("Maryam One"));
  const Json round = OpenRound(boss, InKindBody(kits, 1));
  const Json all = Beneficiaries(clerk, round);
  ASSERT_EQ(all["total"], 2);
  const std::string token = all["items"][0]["token"];
  std::string bare = token.substr(0, 4) + token.substr(5);
  for (char& c : bare) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const auto ids = [&](const std::string& q) {
    return Households(Beneficiaries(clerk, round, "q=" + testing_support::UrlEncode(q)));
  };
  const std::set<int64_t> just_jubouri = {jubouri["id"].get<int64_t>()};
  EXPECT_EQ(ids("محمد الجبوري"), just_jubouri);
  EXPECT_EQ(ids(token), just_jubouri);
  EXPECT_EQ(ids(bare), just_jubouri);
  EXPECT_EQ(ids("+964 750 123 4567"), just_jubouri);
  EXPECT_EQ(ids("199012345678"), just_jubouri);
  EXPECT_EQ(ids("Maryam"), std::set<int64_t>{obaidi["id"].get<int64_t>()});

  HttpResponse got =
      clerk.Post(PathOf(round) + "/collections", {{"token", bare}, {"collector", "head"}});
  ASSERT_EQ(got.status, 201) << got.body;
  EXPECT_EQ(Households(Beneficiaries(clerk, round, "status=collected")), just_jubouri);
  EXPECT_EQ(Beneficiaries(clerk, round, "status=listed")["total"], 1);
  EXPECT_EQ(clerk.Get(PathOf(round) + "/beneficiaries?status=gone").status, 400);

  HttpResponse xlsx = As(kViewer).Get(PathOf(round) + "/beneficiaries/export.xlsx");
  ASSERT_EQ(xlsx.status, 200);
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  HttpResponse audit = As(kAdmin).Get("/api/v1/audit?entity=distribution&limit=1");
  ASSERT_EQ(audit.json["items"].size(), 1u);
  EXPECT_EQ(audit.json["items"][0]["action"], "export");
  EXPECT_EQ(audit.json["items"][0]["user"]["username"], kViewer);
}

// The printed list is a real PDF: poppler's pdftotext reads the token and the page label back.
TEST_P(DistributionsTest, PrintedListIsAPdfWithTokensInTheReadersLanguage) {
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);
  const StockedItem kits = Stock(boss, "HYG-KIT", 10);
  Create(clerk, testing_support::JubouriHousehold());
  const Json round = OpenRound(boss, InKindBody(kits, 1));
  const std::string token = Beneficiaries(clerk, round)["items"][0]["token"];
  const auto text_of = [&](const std::string& lang) {
    HttpResponse pdf = As(kViewer).Get(PathOf(round) + "/beneficiaries/export.pdf?lang=" + lang);
    EXPECT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
    EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
    const std::string path = ::testing::TempDir() + "/list-" + lang + ".pdf";
    std::ofstream(path, std::ios::binary) << pdf.body;
    std::string text;
    if (FILE* p = popen(("pdftotext -enc UTF-8 " + path + " -").c_str(), "r")) {
      char buf[4096];
      for (size_t n; (n = fread(buf, 1, sizeof buf, p)) > 0;) text.append(buf, n);
      pclose(p);
    }
    return text;
  };
  const std::string en = text_of("en");
  EXPECT_NE(en.find(token), std::string::npos) << en;
  EXPECT_NE(en.find("page 1 of 1"), std::string::npos) << en;
  EXPECT_NE(en.find("Head of household"), std::string::npos) << en;
  const std::string ar = text_of("ar");
  EXPECT_NE(ar.find(token), std::string::npos) << ar;
  EXPECT_EQ(ar.find("Head of household"), std::string::npos) << ar;
  EXPECT_EQ(As(kViewer).Get(PathOf(round) + "/beneficiaries/export.pdf?lang=fr").status, 400);
}

TEST_P(DistributionsTest, CashRoundCreatesOnePendingTransferPerHouseholdAndPaysInHand) {
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);
  Create(clerk, testing_support::JubouriHousehold());
  Create(clerk, OneMemberHousehold("Maryam One"));
  const Json round = OpenRound(boss, {{"name", "Winter cash"},
                                      {"kind", "cash"},
                                      {"pcode", kMarkazHamdaniya},
                                      {"starts_on", "2026-12-01"},
                                      {"ends_on", "2026-12-03"},
                                      {"cash",
                                       {{"amount", 25000},
                                        {"currency", "IQD"},
                                        {"per_member", true},
                                        {"max_amount", 60000},
                                        {"mechanism", "cash_in_hand"}}}});
  const Json list = Beneficiaries(clerk, round);
  ASSERT_EQ(list["total"], 2);
  EXPECT_EQ(list["items"][0]["cash"]["amount"], 60000);  // 3 × 25000, capped
  EXPECT_EQ(list["items"][1]["cash"]["amount"], 25000);
  HttpResponse report = boss.Get(PathOf(round) + "/report");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.json["cash"]["due"], 85000);
  EXPECT_EQ(report.json["cash"]["pending"], 85000);

  HttpResponse got =
      clerk.Post(PathOf(round) + "/collections",
                 {{"household_id", list["items"][0]["household_id"]}, {"collector", "head"}});
  ASSERT_EQ(got.status, 201) << got.body;
  report = boss.Get(PathOf(round) + "/report");
  EXPECT_EQ(report.json["cash"]["paid"], 60000);
  EXPECT_EQ(report.json["cash"]["pending"], 25000);
  EXPECT_EQ(report.json["reached"]["households"], 1);
  EXPECT_EQ(report.json["reached"]["people"], 3);
  EXPECT_EQ(report.json["reached"]["by_head"], 1);

  HttpResponse voided = clerk.Post(
      PathOf(round) + "/collections/" + std::to_string(got.json["id"].get<int64_t>()) + "/void",
      {{"reason", "wrong household"}});
  ASSERT_EQ(voided.status, 200) << voided.body;
  report = boss.Get(PathOf(round) + "/report");
  EXPECT_EQ(report.json["cash"]["paid"], 0);
  EXPECT_EQ(report.json["cash"]["pending"], 85000);
}

}  // namespace

SANAD_API_TEST_SUITE(DistributionsTest);

}  // namespace sanad::api_test
