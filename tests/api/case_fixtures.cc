#include "tests/api/case_fixtures.h"

#include "tests/support/household_fixtures.h"

namespace sanad::api_test {

int64_t RegisterPerson(HttpClient& client, size_t index) {
  HttpResponse r = client.Post("/api/v1/households", testing_support::JubouriHousehold());
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json["members"][index]["id"].get<int64_t>() : 0;
}

Json GbvCaseBody(int64_t person_id, const std::string& narrative, int64_t share_with) {
  Json consent = {{"registration", true}, {"contact", true}};
  if (share_with) {
    consent["share_with"] = {share_with};
    consent["share_fields"] = {"name", "sex"};
  }
  return {{"module", "gbv"},
          {"risk", "high"},
          {"people", {person_id}},
          {"intake", {{"identified_by", "self"}, {"date", "2026-11-02"}, {"narrative", narrative}}},
          {"consent", consent},
          {"details", {{"incident_date", "2026-10-30"}, {"violence_type", "physical_assault"}}}};
}

Json OpenCase(HttpClient& client, const Json& body) {
  HttpResponse r = client.Post("/api/v1/cases", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.status == 201 ? r.json : Json();
}

std::string CasePath(const Json& c) {
  return "/api/v1/cases/" + std::to_string(c["id"].get<int64_t>());
}

Json MoveCase(HttpClient& client, const Json& c, const std::string& status,
              const std::string& reason) {
  HttpResponse r = client.Post(CasePath(c) + "/status",
                               {{"status", status}, {"version", c["version"]}, {"reason", reason}});
  EXPECT_EQ(r.status, 200) << status << ": " << r.body;
  return r.status == 200 ? r.json : c;
}

}  // namespace sanad::api_test
