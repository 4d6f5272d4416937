// The rules of activities and their attendance (docs/programmes.md, "Activities and
// attendance"): pure functions over plain values, thread-safe. The service applies them before
// anything is written and checks what needs the database (the project, the office, the people)
// itself.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "programmes/programme.h"
#include "programmes/programme_requests.h"
#include "registry/place_directory.h"

namespace sanad::programmes {

inline constexpr int64_t kMaxSessions = 1000;
inline constexpr int64_t kMaxUnits = 100'000;
inline constexpr int64_t kMaxScore = 100;
inline constexpr size_t kMaxAttendees = 5000;
inline constexpr int64_t kMaxCount = 100'000;

// Trims the activity's texts (ends_on "" becomes starts_on) and appends a FieldError for every
// rule it breaks: type, sector, status one of theirs; title, pcode (known), starts_on required;
// ends_on on or after starts_on; sessions 1 to kMaxSessions; units and unit_kind only for
// rehabilitation, trainee_organisation only for training. `project_sectors`: the sectors of the
// activity's project (the sector must be one of them), nullopt without a project.
void CheckActivity(const registry::PlaceDirectory& places, Activity* a,
                   const std::optional<std::vector<std::string>>& project_sectors,
                   std::vector<FieldError>* bad);

// Checks an attendance for the activity `a` and turns it into what is stored: status done;
// people listed once each with sessions_attended 1..sessions (default: every session) and
// scores 0..100 only for a training; count rows with known sex, age group and population
// group, a count of 1 to kMaxCount, each cell once. Whether the people are the
// organisation's is the service's check.
Attendance CheckAttendance(const Activity& a, const AttendanceEdit& edit,
                           std::vector<FieldError>* bad);

// Refusals of a change to an activity that would leave its stored attendance wrong: fewer
// `sessions` than an attendee attended, or a `type` other than training while attendees keep
// their scores. The attendance is then to be changed first.
void CheckKeepsAttendance(const Activity& after, const Attendance& stored,
                          std::vector<FieldError>* bad);

// True when a change from `before` to `after` changes the service records a done activity
// wrote (its project, office, sector, place, date, type or status).
bool ChangesServiceRecords(const Activity& before, const Activity& after);

// " word word … ": what `q` matches in the activity list (title, site, facilitator, trainees'
// organisation; normalised).
std::string ActivitySearchText(const Activity& a);

}  // namespace sanad::programmes
