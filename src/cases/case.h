// A protection case (docs/cases.md): its plain facts (module, status, risk, owner, dates of
// each step) and its content — intake, consent, assessment, plan, module details, closure —
// kept as one JSON document that is sealed at rest. Plain values.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "access/case_module.h"

namespace sanad::cases {

using Json = nlohmann::json;

// The text at `key` of a JSON object, or "" when `object` is not an object or the value is
// missing, null or not text. Content sections may hold null for a cleared field.
inline std::string TextAt(const Json& object, std::string_view key) {
  if (!object.is_object()) return "";
  const auto it = object.find(key);
  return it != object.end() && it->is_string() ? it->get<std::string>() : "";
}
// The object at `key`, or an empty object.
inline Json ObjectAt(const Json& object, std::string_view key) {
  if (!object.is_object()) return Json::object();
  const auto it = object.find(key);
  return it != object.end() && it->is_object() ? *it : Json::object();
}

// The workflow's steps in order (docs/cases.md, "Workflow").
enum class CaseStatus { kOpen, kAssessment, kCasePlan, kFollowUp, kClosureRequested, kClosed };
inline constexpr size_t kStatusCount = 6;
inline constexpr std::array<std::string_view, kStatusCount> kStatusNames = {
    "open", "assessment", "case_plan", "follow_up", "closure_requested", "closed"};

constexpr std::string_view StatusName(CaseStatus s) {
  return kStatusNames.at(static_cast<size_t>(s));
}
constexpr std::optional<CaseStatus> ParseStatus(std::string_view name) {
  for (size_t i = 0; i < kStatusCount; ++i) {
    if (kStatusNames.at(i) == name) return static_cast<CaseStatus>(i);
  }
  return std::nullopt;
}

// Overdue steps (docs/cases.md): a case still open this many days after opening (fewer when
// high risk), or still in assessment this many days on. store/case_store.cc says the same in SQL.
inline constexpr int64_t kOpenDays = 3;
inline constexpr int64_t kOpenHighRiskDays = 1;
inline constexpr int64_t kAssessmentDays = 14;

// Stored as 1..3 so lists sort high risk first.
enum class Risk { kLow = 1, kMedium = 2, kHigh = 3 };
std::string_view RiskName(Risk r);
std::optional<Risk> ParseRisk(std::string_view name);

struct CaseUser {
  int64_t id = 0;
  std::string username;
};

// A registry person as a case shows them.
struct CasePerson {
  int64_t id = 0;
  int64_t household_id = 0;
  std::string name;  // given, father, grandfather and family name, as registered
  std::string name_latin;
  std::string sex;
  std::string birth_date;
  std::string phone;
  std::string pcode;  // the household's location
};

struct Case {
  int64_t id = 0;
  int64_t organisation_id = 0;
  access::CaseModule module = access::CaseModule::kGbv;
  CaseStatus status = CaseStatus::kOpen;
  Risk risk = Risk::kMedium;
  int64_t version = 0;
  CaseUser owner;
  std::vector<CaseUser> assigned;
  std::vector<int64_t> person_ids;
  std::vector<CasePerson> people;  // filled for reading; person_ids is what is stored
  int64_t project_id = 0;          // the programme project its services count for; 0 = none
  std::string project_code;        // the project's, filled for reading
  std::string project_name;
  // When each step was (last) reached, by CaseStatus; nullopt when not yet.
  std::array<std::optional<int64_t>, kStatusCount> step_at{};
  int64_t status_at = 0;
  std::string next_follow_up;  // YYYY-MM-DD or ""
  bool overdue = false;        // when read (cases/case_workflow.h, IsOverdue)
  // Sections: "intake", "consent", "assessment", "plan", "details", "closure".
  Json content = Json::object();
  int64_t created_at = 0;
  int64_t updated_at = 0;

  // "GBV-000017"
  std::string Reference() const;
};

// One line of a case's timeline.
struct CaseEvent {
  int64_t id = 0;
  int64_t case_id = 0;
  int64_t at = 0;
  int64_t user_id = 0;
  std::string username;
  std::string kind;     // created, status, edit, follow_up, service, transfer, assignment, referral
  std::string summary;  // plain, never sensitive
  Json body;            // sealed at rest (notes); null when none
};

// A row of a case list: plain columns only, nothing decrypted.
struct CaseSummary {
  int64_t id = 0;
  access::CaseModule module = access::CaseModule::kGbv;
  CaseStatus status = CaseStatus::kOpen;
  Risk risk = Risk::kMedium;
  CaseUser owner;
  int64_t opened_at = 0;
  int64_t status_at = 0;
  std::string next_follow_up;
  bool overdue = false;
  std::string Reference() const;
};

}  // namespace sanad::cases
