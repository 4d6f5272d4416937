#include <gtest/gtest.h>

#include <thread>

#include "matching/person_matcher.h"

namespace sanad::matching {
namespace {

PersonRecord Person(std::string given, std::string father, std::string grandfather,
                    std::string family, std::string latin = "") {
  PersonRecord r;
  r.given_name = std::move(given);
  r.father_name = std::move(father);
  r.grandfather_name = std::move(grandfather);
  r.family_name = std::move(family);
  r.name_latin = std::move(latin);
  r.sex = 'm';
  return r;
}

class PersonIndexTest : public testing::Test {
 protected:
  void SetUp() override {
    index_.Upsert(1, 10, Person("محمد", "عبد الرحمن", "حسين", "الجبوري"));
    index_.Upsert(2, 10, Person("زينب", "كاظم", "جاسم", "الساعدي"));
    PersonRecord shwan = Person("Shwan", "Rebwar", "Aziz", "");
    shwan.phone = "0750 123 4567";
    shwan.document_number = "IQ-99887766";
    index_.Upsert(3, 20, shwan);
    index_.Upsert(4, 20, Person("علي", "حسن", "", "العبيدي"));
    index_.Upsert(5, 10, Person("Mohammed", "Ali", "", "Al-Obaidi"));
  }

  std::vector<uint64_t> Keys(std::string_view text,
                             const std::function<bool(uint64_t)>& visible = {}) const {
    std::vector<uint64_t> keys;
    for (const SearchHit& h : index_.Search(text, 10, visible)) keys.push_back(h.key);
    return keys;
  }

  PersonIndex index_;
};

TEST_F(PersonIndexTest, FindsByArabicOrLatinInAnyOrder) {
  ASSERT_EQ(index_.size(), 5U);
  EXPECT_EQ(Keys("Mohamad Abdulrahman").front(), 1U);
  EXPECT_EQ(Keys("الجبوري محمد").front(), 1U);
  EXPECT_EQ(Keys("Zainab Kadhim").front(), 2U);
  EXPECT_EQ(Keys("شوان").front(), 3U);
  EXPECT_EQ(Keys("علي العبيدي").front(), 4U);
}

TEST_F(PersonIndexTest, FindsDespiteATypoAndWhileTyping) {
  EXPECT_EQ(Keys("Zaynab Kazem").front(), 2U);
  EXPECT_EQ(Keys("Zainab Kadhm").front(), 2U);
  EXPECT_EQ(Keys("Shwan Rebw").front(), 3U);
}

TEST_F(PersonIndexTest, FindsByPhoneOrDocumentNumber) {
  EXPECT_EQ(Keys("+964 750 123 4567"), (std::vector<uint64_t>{3}));
  EXPECT_EQ(Keys("IQ99887766"), (std::vector<uint64_t>{3}));
  EXPECT_TRUE(Keys("0770 000 0000").empty());
}

TEST_F(PersonIndexTest, OnlyVisibleGroupsAreReturned) {
  const auto only_10 = [](uint64_t group) { return group == 10; };
  EXPECT_TRUE(Keys("Shwan", only_10).empty());
  EXPECT_TRUE(Keys("07501234567", only_10).empty());
  for (uint64_t k : Keys("Ali", only_10)) EXPECT_NE(k, 4U);
}

TEST_F(PersonIndexTest, ALoneCommonNameListsTheCallersOwnPeople) {
  // 3,000 Ahmeds of another organisation, registered first, and one of the caller's: the
  // candidates of a lone word are capped, and the cap must not be filled by people the caller
  // cannot see.
  PersonIndex index;
  for (uint64_t k = 1; k <= 3000; ++k) index.Upsert(k, 99, Person("Ahmed", "", "", ""));
  index.Upsert(5000, 10, Person("أحمد", "كاظم", "", ""));
  const auto hits = index.Search("Ahmed", 10, [](uint64_t group) { return group == 10; });
  ASSERT_EQ(hits.size(), 1U);
  EXPECT_EQ(hits[0].key, 5000U);
}

TEST_F(PersonIndexTest, ALoneNameListsItsOwnSpellingBeforeItsNeighbours) {
  // Hamid (hmd) is one deleted letter from Ahmed (ahmd) and registered first, in numbers.
  PersonIndex index;
  for (uint64_t k = 1; k <= 3000; ++k) index.Upsert(k, 10, Person("Hamid", "", "", ""));
  index.Upsert(5000, 10, Person("Ahmed", "", "", ""));
  const auto hits = index.Search("Ahmed ", 10);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits[0].key, 5000U);
}

TEST_F(PersonIndexTest, UpsertReplacesAndRemoveForgets) {
  index_.Upsert(2, 10, Person("Noor", "Kadhim", "", ""));
  EXPECT_TRUE(Keys("Zainab").empty() || Keys("Zainab").front() != 2U);
  EXPECT_EQ(Keys("Noor").front(), 2U);
  index_.Remove(2);
  EXPECT_TRUE(Keys("Noor").empty());
  EXPECT_EQ(index_.size(), 4U);
  index_.Remove(12345);  // unknown: nothing happens
}

TEST_F(PersonIndexTest, FindMatchesReportsTheProbableSamePersonWithReasons) {
  PersonRecord again = Person("", "", "", "", "Mohamad Abdulrahman Hussein Al-Jubouri");
  const std::vector<SearchHit> hits = index_.FindMatches(again, 8.0, 5);
  ASSERT_FALSE(hits.empty());
  EXPECT_EQ(hits.front().key, 1U);
  EXPECT_FALSE(hits.front().reasons.empty());
  EXPECT_TRUE(index_.FindMatches(again, 8.0, 5, [](uint64_t g) { return g == 20; }).empty());
  EXPECT_TRUE(index_.FindMatches(Person("Kosrat", "Azad", "", ""), 8.0, 5).empty());
}

TEST_F(PersonIndexTest, ConcurrentReadersAndAWriter) {
  std::thread writer([&] {
    for (uint64_t k = 100; k < 300; ++k) index_.Upsert(k, 30, Person("Omar", "Sabah", "", ""));
  });
  for (int i = 0; i < 200; ++i) EXPECT_FALSE(Keys("Zainab").empty());
  writer.join();
  EXPECT_EQ(index_.size(), 205U);
}

}  // namespace
}  // namespace sanad::matching
