// Finding people across scripts and spellings: GET /api/v1/people (search) and
// POST /api/v1/people/matches ("possibly already registered"), with the household list's
// visibility rules, validation, and an index that follows every create, edit and archive.
#include <string>
#include <vector>

#include "tests/api/api_test.h"

namespace sanad::api_test {
namespace {

using testing_support::JubouriHousehold;
using testing_support::ObaidiHousehold;
using testing_support::OneMemberHousehold;
using testing_support::UrlEncode;

// The Jubouri family as registered by someone who typed names in Arabic script only.
Json ArabicOnly(Json household) {
  for (auto& m : household["members"]) m.erase("name_latin");
  return household;
}

// One person registered with Latin letters only: Mohamad Abdelrahman Husein Al-Juburi.
Json LatinOnlyHousehold() {
  Json head = {{"given_name", "Mohamad"},
               {"father_name", "Abdelrahman"},
               {"grandfather_name", "Husein"},
               {"family_name", "Al-Juburi"},
               {"sex", "male"},
               {"birth_date", "1984-05-02"},
               {"relationship", "head"}};
  return {{"displacement_status", "idp_out_of_camp"},
          {"location", {{"pcode", "IQG11Q02N02"}}},
          {"members", {head}}};
}

std::string ArabicLetters(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += "م";
  return out;
}

class PeopleSearchTest : public ApiTest {
 protected:
  // GET /api/v1/people?q=`text`; expects 200.
  static HttpResponse Search(HttpClient& client, const std::string& text,
                             const std::string& more = "") {
    HttpResponse r = client.Get("/api/v1/people?q=" + UrlEncode(text) + more);
    EXPECT_EQ(r.status, 200) << text << ": " << r.body << r.error;
    return r;
  }
  // The member ids found for `text`, best first.
  static std::vector<int64_t> People(HttpClient& client, const std::string& text) {
    std::vector<int64_t> out;
    for (const auto& hit : Search(client, text).json.value("items", Json::array())) {
      out.push_back(hit["person"]["id"]);
    }
    return out;
  }
  // The member id of the best hit for `text`, or 0 when nothing is found.
  static int64_t Best(HttpClient& client, const std::string& text) {
    const auto found = People(client, text);
    return found.empty() ? 0 : found.front();
  }
  static HttpResponse Matches(HttpClient& client, const Json& person) {
    return client.Post("/api/v1/people/matches", person);
  }
  static int64_t MemberId(const Json& household, size_t i) { return household["members"][i]["id"]; }
};

TEST_P(PeopleSearchTest, ArabicQueryFindsALatinRegistrationAndLatinQueryAnArabicOne) {
  HttpClient clerk = As(kClerk);
  const Json arabic = Create(clerk, ArabicOnly(JubouriHousehold()));
  const Json latin = Create(clerk, LatinOnlyHousehold());
  Create(clerk, ObaidiHousehold());
  const auto latin_found = People(clerk, "محمد عبد الرحمن حسين الجبوري");
  EXPECT_THAT(latin_found, ::testing::Contains(MemberId(latin, 0)))
      << "the Latin-only registration, found by its Arabic spelling";
  EXPECT_EQ(Best(clerk, "Mohammed Abdulrahman Hussein Al-Jubouri"), MemberId(arabic, 0))
      << "the Arabic-only head, found by a Latin spelling the registration never had";
  EXPECT_EQ(Best(clerk, "Fatima Ali Al-Taie"), MemberId(arabic, 1)) << "the wife, not the head";
}

TEST_P(PeopleSearchTest, EachHitCarriesThePersonTheirHouseholdAScoreAndReasons) {
  HttpClient clerk = As(kClerk);
  const Json household = Create(clerk, JubouriHousehold());
  HttpResponse r = Search(clerk, "Muhammad Abdel Rahman Al-Jubouri");
  ASSERT_FALSE(r.json["items"].empty()) << r.body;
  const Json& hit = r.json["items"][0];
  EXPECT_EQ(hit["person"]["id"], MemberId(household, 0));
  EXPECT_EQ(hit["person"]["given_name"], "محمد");
  EXPECT_EQ(hit["person"]["family_name"], "الجبوري");
  EXPECT_EQ(hit["person"]["sex"], "male");
  EXPECT_EQ(hit["person"]["birth_date"], "1984");
  EXPECT_EQ(hit["household"]["id"], household["id"]);
  EXPECT_EQ(hit["household"]["displacement_status"], "idp_in_camp");
  EXPECT_EQ(hit["household"]["location"]["pcode"], "IQG15Q03N03");
  EXPECT_EQ(hit["household"]["location"]["name_en"], "Markaz Al-Hamdaniya");
  EXPECT_EQ(hit["household"]["location"]["name_ar"], "مركز الحمدانية");
  EXPECT_GT(hit["score"].get<double>(), 0);
  ASSERT_FALSE(hit["reasons"].empty());
  EXPECT_TRUE(hit["reasons"][0].contains("field"));
  EXPECT_TRUE(hit["reasons"][0].contains("weight"));
  EXPECT_TRUE(hit["reasons"][0].contains("detail"));
  double previous = hit["score"];
  for (const auto& h : r.json["items"]) {
    EXPECT_LE(h["score"].get<double>(), previous) << "best first";
    previous = h["score"];
  }
}

TEST_P(PeopleSearchTest, TyposPhonesAndDocumentNumbersFindThePerson) {
  HttpClient clerk = As(kClerk);
  const Json jubouri = Create(clerk, JubouriHousehold());
  const Json obaidi = Create(clerk, ObaidiHousehold());
  EXPECT_EQ(Best(clerk, "Khaled Ibrahem Al-Obaydi"), MemberId(obaidi, 0)) << "spelling variants";
  EXPECT_EQ(Best(clerk, "Khalid Ibrahim Al-Obiadi"), MemberId(obaidi, 0)) << "a typo";
  EXPECT_EQ(Best(clerk, "199012345678"), MemberId(jubouri, 0)) << "national ID";
  EXPECT_EQ(Best(clerk, "UC 8812 0034"), MemberId(obaidi, 0)) << "unified card";
  const auto by_phone = People(clerk, "07701112233");
  ASSERT_FALSE(by_phone.empty()) << "household phone";
  EXPECT_THAT(by_phone, ::testing::Contains(MemberId(obaidi, 0)));
  EXPECT_THAT(by_phone, ::testing::Not(::testing::Contains(MemberId(jubouri, 0))));
}

TEST_P(PeopleSearchTest, AUserNeverSeesPeopleOfAnotherOrganisation) {
  HttpClient clerk = As(kClerk);
  HttpClient other = As(kOtherClerk);
  const Json jubouri = Create(clerk, JubouriHousehold());
  EXPECT_EQ(Best(clerk, "Mohammed Al-Jubouri"), MemberId(jubouri, 0));
  EXPECT_TRUE(People(other, "Mohammed Al-Jubouri").empty());
  EXPECT_TRUE(People(other, "محمد الجبوري").empty());
  EXPECT_TRUE(People(other, "199012345678").empty());
  EXPECT_TRUE(People(other, "+9647501234567").empty());
  HttpClient viewer = As(kViewer);
  EXPECT_FALSE(People(viewer, "Mohammed Al-Jubouri").empty())
      << "every role of the organisation may search";
}

TEST_P(PeopleSearchTest, MatchesShowOwnPeopleAndOnlyACountOfOtherOrganisations) {
  HttpClient clerk = As(kClerk);
  HttpClient other = As(kOtherClerk);
  const Json jubouri = Create(clerk, ArabicOnly(JubouriHousehold()));
  const Json typed = {{"given_name", "Mohammad"},
                      {"father_name", "Abdul Rahman"},
                      {"grandfather_name", "Hussain"},
                      {"family_name", "Al Jboori"},
                      {"sex", "male"},
                      {"birth_date", "1984-02-10"}};
  HttpResponse own = Matches(clerk, typed);
  ASSERT_EQ(own.status, 200) << own.body;
  ASSERT_FALSE(own.json["items"].empty()) << own.body;
  EXPECT_EQ(own.json["items"][0]["person"]["id"], MemberId(jubouri, 0));
  EXPECT_EQ(own.json["items"][0]["household"]["id"], jubouri["id"]);
  EXPECT_EQ(own.json["other_organisations"], 0);

  HttpResponse elsewhere = Matches(other, typed);
  ASSERT_EQ(elsewhere.status, 200) << elsewhere.body;
  EXPECT_TRUE(elsewhere.json["items"].empty()) << "no names, no details";
  EXPECT_EQ(elsewhere.json["other_organisations"], 1);
  EXPECT_EQ(elsewhere.body.find("الجبوري"), std::string::npos);

  Json editing = typed;
  editing["household_id"] = jubouri["id"];
  HttpResponse self = Matches(clerk, editing);
  ASSERT_EQ(self.status, 200) << self.body;
  EXPECT_TRUE(self.json["items"].empty()) << "the household being edited is not its own match";

  HttpResponse unrelated = Matches(clerk, {{"given_name", "Shirin"}, {"family_name", "Baban"}});
  ASSERT_EQ(unrelated.status, 200) << unrelated.body;
  EXPECT_TRUE(unrelated.json["items"].empty());
  EXPECT_EQ(unrelated.json["other_organisations"], 0);
}

TEST_P(PeopleSearchTest, OnlyRolesThatRegisterMayCheckMatches) {
  HttpClient viewer = As(kViewer);
  EXPECT_EQ(Matches(viewer, {{"given_name", "Mohammed"}}).status, 403);
  HttpClient clerk = As(kClerk);
  HttpResponse no_csrf =
      clerk.Post("/api/v1/people/matches", {{"given_name", "Mohammed"}}, {.send_csrf = false});
  EXPECT_EQ(no_csrf.status, 403);
  EXPECT_EQ(HttpClient(server().port()).Get("/api/v1/people?q=x").status, 401);
}

TEST_P(PeopleSearchTest, BadSearchParametersAre400NamingTheParameter) {
  HttpClient clerk = As(kClerk);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "q"},
      {"?q=", "q"},
      {"?q=%20%20", "q"},
      {"?q=" + std::string(201, 'a'), "q"},
      {"?q=" + UrlEncode(ArabicLetters(201)), "q"},
      {"?q=ali&limit=0", "limit"},
      {"?q=ali&limit=51", "limit"},
      {"?q=ali&limit=ten", "limit"},
  };
  for (const auto& [query, field] : cases) {
    HttpResponse r = clerk.Get("/api/v1/people" + query);
    EXPECT_EQ(r.status, 400) << query << ": " << r.body;
    EXPECT_EQ(r.json["error"]["code"], "bad_request") << query;
    EXPECT_EQ(r.ErrorFields(), std::vector<std::string>{field}) << query;
  }
  EXPECT_EQ(clerk.Get("/api/v1/people?q=" + UrlEncode(ArabicLetters(200))).status, 200)
      << "200 characters, though 400 bytes";
  EXPECT_EQ(clerk.Get("/api/v1/people?q=ali&limit=50").status, 200);
}

TEST_P(PeopleSearchTest, BadMatchQueriesAre422NamingEachField) {
  HttpClient clerk = As(kClerk);
  HttpResponse r = Matches(clerk, {{"sex", "x"}, {"birth_date", "1984-13"}, {"limit", 0}});
  EXPECT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.ErrorFields(),
            (std::vector<std::string>{"given_name", "sex", "birth_date", "limit"}));
  HttpResponse types = Matches(clerk, {{"given_name", 7}, {"limit", "many"}});
  EXPECT_EQ(types.status, 422) << types.body;
  EXPECT_EQ(types.ErrorFields(), (std::vector<std::string>{"given_name", "limit"}));
  EXPECT_EQ(clerk.Send("POST", "/api/v1/people/matches", "[1]", {}).status, 400);
}

TEST_P(PeopleSearchTest, SearchFollowsCreateEditAndArchive) {
  HttpClient clerk = As(kClerk);
  HttpClient supervisor = As(kSupervisor);
  EXPECT_TRUE(People(clerk, "Shirin Bakhtiyar Zangana").empty());
  Json household = Create(clerk, OneMemberHousehold("Shirin Bakhtiyar Zangana"));
  Json spouse = {{"given_name", "Rebwar"},
                 {"family_name", "Zangana"},
                 {"sex", "male"},
                 {"relationship", "spouse"},
                 {"birth_date", "1986"}};
  const int64_t shirin = MemberId(household, 0);
  EXPECT_EQ(Best(clerk, "Shirin Bakhtiyar Zangana"), shirin) << "found once created";

  Json members = household["members"];
  members[0]["name_latin"] = "Narges Kareem Barzani";
  members[0]["given_name"] = "نرجس";
  members[0]["father_name"] = "كريم";
  members[0]["family_name"] = "البرزاني";
  members.push_back(spouse);
  HttpResponse edited =
      clerk.Patch(HouseholdPath(household["id"]), {{"version", 1}, {"members", members}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(Best(clerk, "Narges Kareem Barzani"), shirin) << "found by the new name";
  EXPECT_THAT(People(clerk, "Shirin Bakhtiyar Zangana"),
              ::testing::Not(::testing::Contains(shirin)))
      << "not by the old one";
  const int64_t rebwar = MemberId(edited.json, 1);
  EXPECT_EQ(Best(clerk, "Rebwar Zangana"), rebwar) << "a member added by the edit";

  Json fewer = Json::array({edited.json["members"][0]});
  HttpResponse removed =
      clerk.Patch(HouseholdPath(household["id"]), {{"version", 2}, {"members", fewer}});
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_THAT(People(clerk, "Rebwar Zangana"), ::testing::Not(::testing::Contains(rebwar)))
      << "a member removed by an edit";

  ASSERT_EQ(supervisor.Delete(HouseholdPath(household["id"])).status, 204);
  EXPECT_THAT(People(clerk, "Narges Kareem Barzani"), ::testing::Not(::testing::Contains(shirin)))
      << "archived people disappear";
  EXPECT_TRUE(Matches(clerk, {{"name_latin", "Narges Kareem Barzani"}})
                  .json.value("items", Json::array())
                  .empty());
}

TEST_P(PeopleSearchTest, PeopleRegisteredBeforeARestartAreFoundAfterIt) {
  HttpClient clerk = As(kClerk);
  const Json jubouri = Create(clerk, JubouriHousehold());
  const Json archived = Create(clerk, OneMemberHousehold("Shirin Bakhtiyar Zangana"));
  ASSERT_EQ(As(kSupervisor).Delete(HouseholdPath(archived["id"])).status, 204);
  server().Stop();
  server().Start();
  EXPECT_NE(server().Output().find("people search: indexed 3 people"), std::string::npos)
      << server().Output();
  HttpClient again = As(kClerk);
  EXPECT_EQ(Best(again, "Mohammed Abdulrahman Al-Jubouri"), MemberId(jubouri, 0));
  EXPECT_TRUE(People(again, "Shirin Bakhtiyar Zangana").empty());
}

SANAD_API_TEST_SUITE(PeopleSearchTest);

}  // namespace
}  // namespace sanad::api_test
