// `sanad dedup` end to end: the real binary on small CSV files, no database and no server.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "tests/api/command_test.h"

namespace sanad::api_test {
namespace {

namespace fs = std::filesystem;

class DedupCliTest : public CommandTest {
 protected:
  CommandRun Dedup(const std::string& args) const { return Sanad("dedup " + args); }
};

constexpr const char* kPeople =
    "id,given_name,father_name,grandfather_name,family_name,name_latin,sex,birth_date,pcode,"
    "phone,document_number\n"
    "p1,محمد,عبد الرحمن,حسين,الجبوري,,m,1984-07-15,IQG01Q01N01,07501234567,\n"
    "p2,زينب,كاظم,جاسم,الساعدي,,f,1975,IQG02Q01N01,,\n"
    "p3,,,,,Mohamad Abdulrahman Hussein Al-Jubouri,male,1984,IQG01Q01N01,+964 750 123 4567,\n"
    "p4,Zainab,Kadhim,Jasim,Al-Saadi,,F,1975-03-09,,,\n"
    "p5,Omar,Sabah,Karim,Al-Tamimi,,m,2001,,,\n";

TEST_F(DedupCliTest, WritesClustersInInputOrderAndPairsWithReasons) {
  Write("people.csv", kPeople);
  const CommandRun r = Dedup("--input " + Path("people.csv") + " --output " + Path("clusters.csv") +
                             " --pairs " + Path("pairs.csv") + " --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(Read(Path("clusters.csv")), "id,cluster\np1,p1\np2,p2\np3,p1\np4,p2\np5,p5\n");
  const std::string pairs = Read(Path("pairs.csv"));
  EXPECT_EQ(pairs.substr(0, pairs.find('\n')), "id_a,id_b,score,reasons");
  EXPECT_NE(pairs.find("\np1,p3,"), std::string::npos) << pairs;
  EXPECT_NE(pairs.find("\np2,p4,"), std::string::npos) << pairs;
  EXPECT_NE(pairs.find("given_name +"), std::string::npos) << pairs;
  EXPECT_EQ(pairs.find("p5"), std::string::npos) << pairs;
}

TEST_F(DedupCliTest, AVeryHighThresholdReportsNoPairs) {
  Write("people.csv", kPeople);
  const CommandRun r = Dedup("--input " + Path("people.csv") + " --output " + Path("clusters.csv") +
                             " --pairs " + Path("pairs.csv") + " --threshold 500");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(Read(Path("pairs.csv")), "id_a,id_b,score,reasons\n");
  EXPECT_EQ(Read(Path("clusters.csv")), "id,cluster\np1,p1\np2,p2\np3,p3\np4,p4\np5,p5\n");
  EXPECT_NE(r.err.find("scoring"), std::string::npos) << "progress on stderr: " << r.err;
}

TEST_F(DedupCliTest, BadInputNamesLineAndColumnAndWritesNothing) {
  const std::map<std::string, std::string> cases = {
      {"id,given_name,birth_date\n1,Ali,1984\n2,Omar,1984-13-01\n", "bad.csv:3:8: birth_date"},
      {"id,given,sex\n", "bad.csv:1:4: unknown column \"given\""},
      {"id,sex\n1,m\n2,m,x\n", "bad.csv:3:5: the row has 3 fields"},
      {"id,given_name\n1,\"Ali\n", "bad.csv:2:3: quoted field is never closed"},
      {"id,given_name\n1,Al\xc3\n", "bad.csv:2:5: not valid UTF-8"},
      {"id,given_name\n1,Ali\n1,Omar\n", "bad.csv:3:1: id: duplicate id"},
      {"id,given_name\n,Ali\n", "bad.csv:2:1: id: empty id"},
  };
  for (const auto& [text, message] : cases) {
    Write("bad.csv", text);
    fs::remove(Path("clusters.csv"));
    const CommandRun r = Dedup("--input " + Path("bad.csv") + " --output " + Path("clusters.csv"));
    EXPECT_EQ(r.exit_code, 2) << message;
    EXPECT_NE(r.err.find(Path(message)), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(Path("clusters.csv"))) << message;
  }
}

}  // namespace
}  // namespace sanad::api_test
