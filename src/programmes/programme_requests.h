// What callers ask of the programme services: edits of offices, projects, activities and staff
// members (fields present replace the stored ones), expenditures, attendance, list queries and
// the pages they answer with (docs/programmes.md). Plain values filled by the edge; the
// services check them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "programmes/programme.h"
#include "stock/stock_requests.h"

namespace sanad::programmes {

struct OfficeEdit {
  int64_t version = 0;
  std::optional<std::string> name;
  std::optional<std::string> name_ar;
  std::optional<std::string> pcode;
  // Absent: unchanged; present and nullopt (JSON null): the place's label point.
  std::optional<std::optional<double>> lat;
  std::optional<std::optional<double>> lon;
  std::optional<bool> is_public;
  std::optional<bool> active;
};

struct ProjectEdit {
  int64_t version = 0;
  std::optional<std::string> code;
  std::optional<std::string> name;
  std::optional<std::string> name_ar;
  std::optional<std::string> description;
  std::optional<std::string> donor;
  std::optional<std::vector<std::string>> sectors;
  std::optional<std::string> status;
  std::optional<std::string> starts_on;
  std::optional<std::string> ends_on;  // "" = open-ended
  std::optional<int64_t> office_id;    // 0 = none
  std::optional<std::vector<std::string>> places;
  std::optional<std::string> currency;
  // The budget as the decimal text of a JSON number ("250000.5"), read exactly in the project's
  // currency by the service.
  std::optional<std::string> budget;
  std::optional<bool> is_public;
};

struct ExpenditureRequest {
  std::string spent_on;
  std::string amount;  // decimal text, in the project's currency
  std::string category;
  std::string description;
};

struct ActivityEdit {
  int64_t version = 0;
  std::optional<int64_t> project_id;  // 0 = none
  std::optional<int64_t> office_id;   // 0 = none
  std::optional<std::string> type;
  std::optional<std::string> sector;
  std::optional<std::string> title;
  std::optional<std::string> pcode;
  std::optional<std::string> site;
  std::optional<std::string> starts_on;
  std::optional<std::string> ends_on;  // "" = the day it starts
  std::optional<std::string> status;
  std::optional<std::string> facilitator;
  std::optional<int64_t> sessions;
  std::optional<int64_t> units;
  std::optional<std::string> unit_kind;
  std::optional<std::string> trainee_organisation;
  std::optional<std::string> note;
};

struct AttendeeInput {
  int64_t person_id = 0;
  std::optional<int64_t> sessions_attended;  // nullopt = every session of the activity
  std::optional<int64_t> pre_score;
  std::optional<int64_t> post_score;
};

// The whole attendance of an activity, replacing what was there.
struct AttendanceEdit {
  int64_t version = 0;
  std::vector<AttendeeInput> people;
  std::vector<CountRow> counts;
};

struct StaffEdit {
  int64_t version = 0;
  std::optional<int64_t> office_id;
  std::optional<std::string> kind;
  std::optional<std::string> name;
  std::optional<std::string> sex;
  std::optional<std::string> position;
  std::optional<std::string> phone;
  std::optional<std::vector<std::string>> languages;
  std::optional<std::string> skills;
  std::optional<bool> deployable;
  std::optional<bool> active;
};

struct OfficeQuery {
  std::string text;
  std::string active = "true";  // "true", "false" or "all"
  int page = 1;
  int limit = 25;
};

struct ProjectQuery {
  std::string text;  // words of the code, names or donor
  std::string status;
  std::string sector;
  int64_t office_id = 0;
  std::string pcode;  // projects working in the place: at it, under it or over it
  int page = 1;
  int limit = 25;
};

struct ActivityQuery {
  std::string text;  // words of the title, site, facilitator or trainees' organisation
  std::string type;
  std::string sector;
  int64_t project_id = 0;
  int64_t office_id = 0;
  std::string pcode;  // the place and under it
  std::string from;   // activities that end on or after this day
  std::string to;     // activities that start on or before this day
  std::string status;
  int page = 1;
  int limit = 25;
};

struct StaffQuery {
  std::string text;
  int64_t office_id = 0;
  std::string kind;
  std::string deployable;       // "", "true" or "false"
  std::string active = "true";  // "true", "false" or "all"
  int page = 1;
  int limit = 25;
};

// A page of a list: the same shape as stock's.
template <typename T>
using Page = stock::Page<T>;

}  // namespace sanad::programmes
