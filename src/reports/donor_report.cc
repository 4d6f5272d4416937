#include "reports/donor_report.h"

#include <cctype>
#include <map>
#include <set>

#include "assistance/money.h"
#include "programmes/programme.h"
#include "reports/indicator_definition.h"
#include "reports/indicator_sheet.h"
#include "store/indicator_store.h"
#include "store/reach_store.h"
#include "store/report_store.h"

namespace sanad::reports {
namespace {

constexpr size_t kMaxSheetName = 31;  // Excel's limit

std::string Money(int64_t minor, const std::string& currency) {
  return assistance::FormatAmount(minor, currency);
}

// Active indicators of a project with their progress by month over `period`.
Result<std::vector<Progress>> ProjectIndicators(store::Connection& c,
                                                const programmes::Project& project,
                                                const Period& period,
                                                const registry::PlaceDirectory& places) {
  SANAD_ASSIGN_OR_RETURN(auto records,
                         store::ListIndicators(c, {.organisation_id = project.organisation_id,
                                                   .project_id = project.id,
                                                   .active_only = true,
                                                   .limit = 1000}));
  std::vector<Progress> out;
  for (const auto& r : records) {
    auto def = ParseDefinition(nlohmann::json::parse(r.definition, nullptr, false), r.measure);
    if (!def.ok())
      return Status::Internal("indicator " + std::to_string(r.id) + " has a bad definition");
    const Indicator i{.id = r.id,
                      .organisation_id = r.organisation_id,
                      .project_id = r.project_id,
                      .code = r.code,
                      .name = r.name,
                      .measure = r.measure,
                      .definition = *def,
                      .target = r.target};
    SANAD_ASSIGN_OR_RETURN(Progress p,
                           ComputeProgress(c, i, project, period, SeriesBy::kMonth, places));
    out.push_back(std::move(p));
  }
  return out;
}

// Parts and a total row of counts of people, as published.
std::pair<std::vector<Count>, Count> Published(const std::vector<int64_t>& parts, int64_t total,
                                               const DonorReportInput& in) {
  if (in.audience == Audience::kInternal) {
    return {std::vector<Count>(parts.begin(), parts.end()), total};
  }
  SuppressedList s = SuppressList(parts, total, in.threshold);
  return {s.parts, s.total};
}

io::XlsxSheet ProjectSheet(const DonorReportInput& in, int64_t spent) {
  const programmes::Project& p = in.project;
  return {"Project",
          {{"Project", p.code + " " + p.name},
           {"Donor", p.donor},
           {"Status", p.status},
           {"Starts on", p.starts_on},
           {"Ends on", p.ends_on},
           {"Report period", in.period.from + " to " + in.period.to},
           {"Currency", p.currency},
           {"Budget", Money(p.budget, p.currency)},
           {"Spent in the period", Money(spent, p.currency)},
           {"Note", FileNote(in.audience, in.threshold)}}};
}

io::XlsxSheet SpendingSheet(const DonorReportInput& in, const std::vector<store::SpendingRow>& rows,
                            int64_t* spent) {
  std::map<std::string, std::map<std::string, int64_t>> by_month;
  for (const auto& r : rows) by_month[r.month][r.category] += r.amount;
  io::TableRow header = {"Month"};
  for (std::string_view c : programmes::kExpenditureCategories) header.emplace_back(c);
  header.emplace_back("Total");
  io::XlsxSheet sheet{"Spending", {header}};
  std::map<std::string, int64_t> totals;
  for (const auto& [month, categories] : by_month) {
    io::TableRow row = {month};
    int64_t sum = 0;
    for (std::string_view c : programmes::kExpenditureCategories) {
      const auto it = categories.find(std::string(c));
      const int64_t v = it == categories.end() ? 0 : it->second;
      row.push_back(Money(v, in.project.currency));
      totals[std::string(c)] += v;
      sum += v;
    }
    row.push_back(Money(sum, in.project.currency));
    *spent += sum;
    sheet.rows.push_back(std::move(row));
  }
  io::TableRow total = {"Total"};
  for (std::string_view c : programmes::kExpenditureCategories) {
    total.push_back(Money(totals[std::string(c)], in.project.currency));
  }
  total.push_back(Money(*spent, in.project.currency));
  sheet.rows.push_back(std::move(total));
  return sheet;
}

}  // namespace

Result<std::vector<io::XlsxSheet>> DonorReportSheets(store::Connection& c,
                                                     const DonorReportInput& in,
                                                     const registry::PlaceDirectory& places) {
  const programmes::Project& p = in.project;
  SANAD_ASSIGN_OR_RETURN(auto spending, store::ProjectSpending(c, p.organisation_id, p.id,
                                                               in.period.from, in.period.to));
  int64_t spent = 0;
  io::XlsxSheet spending_sheet = SpendingSheet(in, spending, &spent);
  std::vector<io::XlsxSheet> sheets = {ProjectSheet(in, spent), std::move(spending_sheet)};

  SANAD_ASSIGN_OR_RETURN(auto progress, ProjectIndicators(c, p, in.period, places));
  sheets.push_back({"Indicators", IndicatorRows(progress, in.audience, in.threshold)});

  const int age_year = YearOf(in.period.to);
  // Every figure here is people and times served: no cells, no households.
  const store::ReachFilter f{.organisation_id = p.organisation_id,
                             .project_id = p.id,
                             .from = in.period.from,
                             .to = in.period.to,
                             .with_cells = false,
                             .with_households = false};
  SANAD_ASSIGN_OR_RETURN(auto total, store::Reach(c, f, {}, age_year));
  const store::ReachRow& all = total.front();

  // Activities by type: held (not people) and participants (people).
  SANAD_ASSIGN_OR_RETURN(auto held, store::MeasureActivities(c,
                                                             {.organisation_id = p.organisation_id,
                                                              .project_id = p.id,
                                                              .from = in.period.from,
                                                              .to = in.period.to},
                                                             store::ActivityMeasure::kHeld,
                                                             store::ActivityDim::kType));
  store::ReachFilter attended = f;
  attended.sources = {"activity"};
  const store::ReachDim kind[] = {store::ReachDim::kKind};
  SANAD_ASSIGN_OR_RETURN(auto participants, store::Reach(c, attended, kind, age_year));
  SANAD_ASSIGN_OR_RETURN(auto attended_total, store::Reach(c, attended, {}, age_year));
  std::map<std::string, std::pair<int64_t, int64_t>> types;
  for (const auto& h : held) types[h.key].first = h.value;
  for (const auto& r : participants) types[r.keys[0]].second = r.people;
  std::vector<int64_t> parts;
  for (const auto& [type, v] : types) parts.push_back(v.second);
  auto [shown, shown_total] = Published(parts, attended_total.front().people, in);
  io::XlsxSheet activities{"Activities", {{"Activity type", "Held", "Participants"}}};
  size_t i = 0;
  int64_t held_total = 0;
  for (const auto& [type, v] : types) {
    activities.rows.push_back({type, std::to_string(v.first), CountCell(shown[i++])});
    held_total += v.first;
  }
  activities.rows.push_back({"All types", std::to_string(held_total), CountCell(shown_total)});
  sheets.push_back(std::move(activities));

  // People reached by month and by governorate, with the period's total.
  const std::pair<store::ReachDim, const char*> breakdowns[] = {
      {store::ReachDim::kMonth, "Reached by month"},
      {store::ReachDim::kAdm1, "Reached by governorate"}};
  for (const auto& [dim, title] : breakdowns) {
    const store::ReachDim dims[] = {dim};
    SANAD_ASSIGN_OR_RETURN(auto rows, store::Reach(c, f, dims, age_year));
    std::vector<int64_t> people;
    for (const auto& r : rows) people.push_back(r.people);
    auto [cells, sum] = Published(people, all.people, in);
    io::XlsxSheet sheet{title, {}};
    sheet.rows.push_back(
        dim == store::ReachDim::kMonth
            ? io::TableRow{"Month", "People reached", "Times served"}
            : io::TableRow{"Governorate", "P-code", "People reached", "Times served"});
    for (size_t k = 0; k < rows.size(); ++k) {
      const std::string times = cells[k] ? std::to_string(rows[k].times_served) : "";
      if (dim == store::ReachDim::kMonth) {
        sheet.rows.push_back({rows[k].keys[0], CountCell(cells[k]), times});
      } else {
        const registry::Place* place = places.Find(rows[k].keys[0]);
        sheet.rows.push_back(
            {place ? place->name_en : "", rows[k].keys[0], CountCell(cells[k]), times});
      }
    }
    io::TableRow total_row = {"Total"};
    if (dim != store::ReachDim::kMonth) total_row.emplace_back();
    total_row.push_back(CountCell(sum));
    total_row.push_back(sum ? std::to_string(all.times_served) : "");
    sheet.rows.push_back(std::move(total_row));
    sheets.push_back(std::move(sheet));
  }
  return sheets;
}

Result<std::vector<io::XlsxSheet>> IndicatorWorkbookSheets(
    store::Connection& c, const std::vector<programmes::Project>& projects,
    const std::vector<Period>& periods, Audience audience, int64_t threshold,
    const registry::PlaceDirectory& places) {
  std::vector<io::XlsxSheet> sheets;
  std::set<std::string> names;
  for (size_t k = 0; k < projects.size(); ++k) {
    SANAD_ASSIGN_OR_RETURN(auto progress, ProjectIndicators(c, projects[k], periods[k], places));
    std::vector<io::TableRow> rows = {{projects[k].code + " " + projects[k].name},
                                      {"Period", periods[k].from + " to " + periods[k].to},
                                      {FileNote(audience, threshold)},
                                      {}};
    for (auto& r : IndicatorRows(progress, audience, threshold)) rows.push_back(std::move(r));
    // Sheet names are unique and short, and a workbook compares them ignoring case while
    // project codes are unique with case ("P1" and "p1"): the second one gets the project's id.
    std::string name = projects[k].code.substr(0, kMaxSheetName);
    for (char& ch : name) {
      if (std::string_view("[]:*?/\\").find(ch) != std::string_view::npos) ch = '_';
    }
    const auto folded = [](std::string n) {
      for (char& ch : n) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      return n;
    };
    if (!names.insert(folded(name)).second) name = "Project " + std::to_string(projects[k].id);
    names.insert(folded(name));
    sheets.push_back({name, std::move(rows)});
  }
  if (sheets.empty()) sheets.push_back({"Indicators", {{"No project has indicators."}}});
  return sheets;
}

}  // namespace sanad::reports
