// Programmes (docs/programmes.md): an organisation's offices (missions), projects with their
// places, budget and expenditures, activities with their attendance, and the staff and
// volunteer roster. Plain values and the closed vocabularies they use; the rules live in
// programme_rules.h and activity_rules.h, the services in *_service.h. Money is an integer of
// the currency's minor unit (assistance/money.h); dates are civil "YYYY-MM-DD".
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assistance/distribution.h"

namespace sanad::programmes {

// Global clusters and areas of responsibility: one vocabulary for rounds, projects and
// activities, so a round's records and a project's indicators speak of the same sectors.
inline constexpr const auto& kSectors = assistance::kSectors;
inline constexpr std::array<std::string_view, 8> kActivityTypes = {
    "awareness_session",     "pfa_group",     "training",
    "door_to_door",          "class",         "recreational_event",
    "social_cohesion_event", "rehabilitation"};
inline constexpr std::array<std::string_view, 5> kUnitKinds = {"house", "school", "clinic",
                                                               "water_point", "other"};
inline constexpr std::array<std::string_view, 3> kProjectStatuses = {"planned", "ongoing",
                                                                     "completed"};
inline constexpr std::array<std::string_view, 3> kActivityStatuses = {"planned", "done",
                                                                      "cancelled"};
inline constexpr std::array<std::string_view, 7> kExpenditureCategories = {
    "staff", "supplies", "cash", "transport", "rehabilitation", "training", "other"};
inline constexpr std::array<std::string_view, 2> kStaffKinds = {"staff", "volunteer"};
// Counted (unregistered) participants: people who were seen, so sex and age group are known;
// their displacement status may not be.
inline constexpr std::array<std::string_view, 2> kCountSexes = {"female", "male"};
inline constexpr std::array<std::string_view, 4> kCountAgeGroups = {"0-5", "6-17", "18-59", "60+"};
inline constexpr std::array<std::string_view, 6> kCountPopulationGroups = {
    "idp", "returnee", "refugee", "host", "other", "unknown"};

// True when `value` is one of `choices`.
template <size_t N>
constexpr bool OneOf(const std::array<std::string_view, N>& choices, std::string_view value) {
  for (std::string_view c : choices) {
    if (c == value) return true;
  }
  return false;
}

// A mission of an organisation: where it works from, a point on the public map.
struct Office {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t version = 0;
  std::string name;
  std::string name_ar;
  std::string pcode;
  std::optional<double> lat;  // nullopt (with lon) = the place's label point
  std::optional<double> lon;
  bool is_public = true;  // shown on the public page
  bool active = true;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  // Filled by reads: active roster members of the office.
  int64_t staff = 0;
  int64_t volunteers = 0;
};

struct Project {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t version = 0;
  std::string code;
  std::string name;
  std::string name_ar;
  std::string description;
  std::string donor;
  std::vector<std::string> sectors;
  std::string status;
  std::string starts_on;
  std::string ends_on;              // "" = open-ended
  int64_t office_id = 0;            // 0 = none
  std::vector<std::string> places;  // P-codes, sorted
  std::string currency;
  int64_t budget = 0;  // minor units
  bool is_public = true;
  int64_t created_at = 0;
  int64_t created_by = 0;
  int64_t updated_at = 0;
  int64_t updated_by = 0;
  // Filled by reads.
  std::string office_name;
  int64_t spent = 0;              // non-voided expenditures, minor units
  bool has_expenditures = false;  // voided ones included: they were recorded in the currency
};

// A line of what a project spent, in the project's currency. Voided lines stay.
struct Expenditure {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t project_id = 0;
  std::string spent_on;
  int64_t amount = 0;  // minor units, > 0
  std::string category;
  std::string description;
  int64_t created_at = 0;
  int64_t created_by = 0;
  int64_t voided_at = 0;  // 0 = not voided
  std::string void_reason;
  // Filled by reads.
  std::string created_by_name;
  std::string currency;  // the project's
};

// What the attendance of an activity adds up to (the `attendance` of the activity's JSON).
struct AttendanceSummary {
  int64_t registered = 0;
  int64_t counted = 0;
  int64_t improved = 0;  // trainings: registered people whose post score is above the pre score
  std::optional<double> mean_pre;  // over attendees with a score; nullopt when none has one
  std::optional<double> mean_post;
  int64_t total() const { return registered + counted; }
};

struct Activity {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t version = 0;
  int64_t project_id = 0;  // 0 = none
  int64_t office_id = 0;   // 0 = none
  std::string type;
  std::string sector;
  std::string title;
  std::string pcode;
  std::string site;
  std::string starts_on;
  std::string ends_on;
  std::string status;
  std::string facilitator;
  int64_t sessions = 1;
  int64_t units = 0;                 // rehabilitation only
  std::string unit_kind;             // rehabilitation only
  std::string trainee_organisation;  // training only
  std::string note;
  int64_t created_at = 0;
  int64_t created_by = 0;
  int64_t updated_at = 0;
  int64_t updated_by = 0;
  // Filled by reads.
  std::string project_code;
  std::string project_name;
  std::string office_name;
  AttendanceSummary attendance;
};

// A registered person who took part.
struct Attendee {
  int64_t person_id = 0;
  int64_t sessions_attended = 1;
  std::optional<int64_t> pre_score;  // 0..100, trainings only
  std::optional<int64_t> post_score;
  // Filled by reads from the registry.
  int64_t household_id = 0;
  std::string given_name;
  std::string father_name;
  std::string family_name;
  std::string name_latin;
  std::string sex;
  std::string birth_date;
};

// People who took part and were counted, not registered.
struct CountRow {
  std::string sex;
  std::string age_group;
  std::string population_group;
  int64_t count = 0;
};

struct Attendance {
  std::vector<Attendee> people;  // by person id
  std::vector<CountRow> counts;  // by sex, age group, population group
};

// An activity with its whole attendance, as read in one transaction.
struct AttendanceSheet {
  Activity activity;
  Attendance attendance;
};

// A member of staff or a volunteer of an office.
struct StaffMember {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t version = 0;
  int64_t office_id = 0;
  std::string kind;
  std::string name;
  std::string sex;  // female, male or "" (not said)
  std::string position;
  std::string phone;
  std::vector<std::string> languages;  // "ar", "ckb", "en", …
  std::string skills;
  bool deployable = false;  // on the rapid deployment roster
  bool active = true;
  int64_t created_at = 0;
  int64_t updated_at = 0;
  std::string office_name;  // filled by reads
};

}  // namespace sanad::programmes
