// The content of a case (docs/cases.md, "A case"): each section's rules, each module's own
// details, the paths that name a bad field, text limits and trimming, and days_to_report
// computed from the incident and intake dates.
#include "cases/case_content.h"

#include <gtest/gtest.h>

#include <exception>
#include <string>
#include <vector>

namespace sanad::cases {
namespace {

using access::CaseModule;

constexpr CaseModule kAllModules[] = {CaseModule::kGbv,   CaseModule::kChildProtection,
                                      CaseModule::kMhpss, CaseModule::kLegal,
                                      CaseModule::kHlp,   CaseModule::kSpecialNeeds};

std::string Fields(const std::vector<FieldError>& bad) {
  std::string out;
  for (const auto& e : bad) out += "\n  " + e.field + ": " + e.reason;
  return out.empty() ? " (none)" : out;
}

bool Names(const std::vector<FieldError>& bad, const std::string& field) {
  for (const auto& e : bad) {
    if (e.field == field) return true;
  }
  return false;
}

// CheckContent over `content`, which it may normalise; an exception fails the test (a check of
// user input must report problems, never throw).
std::vector<FieldError> Check(CaseModule module, Json* content) {
  std::vector<FieldError> bad;
  try {
    CheckContent(module, content, &bad);
  } catch (const std::exception& e) {
    ADD_FAILURE() << "CheckContent threw on " << content->dump() << ": " << e.what();
  }
  return bad;
}
std::vector<FieldError> Check(CaseModule module, Json content) { return Check(module, &content); }

// The example of docs/cases.md, all sections valid for a GBV case.
Json GbvExample() {
  return Json::parse(R"({
    "intake": {"identified_by": "outreach", "narrative": "n", "date": "2026-11-02"},
    "consent": {"registration": true, "contact": true, "share_with": [2],
                "share_fields": ["name", "sex", "age", "phone", "location", "summary"],
                "given_on": "2026-11-02", "taken_by": "amal.gbv"},
    "assessment": {"summary": "s", "needs": ["medical", "psychosocial"]},
    "plan": {"goals": [{"goal": "g", "actions": [
      {"action": "a", "responsible": "r", "due": "2026-11-10", "done": false}]}]},
    "details": {"incident_date": "2026-10-30", "violence_type": "physical_assault",
                "perpetrator_relation": "husband"},
    "closure": {"reason": "r"}
  })");
}

TEST(CaseContentTest, TheDesignsExampleIsAccepted) {
  Json content = GbvExample();
  const auto bad = Check(CaseModule::kGbv, &content);
  EXPECT_TRUE(bad.empty()) << Fields(bad);
  EXPECT_EQ(content["details"]["days_to_report"], 3);
}

TEST(CaseContentTest, UnknownSectionsAreRefusedByName) {
  const auto bad = Check(CaseModule::kMhpss, {{"intake", {{"narrative", "n"}}}, {"diary", {}}});
  EXPECT_EQ(bad.size(), 1u) << Fields(bad);
  EXPECT_TRUE(Names(bad, "diary")) << Fields(bad);
  std::vector<FieldError> one;
  Json v = Json::object();
  CheckSection(CaseModule::kGbv, "notes", &v, &one);
  EXPECT_TRUE(Names(one, "notes")) << Fields(one);
  EXPECT_TRUE(Names(Check(CaseModule::kGbv, Json::array()), "content"));
}

struct BadField {
  CaseModule module;
  const char* content;  // JSON
  const char* field;    // the path the problem names
};

const BadField kBadFields[] = {
    // Unknown fields, named with their path.
    {CaseModule::kGbv, R"({"intake": {"mood": "calm"}})", "intake.mood"},
    {CaseModule::kGbv, R"({"consent": {"signature": "x"}})", "consent.signature"},
    {CaseModule::kLegal, R"({"assessment": {"score": 3}})", "assessment.score"},
    {CaseModule::kHlp, R"({"closure": {"date": "2026-11-02"}})", "closure.date"},
    {CaseModule::kGbv, R"({"plan": {"owner": "x"}})", "plan.owner"},
    {CaseModule::kGbv, R"({"plan": {"goals": [{"goal": "g", "priority": 1}]}})",
     "plan.goals[0].priority"},
    {CaseModule::kGbv,
     R"({"plan": {"goals": [{"goal": "g"}, {"goal": "h", "actions": [{"action": "a", "cost": 5}]}]}})",
     "plan.goals[1].actions[0].cost"},
    {CaseModule::kGbv, R"({"details": {"shoe_size": 41}})", "details.shoe_size"},
    // Sections that are not objects.
    {CaseModule::kGbv, R"({"intake": "she came alone"})", "intake"},
    {CaseModule::kGbv, R"({"plan": []})", "plan"},
    {CaseModule::kMhpss, R"({"details": []})", "details"},
    // Wrong types.
    {CaseModule::kGbv, R"({"intake": {"narrative": 5}})", "intake.narrative"},
    {CaseModule::kGbv, R"({"intake": {"date": 20261102}})", "intake.date"},
    {CaseModule::kGbv, R"({"intake": {"date": "02/11/2026"}})", "intake.date"},
    {CaseModule::kGbv, R"({"intake": {"date": "2026-11"}})", "intake.date"},
    {CaseModule::kGbv, R"({"intake": {"date": "2026-02-30"}})", "intake.date"},
    {CaseModule::kGbv, R"({"intake": {"identified_by": "police"}})", "intake.identified_by"},
    {CaseModule::kGbv, R"({"intake": {"identified_by": true}})", "intake.identified_by"},
    {CaseModule::kGbv, R"({"consent": {"registration": "yes"}})", "consent.registration"},
    {CaseModule::kGbv, R"({"consent": {"contact": 1}})", "consent.contact"},
    {CaseModule::kGbv, R"({"consent": {"share_with": 2}})", "consent.share_with"},
    {CaseModule::kGbv, R"({"consent": {"share_with": [2, "3"]}})", "consent.share_with[1]"},
    {CaseModule::kGbv, R"({"consent": {"share_with": [0]}})", "consent.share_with[0]"},
    {CaseModule::kGbv, R"({"consent": {"share_fields": ["name", "email"]}})",
     "consent.share_fields[1]"},
    {CaseModule::kGbv, R"({"consent": {"given_on": "yesterday"}})", "consent.given_on"},
    {CaseModule::kGbv, R"({"consent": {"taken_by": ["a"]}})", "consent.taken_by"},
    {CaseModule::kGbv, R"({"assessment": {"needs": "medical"}})", "assessment.needs"},
    {CaseModule::kGbv, R"({"assessment": {"needs": ["medical", "money"]}})", "assessment.needs[1]"},
    {CaseModule::kGbv, R"({"assessment": {"summary": {"text": "s"}}})", "assessment.summary"},
    {CaseModule::kGbv, R"({"closure": {"reason": true}})", "closure.reason"},
    {CaseModule::kGbv, R"({"details": {"days_to_report": -1}})", "details.days_to_report"},
    {CaseModule::kGbv, R"({"details": {"days_to_report": "3"}})", "details.days_to_report"},
    {CaseModule::kGbv, R"({"details": {"days_to_report": 3.5}})", "details.days_to_report"},
    {CaseModule::kGbv, R"({"details": {"incident_date": "30.10.2026"}})", "details.incident_date"},
    // Plan goals and actions, by index.
    {CaseModule::kGbv, R"({"plan": {"goals": {"goal": "g"}}})", "plan.goals"},
    {CaseModule::kGbv, R"({"plan": {"goals": ["g"]}})", "plan.goals[0]"},
    {CaseModule::kGbv, R"({"plan": {"goals": [{"goal": "g"}, {"actions": []}]}})",
     "plan.goals[1].goal"},
    {CaseModule::kGbv, R"({"plan": {"goals": [{"goal": 7}]}})", "plan.goals[0].goal"},
    {CaseModule::kGbv, R"({"plan": {"goals": [{"goal": "g", "actions": {"action": "a"}}]}})",
     "plan.goals[0].actions"},
    {CaseModule::kGbv,
     R"({"plan": {"goals": [{"goal": "g", "actions": [{"action": "a"}, {"action": "b", "due": "2026-13-01"}]}]}})",
     "plan.goals[0].actions[1].due"},
    {CaseModule::kGbv,
     R"({"plan": {"goals": [{"goal": "g", "actions": [{"action": "a"}, {"due": "2026-11-10"}]}]}})",
     "plan.goals[0].actions[1].action"},
    {CaseModule::kGbv,
     R"({"plan": {"goals": [{"goal": "g", "actions": [{"action": "a", "done": "no"}]}]}})",
     "plan.goals[0].actions[0].done"},
    {CaseModule::kGbv, R"({"plan": {"goals": [{"goal": "g", "actions": ["call"]}]}})",
     "plan.goals[0].actions[0]"},
};

TEST(CaseContentTest, BadFieldsAreNamedByTheirPath) {
  for (const BadField& b : kBadFields) {
    SCOPED_TRACE(b.content);
    const auto bad = Check(b.module, Json::parse(b.content));
    EXPECT_TRUE(Names(bad, b.field)) << "expected " << b.field << " among" << Fields(bad);
  }
}

// Each module's details: the values of its lists are accepted and nothing else is.
struct EnumField {
  std::vector<CaseModule> modules;
  const char* field;
  std::vector<const char*> values;
  std::vector<const char*> refused;
};

const EnumField kEnums[] = {
    {{CaseModule::kGbv},
     "violence_type",
     {"rape", "sexual_assault", "physical_assault", "forced_marriage", "denial_of_resources",
      "psychological_abuse"},
     {"theft", "Rape", "", "physical assault", "other"}},
    {{CaseModule::kChildProtection},
     "separation",
     {"none", "separated", "unaccompanied"},
     {"orphan", "Separated", ""}},
    {{CaseModule::kLegal, CaseModule::kHlp},
     "court_stage",
     {"none", "filed", "hearing", "judgment", "appeal", "enforced"},
     {"trial", "judgement", ""}},
};

TEST(CaseContentTest, EachModulesDetailsTakeTheValuesOfTheirLists) {
  for (const EnumField& e : kEnums) {
    for (CaseModule m : e.modules) {
      SCOPED_TRACE(std::string(access::CaseModuleName(m)) + "." + e.field);
      const std::string path = std::string("details.") + e.field;
      for (const char* v : e.values) {
        const auto bad = Check(m, {{"details", {{e.field, v}}}});
        EXPECT_TRUE(bad.empty()) << v << Fields(bad);
      }
      for (const char* v : e.refused) {
        EXPECT_TRUE(Names(Check(m, {{"details", {{e.field, v}}}}), path)) << "\"" << v << "\"";
      }
      EXPECT_TRUE(Names(Check(m, {{"details", {{e.field, 1}}}}), path));
    }
  }
}

TEST(CaseContentTest, LegalAndHlpListDocumentTypesByIndex) {
  for (CaseModule m : {CaseModule::kLegal, CaseModule::kHlp}) {
    SCOPED_TRACE(access::CaseModuleName(m));
    auto bad = Check(m, Json::parse(R"({"details": {
        "documents_lost": ["national_id", "title_deed", "pds_card", "birth_certificate"],
        "documents_recovered": ["passport", "rental_contract"],
        "property": "A house in Bartilla", "court_stage": "filed"}})"));
    EXPECT_TRUE(bad.empty()) << Fields(bad);
    bad = Check(m, Json::parse(R"({"details": {
        "documents_lost": ["national_id", "driving_licence"],
        "documents_recovered": [3]}})"));
    EXPECT_TRUE(Names(bad, "details.documents_lost[1]")) << Fields(bad);
    EXPECT_TRUE(Names(bad, "details.documents_recovered[0]")) << Fields(bad);
    EXPECT_FALSE(Names(bad, "details.documents_lost[0]")) << Fields(bad);
  }
}

TEST(CaseContentTest, IntakeAndAssessmentTakeTheValuesOfTheirLists) {
  for (const char* v : {"self", "outreach", "referral", "hotline", "other"}) {
    EXPECT_TRUE(Check(CaseModule::kMhpss, {{"intake", {{"identified_by", v}}}}).empty()) << v;
  }
  const auto bad =
      Check(CaseModule::kSpecialNeeds,
            {{"assessment",
              {{"needs",
                {"medical", "psychosocial", "safety", "legal", "shelter", "cash", "education",
                 "documentation", "livelihoods", "family_tracing", "other"}}}}});
  EXPECT_TRUE(bad.empty()) << Fields(bad);
}

TEST(CaseContentTest, EachModuleRefusesTheFieldsOfTheOthers) {
  struct Foreign {
    CaseModule module;
    const char* field;
    Json value;
  };
  const Foreign foreign[] = {
      {CaseModule::kChildProtection, "incident_date", "2026-10-30"},
      {CaseModule::kChildProtection, "violence_type", "rape"},
      {CaseModule::kChildProtection, "days_to_report", 3},
      {CaseModule::kChildProtection, "perpetrator_relation", "uncle"},
      {CaseModule::kGbv, "separation", "none"},
      {CaseModule::kGbv, "court_stage", "filed"},
      {CaseModule::kLegal, "violence_type", "rape"},
      {CaseModule::kHlp, "caregiver_name", "x"},
      {CaseModule::kMhpss, "incident_date", "2026-10-30"},
      {CaseModule::kMhpss, "property", "x"},
      {CaseModule::kSpecialNeeds, "separation", "none"},
      {CaseModule::kSpecialNeeds, "documents_lost", Json::array()},
  };
  for (const Foreign& f : foreign) {
    SCOPED_TRACE(std::string(access::CaseModuleName(f.module)) + " " + f.field);
    const auto bad = Check(f.module, {{"details", {{f.field, f.value}}}});
    EXPECT_TRUE(Names(bad, std::string("details.") + f.field)) << Fields(bad);
  }
  // A CP case's own details pass.
  const auto bad = Check(CaseModule::kChildProtection, {{"details",
                                                         {{"caregiver_name", "Khalid"},
                                                          {"caregiver_relation", "uncle"},
                                                          {"separation", "separated"}}}});
  EXPECT_TRUE(bad.empty()) << Fields(bad);
}

TEST(CaseContentTest, ModulesWithoutDetailsTakeAnEmptyObject) {
  for (CaseModule m : kAllModules) {
    SCOPED_TRACE(access::CaseModuleName(m));
    const auto bad = Check(m, {{"details", Json::object()}});
    EXPECT_TRUE(bad.empty()) << Fields(bad);
  }
}

TEST(CaseContentTest, NullClearsAField) {
  Json content = Json::parse(R"({"intake": {"narrative": null, "identified_by": null},
      "consent": {"share_with": null}, "details": {"violence_type": null}})");
  const auto bad = Check(CaseModule::kGbv, &content);
  EXPECT_TRUE(bad.empty()) << Fields(bad);
}

TEST(CaseContentTest, TextIsTrimmed) {
  Json content = {
      {"intake", {{"narrative", "  She came alone.\n\t"}}},
      {"closure", {{"reason", "\r\n"}}},
      {"plan",
       {{"goals", {{{"goal", " Safe shelter "}, {"actions", {{{"action", "\tCall\n"}}}}}}}}}};
  const auto bad = Check(CaseModule::kGbv, &content);
  EXPECT_TRUE(bad.empty()) << Fields(bad);
  EXPECT_EQ(content["intake"]["narrative"], "She came alone.");
  EXPECT_EQ(content["closure"]["reason"], "");
  EXPECT_EQ(content["plan"]["goals"][0]["goal"], "Safe shelter");
  EXPECT_EQ(content["plan"]["goals"][0]["actions"][0]["action"], "Call");
  // Blank after trimming is no goal or action at all.
  const auto blank =
      Check(CaseModule::kGbv,
            {{"plan", {{"goals", {{{"goal", "   "}, {"actions", {{{"action", " \n "}}}}}}}}}});
  EXPECT_TRUE(Names(blank, "plan.goals[0].goal")) << Fields(blank);
  EXPECT_TRUE(Names(blank, "plan.goals[0].actions[0].action")) << Fields(blank);
}

TEST(CaseContentTest, TextIsAtMost20000Bytes) {
  constexpr size_t kLimit = 20'000;
  const std::string at_limit(kLimit, 'x');
  EXPECT_TRUE(Check(CaseModule::kGbv, {{"intake", {{"narrative", at_limit}}}}).empty());
  EXPECT_TRUE(Names(Check(CaseModule::kGbv, {{"intake", {{"narrative", at_limit + "x"}}}}),
                    "intake.narrative"));
  // Counted after trimming, and in bytes: an Arabic letter is two.
  EXPECT_TRUE(
      Check(CaseModule::kGbv, {{"intake", {{"narrative", "  " + at_limit + "\n"}}}}).empty());
  std::string arabic;
  for (size_t i = 0; i < kLimit / 2; ++i) arabic += "ب";
  EXPECT_TRUE(Check(CaseModule::kGbv, {{"assessment", {{"summary", arabic}}}}).empty());
  EXPECT_TRUE(Names(Check(CaseModule::kGbv, {{"assessment", {{"summary", arabic + "ب"}}}}),
                    "assessment.summary"));
  EXPECT_TRUE(
      Names(Check(CaseModule::kGbv,
                  {{"plan",
                    {{"goals",
                      {{{"goal", "g"},
                        {"actions", {{{"action", "a"}, {"responsible", at_limit + "x"}}}}}}}}}}),
            "plan.goals[0].actions[0].responsible"));
}

TEST(CaseContentTest, ListsHoldAtMost100Items) {
  Json needs = Json::array();
  for (int i = 0; i < 100; ++i) needs.push_back("other");
  EXPECT_TRUE(Check(CaseModule::kGbv, {{"assessment", {{"needs", needs}}}}).empty());
  needs.push_back("other");
  EXPECT_TRUE(
      Names(Check(CaseModule::kGbv, {{"assessment", {{"needs", needs}}}}), "assessment.needs"));
  Json goals = Json::array();
  for (int i = 0; i < 101; ++i) goals.push_back({{"goal", "g"}});
  EXPECT_TRUE(Names(Check(CaseModule::kGbv, {{"plan", {{"goals", goals}}}}), "plan.goals"));
}

struct DaysToReport {
  const char* incident;
  const char* intake;
  int64_t days;
};

TEST(CaseContentTest, DaysToReportIsCountedFromTheIncidentToTheIntake) {
  const DaysToReport table[] = {
      {"2026-10-30", "2026-11-02", 3}, {"2026-11-02", "2026-11-02", 0},
      {"2025-12-31", "2026-01-01", 1}, {"2024-02-28", "2024-03-01", 2},  // a leap year
      {"2023-02-28", "2023-03-01", 1}, {"2025-11-02", "2026-11-02", 365},
  };
  for (const DaysToReport& d : table) {
    SCOPED_TRACE(std::string(d.incident) + " .. " + d.intake);
    // What the client sends as days_to_report is replaced by the count.
    Json content = {{"intake", {{"date", d.intake}}},
                    {"details", {{"incident_date", d.incident}, {"days_to_report", 99}}}};
    const auto bad = Check(CaseModule::kGbv, &content);
    EXPECT_TRUE(bad.empty()) << Fields(bad);
    EXPECT_EQ(content["details"]["days_to_report"], d.days);
  }
}

TEST(CaseContentTest, AnIncidentAfterTheIntakeIsRefused) {
  Json content = {{"intake", {{"date", "2026-11-02"}}},
                  {"details", {{"incident_date", "2026-11-03"}}}};
  const auto bad = Check(CaseModule::kGbv, &content);
  EXPECT_TRUE(Names(bad, "details.incident_date")) << Fields(bad);
  EXPECT_FALSE(content["details"].contains("days_to_report"));
}

TEST(CaseContentTest, DaysToReportNeedsBothDates) {
  Json only_incident = {{"details", {{"incident_date", "2026-10-30"}}}};
  EXPECT_TRUE(Check(CaseModule::kGbv, &only_incident).empty());
  EXPECT_FALSE(only_incident["details"].contains("days_to_report"));
  Json only_intake = {{"intake", {{"date", "2026-11-02"}}}, {"details", Json::object()}};
  EXPECT_TRUE(Check(CaseModule::kGbv, &only_intake).empty());
  EXPECT_FALSE(only_intake["details"].contains("days_to_report"));
  Json empty_incident = {{"intake", {{"date", "2026-11-02"}}},
                         {"details", {{"incident_date", ""}, {"days_to_report", 4}}}};
  EXPECT_TRUE(Check(CaseModule::kGbv, &empty_incident).empty());
  EXPECT_EQ(empty_incident["details"]["days_to_report"], 4);  // known by the caseworker
  // Other modules have no such field to fill.
  Json cp = {{"intake", {{"date", "2026-11-02"}}}, {"details", {{"separation", "none"}}}};
  EXPECT_TRUE(Check(CaseModule::kChildProtection, &cp).empty());
  EXPECT_FALSE(cp["details"].contains("days_to_report"));
}

// A cleared (null) date is an unknown date, as NullClearsAField: no count, no error, no throw.
TEST(CaseContentTest, AClearedIncidentOrIntakeDateComputesNothing) {
  Json no_incident = {{"intake", {{"date", "2026-11-02"}}},
                      {"details", {{"incident_date", nullptr}}}};
  auto bad = Check(CaseModule::kGbv, &no_incident);
  EXPECT_TRUE(bad.empty()) << Fields(bad);
  EXPECT_FALSE(no_incident["details"].contains("days_to_report"));
  Json no_intake = {{"intake", {{"date", nullptr}}},
                    {"details", {{"incident_date", "2026-10-30"}}}};
  bad = Check(CaseModule::kGbv, &no_intake);
  EXPECT_TRUE(bad.empty()) << Fields(bad);
}

// A null goal or action text is a missing one: named as required, never an exception.
TEST(CaseContentTest, ANullGoalOrActionIsRequiredNotAnException) {
  const auto bad = Check(CaseModule::kGbv, Json::parse(R"({"plan": {"goals": [
      {"goal": null},
      {"goal": "g", "actions": [{"action": null, "due": "2026-11-10"}]}]}})"));
  EXPECT_TRUE(Names(bad, "plan.goals[0].goal")) << Fields(bad);
  EXPECT_TRUE(Names(bad, "plan.goals[1].actions[0].action")) << Fields(bad);
}

TEST(CaseContentTest, FullDatesOnly) {
  EXPECT_TRUE(IsFullDate("2026-11-02"));
  EXPECT_TRUE(IsFullDate("2024-02-29"));
  EXPECT_FALSE(IsFullDate("2026-02-29"));
  EXPECT_FALSE(IsFullDate("2026-11"));
  EXPECT_FALSE(IsFullDate("2026"));
  EXPECT_FALSE(IsFullDate(""));
  EXPECT_FALSE(IsFullDate("2026-11-02T10:00"));
}

}  // namespace
}  // namespace sanad::cases
