#include "programmes/activity_rules.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "matching/normalise.h"
#include "programmes/programme_rules.h"
#include "stock/catalogue.h"

namespace sanad::programmes {
namespace {

using stock::Trimmed;

std::string Joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ", ") + v;
  return out;
}

}  // namespace

void CheckActivity(const registry::PlaceDirectory& places, Activity* a,
                   const std::optional<std::vector<std::string>>& project_sectors,
                   std::vector<FieldError>* bad) {
  for (std::string* t :
       {&a->type, &a->sector, &a->title, &a->pcode, &a->site, &a->starts_on, &a->ends_on,
        &a->status, &a->facilitator, &a->unit_kind, &a->trainee_organisation, &a->note}) {
    *t = Trimmed(*t);
  }
  if (!OneOf(kActivityTypes, a->type)) bad->push_back({"type", ChoicesOf(kActivityTypes)});
  if (!OneOf(kSectors, a->sector)) {
    bad->push_back({"sector", ChoicesOf(kSectors)});
  } else if (project_sectors && std::find(project_sectors->begin(), project_sectors->end(),
                                          a->sector) == project_sectors->end()) {
    bad->push_back({"sector", "must be one of the project's sectors: " + Joined(*project_sectors)});
  }
  if (a->title.empty()) bad->push_back({"title", "is required"});
  CheckLength("title", a->title, kMaxNameLength, bad);
  if (a->pcode.empty()) {
    bad->push_back({"pcode", "is required"});
  } else if (!places.Exists(a->pcode)) {
    bad->push_back({"pcode", "is not a known P-code"});
  }
  CheckLength("site", a->site, kMaxNameLength, bad);
  CheckLength("facilitator", a->facilitator, kMaxNameLength, bad);
  CheckLength("note", a->note, kMaxTextLength, bad);
  CheckDate("starts_on", a->starts_on, false, bad);
  // A one-day activity ends the day it starts (a bad start is named once, as starts_on).
  if (a->ends_on.empty()) a->ends_on = a->starts_on;
  if (a->ends_on != a->starts_on) CheckDate("ends_on", a->ends_on, true, bad);
  if (IsDate(a->starts_on) && IsDate(a->ends_on) && a->ends_on < a->starts_on) {
    bad->push_back({"ends_on", "must not be before starts_on"});
  }
  if (!OneOf(kActivityStatuses, a->status)) {
    bad->push_back({"status", ChoicesOf(kActivityStatuses)});
  }
  if (a->sessions < 1 || a->sessions > kMaxSessions) {
    bad->push_back({"sessions", "must be between 1 and " + std::to_string(kMaxSessions)});
  }
  if (a->type == "rehabilitation") {
    if (a->units < 0 || a->units > kMaxUnits) {
      bad->push_back({"units", "must be between 0 and " + std::to_string(kMaxUnits)});
    }
    if (!a->unit_kind.empty() && !OneOf(kUnitKinds, a->unit_kind)) {
      bad->push_back({"unit_kind", ChoicesOf(kUnitKinds)});
    } else if (a->unit_kind.empty() && a->units > 0) {
      bad->push_back({"unit_kind", "is required with units: " + ChoicesOf(kUnitKinds)});
    }
  } else {
    if (a->units != 0) bad->push_back({"units", "applies only to a rehabilitation activity"});
    if (!a->unit_kind.empty()) {
      bad->push_back({"unit_kind", "applies only to a rehabilitation activity"});
    }
  }
  if (a->type != "training" && !a->trainee_organisation.empty()) {
    bad->push_back({"trainee_organisation", "applies only to a training"});
  }
  CheckLength("trainee_organisation", a->trainee_organisation, kMaxNameLength, bad);
}

void CheckKeepsAttendance(const Activity& after, const Attendance& stored,
                          std::vector<FieldError>* bad) {
  int64_t most = 0;
  bool scored = false;
  for (const auto& p : stored.people) {
    most = std::max(most, p.sessions_attended);
    scored = scored || p.pre_score.has_value() || p.post_score.has_value();
  }
  if (after.sessions < most) {
    bad->push_back({"sessions", "must be at least " + std::to_string(most) +
                                    ": an attendee attended that many (change the attendance "
                                    "first)"});
  }
  if (scored && after.type != "training") {
    bad->push_back({"type", "must stay training: attendees have scores (remove them first)"});
  }
}

Attendance CheckAttendance(const Activity& a, const AttendanceEdit& edit,
                           std::vector<FieldError>* bad) {
  Attendance out;
  if (a.status != "done") {
    bad->push_back(
        {"status", "only a done activity has attendance (this one is " + a.status + ")"});
  }
  if (edit.people.size() > kMaxAttendees) {
    bad->push_back({"people", "must list at most " + std::to_string(kMaxAttendees) + " people"});
  }
  const bool training = a.type == "training";
  std::set<int64_t> seen;
  for (size_t i = 0; i < edit.people.size(); ++i) {
    const AttendeeInput& in = edit.people[i];
    const std::string at = "people[" + std::to_string(i) + "].";
    if (in.person_id <= 0) {
      bad->push_back({at + "person_id", "is required"});
    } else if (!seen.insert(in.person_id).second) {
      bad->push_back({at + "person_id", "is listed twice"});
    }
    const int64_t sessions = in.sessions_attended.value_or(a.sessions);
    if (sessions < 1 || sessions > a.sessions) {
      bad->push_back({at + "sessions_attended", "must be between 1 and the activity's " +
                                                    std::to_string(a.sessions) + " sessions"});
    }
    for (const auto& [name, score] :
         {std::pair{"pre_score", in.pre_score}, std::pair{"post_score", in.post_score}}) {
      if (!score) continue;
      if (!training) {
        bad->push_back({at + name, "applies only to a training"});
      } else if (*score < 0 || *score > kMaxScore) {
        bad->push_back({at + name, "must be between 0 and 100"});
      }
    }
    out.people.push_back({.person_id = in.person_id,
                          .sessions_attended = sessions,
                          .pre_score = in.pre_score,
                          .post_score = in.post_score});
  }
  std::sort(out.people.begin(), out.people.end(),
            [](const Attendee& x, const Attendee& y) { return x.person_id < y.person_id; });
  std::set<std::tuple<std::string, std::string, std::string>> cells;
  for (size_t i = 0; i < edit.counts.size(); ++i) {
    CountRow row = edit.counts[i];
    const std::string at = "counts[" + std::to_string(i) + "].";
    if (!OneOf(kCountSexes, row.sex)) bad->push_back({at + "sex", ChoicesOf(kCountSexes)});
    if (!OneOf(kCountAgeGroups, row.age_group)) {
      bad->push_back({at + "age_group", ChoicesOf(kCountAgeGroups)});
    }
    if (!OneOf(kCountPopulationGroups, row.population_group)) {
      bad->push_back({at + "population_group", ChoicesOf(kCountPopulationGroups)});
    }
    if (row.count < 1 || row.count > kMaxCount) {
      bad->push_back({at + "count", "must be between 1 and " + std::to_string(kMaxCount)});
    }
    if (!cells.insert({row.sex, row.age_group, row.population_group}).second) {
      bad->push_back({"counts[" + std::to_string(i) + "]",
                      "repeats an earlier row of the same sex, age group and population group"});
    }
    out.counts.push_back(std::move(row));
  }
  std::sort(out.counts.begin(), out.counts.end(), [](const CountRow& x, const CountRow& y) {
    return std::tie(x.sex, x.age_group, x.population_group) <
           std::tie(y.sex, y.age_group, y.population_group);
  });
  return out;
}

bool ChangesServiceRecords(const Activity& before, const Activity& after) {
  return std::tie(before.project_id, before.office_id, before.sector, before.pcode,
                  before.starts_on, before.type, before.status) !=
         std::tie(after.project_id, after.office_id, after.sector, after.pcode, after.starts_on,
                  after.type, after.status);
}

std::string ActivitySearchText(const Activity& a) {
  std::string out = " ";
  for (const std::string* part : {&a.title, &a.site, &a.facilitator, &a.trainee_organisation}) {
    for (const auto& w : matching::NormalisedWords(*part)) out += w + " ";
  }
  return out;
}

}  // namespace sanad::programmes
