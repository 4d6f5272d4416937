#include "matching/normalise.h"

#include <gtest/gtest.h>

namespace sanad::matching {
namespace {

struct Same {
  const char* a;
  const char* b;
};

void PrintTo(const Same& s, std::ostream* os) { *os << s.a << " ~ " << s.b; }

class NormaliseSameTest : public testing::TestWithParam<Same> {};

TEST_P(NormaliseSameTest, SpellingsPeopleTreatAsOneCompareEqual) {
  EXPECT_EQ(NormaliseText(GetParam().a), NormaliseText(GetParam().b))
      << GetParam().a << " vs " << GetParam().b;
}

INSTANTIATE_TEST_SUITE_P(
    Arabic, NormaliseSameTest,
    testing::Values(Same{"أحمد", "احمد"}, Same{"إبراهيم", "ابراهيم"}, Same{"آمنة", "امنه"},
                    Same{"فاطمة", "فاطمه"}, Same{"مصطفى", "مصطفي"}, Same{"مُحَمَّد", "محمد"},
                    Same{"محـــمد", "محمد"}, Same{"مؤيد", "مويد"}, Same{"هيئة", "هييه"},
                    Same{"کریم", "كريم"}, Same{"ڕۆژ", "روژ"}, Same{"ئاڵا", "ئالا"},
                    Same{"٠٧٥٠١٢٣", "0750123"}, Same{"Al-Jubouri", "al jubouri"},
                    Same{"Ja'far", "jafar"}, Same{"Hüseyin", "huseyin"},
                    Same{"  Ali   Hassan ", "ali hassan"}));

TEST(NormaliseTest, DifferentNamesStayDifferent) {
  EXPECT_NE(NormaliseText("علي"), NormaliseText("عالي"));
  EXPECT_NE(NormaliseText("Ali"), NormaliseText("Ala"));
}

TEST(NormaliseTest, WordsAndDigits) {
  EXPECT_EQ(NormalisedWords("عبد الرحمن-حسين"),
            (std::vector<std::string>{"عبد", "الرحمن", "حسين"}));
  EXPECT_EQ(DigitsOnly("+964 (750) ١٢٣-٤٥"), "96475012345");
  EXPECT_TRUE(NormalisedWords("  - ").empty());
}

TEST(NormaliseTest, InvalidUtf8DoesNotCrash) {
  const std::string bad(
      "\xff\xfe\x80"
      "abc",
      6);
  EXPECT_NE(NormaliseText(bad).find("abc"), std::string::npos);
}

}  // namespace
}  // namespace sanad::matching
