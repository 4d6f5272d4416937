// `sanad import households` end to end: the real binary on a real SQLite database made by
// `sanad migrate` and `sanad user add`; what a clerk sees on the terminal and what ends up in
// the database (checked through `--dry-run` of the same file: its people are then already
// registered).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace {

namespace fs = std::filesystem;

struct CommandRun {
  int exit_code = -1;
  std::string out;
  std::string err;
};

class ImportCliTest : public testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() / ("sanad-import-" + std::to_string(::getpid()) + "-" +
                                     testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = Path("sanad.db");
    ASSERT_EQ(Run("migrate --db " + db_).exit_code, 0);
    ASSERT_EQ(Run("user add --db " + db_ +
                      " --username clerk --role registration --org 'Sanad Relief' --password-stdin",
                  "a long enough password\n")
                  .exit_code,
              0);
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string Path(const std::string& name) const { return (dir_ / name).string(); }

  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(Path(name), std::ios::binary) << text;
  }

  static std::string Read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
  }

  // Runs `sanad ARGS` with `input` on stdin; stdout and stderr are captured.
  CommandRun Run(const std::string& args, const std::string& input = "") const {
    Write("stdin.txt", input);
    const std::string cmd = std::string(SANAD_BIN) + " " + args + " <" + Path("stdin.txt") + " >" +
                            Path("stdout.txt") + " 2>" + Path("stderr.txt");
    const int status = std::system(cmd.c_str());
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, Read(Path("stdout.txt")),
            Read(Path("stderr.txt"))};
  }

  CommandRun Import(const std::string& options, const std::string& file) const {
    return Run("import households --db " + db_ + " --org 'Sanad Relief' " + options + " " +
               Path(file));
  }

  fs::path dir_;
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
      Run("import households --db " + db_ + " --org 'Nobody' " + Path("kobo.csv"));
  EXPECT_EQ(org.exit_code, 2);
  EXPECT_NE(org.err.find("no organisation is called 'Nobody'"), std::string::npos) << org.err;
  const CommandRun missing = Import("", "missing.csv");
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read"), std::string::npos) << missing.err;
}

}  // namespace
