// Activities and attendance of programme_json.h.
#include <cmath>

#include "base/clock.h"
#include "http/body_reader.h"
#include "http/programme_json.h"

namespace sanad::http {
namespace {

using programmes::Activity;

Json Score(const std::optional<int64_t>& s) { return s ? Json(*s) : Json(nullptr); }
// A mean score to one decimal (48.5), null when nobody has one.
Json Mean(const std::optional<double>& m) {
  return m ? Json(std::round(*m * 10) / 10) : Json(nullptr);
}

Json SummaryJson(const Activity& a) {
  const auto& s = a.attendance;
  Json out = {{"registered", s.registered}, {"counted", s.counted}, {"total", s.total()}};
  if (a.type == "training") {
    out["improved"] = s.improved;
    out["mean_pre"] = Mean(s.mean_pre);
    out["mean_post"] = Mean(s.mean_post);
  }
  return out;
}

}  // namespace

Json ActivityToJson(const Activity& a, const registry::PlaceDirectory& places) {
  const registry::Place* place = places.Find(a.pcode);
  return {{"id", a.id},
          {"version", a.version},
          {"type", a.type},
          {"sector", a.sector},
          {"title", a.title},
          {"project",
           a.project_id == 0
               ? Json(nullptr)
               : Json{{"id", a.project_id}, {"code", a.project_code}, {"name", a.project_name}}},
          {"office",
           a.office_id == 0 ? Json(nullptr) : Json{{"id", a.office_id}, {"name", a.office_name}}},
          {"pcode", a.pcode},
          {"place",
           {{"name_en", place ? place->name_en : ""}, {"name_ar", place ? place->name_ar : ""}}},
          {"site", a.site},
          {"starts_on", a.starts_on},
          {"ends_on", a.ends_on},
          {"status", a.status},
          {"facilitator", a.facilitator},
          {"sessions", a.sessions},
          {"units", a.units},
          {"unit_kind", a.unit_kind},
          {"trainee_organisation", a.trainee_organisation},
          {"note", a.note},
          {"attendance", SummaryJson(a)},
          {"created_at", TimeOrNull(a.created_at)},
          {"updated_at", TimeOrNull(a.updated_at)}};
}

Json AttendanceToJson(const programmes::AttendanceSheet& sheet) {
  Json people = Json::array();
  for (const auto& p : sheet.attendance.people) {
    people.push_back({{"person_id", p.person_id},
                      {"person",
                       {{"id", p.person_id},
                        {"given_name", p.given_name},
                        {"father_name", p.father_name},
                        {"family_name", p.family_name},
                        {"name_latin", p.name_latin},
                        {"sex", p.sex},
                        {"birth_date", p.birth_date}}},
                      {"household_id", p.household_id},
                      {"sessions_attended", p.sessions_attended},
                      {"pre_score", Score(p.pre_score)},
                      {"post_score", Score(p.post_score)}});
  }
  Json counts = Json::array();
  for (const auto& n : sheet.attendance.counts) {
    counts.push_back({{"sex", n.sex},
                      {"age_group", n.age_group},
                      {"population_group", n.population_group},
                      {"count", n.count}});
  }
  return {{"activity_id", sheet.activity.id},
          {"version", sheet.activity.version},
          {"status", sheet.activity.status},
          {"sessions", sheet.activity.sessions},
          {"summary", SummaryJson(sheet.activity)},
          {"people", people},
          {"counts", counts}};
}

Result<programmes::ActivityEdit> ActivityEditFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad,
                {"project_id",  "office_id",  "type",       "sector",    "title",
                 "pcode",       "site",       "starts_on",  "ends_on",   "status",
                 "facilitator", "sessions",   "units",      "unit_kind", "trainee_organisation",
                 "note",        "id",         "version",    "project",   "office",
                 "place",       "attendance", "created_at", "updated_at"},
                "an activity");
  programmes::ActivityEdit out{
      .project_id = in.ClearableId("project_id"),
      .office_id = in.ClearableId("office_id"),
      .type = in.Text("type"),
      .sector = in.Text("sector"),
      .title = in.Text("title"),
      .pcode = in.Text("pcode"),
      .site = in.ClearableText("site"),
      .starts_on = in.Text("starts_on"),
      .ends_on = in.ClearableText("ends_on"),
      .status = in.Text("status"),
      .facilitator = in.ClearableText("facilitator"),
      .sessions = in.Int("sessions"),
      .units = in.IsNull("units") ? std::optional<int64_t>(0) : in.Int("units"),
      .unit_kind = in.ClearableText("unit_kind"),
      .trainee_organisation = in.ClearableText("trainee_organisation"),
      .note = in.ClearableText("note")};
  if (!bad.empty()) return Status::InvalidArgument("activity is invalid", std::move(bad));
  return out;
}

Result<programmes::AttendanceEdit> AttendanceEditFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad,
                {"version", "people", "counts", "activity_id", "status", "sessions", "summary"},
                "an attendance");
  programmes::AttendanceEdit out;
  const auto people = in.Objects("people");
  for (size_t i = 0; people && i < people->size(); ++i) {
    const Json& p = (*people)[i];
    BodyReader r(
        p, "people[" + std::to_string(i) + "].", &bad,
        {"person_id", "sessions_attended", "pre_score", "post_score", "person", "household_id"},
        "an attendee");
    auto person_id = r.Int("person_id");
    // The {person: {id, …}} a read returns names the person too.
    if (!person_id && !r.Find("person_id")) {
      const Json* person = r.Find("person");
      if (person && person->is_object() && person->contains("id") &&
          (*person)["id"].is_number_integer()) {
        person_id = (*person)["id"].get<int64_t>();
      } else {
        r.Bad("person_id", "is required");
      }
    }
    out.people.push_back({.person_id = person_id.value_or(0),
                          .sessions_attended = r.Int("sessions_attended"),
                          .pre_score = r.Int("pre_score"),
                          .post_score = r.Int("post_score")});
  }
  const auto counts = in.Objects("counts");
  for (size_t i = 0; counts && i < counts->size(); ++i) {
    BodyReader r((*counts)[i], "counts[" + std::to_string(i) + "].", &bad,
                 {"sex", "age_group", "population_group", "count"}, "a count row");
    auto count = r.Int("count");
    if (!count && !r.Find("count")) r.Bad("count", "is required");
    out.counts.push_back({.sex = r.Text("sex").value_or(""),
                          .age_group = r.Text("age_group").value_or(""),
                          .population_group = r.Text("population_group").value_or(""),
                          .count = count.value_or(0)});
  }
  if (!bad.empty()) return Status::InvalidArgument("attendance is invalid", std::move(bad));
  return out;
}

}  // namespace sanad::http
