// Collections through the API: once per household per round — also when the same family was
// registered twice and deduplication merged them after the plan — with the previous collection
// named; a void gives the items back and lets the household collect again; a collection the
// stock cannot cover writes nothing; closing the round returns its leftovers to the shelf.

#include "tests/api/distribution_fixtures.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;
using testing_support::LatinJubouri;
using testing_support::OneMemberHousehold;

class CollectionsTest : public DistributionApiTest {
 protected:
  static HttpResponse Collect(HttpClient& c, const Json& round, Json body) {
    if (!body.contains("collector")) body["collector"] = "head";
    return c.Post(PathOf(round) + "/collections", body);
  }
  static std::string CollectionPath(const Json& round, const Json& col) {
    return PathOf(round) + "/collections/" + std::to_string(col["id"].get<int64_t>());
  }
  // Runs deduplication as `admin` and decides that the two heads are the same person, keeping
  // `keep`.
  static void MergeHeads(HttpClient& admin, int64_t keep, int64_t other) {
    const Json g = DedupGroupOf(admin, keep, other);
    ASSERT_FALSE(g.is_null()) << "deduplication did not propose the two heads";
    HttpResponse decided =
        admin.Post("/api/v1/dedup/groups/" + std::to_string(g["id"].get<int64_t>()) + "/decision",
                   {{"decision", "same_person"}, {"keep", keep}, {"version", g["version"]}});
    ASSERT_EQ(decided.status, 200) << decided.body;
  }
};

TEST_P(CollectionsTest, AHouseholdCollectsOnceAndAVoidLetsItCollectAgain) {
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);
  const StockedItem kits = Stock(boss, "HYG-KIT", 20);
  const Json family = Create(clerk, testing_support::JubouriHousehold());
  const Json round = OpenRound(boss, InKindBody(kits, 2));
  const std::string token = Beneficiaries(clerk, round)["items"][0]["token"];

  HttpResponse first =
      Collect(clerk, round,
              {{"token", token}, {"collector", "proxy"}, {"proxy_name", "Hassan the neighbour"}});
  ASSERT_EQ(first.status, 201) << first.body;
  EXPECT_EQ(first.json["household_id"], family["id"]);
  EXPECT_EQ(first.json["token"], token);
  EXPECT_EQ(first.json["by"], kClerk);
  ASSERT_EQ(first.json["issued"].size(), 1u);
  EXPECT_EQ(first.json["issued"][0]["item"]["id"], kits.item_id);
  EXPECT_EQ(first.json["issued"][0]["quantity"], 2);
  EXPECT_EQ(LevelsOf(kits).on_hand, 18);
  EXPECT_EQ(LevelsOf(kits).reserved, 0);  // taken from the round's reservation

  HttpResponse again = Collect(clerk, round, {{"household_id", family["id"]}});
  ASSERT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(again.json["error"]["previous"]["token"], token);
  EXPECT_EQ(again.json["error"]["previous"]["by"], kClerk);
  EXPECT_EQ(again.json["error"]["previous"]["household_id"], family["id"]);
  EXPECT_EQ(LevelsOf(kits).on_hand, 18);

  // Wrong collector details and households off the list are named.
  EXPECT_THAT(
      Collect(clerk, round, {{"household_id", family["id"]}, {"collector", "proxy"}}).ErrorFields(),
      ElementsAre("proxy_name"));
  EXPECT_THAT(Collect(clerk, round, {{"household_id", 999999}}).ErrorFields(),
              ElementsAre("household_id"));
  HttpClient viewer = As(kViewer);
  HttpClient other = As(kOtherSupervisor);
  EXPECT_EQ(Collect(viewer, round, {{"household_id", family["id"]}}).status, 403);
  EXPECT_EQ(Collect(other, round, {{"household_id", family["id"]}}).status, 404);

  EXPECT_THAT(clerk.Post(CollectionPath(round, first.json) + "/void", Json::object()).ErrorFields(),
              ElementsAre("reason"));
  HttpResponse voided =
      clerk.Post(CollectionPath(round, first.json) + "/void", {{"reason", "wrong household"}});
  ASSERT_EQ(voided.status, 200) << voided.body;
  EXPECT_EQ(voided.json["void_reason"], "wrong household");
  EXPECT_EQ(voided.json["returned"][0]["quantity"], 2);
  EXPECT_EQ(LevelsOf(kits).on_hand, 20);
  EXPECT_EQ(LevelsOf(kits).reserved, 2);  // back into the round's reservation
  EXPECT_EQ(clerk.Post(CollectionPath(round, first.json) + "/void", {{"reason", "again"}}).status,
            409);

  HttpResponse member = Collect(clerk, round,
                                {{"household_id", family["id"]},
                                 {"collector", "member"},
                                 {"person_id", family["members"][1]["id"]}});
  ASSERT_EQ(member.status, 201) << member.body;
  HttpResponse list = clerk.Get(PathOf(round) + "/collections");
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(list.json["total"], 2);
  EXPECT_EQ(list.json["items"][0]["id"], member.json["id"]);  // newest first
  EXPECT_FALSE(list.json["items"][1]["voided_at"].is_null());

  HttpResponse report = boss.Get(PathOf(round) + "/report");
  ASSERT_EQ(report.status, 200) << report.body;
  EXPECT_EQ(report.json["reached"]["households"], 1);
  EXPECT_EQ(report.json["reached"]["by_member"], 1);
  EXPECT_EQ(report.json["items"][0]["planned"], 2);
  EXPECT_EQ(report.json["items"][0]["issued"], 4);
  EXPECT_EQ(report.json["items"][0]["returned"], 2);
  HttpResponse audit = As(kAdmin).Get("/api/v1/audit?entity=collection");
  EXPECT_EQ(audit.json["total"], 3);  // two collections and a void
}

TEST_P(CollectionsTest, TheSameFamilyRegisteredTwiceCollectsOnceEvenWhenMergedAfterThePlan) {
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);
  HttpClient admin = As(kAdmin);
  const StockedItem kits = Stock(boss, "HYG-KIT", 20);
  const Json jubouri = Create(clerk, testing_support::JubouriHousehold());
  const Json latin = Create(clerk, LatinJubouri());
  const Json round = OpenRound(boss, InKindBody(kits, 1));
  ASSERT_EQ(round["counts"]["households"], 2);  // not known to be the same people yet

  MergeHeads(admin, jubouri["members"][0]["id"], latin["members"][0]["id"]);
  if (HasFatalFailure()) return;
  HttpResponse second_first = Collect(clerk, round, {{"household_id", latin["id"]}});
  ASSERT_EQ(second_first.status, 201) << second_first.body;
  HttpResponse refused = Collect(clerk, round, {{"household_id", jubouri["id"]}});
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.json["error"]["previous"]["household_id"], latin["id"]);
  EXPECT_EQ(LevelsOf(kits).issued, 1);

  // A new round planned after the decision lists the family once.
  const Json next = CreateRound(boss, InKindBody(kits, 1));
  HttpResponse planned = Step(boss, next, "plan");
  ASSERT_EQ(planned.status, 200) << planned.body;
  EXPECT_EQ(planned.json["counts"]["households"], 1);
}

TEST_P(CollectionsTest, TheFirstRegistrationCollectingRefusesTheDuplicateMergedLater) {
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);
  const StockedItem kits = Stock(boss, "HYG-KIT", 20);
  const Json jubouri = Create(clerk, testing_support::JubouriHousehold());
  const Json latin = Create(clerk, LatinJubouri());
  const Json round = OpenRound(boss, InKindBody(kits, 1));
  ASSERT_EQ(Collect(clerk, round, {{"household_id", jubouri["id"]}}).status, 201);
  // The dedup decision comes after the first collection.
  HttpClient admin = As(kAdmin);
  MergeHeads(admin, jubouri["members"][0]["id"], latin["members"][0]["id"]);
  if (HasFatalFailure()) return;
  HttpResponse refused = Collect(clerk, round, {{"household_id", latin["id"]}});
  ASSERT_EQ(refused.status, 409) << refused.body;
  EXPECT_EQ(refused.json["error"]["previous"]["household_id"], jubouri["id"]);
}

TEST_P(CollectionsTest, OutOfStockRefusesAndWritesNothing) {
  HttpClient clerk = As(kClerk);
  HttpClient boss = As(kSupervisor);
  const StockedItem kits = Stock(boss, "HYG-KIT", 3);
  const StockedItem soap = Stock(boss, "SOAP", 50);
  const Json a = Create(clerk, OneMemberHousehold("Maryam One"));
  const Json b = Create(clerk, OneMemberHousehold("Maryam Two"));
  Json body = InKindBody(kits, 2);
  body["basket"].push_back({{"item_id", soap.item_id}, {"quantity", 5}});
  const Json draft = CreateRound(boss, body);
  EXPECT_EQ(boss.Get(PathOf(draft) + "/preview").json["items"][0]["shortfall"], 1);
  HttpResponse planned = Step(boss, draft, "plan");  // a shortfall is allowed
  ASSERT_EQ(planned.status, 200) << planned.body;
  EXPECT_EQ(LevelsOf(kits).reserved, 3);
  const Json round = Step(boss, planned.json, "open").json;

  ASSERT_EQ(Collect(clerk, round, {{"household_id", a["id"]}}).status, 201);
  HttpResponse short_of = Collect(clerk, round, {{"household_id", b["id"]}});
  ASSERT_EQ(short_of.status, 409) << short_of.body;
  EXPECT_THAT(short_of.ErrorFields(), ElementsAre("issued[" + std::to_string(kits.item_id) + "]"));
  EXPECT_EQ(LevelsOf(kits).on_hand, 1);
  EXPECT_EQ(LevelsOf(soap).on_hand, 45);  // the soap line was not handed out either
  EXPECT_EQ(clerk.Get(PathOf(round) + "/collections").json["total"], 1);
  EXPECT_EQ(Beneficiaries(clerk, round, "status=listed")["total"], 1);

  // Closing releases what the round still holds: the soap it did not hand out.
  EXPECT_EQ(LevelsOf(soap).reserved, 5);
  HttpResponse closed = Step(boss, round, "close");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(LevelsOf(soap).reserved, 0);
  EXPECT_EQ(LevelsOf(soap).on_hand, 45);
  HttpResponse report = boss.Get(PathOf(round) + "/report");
  EXPECT_EQ(report.json["items"][1]["reserved"], 10);
  EXPECT_EQ(report.json["items"][1]["issued"], 5);
  EXPECT_EQ(report.json["items"][1]["released"], 5);
  EXPECT_EQ(Collect(clerk, round, {{"household_id", b["id"]}}).status, 409);  // closed
}

}  // namespace

SANAD_API_TEST_SUITE(CollectionsTest);

}  // namespace sanad::api_test
