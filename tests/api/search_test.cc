// Listing households: search by name, phone and document number, filters and pagination.
#include <algorithm>
#include <string>
#include <vector>

#include "tests/api/api_test.h"

namespace sanad::api_test {
namespace {

using testing_support::JubouriHousehold;
using testing_support::ObaidiHousehold;
using testing_support::OneMemberHousehold;
using testing_support::UrlEncode;

class SearchTest : public ApiTest {
 protected:
  // The ids of the households `client` finds with q=`text`.
  std::vector<int64_t> Find(HttpClient& client, const std::string& text) {
    return Ids(List(client, "q=" + UrlEncode(text)));
  }
};

TEST_P(SearchTest, NameSearchIgnoresArabicSpellingVariantsAndMatchesAnyNamePart) {
  HttpClient clerk = As(kClerk);
  const int64_t jubouri = Create(clerk, JubouriHousehold())["id"];
  const int64_t obaidi = Create(clerk, ObaidiHousehold())["id"];
  const std::vector<int64_t> j = {jubouri};
  const std::vector<int64_t> o = {obaidi};
  EXPECT_EQ(Find(clerk, "احمد"), j) << "hamza on alef: stored أحمد";
  EXPECT_EQ(Find(clerk, "فاطمه"), j) << "ta marbuta: stored فاطمة";
  EXPECT_EQ(Find(clerk, "مُحَمَّد"), j) << "diacritics in the query";
  EXPECT_EQ(Find(clerk, "محـــمد"), j) << "tatweel in the query";
  EXPECT_EQ(Find(clerk, "ابراهيم"), o) << "hamza below alef: stored إبراهيم (father's name)";
  EXPECT_EQ(Find(clerk, "زینب"), o) << "Persian yeh in the query: stored زينب";
  EXPECT_EQ(Find(clerk, "حسين"), j) << "grandfather's name";
  EXPECT_EQ(Find(clerk, "الجبوري"), j) << "family name";
  EXPECT_EQ(Find(clerk, "عبدالرحمن"), j) << "a two-word name typed as one";
  EXPECT_EQ(Find(clerk, "خالد العبيدي"), o) << "every word must match";
  EXPECT_EQ(Find(clerk, "جبور"), j) << "part of a name";
  EXPECT_TRUE(Find(clerk, "سنجار").empty());
  EXPECT_TRUE(Find(clerk, "خالد الجبوري").empty());
}

TEST_P(SearchTest, LatinNameSearchIsCaseInsensitive) {
  HttpClient clerk = As(kClerk);
  const int64_t jubouri = Create(clerk, JubouriHousehold())["id"];
  const int64_t obaidi = Create(clerk, ObaidiHousehold())["id"];
  EXPECT_EQ(Find(clerk, "jubouri"), std::vector<int64_t>{jubouri});
  EXPECT_EQ(Find(clerk, "ZAINAB"), std::vector<int64_t>{obaidi});
  EXPECT_EQ(Find(clerk, "Al-Obaidi Khalid"), std::vector<int64_t>{obaidi});
  EXPECT_EQ(Find(clerk, "al"), (std::vector<int64_t>{obaidi, jubouri})) << "newest first";
}

TEST_P(SearchTest, PhoneAndDocumentNumbersAreFoundHoweverTheyAreTyped) {
  HttpClient clerk = As(kClerk);
  const std::vector<int64_t> j = {Create(clerk, JubouriHousehold())["id"]};
  const std::vector<int64_t> o = {Create(clerk, ObaidiHousehold())["id"]};
  EXPECT_EQ(Find(clerk, "+9647501234567"), j) << "household phone";
  EXPECT_EQ(Find(clerk, "7501234567"), j) << "without the country code";
  EXPECT_EQ(Find(clerk, "07701112233"), o) << "stored as typed with spaces";
  EXPECT_EQ(Find(clerk, "199012345678"), j) << "national ID";
  EXPECT_EQ(Find(clerk, "١٩٩٠١٢٣٤٥٦٧٨"), j) << "national ID in Arabic-Indic digits";
  EXPECT_EQ(Find(clerk, "UC 8812 0034"), o) << "unified card";
  EXPECT_EQ(Find(clerk, "uc88120034"), o) << "unified card without spaces";
  EXPECT_EQ(Find(clerk, "PDS-4471"), j) << "the wife's PDS card";
  EXPECT_TRUE(Find(clerk, "0790000000").empty());
}

TEST_P(SearchTest, PcodeFilterFindsHouseholdsInThePlaceAndEverythingUnderIt) {
  HttpClient clerk = As(kClerk);
  const int64_t markaz = Create(clerk, OneMemberHousehold("Maryam Markaz", "IQG15Q03N03"))["id"];
  const int64_t bartilla =
      Create(clerk, OneMemberHousehold("Maryam Bartilla", "IQG15Q03N02"))["id"];
  const int64_t mosul = Create(clerk, OneMemberHousehold("Maryam Mosul", "IQG15Q05"))["id"];
  const int64_t erbil = Create(clerk, OneMemberHousehold("Maryam Erbil", "IQG11Q02N02"))["id"];
  EXPECT_EQ(Ids(List(clerk, "pcode=IQG15")), (std::vector<int64_t>{mosul, bartilla, markaz}));
  EXPECT_EQ(Ids(List(clerk, "pcode=IQG15Q03")), (std::vector<int64_t>{bartilla, markaz}));
  EXPECT_EQ(Ids(List(clerk, "pcode=IQG15Q03N03")), std::vector<int64_t>{markaz});
  EXPECT_EQ(Ids(List(clerk, "pcode=IQG11")), std::vector<int64_t>{erbil});
  EXPECT_EQ(Total(clerk, "pcode=IQG01"), 0);
  EXPECT_EQ(Total(clerk, "pcode=IQG15Q03&q=bartilla"), 1);
}

TEST_P(SearchTest, StatusFilterCombinesWithTheOtherFilters) {
  HttpClient clerk = As(kClerk);
  const int64_t in_camp = Create(clerk, JubouriHousehold())["id"];
  const int64_t returnee = Create(clerk, ObaidiHousehold())["id"];
  const int64_t out_of_camp = Create(clerk, OneMemberHousehold("Maryam Yousif"))["id"];
  EXPECT_EQ(Ids(List(clerk, "status=returnee")), std::vector<int64_t>{returnee});
  EXPECT_EQ(Ids(List(clerk, "status=idp_in_camp")), std::vector<int64_t>{in_camp});
  EXPECT_EQ(Ids(List(clerk, "status=idp_out_of_camp&pcode=IQG15")),
            std::vector<int64_t>{out_of_camp});
  EXPECT_EQ(Total(clerk, "status=refugee"), 0);
  EXPECT_EQ(Total(clerk, "status=returnee&pcode=IQG15"), 0);
}

TEST_P(SearchTest, PagesHoldLimitItemsNewestFirstAndTotalCountsAll) {
  HttpClient clerk = As(kClerk);
  constexpr int kHouseholds = 7;
  std::vector<int64_t> created;
  created.reserve(kHouseholds);
  for (int i = 0; i < kHouseholds; ++i) {
    created.push_back(Create(clerk, OneMemberHousehold("Maryam Page " + std::to_string(i)))["id"]);
  }
  std::vector<int64_t> seen;
  for (int page = 1; page <= 3; ++page) {
    HttpResponse r = List(clerk, "limit=3&page=" + std::to_string(page));
    EXPECT_EQ(r.json["page"], page);
    EXPECT_EQ(r.json["limit"], 3);
    EXPECT_EQ(r.json["total"], 7);
    EXPECT_EQ(r.json["items"].size(), page < 3 ? 3u : 1u);
    for (const int64_t id : Ids(r)) seen.push_back(id);
  }
  std::reverse(created.begin(), created.end());
  EXPECT_EQ(seen, created);
  EXPECT_TRUE(Ids(List(clerk, "limit=3&page=4")).empty());
  HttpResponse defaults = List(clerk);
  EXPECT_EQ(defaults.json["page"], 1);
  EXPECT_EQ(defaults.json["limit"], 25);
  EXPECT_EQ(Total(clerk, "limit=200"), 7);
}

SANAD_API_TEST_SUITE(SearchTest);

}  // namespace
}  // namespace sanad::api_test
