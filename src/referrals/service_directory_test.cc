// ServiceDirectory on both backends: supervisors and admins maintain their own organisation's
// services (audited, stale edits refused, no duplicate entries), everyone searches the shared
// directory, and a CSV import writes every service or none, naming each problem's line.
#include "referrals/service_directory.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "access/admin_service.h"
#include "store/audit_store.h"
#include "store/store_test_support.h"

namespace sanad::referrals {
namespace {

using ::testing::ElementsAre;

class FixedClock final : public Clock {
 public:
  int64_t NowSeconds() const override { return 1'780'000'000; }
};

constexpr char kServicesCsv[] =
    "type,name,pcode,contact_name,contact_phone,contact_email,eligibility\n"
    "health,عيادة قرقوش,IQG15Q03N03,د. سلوى,0750 111 2233,clinic@example.org,الجميع\n"
    "legal_aid,Civil documentation desk,IQG15Q03,Omar,,legal@example.org,lost documents\n";

class ServiceDirectoryTest : public store::BackendTest<> {
 protected:
  void SetUp() override {
    store::BackendTest<>::SetUp();
    auto places = registry::PlaceDirectory::SeedAndLoad(*db_);
    ASSERT_TRUE(places.ok()) << places.status().ToString();
    places_ = std::make_unique<registry::PlaceDirectory>(std::move(places).value());
    access::AdminService admin(*db_, clock_);
    for (const char* name : {"Demo Relief", "Tigris Aid"}) {
      auto org = admin.EnsureOrganisation(access::AdminService::SystemActor(), name);
      ASSERT_TRUE(org.ok()) << org.status().ToString();
      actors_.push_back({.username = "layla",
                         .organisation_id = org->id,
                         .organisation_name = org->name,
                         .role = access::Role::kSupervisor});
    }
    directory_ = std::make_unique<ServiceDirectory>(*db_, *places_, clock_);
  }

  const access::Actor& supervisor() const { return actors_[0]; }
  const access::Actor& other() const { return actors_[1]; }

  std::vector<std::string> Names(const ServiceQuery& q) {
    auto page = directory_->List(other(), q);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    std::vector<std::string> out;
    if (page.ok()) {
      for (const auto& s : page->items) out.push_back(s.name);
    }
    return out;
  }

  FixedClock clock_;
  std::unique_ptr<registry::PlaceDirectory> places_;
  std::vector<access::Actor> actors_;
  std::unique_ptr<ServiceDirectory> directory_;
};

TEST_P(ServiceDirectoryTest, SupervisorMaintainsOwnServicesAudited) {
  auto s = directory_->Create(supervisor(), {.type = "health",
                                             .name = "Qaraqosh clinic",
                                             .pcode = "IQG15Q03N03",
                                             .contact_phone = "0750 111 2233"});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->organisation_id, supervisor().organisation_id);
  EXPECT_EQ(s->contact_phone, "07501112233");
  auto edited = directory_->Update(supervisor(), s->id, {.version = 1, .active = false});
  ASSERT_TRUE(edited.ok()) << edited.status().ToString();
  EXPECT_FALSE(edited->active);
  EXPECT_EQ(edited->version, 2);
  auto stale = directory_->Update(supervisor(), s->id, {.version = 1, .name = "Lost"});
  EXPECT_EQ(stale.status().code(), StatusCode::kConflict);
  EXPECT_EQ(directory_->Update(other(), s->id, {.version = 2, .name = "Mine now"}).status().code(),
            StatusCode::kPermissionDenied);
  access::Actor clerk = supervisor();
  clerk.role = access::Role::kCaseworker;
  EXPECT_EQ(
      directory_->Create(clerk, {.type = "health", .name = "x", .pcode = "IQG15"}).status().code(),
      StatusCode::kPermissionDenied);
  SANAD_EXPECT_OK(Read([&](store::Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto entries,
                           store::ListAudit(c, {.organisation_id = supervisor().organisation_id,
                                                .entity = "service",
                                                .oldest_first = true}));
    EXPECT_EQ(entries.size(), 2u);
    if (entries.size() == 2) {
      EXPECT_EQ(entries[0].action, "create");
      EXPECT_EQ(entries[1].action, "update");
      EXPECT_THAT(entries[1].changes, ElementsAre(access::FieldChange{"active", "true", "false"}));
    }
    return Status::Ok();
  }));
}

TEST_P(ServiceDirectoryTest, AnActiveServiceIsListedOnce) {
  const Service s{.type = "food", .name = "Food basket", .pcode = "IQG15"};
  ASSERT_TRUE(directory_->Create(supervisor(), s).ok());
  Service again = s;
  again.name = " food  BASKET ";
  const auto dup = directory_->Create(supervisor(), again);
  EXPECT_EQ(dup.status().code(), StatusCode::kAlreadyExists);
  // Another organisation may offer the same.
  EXPECT_TRUE(directory_->Create(other(), s).ok());
}

TEST_P(ServiceDirectoryTest, ImportWritesEveryServiceOrNone) {
  const std::string bad = std::string(kServicesCsv) +
                          "haircut,Barber,IQG15,,,,\n"
                          "health,Mobile clinic,IQG99,,,not-an-email,\n"
                          "health,عيادة قرقوش,IQG15Q03N03,,,,\n";
  auto report = directory_->Import(supervisor(), {.source = "services.csv", .text = bad});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_FALSE(report->imported);
  std::vector<std::string> problems;
  for (const auto& p : report->problems) {
    problems.push_back(registry::FormatProblem("services.csv", p));
  }
  EXPECT_THAT(problems,
              ElementsAre(::testing::StartsWith("services.csv:4:type: must be one of"),
                          "services.csv:5:pcode: is not a known P-code",
                          "services.csv:5:contact_email: must be an email address such as "
                          "name@example.org",
                          "services.csv:6:name: repeats the service of line 2"));
  EXPECT_TRUE(Names({}).empty());

  report = directory_->Import(supervisor(), {.source = "services.csv", .text = kServicesCsv});
  ASSERT_TRUE(report.ok()) << report.status().ToString();
  EXPECT_TRUE(report->imported);
  EXPECT_EQ(report->service_ids.size(), 2u);
  // The same file again would list them twice: refused, naming the services already there.
  report = directory_->Import(supervisor(), {.source = "services.csv", .text = kServicesCsv});
  ASSERT_TRUE(report.ok());
  EXPECT_FALSE(report->imported);
  EXPECT_EQ(report->problems.size(), 2u);
  EXPECT_EQ(Names({}).size(), 2u);
}

TEST_P(ServiceDirectoryTest, SearchByTypePlaceAndWords) {
  auto report = directory_->Import(supervisor(), {.source = "s.csv", .text = kServicesCsv});
  ASSERT_TRUE(report.ok() && report->imported);
  EXPECT_THAT(Names({.type = "legal_aid"}), ElementsAre("Civil documentation desk"));
  EXPECT_EQ(Names({.pcode = "IQG15"}).size(), 2u);  // Ninewa holds both
  EXPECT_THAT(Names({.pcode = "IQG15Q03N03"}), ElementsAre("عيادة قرقوش"));
  EXPECT_TRUE(Names({.pcode = "IQG11"}).empty());
  EXPECT_THAT(Names({.text = "عياده"}), ElementsAre("عيادة قرقوش"));  // ta marbuta folded
  EXPECT_THAT(Names({.text = "DOCUMENTS lost"}), ElementsAre("Civil documentation desk"));
  EXPECT_EQ(Names({.text = "demo relief"}).size(), 2u);  // the organisation's name
  EXPECT_THAT(Names({.text = "07501112233"}), ElementsAre("عيادة قرقوش"));
  const auto bad = directory_->List(other(), {.type = "spa", .pcode = "IQG99", .limit = 500});
  ASSERT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().fields().size(), 3u);
}

SANAD_STORE_TEST_BACKENDS(ServiceDirectoryTest);

}  // namespace
}  // namespace sanad::referrals
