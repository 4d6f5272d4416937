// Referrals through the API: a household member referred from one organisation to another's
// service and the whole answer seen from both sides; declines with reasons; consent, access,
// stale versions and steps out of order; and referrals from a GBV case within its consent.
#include <gmock/gmock.h>

#include <ctime>
#include <set>
#include <string>

#include "tests/api/case_fixtures.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;
using testing_support::kMarkazHamdaniya;

constexpr char kReferrals[] = "/api/v1/referrals";

// Seconds since the epoch of "2026-11-23T09:31:04Z".
int64_t Seconds(const Json& iso) {
  std::tm tm{};
  strptime(iso.get<std::string>().c_str(), "%Y-%m-%dT%H:%M:%SZ", &tm);
  return timegm(&tm);
}

std::string Today() {
  const std::time_t now = std::time(nullptr);
  char out[11];
  std::strftime(out, sizeof out, "%Y-%m-%d", std::gmtime(&now));
  return out;
}

class ReferralsTest : public ApiTest {
 protected:
  // A service of the client's organisation (the client is a supervisor or admin).
  static Json AddService(HttpClient& c, const std::string& type, const std::string& name) {
    HttpResponse r =
        c.Post("/api/v1/services", {{"type", type}, {"name", name}, {"pcode", kMarkazHamdaniya}});
    EXPECT_EQ(r.status, 201) << r.body;
    return r.json;
  }
  static int64_t OrganisationOf(HttpClient& c) {
    return c.Get("/api/v1/session").json["user"]["organisation"]["id"].get<int64_t>();
  }
  // Registers the Jubouri household as `c`; returns it.
  static Json Household(HttpClient& c) { return Create(c, testing_support::JubouriHousehold()); }
  // A household referral body for member `index` of `h` to `service`, with consent.
  static Json ForMember(const Json& h, size_t index, const Json& service) {
    return {{"household_id", h["id"]},
            {"person_id", h["members"][index]["id"]},
            {"consent", true},
            {"service_id", service["id"]},
            {"urgency", "urgent"},
            {"reason", "Needs a check-up after the birth of her child"},
            {"share", {"name", "sex", "age", "phone", "location"}}};
  }
  static Json Send(HttpClient& c, const Json& body) {
    HttpResponse r = c.Post(kReferrals, body);
    EXPECT_EQ(r.status, 201) << r.body;
    return r.status == 201 ? r.json : Json();
  }
  static std::string PathOf(const Json& r) {
    return std::string(kReferrals) + "/" + std::to_string(r["id"].get<int64_t>());
  }
  static HttpResponse Act(HttpClient& c, const Json& r, const std::string& action,
                          Json body = Json::object()) {
    if (!body.contains("version")) body["version"] = r["version"];
    return c.Post(PathOf(r) + "/" + action, body);
  }
  // The property names of schema `name` of the served OpenAPI document, and the keys of `j`.
  static std::set<std::string> SchemaKeys(HttpClient& c, const std::string& name) {
    std::set<std::string> out;
    const Json doc = c.Get("/api/v1/openapi.json").json;
    for (const auto& [k, v] : doc["components"]["schemas"][name]["properties"].items())
      out.insert(k);
    return out;
  }
  static std::set<std::string> Keys(const Json& j) {
    std::set<std::string> out;
    for (const auto& [k, v] : j.items()) out.insert(k);
    return out;
  }
  static HttpResponse Box(HttpClient c, const std::string& query) {
    return c.Get(std::string(kReferrals) + "?" + query);
  }
};

TEST_P(ReferralsTest, HouseholdMemberReferredToAnotherOrganisationAndServed) {
  HttpClient provider = As(kOtherSupervisor);
  const Json clinic = AddService(provider, "health", "Tigris maternity clinic");
  HttpClient clerk = As(kClerk);
  const Json h = Household(clerk);
  HttpResponse sent = clerk.Post(kReferrals, ForMember(h, 1, clinic));
  ASSERT_EQ(sent.status, 201) << sent.body;
  Json r = sent.json;
  EXPECT_EQ(sent.Header("Location"), PathOf(r));
  EXPECT_EQ(r["status"], "sent");
  EXPECT_EQ(r["from"]["organisation"]["name"], kOrganisation);
  EXPECT_EQ(r["from"]["user"], kClerk);
  EXPECT_EQ(r["from"]["household_id"], h["id"]);
  EXPECT_EQ(r["service"]["organisation"]["name"], kOtherOrganisation);
  EXPECT_EQ(r["shared"]["name"], "فاطمة علي جاسم الطائي");
  EXPECT_EQ(r["shared"]["sex"], "female");
  EXPECT_TRUE(r["shared"]["age"].is_number_integer()) << r["shared"];
  EXPECT_EQ(r["shared"]["phone"], "+9647501234567");  // hers is unknown: the household's
  EXPECT_EQ(r["shared"]["location"], kMarkazHamdaniya);
  EXPECT_EQ(Seconds(r["due_at"]) - Seconds(r["sent_at"]), 3 * 24 * 3600);  // urgent
  EXPECT_EQ(r["overdue"], false);
  EXPECT_EQ(r["allowed_next"], Json::array({"cancelled"}));
  EXPECT_EQ(Keys(r), SchemaKeys(clerk, "Referral"));  // the contract matches the server

  // The receiving organisation's caseworker finds it in the inbox, without the sender's ids.
  HttpClient worker = As(kOtherGbvWorker);
  HttpResponse inbox = Box(worker, "box=inbox");
  ASSERT_EQ(inbox.status, 200) << inbox.body;
  ASSERT_EQ(inbox.json["total"], 1);
  const Json row = inbox.json["items"][0];
  EXPECT_EQ(row["id"], r["id"]);
  EXPECT_EQ(row["from"]["household_id"], nullptr);
  EXPECT_FALSE(row.contains("shared"));  // lists show plain columns only
  EXPECT_EQ(Keys(row), SchemaKeys(worker, "ReferralSummary"));
  EXPECT_EQ(row["allowed_next"], Json::array({"accepted", "declined"}));
  HttpResponse read = worker.Get(PathOf(r));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json["shared"], r["shared"]);
  EXPECT_EQ(read.json["reason"], "Needs a check-up after the birth of her child");
  EXPECT_EQ(read.json["from"]["person_id"], nullptr);

  HttpResponse accepted = Act(worker, read.json, "accept");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  EXPECT_EQ(accepted.json["status"], "accepted");
  EXPECT_NE(accepted.json["responded_at"], nullptr);
  EXPECT_EQ(accepted.json["allowed_next"], Json::array({"completed"}));
  HttpResponse served =
      Act(worker, accepted.json, "service",
          {{"date", Today()}, {"note", "Seen by the midwife; next visit in May"}});
  ASSERT_EQ(served.status, 200) << served.body;
  EXPECT_EQ(served.json["status"], "completed");
  EXPECT_EQ(served.json["allowed_next"], Json::array());

  // The sender sees the answer, its times and the feedback.
  HttpResponse outbox = Box(clerk, "box=outbox");
  ASSERT_EQ(outbox.status, 200) << outbox.body;
  ASSERT_EQ(outbox.json["total"], 1);
  EXPECT_EQ(outbox.json["items"][0]["status"], "completed");
  EXPECT_NE(outbox.json["items"][0]["responded_at"], nullptr);
  EXPECT_NE(outbox.json["items"][0]["service_given_at"], nullptr);
  EXPECT_EQ(Box(clerk, "box=outbox&status=completed").json["total"], 1);
  EXPECT_EQ(Box(clerk, "box=outbox&status=sent").json["total"], 0);
  EXPECT_EQ(Box(clerk, "box=outbox&overdue=true").json["total"], 0);
  HttpResponse mine = clerk.Get(PathOf(r));
  ASSERT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(mine.json["feedback"], "Seen by the midwife; next visit in May");
  EXPECT_EQ(mine.json["service_date"], Today());
  EXPECT_EQ(mine.json["from"]["person_id"], h["members"][1]["id"]);

  // Each side's audit log has the referral's steps, naming fields, never the shared values.
  HttpClient supervisor = As(kSupervisor);
  HttpResponse audit =
      supervisor.Get("/api/v1/audit?entity=referral&id=" + std::to_string(r["id"].get<int64_t>()));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json["total"], 2);  // the clerk's create and read
  EXPECT_THAT(audit.body, HasSubstr("shared.name"));
  EXPECT_THAT(audit.body, Not(HasSubstr("فاطمة")));
  EXPECT_THAT(audit.body, Not(HasSubstr("check-up")));
  audit =
      provider.Get("/api/v1/audit?entity=referral&id=" + std::to_string(r["id"].get<int64_t>()));
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.json["total"], 3);  // the worker's read, accept and service
  EXPECT_THAT(audit.body, Not(HasSubstr("midwife")));
}

TEST_P(ReferralsTest, DeclineNeedsAReasonWhichTheSenderSees) {
  HttpClient provider = As(kOtherSupervisor);
  const Json shelter = AddService(provider, "shelter", "Tigris shelter");
  HttpClient clerk = As(kClerk);
  const Json r = Send(clerk, ForMember(Household(clerk), 0, shelter));
  HttpResponse bare = Act(provider, r, "decline");
  ASSERT_EQ(bare.status, 422) << bare.body;
  EXPECT_THAT(bare.ErrorFields(), ElementsAre("reason"));
  HttpResponse declined =
      Act(provider, r, "decline", {{"reason", "The shelter is full until January"}});
  ASSERT_EQ(declined.status, 200) << declined.body;
  EXPECT_EQ(declined.json["status"], "declined");
  HttpResponse seen = clerk.Get(PathOf(r));
  EXPECT_EQ(seen.json["status"], "declined");
  EXPECT_EQ(seen.json["decline_reason"], "The shelter is full until January");
  EXPECT_NE(seen.json["responded_at"], nullptr);
  // A declined referral is finished.
  HttpResponse late = Act(provider, declined.json, "accept");
  EXPECT_EQ(late.status, 409) << late.body;
  EXPECT_EQ(late.json["error"]["allowed_next"], Json::array());
}

TEST_P(ReferralsTest, ConsentAndEveryBadFieldAreNamed) {
  HttpClient provider = As(kOtherSupervisor);
  const Json clinic = AddService(provider, "health", "Tigris clinic");
  HttpClient clerk = As(kClerk);
  const Json h = Household(clerk);
  Json body = ForMember(h, 1, clinic);
  body.erase("consent");
  body["urgency"] = "someday";
  body["share"] = {"name", "religion", "summary", "name"};
  body["reason"] = "";
  HttpResponse r = clerk.Post(kReferrals, body);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.ErrorFields(), ElementsAre("consent", "urgency", "reason", "share[1]", "share[3]"));
  body = ForMember(h, 1, clinic);
  body["share"] = {"sex", "summary"};  // a household has no case summary
  r = clerk.Post(kReferrals, body);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.ErrorFields(), ElementsAre("share[1]"));
  body = ForMember(h, 1, clinic);
  body["person_id"] = body["person_id"].get<int64_t>() + 100;
  r = clerk.Post(kReferrals, body);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.ErrorFields(), ElementsAre("person_id"));
  body = ForMember(h, 1, clinic);
  body["service_id"] = clinic["id"].get<int64_t>() + 100;
  r = clerk.Post(kReferrals, body);
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.ErrorFields(), ElementsAre("service_id"));
  // A deactivated service takes no new referrals.
  ASSERT_EQ(provider
                .Patch("/api/v1/services/" + std::to_string(clinic["id"].get<int64_t>()),
                       {{"version", 1}, {"active", false}})
                .status,
            200);
  r = clerk.Post(kReferrals, ForMember(h, 1, clinic));
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_THAT(r.ErrorFields(), ElementsAre("service_id"));
  EXPECT_EQ(Box(clerk, "box=outbox").json["total"], 0);
}

TEST_P(ReferralsTest, OnlyTheTwoSidesSeeAReferral) {
  HttpClient provider = As(kOtherSupervisor);
  const Json clinic = AddService(provider, "health", "Tigris clinic");
  HttpClient clerk = As(kClerk);
  const Json h = Household(clerk);
  const Json r = Send(clerk, ForMember(h, 1, clinic));
  // The sender's organisation: a supervisor sees it, a viewer, an admin and another
  // caseworker do not.
  HttpClient supervisor = As(kSupervisor);
  EXPECT_EQ(supervisor.Get(PathOf(r)).status, 200);
  EXPECT_EQ(Box(supervisor, "box=outbox").json["total"], 1);
  for (const char* who : {kViewer, kAdmin, kGbvWorker}) {
    HttpClient c = As(who);
    EXPECT_EQ(c.Get(PathOf(r)).status, 404) << who;
    EXPECT_EQ(Act(c, r, "cancel").status, 404) << who;
  }
  EXPECT_EQ(Box(As(kViewer), "box=outbox").status, 403);
  EXPECT_EQ(Box(As(kAdmin), "box=inbox").status, 403);
  EXPECT_EQ(Box(As(kGbvWorker), "box=outbox").json["total"], 0);
  // The receiving organisation: its registration clerk has no inbox and does not see it.
  HttpClient other_clerk = As(kOtherClerk);
  EXPECT_EQ(other_clerk.Get(PathOf(r)).status, 404);
  EXPECT_EQ(Box(other_clerk, "box=inbox").status, 403);
  EXPECT_EQ(Box(other_clerk, "box=outbox").json["total"], 0);
  // Nobody refers a household of another organisation: it is not found.
  Json body = ForMember(h, 1, clinic);
  EXPECT_EQ(other_clerk.Post(kReferrals, body).status, 404);
  // Roles that send no referrals.
  EXPECT_EQ(As(kViewer).Post(kReferrals, body).status, 403);
  EXPECT_EQ(Box(clerk, "box=sideways").status, 400);
}

TEST_P(ReferralsTest, StaleVersionsAndStepsOutOfOrderAreConflicts) {
  HttpClient provider = As(kOtherSupervisor);
  const Json clinic = AddService(provider, "health", "Tigris clinic");
  HttpClient clerk = As(kClerk);
  const Json r = Send(clerk, ForMember(Household(clerk), 1, clinic));
  HttpResponse early = Act(provider, r, "service", {{"date", Today()}});
  ASSERT_EQ(early.status, 409) << early.body;
  EXPECT_THAT(early.ErrorFields(), ElementsAre("status"));
  EXPECT_EQ(early.json["error"]["allowed_next"],
            Json::array({"accepted", "declined", "cancelled"}));
  // Each side takes only its own steps.
  EXPECT_EQ(Act(clerk, r, "accept").status, 403);
  EXPECT_EQ(Act(provider, r, "cancel").status, 403);
  HttpResponse accepted = Act(provider, r, "accept");
  ASSERT_EQ(accepted.status, 200) << accepted.body;
  HttpResponse stale = Act(provider, r, "decline", {{"reason", "Changed our mind"}});
  ASSERT_EQ(stale.status, 409) << stale.body;
  EXPECT_THAT(stale.ErrorFields(), ElementsAre("version"));
  HttpResponse cancel = Act(clerk, accepted.json, "cancel");
  ASSERT_EQ(cancel.status, 409) << cancel.body;
  EXPECT_EQ(cancel.json["error"]["allowed_next"], Json::array({"completed"}));
  HttpResponse no_version = provider.Post(PathOf(r) + "/service", {{"date", Today()}});
  ASSERT_EQ(no_version.status, 422) << no_version.body;
  EXPECT_THAT(no_version.ErrorFields(), ElementsAre("version"));
  HttpResponse bad_date = Act(provider, accepted.json, "service", {{"date", "2026-02-30"}});
  ASSERT_EQ(bad_date.status, 422) << bad_date.body;
  EXPECT_THAT(bad_date.ErrorFields(), ElementsAre("date"));
  EXPECT_EQ(clerk.Get(PathOf(r)).json["status"], "accepted");
}

TEST_P(ReferralsTest, SenderCancelsAnUnansweredReferral) {
  HttpClient provider = As(kOtherSupervisor);
  const Json clinic = AddService(provider, "health", "Tigris clinic");
  HttpClient clerk = As(kClerk);
  const Json r = Send(clerk, ForMember(Household(clerk), 1, clinic));
  HttpResponse cancelled = Act(clerk, r, "cancel", {{"reason", "The family moved to Erbil"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.json["status"], "cancelled");
  EXPECT_EQ(cancelled.json["cancel_reason"], "The family moved to Erbil");
  HttpResponse inbox = Box(provider, "box=inbox&status=cancelled");
  EXPECT_EQ(inbox.json["total"], 1);
  EXPECT_EQ(Act(provider, cancelled.json, "accept").status, 409);
}

TEST_P(ReferralsTest, ReferralFromAGbvCaseSharesOnlyWhatTheConsentAllows) {
  HttpClient provider = As(kOtherGbvSupervisor);
  const Json safe_space = AddService(provider, "gbv_safe_space", "Tigris women's centre");
  HttpClient clerk = As(kClerk);
  const int64_t person = RegisterPerson(clerk);
  HttpClient worker = As(kGbvWorker);
  const Json kase =
      OpenCase(worker, GbvCaseBody(person, "Beaten at the water point", OrganisationOf(provider)));
  const Json body = {{"case_id", kase["id"]},
                     {"service_id", safe_space["id"]},
                     {"urgency", "emergency"},
                     {"reason", "Safe shelter and psychosocial support"},
                     {"share", {"name", "sex"}}};
  HttpResponse sent = worker.Post(kReferrals, body);
  ASSERT_EQ(sent.status, 201) << sent.body;
  const Json r = sent.json;
  EXPECT_EQ(r["from"]["case_id"], kase["id"]);
  EXPECT_EQ(r["shared"], (Json{{"name", "فاطمة علي جاسم الطائي"}, {"sex", "female"}}));
  EXPECT_EQ(Seconds(r["due_at"]) - Seconds(r["sent_at"]), 24 * 3600);  // emergency
  // The case's timeline says so, without what was shared.
  HttpResponse timeline = worker.Get(CasePath(kase) + "/timeline");
  ASSERT_EQ(timeline.status, 200) << timeline.body;
  int referrals = 0;
  for (const auto& e : timeline.json["items"]) referrals += e["kind"] == "referral" ? 1 : 0;
  EXPECT_EQ(referrals, 1);
  EXPECT_THAT(timeline.body, Not(HasSubstr("Safe shelter")));

  // A field the survivor did not agree to share.
  Json phone = body;
  phone["share"] = {"name", "phone"};
  HttpResponse refused = worker.Post(kReferrals, phone);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_THAT(refused.ErrorFields(), ElementsAre("share[1]"));
  // A case whose consent names no other organisation refers only within its own.
  const Json closed = OpenCase(worker, GbvCaseBody(person, "Threatened by a neighbour"));
  Json elsewhere = body;
  elsewhere["case_id"] = closed["id"];
  elsewhere["share"] = Json::array();
  refused = worker.Post(kReferrals, elsewhere);
  ASSERT_EQ(refused.status, 422) << refused.body;
  EXPECT_THAT(refused.ErrorFields(), ElementsAre("service_id"));
  HttpClient supervisor = As(kSupervisor);
  const Json own = AddService(supervisor, "mhpss", "Demo Relief counselling");
  elsewhere["service_id"] = own["id"];
  EXPECT_EQ(worker.Post(kReferrals, elsewhere).status, 201);

  // Who may not see the case may not refer from it, and learns nothing of it.
  EXPECT_EQ(As(kCpWorker).Post(kReferrals, body).status, 404);
  EXPECT_EQ(As(kOtherGbvWorker).Post(kReferrals, body).status, 404);
  EXPECT_EQ(clerk.Post(kReferrals, body).status, 403);  // registration refers households only

  // The receiving side sees the referral without the sender's case id.
  HttpClient receiver = As(kOtherGbvWorker);
  HttpResponse read = receiver.Get(PathOf(r));
  ASSERT_EQ(read.status, 200) << read.body;
  EXPECT_EQ(read.json["from"]["case_id"], nullptr);
  EXPECT_EQ(read.json["shared"], r["shared"]);
  // In the sender's organisation, supervisors of the case's module see it; others do not.
  EXPECT_EQ(Box(As(kGbvSupervisor), "box=outbox").json["total"], 2);
  EXPECT_EQ(Box(As(kCpSupervisor), "box=outbox").json["total"], 0);
  EXPECT_EQ(As(kCpSupervisor).Get(PathOf(r)).status, 404);
  EXPECT_EQ(Box(supervisor, "box=outbox").json["total"], 0);
  EXPECT_EQ(Box(supervisor, "box=inbox").json["total"], 1);  // the counselling referral
}

SANAD_API_TEST_SUITE(ReferralsTest);

}  // namespace
}  // namespace sanad::api_test
