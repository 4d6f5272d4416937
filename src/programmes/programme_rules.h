// The rules of offices, projects, expenditures and staff members (docs/programmes.md): pure
// functions over plain values, thread-safe. Each trims the record's texts and appends a
// FieldError for every rule it breaks; the services apply them before anything is written and
// check what needs the database (names and codes taken, offices of the organisation) themselves.
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "programmes/programme.h"
#include "registry/place_directory.h"

namespace sanad::programmes {

inline constexpr size_t kMaxCodeLength = 32;
inline constexpr size_t kMaxNameLength = 200;
inline constexpr size_t kMaxTextLength = 2000;
inline constexpr size_t kMaxDescriptionLength = 4000;
inline constexpr size_t kMaxPhoneLength = 40;
inline constexpr size_t kMaxPlaces = 100;
// Iraq's bounding box: an office's point must lie inside it.
inline constexpr double kMinLat = 29.0;
inline constexpr double kMaxLat = 38.0;
inline constexpr double kMinLon = 38.0;
inline constexpr double kMaxLon = 49.0;

// "must be one of a, b, c": the reason for a value outside a closed list.
template <size_t N>
std::string ChoicesOf(const std::array<std::string_view, N>& choices) {
  std::string out = "must be one of ";
  for (size_t i = 0; i < N; ++i) {
    if (i) out += ", ";
    out += choices[i];
  }
  return out;
}

// Name required; pcode a known P-code; lat and lon both or neither, inside Iraq.
void CheckOffice(const registry::PlaceDirectory& places, Office* o, std::vector<FieldError>* bad);
// code (letters, digits, `-_./`, 1 to 32), name, sectors (at least one, known; repeats dropped),
// status, starts_on and currency (IQD, USD, EUR) required; ends_on on or after starts_on;
// places known P-codes (repeats dropped, sorted). The budget is checked where it is parsed.
void CheckProject(const registry::PlaceDirectory& places, Project* p, std::vector<FieldError>* bad);
// spent_on a date, category one of kExpenditureCategories, description length. The amount is
// checked where it is parsed.
void CheckExpenditure(Expenditure* e, std::vector<FieldError>* bad);
// kind, name required; sex female, male or ""; languages codes of 2 or 3 lower-case letters
// (repeats dropped); phone digits, spaces and + - ( ).
void CheckStaffMember(StaffMember* s, std::vector<FieldError>* bad);

// The normalised words of an office's name joined by one space: names that differ only in
// case, hamza or spacing are the same office.
std::string OfficeNameKey(std::string_view name);
// " word word … ": what `q` matches in lists (normalised words).
std::string OfficeSearchText(const Office& o);
std::string ProjectSearchText(const Project& p);
std::string StaffSearchText(const StaffMember& s);

// True for a real civil date "YYYY-MM-DD".
bool IsDate(std::string_view date);
// Checks a date field: required (or may be empty when `optional`), a real date.
void CheckDate(std::string_view field, const std::string& value, bool optional,
               std::vector<FieldError>* bad);
void CheckLength(std::string_view field, const std::string& value, size_t max,
                 std::vector<FieldError>* bad);

}  // namespace sanad::programmes
