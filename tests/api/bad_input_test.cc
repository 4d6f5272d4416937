// Bad input is refused with the documented status and the offending fields named, and
// nothing of a refused request is stored.
#include <string>
#include <vector>

#include "tests/api/api_test.h"

namespace sanad::api_test {
namespace {

using testing_support::JubouriHousehold;

using Fields = std::vector<std::string>;

class BadInputTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    clerk_ = std::make_unique<HttpClient>(As(kClerk));
    existing_ = Create(*clerk_, JubouriHousehold());
  }

  // POSTs `body` raw and expects `status` with error.fields equal to `fields` (when given),
  // and that still only the one household registered in SetUp exists.
  void ExpectRefused(const std::string& body, int status, const Fields* fields = nullptr) {
    HttpResponse r = clerk_->Send("POST", "/api/v1/households", body, {});
    EXPECT_EQ(r.status, status) << r.body.substr(0, 500) << r.error;
    EXPECT_TRUE(r.json.is_object() && r.json.contains("error")) << r.body.substr(0, 500);
    if (fields) {
      EXPECT_EQ(r.ErrorFields(), *fields) << r.body;
    }
    EXPECT_EQ(Total(*clerk_), 1) << "something of a refused request was stored";
  }
  void ExpectInvalid(const Json& body, const Fields& fields) {
    ExpectRefused(body.dump(), 422, &fields);
  }

  std::unique_ptr<HttpClient> clerk_;
  Json existing_;
};

TEST_P(BadInputTest, MalformedJsonIs400) {
  const std::string truncated = JubouriHousehold().dump().substr(0, 80);
  ExpectRefused(truncated, 400);
  ExpectRefused("{\"displacement_status\": 'idp_in_camp'}", 400);
  ExpectRefused("", 400);
  HttpResponse r = clerk_->Send("POST", "/api/v1/households", "{,}", {});
  EXPECT_EQ(r.json["error"]["code"], "bad_request");
}

TEST_P(BadInputTest, ABodyThatIsNotAnObjectIs400) {
  ExpectRefused("[]", 400);
  ExpectRefused("[" + JubouriHousehold().dump() + "]", 400);
  ExpectRefused("\"household\"", 400);
  ExpectRefused("42", 400);
  ExpectRefused("null", 400);
}

TEST_P(BadInputTest, AMissingRequiredFieldIs422NamingIt) {
  Json no_sex = JubouriHousehold();
  no_sex["members"][0].erase("sex");
  ExpectInvalid(no_sex, {"members[0].sex"});
  Json no_name = JubouriHousehold();
  no_name["members"][2]["given_name"] = "   ";
  ExpectInvalid(no_name, {"members[2].given_name"});
  Json no_status = JubouriHousehold();
  no_status.erase("displacement_status");
  ExpectInvalid(no_status, {"displacement_status"});
  Json no_location = JubouriHousehold();
  no_location.erase("location");
  ExpectInvalid(no_location, {"location.pcode"});
  Json no_members = JubouriHousehold();
  no_members["members"] = Json::array();
  ExpectInvalid(no_members, {"members"});
  Json no_number = JubouriHousehold();
  no_number["members"][0]["documents"][0].erase("number");
  ExpectInvalid(no_number, {"members[0].documents[0].number"});
}

TEST_P(BadInputTest, ABirthDateInTheFutureIs422NamingExactlyThatMember) {
  Json body = JubouriHousehold();
  body["members"][1]["birth_date"] = "2999-05-01";
  ExpectInvalid(body, {"members[1].birth_date"});
  body["members"][1]["birth_date"] = "2999";
  ExpectInvalid(body, {"members[1].birth_date"});
  body["members"][1]["birth_date"] = "1988-13-01";
  ExpectInvalid(body, {"members[1].birth_date"});
}

TEST_P(BadInputTest, NoHeadOrTwoHeadsIs422) {
  Json no_head = JubouriHousehold();
  no_head["members"][0]["relationship"] = "other";
  ExpectInvalid(no_head, {"members"});
  Json two_heads = JubouriHousehold();
  two_heads["members"][1]["relationship"] = "head";
  ExpectInvalid(two_heads, {"members"});
}

TEST_P(BadInputTest, MoreThanFiftyMembersIs422) {
  Json body = JubouriHousehold();
  while (body["members"].size() < 51) body["members"].push_back(body["members"][2]);
  ExpectInvalid(body, {"members"});
}

TEST_P(BadInputTest, AnUnknownPcodeIs422) {
  Json body = JubouriHousehold();
  body["location"]["pcode"] = "IQG99Q99N99";
  ExpectInvalid(body, {"location.pcode"});
  body = JubouriHousehold();
  body["origin"]["pcode"] = "Mosul";
  ExpectInvalid(body, {"origin.pcode"});
}

TEST_P(BadInputTest, AnUnknownDisplacementStatusOrEnumValueIs422) {
  Json body = JubouriHousehold();
  body["displacement_status"] = "displaced";
  ExpectInvalid(body, {"displacement_status"});
  body = JubouriHousehold();
  body["members"][0]["sex"] = "m";
  body["members"][2]["relationship"] = "son";
  body["members"][0]["disability"]["seeing"] = "blind";
  ExpectInvalid(body,
                {"members[0].sex", "members[0].disability.seeing", "members[2].relationship"});
}

TEST_P(BadInputTest, WrongJsonTypesAre422NamingTheField) {
  Json body = JubouriHousehold();
  body["members"][0]["given_name"] = 5;
  ExpectInvalid(body, {"members[0].given_name"});
  body = JubouriHousehold();
  body["members"] = "محمد";
  ExpectInvalid(body, {"members"});
  body = JubouriHousehold();
  body["phone"] = "call the mukhtar";
  ExpectInvalid(body, {"phone"});
}

TEST_P(BadInputTest, ABodyOverOneMebibyteIs413) {
  Json body = JubouriHousehold();
  body["location"]["site"] = std::string(1024 * 1024 + 10, 'x');
  ExpectRefused(body.dump(), 413);
  // The server still serves this client afterwards.
  EXPECT_EQ(clerk_->Get(HouseholdPath(existing_["id"])).status, 200);
}

TEST_P(BadInputTest, ARefusedPatchLeavesTheHouseholdAsItWas) {
  const std::string path = HouseholdPath(existing_["id"]);
  Json members = existing_["members"];
  members[1]["birth_date"] = "2999-05-01";
  HttpResponse future =
      clerk_->Patch(path, {{"version", 1}, {"phone", "07811234567"}, {"members", members}});
  EXPECT_EQ(future.status, 422) << future.body;
  EXPECT_EQ(future.ErrorFields(), Fields{"members[1].birth_date"});
  EXPECT_EQ(clerk_->Send("PATCH", path, "{\"version\": 1,", {}).status, 400);
  EXPECT_EQ(clerk_->Send("PATCH", path, "[1]", {}).status, 400);
  HttpResponse now = clerk_->Get(path);
  EXPECT_EQ(now.json, existing_);
  EXPECT_EQ(clerk_->Get(path + "/history").json["items"].size(), 1u);
}

// Bug: bad list parameters were answered 422 invalid_argument, not 400 as docs/api.md says.
TEST_P(BadInputTest, ABadListQueryIs400Not422NamingTheParameter) {
  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"status=displaced", "status"},
                                                        {"limit=0", "limit"},
                                                        {"limit=201", "limit"},
                                                        {"page=0", "page"},
                                                        {"page=two", "page"}}) {
    HttpResponse r = clerk_->Get("/api/v1/households?" + query);
    EXPECT_EQ(r.status, 400) << query << ": " << r.body;
    EXPECT_EQ(r.json["error"]["code"], "bad_request") << query;
    EXPECT_EQ(r.ErrorFields(), Fields{field}) << query;
  }
}

SANAD_API_TEST_SUITE(BadInputTest);

}  // namespace
}  // namespace sanad::api_test
