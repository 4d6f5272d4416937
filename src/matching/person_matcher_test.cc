#include "matching/person_matcher.h"

#include <gtest/gtest.h>

namespace sanad::matching {
namespace {

const double kThreshold = DedupOptions{}.threshold;

PartialDate Date(std::string_view text) {
  std::string why;
  return *ParsePartialDate(text, &why);
}

PersonRecord Person(std::string id, std::string given, std::string father, std::string grandfather,
                    std::string family, char sex = 0, const std::string& birth = "") {
  PersonRecord r;
  r.id = std::move(id);
  r.given_name = std::move(given);
  r.father_name = std::move(father);
  r.grandfather_name = std::move(grandfather);
  r.family_name = std::move(family);
  r.sex = sex;
  if (!birth.empty()) r.birth_date = Date(birth);
  return r;
}

PersonRecord Latin(std::string id, std::string name_latin, char sex = 0,
                   const std::string& birth = "") {
  PersonRecord r = Person(std::move(id), "", "", "", "", sex, birth);
  r.name_latin = std::move(name_latin);
  return r;
}

double Score(const PersonRecord& a, const PersonRecord& b) { return ScorePair(a, b).score; }

TEST(ScorePairTest, TheSamePersonAcrossScriptsScoresAboveTheThreshold) {
  const PersonRecord arabic =
      Person("1", "محمد", "عبد الرحمن", "حسين", "الجبوري", 'm', "1984-07-15");
  const PersonRecord latin = Latin("2", "Mohamad Abdulrahman Hussein Al-Jubouri", 'm', "1984");
  const ScoredPair pair = ScorePair(arabic, latin);
  EXPECT_GE(pair.score, kThreshold) << FormatReasons(pair.reasons);
  const std::string reasons = FormatReasons(pair.reasons);
  EXPECT_NE(reasons.find("given_name +"), std::string::npos) << reasons;
  EXPECT_NE(reasons.find("birth_date +"), std::string::npos) << reasons;
}

TEST(ScorePairTest, UnlistedNamesMatchAcrossScriptsByTheirSkeleton) {
  const PersonRecord arabic = Person("1", "ثامر", "ذياب", "غزوان", "", 'm', "1990");
  const PersonRecord latin = Person("2", "Thamir", "Dhiyab", "Ghazwan", "", 'm', "1990-03-02");
  EXPECT_GE(Score(arabic, latin), kThreshold) << FormatReasons(ScorePair(arabic, latin).reasons);
}

TEST(ScorePairTest, TyposStillMatch) {
  const PersonRecord a =
      Person("1", "Mohammed", "Abdulrahman", "Hussein", "Al-Jubouri", 'm', "1984");
  const PersonRecord b = Person("2", "Mohammd", "Abdulrahmen", "Husein", "Al-Jbouri", 'm', "1984");
  EXPECT_GE(Score(a, b), kThreshold) << FormatReasons(ScorePair(a, b).reasons);
}

TEST(ScorePairTest, DifferentPeopleScoreBelowTheThreshold) {
  const PersonRecord a = Person("1", "محمد", "علي", "حسين", "الجبوري", 'm', "1984");
  EXPECT_LT(Score(a, Person("2", "زينب", "علي", "حسين", "الجبوري", 'f', "1990")), kThreshold);
  EXPECT_LT(Score(a, Person("3", "حسن", "كاظم", "جاسم", "الدليمي", 'm', "1984")), kThreshold);
  // Hassan and Hussein share a skeleton but are two names.
  EXPECT_LT(Score(Person("4", "Hassan", "Ali", "", ""), Person("5", "Hussein", "Ali", "", "")),
            Score(Person("4", "Hassan", "Ali", "", ""), Person("5", "حسن", "علي", "", "")));
}

TEST(ScorePairTest, SiblingsAreNotOnePerson) {
  const PersonRecord a = Person("1", "أحمد", "جاسم", "محمد", "العبيدي", 'm', "1988");
  const PersonRecord b = Person("2", "عمر", "جاسم", "محمد", "العبيدي", 'm', "1991");
  EXPECT_LT(Score(a, b), kThreshold) << FormatReasons(ScorePair(a, b).reasons);
}

TEST(ScorePairTest, AYearOnlyBirthDateAgreesWithAnyDayOfThatYear) {
  const PersonRecord base = Person("1", "Zainab", "Kadhim", "", "Al-Saadi", 'f', "1975-03-09");
  const PersonRecord year = Person("2", "زينب", "كاظم", "", "الساعدي", 'f', "1975");
  const PersonRecord next_year = Person("3", "زينب", "كاظم", "", "الساعدي", 'f', "1976");
  const PersonRecord far = Person("4", "زينب", "كاظم", "", "الساعدي", 'f', "1990");
  const ScoredPair p = ScorePair(base, year);
  EXPECT_NE(FormatReasons(p.reasons).find("birth_date +3.0 (1975-03-09 vs 1975)"),
            std::string::npos)
      << FormatReasons(p.reasons);
  EXPECT_GT(p.score, Score(base, next_year));
  EXPECT_GT(Score(base, next_year), Score(base, far));
}

TEST(ScorePairTest, AMissingPartIsNotAMismatch) {
  const PersonRecord full = Person("1", "علي", "حسين", "كاظم", "الموسوي", 'm', "1970");
  const PersonRecord partial = Person("2", "علي", "حسين", "", "الموسوي", 'm', "1970");
  const PersonRecord wrong = Person("3", "علي", "حسين", "جاسم", "الدليمي", 'm', "1970");
  EXPECT_GE(Score(full, partial), kThreshold);
  EXPECT_GT(Score(full, partial), Score(full, wrong));
}

TEST(ScorePairTest, SwappedGivenAndFatherAreRecognised) {
  const PersonRecord a = Person("1", "Yousif", "Sabah", "Karim", "Al-Tamimi", 'm', "1993");
  const PersonRecord b = Person("2", "صباح", "يوسف", "كريم", "التميمي", 'm', "1993");
  const ScoredPair p = ScorePair(a, b);
  EXPECT_GE(p.score, kThreshold) << FormatReasons(p.reasons);
  EXPECT_NE(FormatReasons(p.reasons).find("name_order -1.0"), std::string::npos);
}

TEST(ScorePairTest, FamilyNameWrittenFirstIsRecognised) {
  const PersonRecord a = Person("1", "Rana", "Faleh", "Hamid", "Al-Shammari", 'f', "1985");
  const PersonRecord b = Latin("2", "Shammari Rana Faleh Hamid", 'f', "1985");
  EXPECT_GE(Score(a, b), kThreshold) << FormatReasons(ScorePair(a, b).reasons);
}

TEST(ScorePairTest, SexAndDocumentsCount) {
  PersonRecord a = Person("1", "Noor", "Ali", "", "", 'f');
  PersonRecord b = Person("2", "نور", "علي", "", "", 'm');
  EXPECT_LT(Score(a, b), Score(a, Person("3", "نور", "علي", "", "", 'f')));
  a.document_number = "A-123456";
  b.document_number = "a123456";
  b.sex = 'f';
  EXPECT_GE(Score(a, b), kThreshold + 5);
  b.phone = "+964 750 123 4567";
  a.phone = "07501234567";
  EXPECT_NE(FormatReasons(ScorePair(a, b).reasons).find("phone +"), std::string::npos);
}

TEST(ScorePairTest, TheScoreIsTheSumOfItsReasons) {
  PersonRecord a = Person("1", "محمد", "عبد الرحمن", "حسين", "الجبوري", 'm', "1984-07-15");
  a.phone = "07501234567";
  PersonRecord b = Latin("2", "Mohamad Abdulrahman Hussein Al-Jubouri", 'm', "1984");
  b.phone = "+964 750 123 4567";
  const ScoredPair p = ScorePair(a, b);
  double sum = 0;
  for (const MatchReason& r : p.reasons) sum += r.weight;
  EXPECT_NEAR(sum, p.score, 1e-9) << FormatReasons(p.reasons);
}

TEST(ScorePairTest, ADifferentGrandfatherIsNotHiddenByTheCapOnAgreeingNames) {
  // Three agreeing names already reach the cap of +12; the fourth, different, still counts.
  const PersonRecord a = Person("1", "خضر", "خليل", "بختيار", "الهسكاني", 'm', "2021");
  const PersonRecord b = Person("2", "خضر", "خليل", "ريبين", "الهسكاني", 'm', "2021-07-26");
  const ScoredPair pair = ScorePair(a, b);
  EXPECT_LT(pair.score, kThreshold) << FormatReasons(pair.reasons);
  EXPECT_NE(FormatReasons(pair.reasons).find("grandfather_name -7.0"), std::string::npos);
}

TEST(ScorePairTest, ThreeWordsMayBeGivenFatherAndFamily) {
  // "Barzan Raman Herqi": the third word is the family name of the four-part registration.
  const PersonRecord parts = Person("1", "Barzan", "Raman", "Ashd", "Herki", 'm', "2011-01-23");
  const PersonRecord latin = Latin("2", "BARZAAN RAMAN HERQI", 'm', "2011");
  const ScoredPair pair = ScorePair(parts, latin);
  EXPECT_GE(pair.score, kThreshold) << FormatReasons(pair.reasons);
  EXPECT_NE(FormatReasons(pair.reasons).find("grandfather and family swapped"), std::string::npos);
}

TEST(ScorePairTest, NameLatinBesideThePartsFollowsThePartsThatAreFilled) {
  // Grandfather missing: "Avin Wael Doski" is given, father and family, not a grandfather Doski.
  PersonRecord a = Person("1", "ئاڤین", "وائل", "", "دۆسکی", 'f', "2016");
  a.name_latin = "Avin Wael Doski";
  const PersonRecord b = Person("2", "Avin", "Wael", "Othman", "Doski", 'f', "2016-11-11");
  const ScoredPair pair = ScorePair(a, b);
  EXPECT_EQ(FormatReasons(pair.reasons).find("≠"), std::string::npos)
      << FormatReasons(pair.reasons);
}

TEST(ScorePairTest, AGluedArticleOnTheFamilyNameOfAWholeLatinNameIsDropped) {
  const PersonRecord latin = Latin("1", "Jalal Jafar Yahya Alkinani", 'm');
  const PersonRecord arabic = Person("2", "جلال", "جعفر", "يحيى", "كناني", 'm');
  const ScoredPair pair = ScorePair(latin, arabic);
  EXPECT_NE(FormatReasons(pair.reasons).find("family_name +"), std::string::npos)
      << FormatReasons(pair.reasons);
}

TEST(ScorePairTest, AYearTypoInAFullDateStillAgrees) {
  const PersonRecord a = Person("1", "محمود", "كاظم", "أكرم", "الدليمي", 'm', "2012-06-21");
  const PersonRecord b = Person("2", "محمود", "كاظم", "أكرم", "الدليمي", 'm', "2011-06-21");
  const PersonRecord c = Person("3", "محمود", "كاظم", "أكرم", "الدليمي", 'm', "2011-03-02");
  EXPECT_GT(Score(a, b), Score(a, c) + 4);
  const PersonRecord swapped = Person("4", "محمود", "كاظم", "أكرم", "الدليمي", 'm', "2012-06-12");
  const PersonRecord d = Person("5", "محمود", "كاظم", "أكرم", "الدليمي", 'm', "2012-12-06");
  EXPECT_GT(Score(swapped, d), Score(swapped, a));
}

TEST(ScorePairTest, TheSameDocumentOutweighsATypoInTheGivenName) {
  PersonRecord a = Person("1", "Akha", "Saad", "Ayman", "Duski", 'm', "1997-03-02");
  PersonRecord b = Person("2", "Akdha", "Saad", "Ayman", "Doski", 'm', "1997");
  const double without = Score(a, b);
  a.document_number = b.document_number = "104532327076";
  // Not read as siblings (whose shared names say little): the names count in full.
  EXPECT_GT(Score(a, b), without + 10 + 3) << FormatReasons(ScorePair(a, b).reasons);
  EXPECT_GE(Score(a, b), kThreshold);
}

TEST(ScorePairTest, OneEditOnAShortSkeletonWeighsLittle) {
  // Omar and Umayya, Reman and Rebeen: one consonant apart, but other names.
  const PersonRecord a = Person("1", "Rahma", "Omar", "", "", 'f', "2022");
  const ScoredPair weak = ScorePair(a, Person("2", "Rahma", "Umayya", "", "", 'f', "2022"));
  EXPECT_NE(FormatReasons(weak.reasons).find("father_name +1.0"), std::string::npos)
      << FormatReasons(weak.reasons);
  // A longer name one consonant off is more likely a typo and weighs more.
  const PersonRecord c = Person("3", "Rahma", "Abdulkarim", "", "", 'f', "2022");
  const ScoredPair typo = ScorePair(c, Person("4", "Rahma", "Abdulkarin", "", "", 'f', "2022"));
  EXPECT_GT(typo.score, weak.score) << FormatReasons(typo.reasons);
}

TEST(FormatReasonsTest, OneLine) {
  EXPECT_EQ(FormatReasons({{"given_name", 3.24, "mohamad ≈ محمد"}, {"sex", -4, "f vs m"}}),
            "given_name +3.2 (mohamad ≈ محمد); sex -4.0 (f vs m)");
  EXPECT_EQ(FormatReasons({}), "");
}

}  // namespace
}  // namespace sanad::matching
