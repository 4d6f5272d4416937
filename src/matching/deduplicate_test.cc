#include <gtest/gtest.h>

#include "matching/person_matcher.h"

namespace sanad::matching {
namespace {

PersonRecord Person(std::string id, std::string given, std::string father, std::string grandfather,
                    std::string family, char sex, const std::string& birth) {
  PersonRecord r;
  r.id = std::move(id);
  r.given_name = std::move(given);
  r.father_name = std::move(father);
  r.grandfather_name = std::move(grandfather);
  r.family_name = std::move(family);
  r.sex = sex;
  std::string why;
  if (!birth.empty()) r.birth_date = ParsePartialDate(birth, &why);
  return r;
}

// Background people with varied names, so that term frequencies mean something.
std::vector<PersonRecord> Background(size_t n) {
  const char* given[] = {"Mohammed", "Ali",     "Ahmed", "Omar",   "Khalid", "Yousif",
                         "Mustafa",  "Ibrahim", "Jasim", "Kadhim", "Haider", "Mahdi"};
  const char* father[] = {"Hassan", "Abbas", "Othman", "Mahmoud", "Sadiq", "Salih",
                          "Karim",  "Hamid", "Faleh",  "Sabah",   "Rashid"};
  const char* family[] = {"Al-Dulaimi", "Al-Shammari", "Al-Obaidi", "Al-Tamimi", "Al-Zubaidi",
                          "Al-Khafaji", "Al-Janabi",   "Al-Ani",    "Al-Rawi"};
  std::vector<PersonRecord> out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(Person("bg" + std::to_string(i), given[i % 12], father[(i / 12) % 11],
                         given[(i / 7) % 12], family[(i / 3) % 9], 'm',
                         std::to_string(1950 + static_cast<int>(i % 50))));
  }
  return out;
}

TEST(DeduplicateTest, FindsTheSamePersonAcrossScriptsAndClustersThem) {
  std::vector<PersonRecord> records = Background(300);
  records.push_back(Person("a1", "محمد", "عبد الرحمن", "حسين", "الجبوري", 'm', "1984-07-15"));
  records.push_back(Person("a2", "Mohamad", "Abdulrahman", "Hussein", "Al-Jubouri", 'm', "1984"));
  records.push_back(Person("a3", "Muhammad", "Abdel Rahman", "", "Al-Jubori", 'm', "1984"));
  const auto a1 = static_cast<uint32_t>(records.size() - 3);
  const DedupResult r = Deduplicate(records, {.threads = 2});
  EXPECT_EQ(r.cluster_of[a1], a1);
  EXPECT_EQ(r.cluster_of[a1 + 1], a1);
  EXPECT_EQ(r.cluster_of[a1 + 2], a1);
  ASSERT_FALSE(r.pairs.empty());
  bool found = false;
  for (const ScoredPair& p : r.pairs) {
    EXPECT_LT(p.a, p.b);
    if (p.a == a1 && p.b == a1 + 1) {
      found = true;
      EXPECT_FALSE(p.reasons.empty());
    }
  }
  EXPECT_TRUE(found);
  for (uint32_t i = 0; i < 300; ++i) EXPECT_EQ(r.cluster_of[i], i) << records[i].id;
  EXPECT_LT(r.comparisons, 300U * 299U / 2U);
}

TEST(DeduplicateTest, CommonNamesWeighLessThanRareOnes) {
  // Many people called Mohammed Ali: two of them who differ elsewhere score lower than two
  // people with a rare name who differ the same way.
  std::vector<PersonRecord> records = Background(200);
  for (int i = 0; i < 60; ++i) {
    records.push_back(Person("m" + std::to_string(i), "Mohammed", "Ali", "", "", 'm',
                             std::to_string(1960 + i % 40)));
  }
  records.push_back(Person("c1", "Mohammed", "Ali", "", "", 'm', "1980"));
  records.push_back(Person("c2", "محمد", "علي", "", "", 'm', "1981"));
  records.push_back(Person("r1", "Shwan", "Rebwar", "", "", 'm', "1980"));
  records.push_back(Person("r2", "شوان", "ڕێبوار", "", "", 'm', "1981"));
  const auto c1 = static_cast<uint32_t>(records.size() - 4);
  const DedupResult r = Deduplicate(records, {.threshold = -100, .threads = 1});
  double common = -1e9;
  double rare = -1e9;
  std::string why;
  for (const ScoredPair& p : r.pairs) {
    if (p.a == c1 && p.b == c1 + 1) common = p.score;
    if (p.a == c1 + 2 && p.b == c1 + 3) rare = p.score;
    if (p.a >= c1) why += FormatReasons(p.reasons) + "\n";
  }
  ASSERT_GT(common, -1e9);
  ASSERT_GT(rare, -1e9);
  EXPECT_GT(rare, common + 3) << why;
}

TEST(DeduplicateTest, InABlockTooBigToCompareWholeAYearOffByOneAndNoYearStillMeet) {
  // 150 namesakes (years far from 1980) make every key of Kadhim Jasim Hamid Al-Rawi a block
  // over the limit; his registrations must still meet across 1980/1981 and without a year.
  std::vector<PersonRecord> records = Background(1500);
  for (int i = 0; i < 150; ++i) {
    const int year = 1900 + (i % 120);
    PersonRecord p =
        Person("n" + std::to_string(i), "Kadhim", "Jasim", "Hamid", "Al-Rawi", 'm',
               std::to_string(year < 1978 ? year : year + 6) + "-03-0" + std::to_string(1 + i % 9));
    p.pcode = "IQG0" + std::to_string(1 + i % 9) + "Q01N01";
    records.push_back(std::move(p));
  }
  const auto t = static_cast<uint32_t>(records.size());
  for (const char* birth : {"1980-05-17", "1981-05-17", ""}) {
    PersonRecord p = Person("t", "كاظم", "جاسم", "حميد", "الراوي", 'm', birth);
    p.pcode = "IQG15Q02N03";
    records.push_back(std::move(p));
  }
  const DedupResult r = Deduplicate(records, {.threads = 2});
  EXPECT_EQ(r.cluster_of[t + 1], r.cluster_of[t]);
  EXPECT_EQ(r.cluster_of[t + 2], r.cluster_of[t]);
  EXPECT_LT(r.comparisons, static_cast<uint64_t>(records.size()) * 40);
}

TEST(DeduplicateTest, DecidedDifferentPairsAreNeverReportedNorClustered) {
  std::vector<PersonRecord> records = Background(50);
  records.push_back(Person("x", "Zainab", "Kadhim", "Jasim", "Al-Saadi", 'f', "1975"));
  records.push_back(Person("y", "زينب", "كاظم", "جاسم", "الساعدي", 'f', "1975"));
  const auto x = static_cast<uint32_t>(records.size() - 2);
  const DedupResult plain = Deduplicate(records, {.threads = 1});
  EXPECT_EQ(plain.cluster_of[x + 1], x);
  const DedupResult decided = Deduplicate(records, {.threads = 1}, {{x + 1, x}});
  EXPECT_EQ(decided.cluster_of[x + 1], x + 1);
  for (const ScoredPair& p : decided.pairs) EXPECT_FALSE(p.a == x && p.b == x + 1);
}

TEST(DeduplicateTest, ProgressIsReportedByStage) {
  std::vector<std::string> stages;
  DedupOptions options{.threads = 2};
  options.progress = [&](std::string_view stage, uint64_t done, uint64_t total) {
    EXPECT_LE(done, total);
    if (stages.empty() || stages.back() != stage) stages.emplace_back(stage);
  };
  (void)Deduplicate(Background(100), options);
  ASSERT_GE(stages.size(), 3U);
  EXPECT_EQ(stages.front(), "keys");
}

TEST(DeduplicateTest, EmptyInput) {
  const DedupResult r = Deduplicate({}, {});
  EXPECT_TRUE(r.cluster_of.empty());
  EXPECT_TRUE(r.pairs.empty());
}

}  // namespace
}  // namespace sanad::matching
