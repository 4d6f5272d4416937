#include "http/report_json.h"

#include <string_view>

#include "base/clock.h"
#include "http/body_reader.h"
#include "http/cash_json.h"
#include "reports/indicator_definition.h"

namespace sanad::http {
namespace {

Json PeriodJson(const reports::Period& p) { return {{"from", p.from}, {"to", p.to}}; }

}  // namespace

Json IndicatorToJson(const reports::Indicator& i) {
  return {{"id", i.id},
          {"version", i.version},
          {"project_id", i.project_id},
          {"code", i.code},
          {"name", i.name},
          {"name_ar", i.name_ar},
          {"measure", i.measure},
          {"definition", reports::DefinitionToJson(i.definition)},
          {"target", i.target},
          {"active", i.active},
          {"created_at", TimeOrNull(i.created_at)},
          {"updated_at", TimeOrNull(i.updated_at)}};
}

Result<reports::IndicatorEdit> IndicatorEditFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad,
                {"project_id", "code", "name", "name_ar", "measure", "definition", "target",
                 "active", "version", "id", "created_at", "updated_at"},
                "an indicator");
  reports::IndicatorEdit out{.project_id = in.Int("project_id"),
                             .code = in.Text("code"),
                             .name = in.Text("name"),
                             .name_ar = in.ClearableText("name_ar"),
                             .measure = in.Text("measure"),
                             .target = in.Int("target"),
                             .active = in.Bool("active")};
  // Kept raw: the indicator service reads it with its own field names.
  if (j.contains("definition")) out.definition = j["definition"];
  if (!bad.empty()) return Status::InvalidArgument("the indicator is not valid", std::move(bad));
  return out;
}

Json ProgressToJson(const reports::Progress& p, bool with_series) {
  Json cells = Json::array();
  for (const auto& c : p.disaggregation) {
    cells.push_back({{"sex", c.sex},
                     {"age_group", c.age_group},
                     {"population_group", c.population_group},
                     {"value", c.people}});
  }
  Json out = {{"indicator", IndicatorToJson(p.indicator)},
              {"period", PeriodJson(p.period)},
              {"value", p.value},
              {"times_served", p.times_served},
              {"counted", p.counted},
              {"target", p.indicator.target},
              {"ratio", p.ratio ? Json(*p.ratio) : Json(nullptr)},
              {"disaggregation", cells}};
  if (with_series) {
    Json series = Json::array();
    for (const auto& s : p.series) {
      series.push_back({{"key", s.key},
                        {"label", s.label},
                        {"value", s.value},
                        {"cumulative", s.cumulative ? Json(*s.cumulative) : Json(nullptr)}});
    }
    out["series"] = series;
  }
  return out;
}

Json DashboardToJson(const reports::Dashboard& d) {
  Json by_month = Json::array();
  for (const auto& m : d.by_month) {
    by_month.push_back({{"month", m.key}, {"people", m.people}, {"times_served", m.times_served}});
  }
  Json by_sector = Json::array();
  for (const auto& s : d.by_sector) by_sector.push_back({{"sector", s.key}, {"people", s.people}});
  Json by_group = Json::array();
  for (const auto& g : d.by_population_group) {
    by_group.push_back({{"group", g.key}, {"people", g.people}});
  }
  Json by_sex_age = Json::array();
  for (const auto& c : d.by_sex_age) {
    by_sex_age.push_back({{"sex", c.sex}, {"age_group", c.age_group}, {"people", c.people}});
  }
  Json by_governorate = Json::array();
  for (const auto& p : d.by_governorate) {
    by_governorate.push_back({{"pcode", p.pcode},
                              {"name_en", p.name_en},
                              {"name_ar", p.name_ar},
                              {"people", p.people},
                              {"times_served", p.times_served}});
  }
  Json by_district = Json::array();
  for (const auto& p : d.by_district) {
    by_district.push_back(
        {{"pcode", p.pcode}, {"name_en", p.name_en}, {"name_ar", p.name_ar}, {"people", p.people}});
  }
  Json modules = Json::array();
  for (const auto& m : d.caseload) {
    modules.push_back(
        {{"module", m.module}, {"open", m.open}, {"closed_in_period", m.closed_in_period}});
  }
  Json rounds = Json::array();
  for (const auto& s : d.rounds_by_status) {
    rounds.push_back({{"status", s.status}, {"rounds", s.count}});
  }
  Json budget = Json::array();
  for (const auto& b : d.budget) {
    budget.push_back({{"currency", b.currency},
                      {"budget", MoneyJson(b.budget, b.currency)},
                      {"spent", MoneyJson(b.spent, b.currency)}});
  }
  Json projects = {{"planned", 0}, {"ongoing", 0}, {"completed", 0}};
  for (const auto& s : d.projects_by_status) projects[s.status] = s.count;
  Json types = Json::array();
  for (const auto& t : d.activities_by_type) {
    types.push_back({{"type", t.type}, {"held", t.held}, {"participants", t.participants}});
  }
  return {{"period", PeriodJson(d.period)},
          {"reached",
           {{"people", d.reached.people},
            {"counted", d.reached.counted},
            {"times_served", d.reached.times_served},
            {"households", d.reached.households}}},
          {"by_month", by_month},
          {"by_sector", by_sector},
          {"by_population_group", by_group},
          {"by_sex_age", by_sex_age},
          {"by_governorate", by_governorate},
          {"by_district", by_district},
          {"caseload", {{"open", d.open_cases}, {"by_module", modules}}},
          {"distributions",
           {{"rounds", d.rounds},
            {"households_collected", d.households_collected},
            {"by_status", rounds}}},
          {"budget", budget},
          {"projects", projects},
          {"activities", {{"held", d.activities_held}, {"by_type", types}}}};
}

}  // namespace sanad::http
