// Importing households from a CSV or XLSX file through POST /api/v1/imports/households: a dry
// run reports and writes nothing, a clean file imports every household at once, any problem or
// refused probable duplicate imports nothing (422), and only the roles that import may.
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/api/api_test.h"

namespace sanad::api_test {
namespace {

using ::testing::ElementsAre;

constexpr char kPath[] = "/api/v1/imports/households";
constexpr char kXlsxType[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

constexpr char kCsv[] =
    "household/household_id,Displacement status,Location P-code,Given name,Father's name,"
    "Family name,Name in Latin,Gender,Date of birth,Relationship to head,Phone number\n"
    "HH-1,IDP in camp,IQG15Q03N03,محمد,عبد الرحمن,الجبوري,Mohammed Al-Jubouri,M,1984-07-15,Head,"
    "07501234567\n"
    "HH-1,,,فاطمة,علي,العبيدي,,F,1988-03,wife,\n"
    "HH-2,returnee,IQG15Q05N01,Layla,Yousef,Hanna,,female,1975,head,+9647709876543\n";

class ImportTest : public ApiTest {
 protected:
  static HttpResponse Upload(HttpClient& client, std::string body, const std::string& query,
                             const std::string& type = "text/csv") {
    return client.Send("POST", std::string(kPath) + "?" + query, std::move(body),
                       {.content_type = type});
  }

  // A client of a user with `role` in kOrganisation (for roles no fixture user has).
  HttpClient AsRole(const std::string& role) {
    const std::string username = "user." + role;
    server().AddUser(username, role, kOrganisation, kPassword);
    return server().LoggedIn(username, kPassword);
  }

  static std::vector<std::string> Messages(const HttpResponse& r) {
    std::vector<std::string> out;
    for (const auto& p : r.json["problems"]) out.push_back(p["message"]);
    return out;
  }
};

TEST_P(ImportTest, ADryRunReportsThenTheImportCreatesEveryHousehold) {
  HttpClient clerk = As(kClerk);
  HttpResponse dry = Upload(clerk, kCsv, "dry_run=true&filename=kobo.csv");
  ASSERT_EQ(dry.status, 200) << dry.body;
  EXPECT_EQ(dry.json["imported"], false);
  EXPECT_EQ(dry.json["households"], 2);
  EXPECT_EQ(dry.json["people"], 3);
  EXPECT_EQ(dry.json["problems"], Json::array());
  EXPECT_EQ(Total(clerk), 0);

  HttpResponse done = Upload(clerk, kCsv, "dry_run=false&filename=kobo.csv");
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.json["imported"], true);
  EXPECT_EQ(done.json["households_imported"], 2);
  EXPECT_EQ(done.json["people_imported"], 3);
  EXPECT_EQ(Total(clerk), 2);
  const int64_t id = done.json["household_ids"][0];
  HttpResponse h = clerk.Get(HouseholdPath(id));
  ASSERT_EQ(h.status, 200) << h.body;
  EXPECT_EQ(h.json["displacement_status"], "idp_in_camp");
  EXPECT_EQ(h.json["members"][1]["relationship"], "spouse");
  HttpResponse history = clerk.Get(HouseholdPath(id) + "/history");
  ASSERT_EQ(history.json["items"].size(), 1u);
  EXPECT_EQ(history.json["items"][0]["action"], "create");
  EXPECT_EQ(history.json["items"][0]["user"]["username"], kClerk);
  HttpClient other = As(kOtherClerk);
  EXPECT_EQ(Total(other), 0) << "imported into the caller's organisation only";
}

TEST_P(ImportTest, AnyProblemIs422NamingRowAndColumnAndNothingIsImported) {
  HttpClient clerk = As(kClerk);
  std::string csv = kCsv;
  csv += "HH-3,refugee,IQG99,Omar,,,,male,2024-02-30,head,\n";
  HttpResponse r = Upload(clerk, csv, "filename=kobo.csv");
  ASSERT_EQ(r.status, 422) << r.body;
  EXPECT_EQ(r.json["error"]["code"], "invalid_argument");
  EXPECT_EQ(r.json["imported"], false);
  EXPECT_THAT(Messages(r), ElementsAre("kobo.csv:5:Location P-code: is not a known P-code",
                                       "kobo.csv:5:Date of birth: is not a day of that month"));
  EXPECT_EQ(r.json["problems"][0]["row"], 5);
  EXPECT_EQ(r.json["problems"][0]["column"], "Location P-code");
  EXPECT_EQ(Total(clerk), 0);

  HttpResponse quote = Upload(clerk, "household_ref,given_name\nA,\"Ali\n", "filename=q.csv");
  ASSERT_EQ(quote.status, 422) << quote.body;
  EXPECT_THAT(Messages(quote), ElementsAre("q.csv:2:3: quoted field is never closed"));
}

TEST_P(ImportTest, AProbableDuplicateIsRefusedUnlessSkipped) {
  HttpClient clerk = As(kClerk);
  ASSERT_EQ(Upload(clerk, kCsv, "").status, 200);
  HttpResponse again = Upload(clerk, kCsv, "dry_run=false");
  ASSERT_EQ(again.status, 422) << again.body;
  EXPECT_EQ(again.json["problems"], Json::array());
  ASSERT_EQ(again.json["duplicates"].size(), 3u);
  const Json& d = again.json["duplicates"][0];
  EXPECT_EQ(d["row"], 2);
  EXPECT_GT(d["household_id"].get<int64_t>(), 0);
  EXPECT_GT(d["score"].get<double>(), 0);
  EXPECT_FALSE(d["reasons"].empty());
  EXPECT_EQ(Total(clerk), 2);

  HttpResponse skipped = Upload(clerk, kCsv, "duplicates=skip");
  ASSERT_EQ(skipped.status, 200) << skipped.body;
  EXPECT_EQ(skipped.json["households_skipped"], 2);
  EXPECT_EQ(skipped.json["households_imported"], 0);
  EXPECT_EQ(Total(clerk), 2);
}

TEST_P(ImportTest, AnXlsxWorkbookWithDateCellsImports) {
  const std::string path = std::filesystem::temp_directory_path() /
                           ("sanad_import_" + std::to_string(::getpid()) + ".xlsx");
  lxw_workbook* wb = workbook_new(path.c_str());
  lxw_worksheet* ws = workbook_add_worksheet(wb, "households");
  lxw_format* date = workbook_add_format(wb);
  format_set_num_format(date, "dd/mm/yyyy");
  const char* header[] = {"household_ref", "displacement_status", "location_pcode", "given_name",
                          "sex",           "birth_date",          "relationship",   "phone"};
  for (lxw_col_t c = 0; c < 8; ++c) worksheet_write_string(ws, 0, c, header[c], nullptr);
  worksheet_write_number(ws, 1, 0, 17, nullptr);
  worksheet_write_string(ws, 1, 1, "idp_out_of_camp", nullptr);
  worksheet_write_string(ws, 1, 2, "IQG15Q03N03", nullptr);
  worksheet_write_string(ws, 1, 3, "هيفاء", nullptr);
  worksheet_write_string(ws, 1, 4, "female", nullptr);
  lxw_datetime born{.year = 1990, .month = 12, .day = 1, .hour = 0, .min = 0, .sec = 0};
  worksheet_write_datetime(ws, 1, 5, &born, date);
  worksheet_write_string(ws, 1, 6, "head", nullptr);
  worksheet_write_number(ws, 1, 7, 9647701112233.0, nullptr);
  ASSERT_EQ(workbook_close(wb), LXW_NO_ERROR);
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);

  HttpClient admin = As(kAdmin);
  HttpResponse r = Upload(admin, bytes.str(), "sheet=households", kXlsxType);
  ASSERT_EQ(r.status, 200) << r.body;
  ASSERT_EQ(r.json["households_imported"], 1);
  HttpResponse h = admin.Get(HouseholdPath(r.json["household_ids"][0].get<int64_t>()));
  EXPECT_EQ(h.json["members"][0]["birth_date"], "1990-12-01");
  EXPECT_EQ(h.json["members"][0]["phone"], "9647701112233");

  HttpResponse wrong = Upload(admin, bytes.str(), "sheet=people", kXlsxType);
  ASSERT_EQ(wrong.status, 422) << wrong.body;
  EXPECT_THAT(Messages(wrong),
              ElementsAre("upload.xlsx: has no sheet named 'people' (it has: households)"));
}

TEST_P(ImportTest, AFileOverOneMebibyteIsAcceptedUpTo32) {
  HttpClient clerk = As(kClerk);
  std::string csv = kCsv;
  csv.append(size_t{2} << 20, '\n');  // blank lines are skipped
  HttpResponse r = Upload(clerk, csv, "dry_run=true");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json["households"], 2);
  EXPECT_EQ(Upload(clerk, std::string(size_t{33} << 20, 'a'), "dry_run=true").status, 413);
}

TEST_P(ImportTest, RolesThatDoNotImportAre403) {
  HttpClient viewer = As(kViewer);
  EXPECT_EQ(Upload(viewer, kCsv, "dry_run=true").status, 403);
  HttpClient caseworker = AsRole("caseworker");
  EXPECT_EQ(Upload(caseworker, kCsv, "dry_run=true").status, 403);
  HttpClient me = AsRole("me_officer");
  EXPECT_EQ(Upload(me, kCsv, "dry_run=true").status, 200);
  EXPECT_EQ(Upload(me, kCsv, "dry_run=maybe").status, 400);
  EXPECT_EQ(Upload(me, kCsv, "", "application/json").status, 400);
}

}  // namespace

SANAD_API_TEST_SUITE(ImportTest);

}  // namespace sanad::api_test
