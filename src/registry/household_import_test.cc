// HouseholdImporter on both backends: a KoboToolbox-style file imports all at once and audited,
// any problem imports nothing and is named by row and column, and people already registered
// (or twice in the file) are reported as probable duplicates instead of being created again.
#include "registry/household_import.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "access/admin_service.h"
#include "registry/household_service.h"
#include "store/audit_store.h"
#include "store/store_test_support.h"

namespace sanad::registry {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class FixedClock final : public Clock {
 public:
  int64_t NowSeconds() const override { return 1'780'000'000; }  // 2026-05-28
};

// Two Kobo-style households: group prefixes, English labels, answers in capitals.
constexpr char kKoboCsv[] =
    "household/household_id,household/Displacement status,Location P-code,Site,"
    "household/Given name,Father's name,Grandfather's name,Family name,Name in Latin,Gender,"
    "Date of birth,Relationship to head,Phone number,ID type,ID number,_uuid,start\n"
    "HH-1,IDP in camp,IQG15Q03N03,Qaraqosh,محمد,عبد الرحمن,حسين,الجبوري,Mohammed Al-Jubouri,M,"
    "1984-07-15,Head,0750 123 4567,National ID,199012345678,u1,2026-01-01\n"
    "HH-1,,,,فاطمة,علي,,العبيدي,,F,1988-03,wife,,,,u1,2026-01-01\n"
    "HH-2,returnee,IQG15Q05N01,,Layla,Yousef,Matti,Hanna,,female,1975,head,+9647709876543,,,u2,\n"
    "HH-1,,,,يوسف,محمد,عبد الرحمن,الجبوري,,male,2015,son,,,,u1,\n";

class HouseholdImportTest : public store::BackendTest<> {
 protected:
  void SetUp() override {
    store::BackendTest<>::SetUp();
    auto places = PlaceDirectory::SeedAndLoad(*db_);
    ASSERT_TRUE(places.ok()) << places.status().ToString();
    places_ = std::make_unique<PlaceDirectory>(std::move(places).value());
    access::AdminService admin(*db_, clock_);
    auto org = admin.EnsureOrganisation(access::AdminService::SystemActor(), "Demo Relief");
    ASSERT_TRUE(org.ok()) << org.status().ToString();
    actor_ = {.user_id = 0,
              .username = "system",
              .organisation_id = org->id,
              .organisation_name = org->name,
              .role = access::Role::kMeOfficer};
    ASSERT_TRUE(people_.Load(*db_).ok());
  }

  ImportReport Import(std::string_view bytes, bool dry_run = false,
                      DuplicatePolicy policy = DuplicatePolicy::kRefuse,
                      const std::string& source = "kobo.csv") {
    HouseholdImporter importer(*db_, *places_, clock_, people_, &people_);
    auto r = importer.Import(
        actor_, {.source = source, .bytes = bytes, .dry_run = dry_run, .duplicates = policy});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? std::move(r).value() : ImportReport{};
  }

  int64_t Households() {
    HouseholdService service(*db_, *places_, clock_);
    auto page = service.List(actor_, {.limit = 200});
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    return page.ok() ? page->total : -1;
  }

  std::vector<std::string> Problems(const ImportReport& r, const std::string& source = "kobo.csv") {
    std::vector<std::string> out;
    for (const auto& p : r.problems) out.push_back(FormatProblem(source, p));
    return out;
  }

  FixedClock clock_;
  std::unique_ptr<PlaceDirectory> places_;
  access::Actor actor_;
  PeopleIndex people_;
};

TEST_P(HouseholdImportTest, AKoboFileImportsEveryHouseholdAuditedAsCreated) {
  const ImportReport r = Import(kKoboCsv);
  EXPECT_THAT(Problems(r), ElementsAre());
  EXPECT_TRUE(r.duplicates.empty());
  ASSERT_TRUE(r.imported);
  EXPECT_EQ(r.households_imported, 2);
  EXPECT_EQ(r.people_imported, 4);
  ASSERT_EQ(r.household_ids.size(), 2u);

  HouseholdService service(*db_, *places_, clock_);
  auto h = service.Get(actor_, r.household_ids[0]);
  ASSERT_TRUE(h.ok()) << h.status().ToString();
  EXPECT_EQ(h->displacement_status, "idp_in_camp");
  EXPECT_EQ(h->location_pcode, "IQG15Q03N03");
  EXPECT_EQ(h->location_site, "Qaraqosh");
  ASSERT_EQ(h->members.size(), 3u);
  EXPECT_EQ(h->members[0].given_name, "محمد");
  EXPECT_EQ(h->members[0].sex, "male");
  EXPECT_EQ(h->members[0].relationship, "head");
  EXPECT_EQ(h->members[0].phone, "07501234567");
  EXPECT_EQ(h->members[0].documents,
            (std::vector<Document>{{.type = "national_id", .number = "199012345678"}}));
  EXPECT_EQ(h->members[1].relationship, "spouse");
  EXPECT_EQ(h->members[1].birth_date, "1988-03");
  EXPECT_EQ(h->members[2].relationship, "child");

  auto history = service.History(actor_, r.household_ids[1]);
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 1u);
  EXPECT_EQ((*history)[0].action, "create");
  EXPECT_EQ(people_.size(), 4u) << "the observer heard of every person";
}

TEST_P(HouseholdImportTest, ADryRunReportsButWritesNothing) {
  const ImportReport r = Import(kKoboCsv, /*dry_run=*/true);
  EXPECT_TRUE(r.problems.empty());
  EXPECT_FALSE(r.imported);
  EXPECT_EQ(r.households, 2);
  EXPECT_EQ(r.people, 4);
  EXPECT_EQ(Households(), 0);
}

TEST_P(HouseholdImportTest, AnyProblemImportsNothingAndEachIsNamedByRowAndColumn) {
  const std::string csv =
      "household_ref,displacement_status,location_pcode,given_name,sex,birth_date,relationship,"
      "phone\n"
      "A,idp_in_camp,IQG15Q03N03,Ali,male,1980,head,\n"
      "B,idp_in_camp,IQG99,Huda,female,2024-02-30,head,12\n"
      "C,refugee,IQG15Q03N03,Sara,female,,child,\n"
      "D,returnee,IQG15Q03N03,Omar,male,2090,head\n"
      "E,returnee,IQG15Q03N03,\xff\xfe,male,,head,\n"
      "A,returnee,IQG15Q03N03,Zainab,female,,spouse,\n";
  const ImportReport r = Import(csv);
  EXPECT_THAT(
      Problems(r),
      ElementsAre("kobo.csv:3:location_pcode: is not a known P-code",
                  "kobo.csv:3:birth_date: is not a day of that month",
                  "kobo.csv:3:phone: must be a phone number of 7 to 15 digits, optionally "
                  "starting with +",
                  "kobo.csv:4:relationship: must have a head of household",
                  "kobo.csv:5: has 7 fields but the header has 8",
                  "kobo.csv:6:given_name: is not UTF-8 text: save the file as \"CSV UTF-8\"",
                  "kobo.csv:7:displacement_status: differs from the household's row 2 "
                  "(\"idp_in_camp\"): give household fields once, or the same on every row"));
  EXPECT_FALSE(r.imported);
  EXPECT_EQ(Households(), 0) << "household A was valid, but the import is all or nothing";
}

TEST_P(HouseholdImportTest, AWrongHeaderStopsAtTheHeaderAndKoboMetadataIsIgnored) {
  const ImportReport r = Import(
      "household_ref,Given name,sex,relationship,location_pcode,favourite colour,"
      "_submission_time,meta/instanceID,household/given_name\nA,Ali,male,head,IQG15Q03N03,red,"
      "x,y,z\n");
  EXPECT_THAT(
      Problems(r),
      ElementsAre(HasSubstr("kobo.csv:1:favourite colour: is not a column sanad imports"),
                  "kobo.csv:1:household/given_name: is given_name again (already column Given "
                  "name)",
                  "kobo.csv:1: the column displacement_status is required"));
  EXPECT_EQ(r.households, 0);
}

TEST_P(HouseholdImportTest, CsvSyntaxErrorsNameTheLineAndCharacter) {
  const ImportReport r =
      Import("household_ref,given_name\nA,\"Ali\nB,Omar\n", false, DuplicatePolicy::kRefuse);
  EXPECT_THAT(Problems(r), ElementsAre("kobo.csv:2:3: quoted field is never closed"));
}

TEST_P(HouseholdImportTest, PeopleAlreadyRegisteredAreReportedAndTheImportRefused) {
  HouseholdService service(*db_, *places_, clock_, &people_);
  actor_.role = access::Role::kRegistration;
  auto existing = service.Create(
      actor_, {.displacement_status = "idp_in_camp",
               .location_pcode = "IQG15Q03N03",
               .members = {{.given_name = "محمد",
                            .father_name = "عبد الرحمن",
                            .grandfather_name = "حسين",
                            .family_name = "الجبوري",
                            .sex = "male",
                            .birth_date = "1984-07-15",
                            .relationship = "head",
                            .phone = "07501234567",
                            .documents = {{.type = "national_id", .number = "199012345678"}}}}});
  ASSERT_TRUE(existing.ok()) << existing.status().ToString();

  const ImportReport refused = Import(kKoboCsv);
  EXPECT_TRUE(refused.problems.empty());
  ASSERT_EQ(refused.duplicates.size(), 1u);
  const ProbableDuplicate& d = refused.duplicates[0];
  EXPECT_EQ(d.row, 2);
  EXPECT_EQ(d.household_id, existing->id);
  EXPECT_EQ(d.member_id, existing->members[0].id);
  EXPECT_EQ(d.other_name, "محمد عبد الرحمن حسين الجبوري");
  EXPECT_GE(d.score, HouseholdImporter::ProbableDuplicateScore());
  EXPECT_FALSE(d.reasons.empty());
  EXPECT_FALSE(refused.imported);
  EXPECT_EQ(Households(), 1);

  const ImportReport skipped = Import(kKoboCsv, false, DuplicatePolicy::kSkip);
  ASSERT_TRUE(skipped.imported);
  EXPECT_EQ(skipped.households_imported, 1) << "HH-2 only";
  EXPECT_EQ(skipped.households_skipped, 1);
  EXPECT_TRUE(skipped.duplicates[0].skipped);
  EXPECT_EQ(Households(), 2);
}

TEST_P(HouseholdImportTest, TheSamePersonTwiceInTheFileIsAProbableDuplicate) {
  std::string csv = kKoboCsv;
  csv +=
      "HH-9,IDP in camp,IQG15Q03N03,,Mohammed,Abdulrahman,Hussein,Al-Jubouri,,M,1984-07-15,"
      "head,07501234567,national_id,199012345678,u9,\n";
  const ImportReport r = Import(csv, /*dry_run=*/true);
  ASSERT_EQ(r.duplicates.size(), 1u);
  EXPECT_EQ(r.duplicates[0].row, 6);
  EXPECT_EQ(r.duplicates[0].other_row, 2);
  EXPECT_EQ(r.duplicates[0].household_id, 0);

  const ImportReport allowed = Import(csv, false, DuplicatePolicy::kAllow);
  EXPECT_TRUE(allowed.imported);
  EXPECT_EQ(allowed.households_imported, 3);
}

TEST_P(HouseholdImportTest, OnlyRolesThatRegisterInBulkMayImport) {
  for (const auto role : {access::Role::kViewer, access::Role::kCaseworker}) {
    actor_.role = role;
    HouseholdImporter importer(*db_, *places_, clock_, people_);
    auto r = importer.Import(actor_, {.source = "kobo.csv", .bytes = kKoboCsv, .dry_run = true});
    EXPECT_EQ(r.status().code(), StatusCode::kPermissionDenied);
  }
}

SANAD_STORE_TEST_BACKENDS(HouseholdImportTest);

TEST(FormatProblemTest, NamesFileRowAndColumnOrCharacter) {
  EXPECT_EQ(FormatProblem("a.csv", {.row = 3, .column = "sex", .reason = "is required"}),
            "a.csv:3:sex: is required");
  EXPECT_EQ(FormatProblem("a.csv", {.row = 3, .character = 7, .reason = "x"}), "a.csv:3:7: x");
  EXPECT_EQ(FormatProblem("a.csv", {.row = 3, .reason = "x"}), "a.csv:3: x");
  EXPECT_EQ(FormatProblem("a.csv", {.reason = "is empty"}), "a.csv: is empty");
}

}  // namespace
}  // namespace sanad::registry
