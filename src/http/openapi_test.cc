// The OpenAPI document served at /api/v1/openapi.json against the routes the server really
// has and the JSON it really writes, so the contract cannot drift from the code.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "access/admin_service.h"
#include "access/audit_service.h"
#include "access/auth_service.h"
#include "base/embedded_files.h"
#include "http/api.h"
#include "http/case_json.h"
#include "http/household_json.h"
#include "registry/dedup_service.h"
#include "registry/household_import.h"
#include "registry/household_service.h"
#include "registry/people_index.h"
#include "registry/people_service.h"
#include "registry/place_directory.h"
#include "store/migrations.h"
#include "tests/support/test_database.h"

namespace sanad::http {
namespace {

Json Document() {
  auto text = FindEmbeddedFile("src/http/openapi.json");
  EXPECT_TRUE(text.has_value());
  return Json::parse(text.value_or("{}"));
}

// "GET /api/v1/households/{id}" for every operation of the document.
std::set<std::string> DocumentedRoutes(const Json& doc) {
  std::set<std::string> out;
  for (const auto& [path, item] : doc.at("paths").items()) {
    for (const auto& [method, op] : item.items()) {
      std::string m = method;
      std::transform(m.begin(), m.end(), m.begin(), ::toupper);
      out.insert(m + " " + path);
    }
  }
  return out;
}

// Every {"$ref": "#/components/..."} in `j` names something that exists.
void ExpectRefsResolve(const Json& doc, const Json& j, const std::string& where) {
  if (j.is_object()) {
    if (auto it = j.find("$ref"); it != j.end()) {
      const Json::json_pointer ptr(it->get<std::string>().substr(1));
      EXPECT_TRUE(doc.contains(ptr)) << where << " refers to missing " << *it;
    }
    for (const auto& [k, v] : j.items()) ExpectRefsResolve(doc, v, where + "/" + k);
  } else if (j.is_array()) {
    for (const auto& v : j) ExpectRefsResolve(doc, v, where);
  }
}

std::set<std::string> Keys(const Json& object) {
  std::set<std::string> out;
  for (const auto& [k, v] : object.items()) out.insert(k);
  return out;
}

TEST(OpenApiTest, DocumentsExactlyTheRoutesTheServerHas) {
  auto db =
      store::OpenDatabase(testing_support::FreshDatabaseUrl(testing_support::TestBackend::kSqlite));
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(store::Migrate(**db).ok());
  auto places = registry::PlaceDirectory::SeedAndLoad(**db);
  ASSERT_TRUE(places.ok());
  SystemClock clock;
  access::AuthService auth(**db, clock);
  access::AdminService admin(**db, clock);
  access::AuditService audit(**db);
  registry::PeopleIndex people_index;
  registry::HouseholdService households(**db, *places, clock, &people_index);
  registry::PeopleService people(**db, people_index);
  registry::DedupService dedup(**db, clock);
  registry::HouseholdImporter imports(**db, *places, clock, people_index, &people_index);
  cases::CaseService cases(**db, nullptr, clock);
  referrals::ServiceDirectory directory(**db, *places, clock);
  referrals::ReferralService referral_service(**db, cases, households, nullptr, clock);
  stock::StockService stock(**db, *places, clock);
  assistance::DistributionService distributions(**db, *places, clock);
  assistance::CashService cash(**db, clock);
  Api api({auth, admin, audit, households, *places, people, dedup, imports, cases, directory,
           referral_service, stock, distributions, cash},
          "");
  const auto routes = api.Routes();
  const std::set<std::string> served(routes.begin(), routes.end());
  EXPECT_EQ(DocumentedRoutes(Document()), served);
}

TEST(OpenApiTest, EveryReferenceResolves) {
  const Json doc = Document();
  EXPECT_EQ(doc.at("openapi").get<std::string>().substr(0, 2), "3.");
  ExpectRefsResolve(doc, doc, "#");
}

TEST(OpenApiTest, HouseholdSchemaHasTheFieldsTheServerWrites) {
  const Json doc = Document();
  registry::Household h;
  h.members.emplace_back();
  h.members[0].documents.push_back({.type = "national_id", .number = "1"});
  auto places = registry::PlaceDirectory::ParseShippedPlaces();
  ASSERT_TRUE(places.ok());
  h.location_pcode = places->front().pcode;
  h.origin_pcode = places->front().pcode;
  const Json written = HouseholdToJson(h, registry::PlaceDirectory(*places));
  const Json& schemas = doc.at("components").at("schemas");
  EXPECT_EQ(Keys(schemas.at("Household").at("properties")), Keys(written));
  EXPECT_EQ(Keys(schemas.at("Member").at("properties")), Keys(written.at("members")[0]));
  EXPECT_EQ(Keys(schemas.at("Document").at("properties")),
            Keys(written.at("members")[0].at("documents")[0]));
}

TEST(OpenApiTest, CaseSchemasHaveTheFieldsTheServerWrites) {
  const Json doc = Document();
  const Json& schemas = doc.at("components").at("schemas");
  cases::Case c;
  c.people.push_back({.id = 1});
  c.assigned.push_back({.id = 2});
  const Json written = CaseToJson(c, {cases::CaseStatus::kAssessment});
  std::set<std::string> documented = Keys(schemas.at("CaseSections").at("properties"));
  for (const auto& k : Keys(schemas.at("Case").at("allOf")[1].at("properties")))
    documented.insert(k);
  EXPECT_EQ(documented, Keys(written));
  EXPECT_EQ(Keys(schemas.at("CasePerson").at("properties")), Keys(written.at("people")[0]));
  const Json summary = CaseSummaryToJson({});
  EXPECT_EQ(Keys(schemas.at("CaseSummary").at("properties")), Keys(summary));
  EXPECT_EQ(Keys(schemas.at("CaseEvent").at("properties")), Keys(CaseEventToJson({})));
  EXPECT_EQ(Keys(schemas.at("CaseDashboard").at("properties")), Keys(DashboardToJson({})));
}

}  // namespace
}  // namespace sanad::http
