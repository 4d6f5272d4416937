#include "reports/four_w.h"

#include <charconv>
#include <map>

#include "store/project_store.h"

namespace sanad::reports {
namespace {

// Each column's title and HXL hashtag: 13 descriptive columns, 11 counts of people (the total,
// sex, age group, population group), times served and a note.
constexpr std::pair<const char*, const char*> kColumns[] = {
    {"Organisation", "#org"},
    {"Project code", "#activity+project+code"},
    {"Project", "#activity+project+name"},
    {"Donor", "#org+funder"},
    {"Sector", "#sector"},
    {"Activity", "#activity+type"},
    {"Governorate", "#adm1+name"},
    {"Governorate P-code", "#adm1+code"},
    {"District", "#adm2+name"},
    {"District P-code", "#adm2+code"},
    {"Month start", "#date+start"},
    {"Month end", "#date+end"},
    {"Status", "#status"},
    {"People reached", "#reached+ind"},
    {"Female", "#reached+ind+f"},
    {"Male", "#reached+ind+m"},
    {"Children 0-5", "#reached+ind+age0_5"},
    {"Children 6-17", "#reached+ind+age6_17"},
    {"Adults 18-59", "#reached+ind+age18_59"},
    {"Elderly 60+", "#reached+ind+age60"},
    {"IDP", "#reached+ind+idp"},
    {"Returnees", "#reached+ind+returnee"},
    {"Refugees", "#reached+ind+refugee"},
    {"Host community", "#reached+ind+host"},
    {"Times served", "#reached+services"},
    {"Note", "#meta+note"},
};

constexpr const char* kSexes[] = {"female", "male"};
constexpr const char* kAgeGroups[] = {"0-5", "6-17", "18-59", "60+"};
constexpr const char* kPopulationGroups[] = {"idp", "returnee", "refugee", "host"};

// The published groups of a row: sex, age group, population group (the unknowns and "other"
// are not columns of the 4W; disclosure.h treats the equations as exact without them).
BreakdownRow Breakdown(const store::ReachRow& r) {
  BreakdownRow out{.total = r.people, .groups = {{0, 0}, {0, 0, 0, 0}, {0, 0, 0, 0}}};
  for (const auto& cell : r.cells) {
    for (size_t i = 0; i < 2; ++i) {
      if (cell.sex == kSexes[i]) out.groups[0][i] += cell.people;
    }
    for (size_t i = 0; i < 4; ++i) {
      if (cell.age_group == kAgeGroups[i]) out.groups[1][i] += cell.people;
      if (cell.population_group == kPopulationGroups[i]) out.groups[2][i] += cell.people;
    }
  }
  return out;
}

SuppressedRow Exact(const BreakdownRow& b) {
  SuppressedRow out{.total = b.total};
  for (const auto& g : b.groups) out.groups.emplace_back(g.begin(), g.end());
  return out;
}

}  // namespace

std::vector<io::TableRow> FourWHeader() {
  io::TableRow titles;
  io::TableRow tags;
  for (const auto& [title, tag] : kColumns) {
    titles.emplace_back(title);
    tags.emplace_back(tag);
  }
  return {titles, tags};
}

std::vector<io::TableRow> FourWTable(const std::vector<FourWLine>& lines, Audience audience,
                                     int64_t threshold, const std::string& today) {
  std::vector<io::TableRow> out = FourWHeader();
  std::vector<BreakdownRow> breakdowns;
  breakdowns.reserve(lines.size());
  for (const auto& l : lines) breakdowns.push_back(Breakdown(l.reach));
  std::vector<SuppressedRow> published;
  if (audience == Audience::kPublic) {
    published = SuppressRows(breakdowns, threshold).rows;
  } else {
    for (const auto& b : breakdowns) published.push_back(Exact(b));
  }
  for (size_t i = 0; i < lines.size(); ++i) {
    const FourWLine& l = lines[i];
    const SuppressedRow& p = published[i];
    const std::string month_end = MonthEnd(l.month);
    io::TableRow row = {l.organisation,
                        l.project_code,
                        l.project_name,
                        l.donor,
                        l.sector,
                        l.kind,
                        l.adm1_name,
                        l.adm1_code,
                        l.adm2_name,
                        l.adm2_code,
                        l.month + "-01",
                        month_end,
                        month_end < today ? "completed" : "ongoing"};
    bool suppressed = !p.total.has_value();
    row.push_back(CountCell(p.total));
    for (const auto& group : p.groups) {
      for (const Count& c : group) {
        row.push_back(CountCell(c));
        suppressed = suppressed || !c.has_value();
      }
    }
    // Times served are shown only beside a shown number of people: with it, a small number of
    // services would tell how few people there were.
    row.push_back(p.total ? std::to_string(l.reach.times_served) : std::string());
    if (audience == Audience::kInternal) {
      row.emplace_back(kInternalMark);
    } else {
      row.push_back(suppressed ? SuppressionNote(threshold) : std::string());
    }
    out.push_back(std::move(row));
  }
  return out;
}

Result<std::vector<FourWLine>> FourWLines(store::Connection& c, int64_t organisation_id,
                                          const std::string& organisation_name, const FourWQuery& q,
                                          const registry::PlaceDirectory& places) {
  store::ReachFilter f{.organisation_id = organisation_id,
                       .from = q.period.from,
                       .to = q.period.to,
                       .with_households = false};
  f.project_id = q.project_id;
  if (!q.sector.empty()) f.sectors = {q.sector};
  const store::ReachDim dims[] = {store::ReachDim::kProject, store::ReachDim::kSector,
                                  store::ReachDim::kKind,    store::ReachDim::kAdm1,
                                  store::ReachDim::kAdm2,    store::ReachDim::kMonth};
  SANAD_ASSIGN_OR_RETURN(auto rows, store::Reach(c, f, dims, YearOf(q.period.to)));
  std::map<std::string, programmes::Project> projects;
  std::vector<FourWLine> out;
  out.reserve(rows.size());
  for (auto& r : rows) {
    FourWLine l{.organisation = organisation_name,
                .sector = r.keys[1],
                .kind = r.keys[2],
                .adm1_code = r.keys[3],
                .adm2_code = r.keys[4],
                .month = r.keys[5]};
    if (const std::string& id = r.keys[0]; !id.empty()) {
      auto it = projects.find(id);
      if (it == projects.end()) {
        int64_t n = 0;
        std::from_chars(id.data(), id.data() + id.size(), n);
        SANAD_ASSIGN_OR_RETURN(auto p, store::GetProject(c, organisation_id, n));
        it = projects.emplace(id, p.value_or(programmes::Project{})).first;
      }
      l.project_code = it->second.code;
      l.project_name = it->second.name;
      l.donor = it->second.donor;
    }
    if (const registry::Place* p = places.Find(l.adm1_code)) l.adm1_name = p->name_en;
    if (const registry::Place* p = places.Find(l.adm2_code)) l.adm2_name = p->name_en;
    l.reach = std::move(r);
    out.push_back(std::move(l));
  }
  return out;
}

}  // namespace sanad::reports
