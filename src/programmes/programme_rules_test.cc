// The rules of offices, projects, expenditures and staff members: what a manager would be told
// when a form is wrong, field by field.
#include "programmes/programme_rules.h"

#include <gtest/gtest.h>

namespace sanad::programmes {
namespace {

registry::PlaceDirectory Places() {
  return registry::PlaceDirectory(std::vector<registry::Place>{
      {.pcode = "IQG15", .level = 1, .name_en = "Ninewa"},
      {.pcode = "IQG15Q03", .level = 2, .parent_pcode = "IQG15", .name_en = "Al-Hamdaniya"},
      {.pcode = "IQG11Q02", .level = 2, .name_en = "Erbil"}});
}

std::vector<std::string> Fields(const std::vector<FieldError>& bad) {
  std::vector<std::string> out;
  for (const auto& f : bad) out.push_back(f.field);
  return out;
}

Project Valid() {
  return {.code = "PRJ-24-07",
          .name = "Protection in Ninewa Plains",
          .sectors = {"protection", "gbv"},
          .status = "ongoing",
          .starts_on = "2026-01-01",
          .ends_on = "2026-12-31",
          .places = {"IQG15Q03"},
          .currency = "EUR",
          .budget = 25000000};
}

TEST(OfficeRulesTest, NeedsANameAKnownPlaceAndAPointInsideIraqGivenWhole) {
  const auto places = Places();
  Office ok{.name = "  Erbil office ", .pcode = "IQG11Q02", .lat = 36.19, .lon = 44.01};
  std::vector<FieldError> bad;
  CheckOffice(places, &ok, &bad);
  EXPECT_TRUE(bad.empty()) << Fields(bad).size();
  EXPECT_EQ(ok.name, "Erbil office");

  Office no_point{.name = "Duhok", .pcode = "IQG15"};
  bad.clear();
  CheckOffice(places, &no_point, &bad);
  EXPECT_TRUE(bad.empty());  // the place's label point is used

  Office half{.name = "x", .pcode = "IQG15", .lat = 36.0};
  bad.clear();
  CheckOffice(places, &half, &bad);
  EXPECT_EQ(Fields(bad), std::vector<std::string>{"lon"});

  Office paris{.name = "", .pcode = "IQG99", .lat = 48.85, .lon = 2.35};
  bad.clear();
  CheckOffice(places, &paris, &bad);
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"name", "pcode", "lat", "lon"}));
}

TEST(OfficeRulesTest, LengthsCountArabicLettersNotBytes) {
  const auto places = Places();
  std::string arabic;  // 150 letters, 300 bytes: within the 200 characters a name may have
  for (int i = 0; i < 150; ++i) arabic += "م";
  Office o{.name = "Erbil office", .name_ar = arabic, .pcode = "IQG11Q02"};
  std::vector<FieldError> bad;
  CheckOffice(places, &o, &bad);
  EXPECT_TRUE(bad.empty()) << Fields(bad).size();

  for (int i = 0; i < 51; ++i) o.name_ar += "م";  // 201 letters
  CheckOffice(places, &o, &bad);
  EXPECT_EQ(Fields(bad), std::vector<std::string>{"name_ar"});
}

TEST(OfficeRulesTest, NamesThatDifferOnlyInCaseOrSpacingShareAKey) {
  EXPECT_EQ(OfficeNameKey("  ERBIL   Office "), OfficeNameKey("erbil office"));
  EXPECT_NE(OfficeNameKey("Erbil office"), OfficeNameKey("Duhok office"));
  EXPECT_TRUE(OfficeNameKey("  ").empty());
}

TEST(ProjectRulesTest, AValidProjectPassesAndKeepsItsSectorsAndPlacesOnce) {
  Project p = Valid();
  p.sectors.emplace_back("gbv");
  p.places = {"IQG15Q03", "IQG11Q02", "IQG15Q03"};
  std::vector<FieldError> bad;
  CheckProject(Places(), &p, &bad);
  EXPECT_TRUE(bad.empty()) << (bad.empty() ? "" : bad[0].field);
  EXPECT_EQ(p.sectors, (std::vector<std::string>{"protection", "gbv"}));
  EXPECT_EQ(p.places, (std::vector<std::string>{"IQG11Q02", "IQG15Q03"}));
}

TEST(ProjectRulesTest, EveryBrokenRuleIsNamed) {
  struct Case {
    const char* what;
    void (*edit)(Project*);
    std::vector<std::string> fields;
  };
  const Case cases[] = {
      {"code with a space", [](Project* p) { p->code = "PRJ 24"; }, {"code"}},
      {"code too long", [](Project* p) { p->code = std::string(33, 'A'); }, {"code"}},
      {"code with slash and dot", [](Project* p) { p->code = "ECHO/2026.01_a"; }, {}},
      {"no name", [](Project* p) { p->name = " "; }, {"name"}},
      {"no sectors", [](Project* p) { p->sectors.clear(); }, {"sectors"}},
      {"unknown sector",
       [](Project* p) {
         p->sectors = {"gbv", "sports"};
       },
       {"sectors[1]"}},
      {"unknown status", [](Project* p) { p->status = "paused"; }, {"status"}},
      {"no start", [](Project* p) { p->starts_on = ""; }, {"starts_on"}},
      {"not a date", [](Project* p) { p->starts_on = "2026-02-30"; }, {"starts_on"}},
      {"ends before it starts", [](Project* p) { p->ends_on = "2025-12-31"; }, {"ends_on"}},
      {"open-ended", [](Project* p) { p->ends_on = ""; }, {}},
      {"unknown place",
       [](Project* p) {
         p->places = {"IQG15Q03", "IQG77"};
       },
       {"places[1]"}},
      {"pounds", [](Project* p) { p->currency = "GBP"; }, {"currency"}},
      {"dinars", [](Project* p) { p->currency = "IQD"; }, {}},
  };
  for (const auto& c : cases) {
    Project p = Valid();
    c.edit(&p);
    std::vector<FieldError> bad;
    CheckProject(Places(), &p, &bad);
    EXPECT_EQ(Fields(bad), c.fields) << c.what;
  }
}

TEST(ExpenditureRulesTest, NeedsADayAndACategory) {
  Expenditure e{.spent_on = "2026-03-01", .category = "transport", .description = " fuel "};
  std::vector<FieldError> bad;
  CheckExpenditure(&e, &bad);
  EXPECT_TRUE(bad.empty());
  EXPECT_EQ(e.description, "fuel");
  Expenditure wrong{.spent_on = "March", .category = "lunch"};
  bad.clear();
  CheckExpenditure(&wrong, &bad);
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"spent_on", "category"}));
}

TEST(StaffRulesTest, KindNameSexPhoneAndLanguagesAreChecked) {
  StaffMember s{.kind = "volunteer",
                .name = "Nadia Yousif",
                .sex = "female",
                .phone = "+964 750 123 4567",
                .languages = {"ar", "syr", "ar", "en"}};
  std::vector<FieldError> bad;
  CheckStaffMember(&s, &bad);
  EXPECT_TRUE(bad.empty());
  EXPECT_EQ(s.languages, (std::vector<std::string>{"ar", "syr", "en"}));
  StaffMember wrong{
      .kind = "intern", .name = "", .sex = "f", .phone = "call me", .languages = {"Arabic"}};
  bad.clear();
  CheckStaffMember(&wrong, &bad);
  EXPECT_EQ(Fields(bad),
            (std::vector<std::string>{"kind", "name", "sex", "phone", "languages[0]"}));
}

}  // namespace
}  // namespace sanad::programmes
