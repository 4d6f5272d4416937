// `sanad import households` end to end: the real binary on a real SQLite database made by
// `sanad migrate` and `sanad user add`; what a clerk sees on the terminal and what ends up in
// the database (checked through `--dry-run` of the same file: its people are then already
// registered).
#include <gtest/gtest.h>

#include <string>

#include "tests/api/command_test.h"

namespace sanad::api_test {
namespace {

class ImportCliTest : public CommandTest {
 protected:
  void SetUp() override {
    CommandTest::SetUp();
    db_ = Path("sanad.db");
    ASSERT_EQ(Sanad("migrate --db " + db_).exit_code, 0);
    ASSERT_EQ(Sanad("user add --db " + db_ +
                        " --username clerk --role registration --org 'Sanad Relief' "
                        "--password-stdin",
                    "a long enough password\n")
                  .exit_code,
              0);
  }

  CommandRun Import(const std::string& options, const std::string& file) const {
    return Sanad("import households --db " + db_ + " --org 'Sanad Relief' " + options + " " +
                 Path(file));
  }

  std::string db_;
};

constexpr char kCsv[] =
    "household/household_id,Displacement status,Location P-code,Given name,Father's name,"
    "Grandfather's name,Family name,Gender,Date of birth,Relationship to head,Phone number\n"
    "HH-1,IDP in camp,IQG15Q03N03,محمد,عبد الرحمن,حسين,الجبوري,M,1984-07-15,Head,07501234567\n"
    "HH-1,,,فاطمة,علي,كاظم,العبيدي,F,1988-03,wife,\n"
    "HH-2,returnee,IQG15Q05N01,Layla,Yousef,Butros,Hanna,female,1975,head,+9647709876543\n";

TEST_F(ImportCliTest, ADryRunWritesNothingThenTheImportWritesEverything) {
  Write("kobo.csv", kCsv);
  const CommandRun dry = Import("--dry-run", "kobo.csv");
  ASSERT_EQ(dry.exit_code, 0) << dry.err;
  EXPECT_NE(dry.out.find("dry run: households: 2, people: 3"), std::string::npos) << dry.out;
  EXPECT_NE(dry.out.find("nothing was written"), std::string::npos) << dry.out;

  // Nothing was written: the same file still imports in full.
  const CommandRun done = Import("", "kobo.csv");
  ASSERT_EQ(done.exit_code, 0) << done.err;
  EXPECT_NE(done.out.find("imported households: 2, people: 3, into Sanad Relief"),
            std::string::npos)
      << done.out;

  // Now its people are registered: the same file again is refused, naming them.
  const CommandRun again = Import("", "kobo.csv");
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find("kobo.csv:2: probably already registered"), std::string::npos)
      << again.err;
  EXPECT_NE(again.err.find("nothing was imported"), std::string::npos) << again.err;
}

TEST_F(ImportCliTest, TheSamePersonInLatinLettersIsReportedAsAlreadyRegistered) {
  Write("kobo.csv", kCsv);
  ASSERT_EQ(Import("", "kobo.csv").exit_code, 0);
  Write("latin.csv",
        "household_ref,displacement_status,location_pcode,given_name,father_name,"
        "grandfather_name,family_name,sex,birth_date,relationship\n"
        "X-9,idp_out_of_camp,IQG15Q03N03,Mohamad,Abdulrahman,Hussein,Al-Jubouri,m,1984,head\n");
  const CommandRun r = Import("--dry-run", "latin.csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("latin.csv:2: probably already registered: محمد"), std::string::npos)
      << r.err;
  // Skipping the duplicates leaves nothing to import and says so.
  const CommandRun skip = Import("--duplicates skip", "latin.csv");
  EXPECT_EQ(skip.exit_code, 0) << skip.err;
  EXPECT_NE(skip.out.find("skipped 1"), std::string::npos) << skip.out;
}

TEST_F(ImportCliTest, BadRowsAreReportedAsFileRowColumnAndNothingIsImported) {
  Write("bad.csv",
        "household_ref,displacement_status,location_pcode,given_name,sex,birth_date,relationship\n"
        "A,idp_in_camp,IQG15Q03N03,Ali,m,1984-13-01,head\n"
        "B,idp_in_camp,IQG15Q03N03,Omar,m,1990,head\n");
  const CommandRun r = Import("", "bad.csv");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("bad.csv:2:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("birth_date"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("nothing was imported"), std::string::npos) << r.err;
  // Household B was not imported either: all or nothing.
  Write("b.csv",
        "household_ref,displacement_status,location_pcode,given_name,sex,birth_date,relationship\n"
        "B,idp_in_camp,IQG15Q03N03,Omar,m,1990,head\n");
  const CommandRun b = Import("", "b.csv");
  EXPECT_EQ(b.exit_code, 0) << b.err;
  EXPECT_NE(b.out.find("imported households: 1"), std::string::npos) << b.out;
}

TEST_F(ImportCliTest, AnUnknownOrganisationOrAMissingFileIsAClearError) {
  Write("kobo.csv", kCsv);
  const CommandRun org =
      Sanad("import households --db " + db_ + " --org 'Nobody' " + Path("kobo.csv"));
  EXPECT_EQ(org.exit_code, 2);
  EXPECT_NE(org.err.find("no organisation is called 'Nobody'"), std::string::npos) << org.err;
  const CommandRun missing = Import("", "missing.csv");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace sanad::api_test
