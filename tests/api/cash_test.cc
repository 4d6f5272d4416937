// Cash transfers through the API: a planned cash round's transfers move along their workflow
// only while the round is open (stale and out-of-order changes refused with what is allowed),
// a provider's reconciliation file is applied all or nothing with every problem by line and
// column and every difference listed, and every role of the organisation reads, searches and
// exports while other organisations see nothing.
#include <gmock/gmock.h>

#include <string>
#include <vector>

#include "tests/api/api_test.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;
using testing_support::JubouriHousehold;
using testing_support::kMarkazHamdaniya;
using testing_support::ObaidiHousehold;
using testing_support::OneMemberHousehold;

constexpr char kCashOfficer[] = "dilan.logistics";  // logistics, kOrganisation
constexpr char kTransfers[] = "/api/v1/cash/transfers";
constexpr char kReconciliation[] = "/api/v1/cash/reconciliation";

class CashTest : public ApiTest {
 protected:
  HttpClient Officer() {
    if (!officer_added_) {
      server().AddUser(kCashOfficer, "logistics", kOrganisation, kPassword);
      officer_added_ = true;
    }
    return server().LoggedIn(kCashOfficer, kPassword);
  }

  // Registers three households and plans (and opens, unless `open` is false) a cash round of
  // 150,000 IQD each by mobile money; returns the round's id (0 on failure).
  int64_t CashRound(HttpClient& officer, bool open = true) {
    HttpClient clerk = As(kClerk);
    Create(clerk, JubouriHousehold());
    Create(clerk, ObaidiHousehold());
    Create(clerk, OneMemberHousehold("Maryam Marker"));
    HttpResponse created =
        officer.Post("/api/v1/distributions", {{"name", "Winter cash — Qaraqosh"},
                                               {"kind", "cash"},
                                               {"pcode", kMarkazHamdaniya},
                                               {"starts_on", "2026-12-01"},
                                               {"ends_on", "2026-12-03"},
                                               {"cash",
                                                {{"amount", 150000},
                                                 {"currency", "IQD"},
                                                 {"per_member", false},
                                                 {"max_amount", nullptr},
                                                 {"mechanism", "mobile_money"}}}});
    EXPECT_EQ(created.status, 201) << created.body;
    if (created.status != 201) return 0;
    const int64_t id = created.json["id"];
    const std::string path = "/api/v1/distributions/" + std::to_string(id);
    HttpResponse planned = officer.Post(path + "/plan", {{"version", created.json["version"]}});
    EXPECT_EQ(planned.status, 200) << planned.body;
    if (open) {
      HttpResponse opened = officer.Post(path + "/open", {{"version", planned.json["version"]}});
      EXPECT_EQ(opened.status, 200) << opened.body;
    }
    return id;
  }

  // The round's transfers, in id order.
  static Json Transfers(HttpClient& c, int64_t round, const std::string& extra = "") {
    HttpResponse r = c.Get(std::string(kTransfers) +
                           "?limit=200&distribution_id=" + std::to_string(round) + extra);
    EXPECT_EQ(r.status, 200) << r.body;
    return r.json.value("items", Json::array());
  }
  static std::string PathOf(const Json& t) {
    return std::string(kTransfers) + "/" + std::to_string(t["id"].get<int64_t>());
  }
  static HttpResponse SetStatus(HttpClient& c, const Json& t, const Json& body) {
    return c.Post(PathOf(t) + "/status", body);
  }
  static HttpResponse Reconcile(HttpClient& c, int64_t round, const std::string& csv,
                                const std::string& extra = "") {
    return c.Send(
        "POST", std::string(kReconciliation) + "?distribution_id=" + std::to_string(round) + extra,
        csv, {.content_type = "text/csv"});
  }
  static std::vector<std::string> Statuses(HttpClient& c, int64_t round) {
    std::vector<std::string> out;
    for (const auto& t : Transfers(c, round)) out.push_back(t["status"]);
    return out;
  }

 private:
  bool officer_added_ = false;
};

TEST_P(CashTest, OfficerMovesTransfersAlongTheWorkflowOnlyWhileTheRoundIsOpen) {
  HttpClient officer = Officer();
  const int64_t round = CashRound(officer, /*open=*/false);
  ASSERT_GT(round, 0);
  Json transfers = Transfers(officer, round);
  ASSERT_EQ(transfers.size(), 3u);
  const Json t = transfers[0];
  EXPECT_EQ(t["status"], "pending");
  EXPECT_EQ(t["amount"], 150000);
  EXPECT_EQ(t["currency"], "IQD");
  EXPECT_EQ(t["mechanism"], "mobile_money");
  EXPECT_EQ(t["paid_amount"], nullptr);
  EXPECT_EQ(t["distribution"]["id"], round);
  char reference[16];
  std::snprintf(reference, sizeof reference, "TR-%06lld", static_cast<long long>(t["id"]));
  EXPECT_EQ(t["reference"], reference);
  EXPECT_EQ(t["allowed_next"], Json::array({"paid", "failed"}));
  EXPECT_FALSE(t["recipient"]["name"].get<std::string>().empty());

  // Planned, not open: no money moves yet.
  HttpResponse early = SetStatus(officer, t, {{"version", 1}, {"status", "paid"}});
  EXPECT_EQ(early.status, 409) << early.body;
  const std::string path = "/api/v1/distributions/" + std::to_string(round);
  HttpResponse opened =
      officer.Post(path + "/open", {{"version", officer.Get(path).json["version"]}});
  ASSERT_EQ(opened.status, 200) << opened.body;

  HttpResponse too_precise =
      SetStatus(officer, t, {{"version", 1}, {"status", "paid"}, {"paid_amount", 140000.5}});
  EXPECT_EQ(too_precise.status, 422) << too_precise.body;
  EXPECT_THAT(too_precise.ErrorFields(), ElementsAre("paid_amount"));
  HttpResponse paid = SetStatus(officer, t,
                                {{"version", 1},
                                 {"status", "paid"},
                                 {"paid_amount", 140000},
                                 {"paid_at", "2026-12-02"},
                                 {"provider_reference", "ZC-99812"}});
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(paid.json["status"], "paid");
  EXPECT_EQ(paid.json["paid_amount"], 140000);
  EXPECT_EQ(paid.json["paid_at"], "2026-12-02");
  EXPECT_EQ(paid.json["provider_reference"], "ZC-99812");
  EXPECT_EQ(paid.json["version"], 2);
  EXPECT_EQ(officer.Get(PathOf(t)).json, paid.json);

  HttpResponse stale = SetStatus(officer, t, {{"version", 1}, {"status", "failed"}});
  EXPECT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.ErrorFields(), ElementsAre("version"));
  HttpResponse out_of_order = SetStatus(officer, t, {{"version", 2}, {"status", "failed"}});
  EXPECT_EQ(out_of_order.status, 409) << out_of_order.body;
  EXPECT_EQ(out_of_order.json["error"]["allowed_next"], Json::array({"returned"}));
  HttpResponse no_reason = SetStatus(officer, t, {{"version", 2}, {"status", "returned"}});
  EXPECT_EQ(no_reason.status, 422) << no_reason.body;
  EXPECT_THAT(no_reason.ErrorFields(), ElementsAre("reason"));
  HttpResponse returned =
      SetStatus(officer, t, {{"version", 2}, {"status", "returned"}, {"reason", "wallet closed"}});
  ASSERT_EQ(returned.status, 200) << returned.body;
  EXPECT_EQ(returned.json["failure_reason"], "wallet closed");
  EXPECT_EQ(returned.json["allowed_next"], Json::array());

  // A failed transfer is retried: back to pending, then paid in full.
  const Json u = transfers[1];
  ASSERT_EQ(
      SetStatus(officer, u, {{"version", 1}, {"status", "failed"}, {"reason", "no SIM"}}).status,
      200);
  ASSERT_EQ(SetStatus(officer, u, {{"version", 2}, {"status", "pending"}}).status, 200);
  HttpResponse retried =
      SetStatus(officer, u, {{"version", 3}, {"status", "paid"}, {"paid_at", "2026-12-03"}});
  ASSERT_EQ(retried.status, 200) << retried.body;
  EXPECT_EQ(retried.json["paid_amount"], 150000);  // no amount given: the amount due
  EXPECT_EQ(retried.json["failure_reason"], "");

  HttpResponse audit = officer.Get("/api/v1/audit?entity=cash_transfer&id=" +
                                   std::to_string(t["id"].get<int64_t>()));
  if (audit.status == 200) {  // logistics may not read the log; the supervisor can
    EXPECT_EQ(audit.json["total"], 2);
  }
  HttpResponse trail =
      As(kSupervisor)
          .Get("/api/v1/audit?entity=cash_transfer&id=" + std::to_string(t["id"].get<int64_t>()));
  ASSERT_EQ(trail.status, 200) << trail.body;
  ASSERT_EQ(trail.json["total"], 2);  // paid, returned
  EXPECT_EQ(trail.json["items"][1]["user"]["username"], kCashOfficer);
  EXPECT_THAT(Statuses(officer, round), ElementsAre("returned", "paid", "pending"));
}

TEST_P(CashTest, EveryRoleOfTheOrganisationReadsOnlyCashOfficersChangeAndOthersSeeNothing) {
  HttpClient officer = Officer();
  const int64_t round = CashRound(officer);
  ASSERT_GT(round, 0);
  const Json t = Transfers(officer, round)[0];
  for (const char* who : {kClerk, kViewer}) {
    HttpClient c = As(who);
    EXPECT_EQ(c.Get(PathOf(t)).status, 200) << who;
    EXPECT_EQ(Transfers(c, round).size(), 3u) << who;
    EXPECT_EQ(SetStatus(c, t, {{"version", 1}, {"status", "paid"}}).status, 403) << who;
    EXPECT_EQ(Reconcile(c, round, "reference,amount,status\n").status, 403) << who;
  }
  HttpClient supervisor = As(kSupervisor);
  EXPECT_EQ(SetStatus(supervisor, t, {{"version", 1}, {"status", "failed"}}).status, 200);

  HttpClient stranger = As(kOtherSupervisor);
  EXPECT_EQ(stranger.Get(PathOf(t)).status, 404);
  EXPECT_EQ(SetStatus(stranger, t, {{"version", 2}, {"status", "pending"}}).status, 404);
  EXPECT_EQ(Transfers(stranger, round).size(), 0u);
  EXPECT_EQ(stranger.Get(std::string(kReconciliation) + "?distribution_id=" + std::to_string(round))
                .status,
            404);
  EXPECT_EQ(Reconcile(stranger, round, "reference,amount,status\n").status, 404);
}

TEST_P(CashTest, AProvidersFileIsAppliedAllOrNothingWithEveryDifference) {
  HttpClient officer = Officer();
  const int64_t round = CashRound(officer);
  ASSERT_GT(round, 0);
  const Json transfers = Transfers(officer, round);
  ASSERT_EQ(transfers.size(), 3u);
  const auto ref = [&](size_t i) { return transfers[i]["reference"].get<std::string>(); };

  const std::string bad = "Reference,Amount,Currency,Status,Date\n" + ref(0) +
                          ",150000,IQD,paid,2026-12-02\n" + ref(1) + ",150000,USD,paid,\n" +
                          ref(0) + ",150000,IQD,paid,\nTR-999999,1,IQD,paid,\n" + ref(2) +
                          ",15O000,IQD,paid,\n";
  HttpResponse refused = Reconcile(officer, round, bad);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_THAT(refused.ErrorFields(), ElementsAre("line 3: currency", "line 4: reference",
                                                 "line 5: reference", "line 6: amount"));
  EXPECT_EQ(refused.json["applied"], false);
  EXPECT_EQ(refused.json["problems"][0]["row"], 3);
  EXPECT_EQ(refused.json["problems"][0]["column"], "currency");
  EXPECT_THAT(Statuses(officer, round), ElementsAre("pending", "pending", "pending"));

  const std::string good = "reference,provider_reference,amount,currency,status,date,reason\n" +
                           ref(0) + ",ZC-1,150000,IQD,paid,2026-12-02,\n" + ref(1) +
                           ",ZC-2,140000,IQD,paid,2026-12-02,\n";
  HttpResponse dry = Reconcile(officer, round, good, "&dry_run=true");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json["applied"], false);
  EXPECT_EQ(dry.json["changed"].size(), 2u);
  EXPECT_THAT(Statuses(officer, round), ElementsAre("pending", "pending", "pending"));

  HttpResponse applied = Reconcile(officer, round, good, "&filename=zain-dec.csv");
  ASSERT_EQ(applied.status, 200) << applied.body;
  EXPECT_EQ(applied.json["applied"], true);
  EXPECT_EQ(applied.json["file"], "zain-dec.csv");
  ASSERT_EQ(applied.json["changed"].size(), 2u);
  EXPECT_EQ(applied.json["changed"][1]["from"], "pending");
  EXPECT_EQ(applied.json["changed"][1]["to"], "paid");
  EXPECT_EQ(applied.json["changed"][1]["paid_amount"], 140000);
  std::vector<std::string> kinds;
  for (const auto& d : applied.json["differences"]) kinds.push_back(d["kind"]);
  EXPECT_THAT(kinds, ElementsAre("amount_differs", "not_in_file"));
  EXPECT_EQ(applied.json["differences"][1]["reference"], ref(2));
  EXPECT_THAT(Statuses(officer, round), ElementsAre("paid", "paid", "pending"));
  EXPECT_EQ(officer.Get(PathOf(transfers[1])).json["provider_reference"], "ZC-2");

  // The same file again confirms what it said: nothing changes, nothing is refused.
  HttpResponse again = Reconcile(officer, round, good);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json["changed"].size(), 0u);
  EXPECT_EQ(again.json["unchanged"], 2);

  HttpResponse report =
      As(kViewer).Get(std::string(kReconciliation) + "?distribution_id=" + std::to_string(round));
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.json["currency"], "IQD");
  EXPECT_EQ(report.json["transfers"], 3);
  EXPECT_EQ(report.json["due"], 450000);
  EXPECT_EQ(report.json["paid"], 290000);
  EXPECT_EQ(report.json["pending"], 150000);
  EXPECT_EQ(report.json["counts"]["paid"], 2);
  kinds.clear();
  for (const auto& d : report.json["differences"]) kinds.push_back(d["kind"]);
  EXPECT_THAT(kinds, ElementsAre("amount_differs", "pending"));

  // One audit entry per changed transfer, naming the file's line.
  HttpResponse trail = As(kSupervisor)
                           .Get("/api/v1/audit?entity=cash_transfer&id=" +
                                std::to_string(transfers[0]["id"].get<int64_t>()));
  ASSERT_EQ(trail.status, 200) << trail.body;
  ASSERT_EQ(trail.json["total"], 1);
  EXPECT_EQ(trail.json["items"][0]["action"], "reconcile");
}

TEST_P(CashTest, TransfersAreFoundByReferenceNameOrPhoneAndExportedOnceAudited) {
  HttpClient officer = Officer();
  const int64_t round = CashRound(officer);
  ASSERT_GT(round, 0);
  const Json transfers = Transfers(officer, round);
  ASSERT_EQ(transfers.size(), 3u);
  const std::string ref = transfers[2]["reference"];
  const auto found = [&](const std::string& q) {
    std::vector<int64_t> ids;
    for (const auto& t : Transfers(officer, round, "&q=" + testing_support::UrlEncode(q))) {
      ids.push_back(t["id"]);
    }
    return ids;
  };
  EXPECT_THAT(found(ref), ElementsAre(transfers[2]["id"].get<int64_t>()));
  EXPECT_EQ(found("Maryam Marker").size(), 1u);
  EXPECT_EQ(found("07701112233").size(), 1u);  // the Obaidi family's phone
  EXPECT_EQ(found("nobody-like-this").size(), 0u);
  EXPECT_EQ(officer.Get(std::string(kTransfers) + "?status=lost").status, 400);

  HttpResponse xlsx = As(kViewer).Get(std::string(kTransfers) +
                                      "/export.xlsx?distribution_id=" + std::to_string(round));
  ASSERT_EQ(xlsx.status, 200) << xlsx.body;
  EXPECT_EQ(xlsx.Header("Content-Type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(xlsx.body.substr(0, 2), "PK");
  HttpResponse trail = As(kSupervisor).Get("/api/v1/audit?entity=cash_transfer");
  ASSERT_EQ(trail.status, 200) << trail.body;
  ASSERT_EQ(trail.json["total"], 1);
  EXPECT_EQ(trail.json["items"][0]["action"], "export");
  EXPECT_EQ(trail.json["items"][0]["user"]["username"], kViewer);
}

SANAD_API_TEST_SUITE(CashTest);

}  // namespace
}  // namespace sanad::api_test
