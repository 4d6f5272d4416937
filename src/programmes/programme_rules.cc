#include "programmes/programme_rules.h"

#include <algorithm>

#include "assistance/money.h"
#include "base/utf8.h"
#include "matching/normalise.h"
#include "stock/catalogue.h"

namespace sanad::programmes {
namespace {

using stock::Trimmed;

bool IsCodeChar(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         ch == '-' || ch == '_' || ch == '.' || ch == '/';
}

bool IsPhoneChar(char ch) {
  return (ch >= '0' && ch <= '9') || ch == ' ' || ch == '+' || ch == '-' || ch == '(' || ch == ')';
}

bool IsLanguageCode(std::string_view code) {
  if (code.size() < 2 || code.size() > 3) return false;
  return std::all_of(code.begin(), code.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; });
}

void TrimAll(std::initializer_list<std::string*> texts) {
  for (std::string* t : texts) *t = Trimmed(*t);
}

// Drops repeated values, keeping the first of each.
void DropRepeats(std::vector<std::string>* values) {
  std::vector<std::string> out;
  for (auto& v : *values) {
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
  }
  *values = std::move(out);
}

std::string Words(std::initializer_list<const std::string*> parts) {
  std::string out = " ";
  for (const std::string* part : parts) {
    for (const auto& w : matching::NormalisedWords(*part)) out += w + " ";
  }
  return out;
}

}  // namespace

bool IsDate(std::string_view date) { return stock::DayNumber(date).has_value(); }

void CheckDate(std::string_view field, const std::string& value, bool optional,
               std::vector<FieldError>* bad) {
  if (value.empty()) {
    if (!optional) bad->push_back({std::string(field), "is required"});
  } else if (!IsDate(value)) {
    bad->push_back({std::string(field), "must be a date YYYY-MM-DD"});
  }
}

void CheckLength(std::string_view field, const std::string& value, size_t max,
                 std::vector<FieldError>* bad) {
  if (Utf8Chars(value) > max) {
    bad->push_back({std::string(field), "must be at most " + std::to_string(max) + " characters"});
  }
}

void CheckOffice(const registry::PlaceDirectory& places, Office* o, std::vector<FieldError>* bad) {
  TrimAll({&o->name, &o->name_ar, &o->pcode});
  if (OfficeNameKey(o->name).empty()) bad->push_back({"name", "is required"});
  CheckLength("name", o->name, kMaxNameLength, bad);
  CheckLength("name_ar", o->name_ar, kMaxNameLength, bad);
  if (o->pcode.empty()) {
    bad->push_back({"pcode", "is required"});
  } else if (!places.Exists(o->pcode)) {
    bad->push_back({"pcode", "is not a known P-code"});
  }
  if (o->lat.has_value() != o->lon.has_value()) {
    bad->push_back(
        {o->lat ? "lon" : "lat", "is required with " + std::string(o->lat ? "lat" : "lon")});
  }
  if (o->lat && (!(*o->lat >= kMinLat) || !(*o->lat <= kMaxLat))) {
    bad->push_back({"lat", "must be between 29 and 38 (Iraq)"});
  }
  if (o->lon && (!(*o->lon >= kMinLon) || !(*o->lon <= kMaxLon))) {
    bad->push_back({"lon", "must be between 38 and 49 (Iraq)"});
  }
}

void CheckProject(const registry::PlaceDirectory& places, Project* p,
                  std::vector<FieldError>* bad) {
  TrimAll({&p->code, &p->name, &p->name_ar, &p->description, &p->donor, &p->status, &p->starts_on,
           &p->ends_on, &p->currency});
  if (p->code.empty()) {
    bad->push_back({"code", "is required"});
  } else if (p->code.size() > kMaxCodeLength) {
    bad->push_back({"code", "must be at most 32 characters"});
  } else if (!std::all_of(p->code.begin(), p->code.end(), IsCodeChar)) {
    bad->push_back({"code", "may hold only letters, digits, '-', '_', '.' and '/'"});
  }
  if (p->name.empty()) bad->push_back({"name", "is required"});
  CheckLength("name", p->name, kMaxNameLength, bad);
  CheckLength("name_ar", p->name_ar, kMaxNameLength, bad);
  CheckLength("description", p->description, kMaxDescriptionLength, bad);
  CheckLength("donor", p->donor, kMaxNameLength, bad);
  if (p->sectors.empty()) bad->push_back({"sectors", "must name at least one sector"});
  for (size_t i = 0; i < p->sectors.size(); ++i) {
    if (!OneOf(kSectors, p->sectors[i])) {
      bad->push_back({"sectors[" + std::to_string(i) + "]", ChoicesOf(kSectors)});
    }
  }
  DropRepeats(&p->sectors);
  if (!OneOf(kProjectStatuses, p->status)) {
    bad->push_back({"status", ChoicesOf(kProjectStatuses)});
  }
  CheckDate("starts_on", p->starts_on, false, bad);
  CheckDate("ends_on", p->ends_on, true, bad);
  if (IsDate(p->starts_on) && IsDate(p->ends_on) && p->ends_on < p->starts_on) {
    bad->push_back({"ends_on", "must not be before starts_on"});
  }
  if (p->places.size() > kMaxPlaces) {
    bad->push_back({"places", "must name at most " + std::to_string(kMaxPlaces) + " places"});
  }
  for (size_t i = 0; i < p->places.size(); ++i) {
    p->places[i] = Trimmed(p->places[i]);
    if (!places.Exists(p->places[i])) {
      bad->push_back({"places[" + std::to_string(i) + "]", "is not a known P-code"});
    }
  }
  DropRepeats(&p->places);
  std::sort(p->places.begin(), p->places.end());
  if (!assistance::IsBudgetCurrency(p->currency)) {
    bad->push_back({"currency", assistance::BudgetCurrencyChoices()});
  }
  if (p->budget < 0) bad->push_back({"budget", "must not be negative"});
}

void CheckExpenditure(Expenditure* e, std::vector<FieldError>* bad) {
  TrimAll({&e->spent_on, &e->category, &e->description});
  CheckDate("spent_on", e->spent_on, false, bad);
  if (!OneOf(kExpenditureCategories, e->category)) {
    bad->push_back({"category", ChoicesOf(kExpenditureCategories)});
  }
  CheckLength("description", e->description, kMaxTextLength, bad);
}

void CheckStaffMember(StaffMember* s, std::vector<FieldError>* bad) {
  TrimAll({&s->kind, &s->name, &s->sex, &s->position, &s->phone, &s->skills});
  if (!OneOf(kStaffKinds, s->kind)) bad->push_back({"kind", ChoicesOf(kStaffKinds)});
  if (s->name.empty()) bad->push_back({"name", "is required"});
  CheckLength("name", s->name, kMaxNameLength, bad);
  if (!s->sex.empty() && s->sex != "female" && s->sex != "male") {
    bad->push_back({"sex", "must be female, male or empty"});
  }
  CheckLength("position", s->position, kMaxNameLength, bad);
  if (s->phone.size() > kMaxPhoneLength) {
    bad->push_back({"phone", "must be at most 40 characters"});
  } else if (!std::all_of(s->phone.begin(), s->phone.end(), IsPhoneChar)) {
    bad->push_back({"phone", "may hold only digits, spaces and + - ( )"});
  }
  for (size_t i = 0; i < s->languages.size(); ++i) {
    s->languages[i] = Trimmed(s->languages[i]);
    if (!IsLanguageCode(s->languages[i])) {
      bad->push_back({"languages[" + std::to_string(i) + "]",
                      "must be a language code of 2 or 3 lower-case letters (ar, ckb, en)"});
    }
  }
  DropRepeats(&s->languages);
  CheckLength("skills", s->skills, kMaxTextLength, bad);
}

std::string OfficeNameKey(std::string_view name) {
  std::string key;
  for (const auto& word : matching::NormalisedWords(name)) {
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

std::string OfficeSearchText(const Office& o) { return Words({&o.name, &o.name_ar}); }

std::string ProjectSearchText(const Project& p) {
  return Words({&p.code, &p.name, &p.name_ar, &p.donor});
}

std::string StaffSearchText(const StaffMember& s) {
  return Words({&s.name, &s.position, &s.skills});
}

}  // namespace sanad::programmes
