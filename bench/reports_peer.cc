// The peer of the reports benchmark: the dashboard's and the 4W's "people reached" figures as an
// information manager would write them by hand in SQL over service_records — a COUNT(DISTINCT)
// per breakdown, and where a person must fall in one cell (sex, age, population group) a
// subquery of one row per person with their greatest values, as docs/programmes.md defines
// them. One statement per figure, portable between SQLite and PostgreSQL, run through the same
// store::Connection as the product, in one read transaction.
#include <chrono>
#include <map>
#include <string>

#include "reports_internal.h"

namespace sanad::bench {
namespace {

using store::Value;

// The filter every statement repeats; its parameters are organisation, from, to.
constexpr std::string_view kWhere =
    " WHERE r.organisation_id = ? AND r.served_on >= ? AND r.served_on <= ?";
// Unique people of a group: distinct registered people plus the counted ones.
constexpr std::string_view kPeople =
    "COUNT(DISTINCT COALESCE(r.person_key, r.person_id)) + "
    "SUM(CASE WHEN r.person_id IS NULL THEN r.count ELSE 0 END)";
// One row per registered person: their greatest sex, birth year and population group, with
// the spellings of "unknown" folded to '' so a known value wins.
constexpr std::string_view kPersonValues =
    "MAX(CASE WHEN r.sex IN ('female', 'male') THEN r.sex ELSE '' END) AS sx, "
    "MAX(r.birth_year) AS b, "
    "MAX(CASE WHEN r.population_group IN ('', 'unknown') THEN '' ELSE r.population_group END) "
    "AS pg";
// The age group of a person at the end of the year bound three times.
constexpr std::string_view kAgeGroup =
    "CASE WHEN t.b = 0 THEN 'unknown' WHEN ? - t.b <= 5 THEN '0-5' WHEN ? - t.b <= 17 THEN "
    "'6-17' WHEN ? - t.b <= 59 THEN '18-59' ELSE '60+' END";

std::string S(std::string_view a) { return std::string(a); }

std::string Reached() {
  return "SELECT " + S(kPeople) +
         ", SUM(CASE WHEN r.person_id IS NULL THEN r.count ELSE 0 END), SUM(r.count), "
         "COUNT(DISTINCT r.household_id) FROM service_records r" +
         S(kWhere);
}

// people and times served by one expression of the row.
std::string By(std::string_view key) {
  return "SELECT " + S(key) + ", " + S(kPeople) + ", SUM(r.count) FROM service_records r" +
         S(kWhere) + " GROUP BY 1";
}

// As By, with the place's names; `also` narrows the filter.
std::string ByPlace(std::string_view key, std::string_view also = "") {
  return "SELECT g.k, COALESCE(pl.name_en, ''), COALESCE(pl.name_ar, ''), g.people, g.served "
         "FROM (SELECT " +
         S(key) + " AS k, " + S(kPeople) + " AS people, SUM(r.count) AS served " +
         "FROM service_records r" + S(kWhere) + S(also) +
         " GROUP BY 1) g LEFT JOIN places pl ON pl.pcode = g.k";
}

std::string HouseholdsCollected() {
  return "SELECT COUNT(DISTINCT r.household_id) FROM service_records r" + S(kWhere) +
         " AND r.source = 'collection'";
}

// Done activities by type that started in the period, and the people their records reached.
constexpr std::string_view kActivitiesHeld =
    "SELECT a.type, COUNT(*) FROM activities a WHERE a.organisation_id = ? AND "
    "a.status = 'done' AND a.starts_on >= ? AND a.starts_on <= ? GROUP BY 1";
std::string Participants() {
  return "SELECT r.kind, " + S(kPeople) + " FROM service_records r" + S(kWhere) +
         " AND r.source = 'activity' GROUP BY 1";
}

std::string ByPopulationGroup() {
  return "SELECT u.grp, SUM(u.n) FROM ("
         "SELECT CASE WHEN t.pg = '' THEN 'unknown' ELSE t.pg END AS grp, COUNT(*) AS n FROM "
         "(SELECT " +
         S(kPersonValues) + " FROM service_records r" + S(kWhere) +
         " AND r.person_id IS NOT NULL GROUP BY COALESCE(r.person_key, r.person_id)) t "
         "GROUP BY 1 UNION ALL "
         "SELECT CASE WHEN r.population_group = '' THEN 'unknown' ELSE r.population_group END, "
         "SUM(r.count) FROM service_records r" +
         S(kWhere) + " AND r.person_id IS NULL GROUP BY 1) u GROUP BY u.grp";
}

std::string BySexAge() {
  return "SELECT u.sx, u.ag, SUM(u.n) FROM ("
         "SELECT CASE WHEN t.sx = '' THEN 'unknown' ELSE t.sx END AS sx, " +
         S(kAgeGroup) + " AS ag, COUNT(*) AS n FROM (SELECT " + S(kPersonValues) +
         " FROM service_records r" + S(kWhere) +
         " AND r.person_id IS NOT NULL GROUP BY COALESCE(r.person_key, r.person_id)) t "
         "GROUP BY 1, 2 UNION ALL "
         "SELECT CASE WHEN r.sex IN ('female', 'male') THEN r.sex ELSE 'unknown' END, "
         "CASE WHEN r.age_group IN ('0-5', '6-17', '18-59', '60+') THEN r.age_group "
         "ELSE 'unknown' END, SUM(r.count) FROM service_records r" +
         S(kWhere) + " AND r.person_id IS NULL GROUP BY 1, 2) u GROUP BY u.sx, u.ag";
}

// The 4W keys of a service record: organisation, project, sector, kind, governorate, district,
// month.
constexpr std::string_view kFourWKeys =
    "r.organisation_id AS org, COALESCE(r.project_id, 0) AS project, r.sector AS sector, "
    "r.kind AS kind, substr(r.pcode, 1, 5) AS adm1, "
    "CASE WHEN length(r.pcode) >= 8 THEN substr(r.pcode, 1, 8) ELSE '' END AS adm2, "
    "substr(r.served_on, 1, 7) AS month";

// One statement: registered people one row per person and 4W row (their greatest values in
// that row, age at the end of the year), counted rows as they are, summed per 4W row, with the
// names of the organisation, project and places.
std::string FourW() {
  const std::string registered =
      "SELECT t.org, t.project, t.sector, t.kind, t.adm1, t.adm2, t.month, COUNT(*) AS people, "
      "SUM(CASE WHEN t.sx = 'female' THEN 1 ELSE 0 END) AS female, "
      "SUM(CASE WHEN t.sx = 'male' THEN 1 ELSE 0 END) AS male, "
      "SUM(CASE WHEN t.b <> 0 AND ? - t.b <= 5 THEN 1 ELSE 0 END) AS a0, "
      "SUM(CASE WHEN t.b <> 0 AND ? - t.b BETWEEN 6 AND 17 THEN 1 ELSE 0 END) AS a6, "
      "SUM(CASE WHEN t.b <> 0 AND ? - t.b BETWEEN 18 AND 59 THEN 1 ELSE 0 END) AS a18, "
      "SUM(CASE WHEN t.b <> 0 AND ? - t.b >= 60 THEN 1 ELSE 0 END) AS a60, "
      "SUM(CASE WHEN t.pg = 'idp' THEN 1 ELSE 0 END) AS idp, "
      "SUM(CASE WHEN t.pg = 'returnee' THEN 1 ELSE 0 END) AS returnee, "
      "SUM(CASE WHEN t.pg = 'refugee' THEN 1 ELSE 0 END) AS refugee, "
      "SUM(CASE WHEN t.pg = 'host' THEN 1 ELSE 0 END) AS host, SUM(t.served) AS served "
      "FROM (SELECT " +
      S(kFourWKeys) + ", " + S(kPersonValues) + ", SUM(r.count) AS served FROM service_records r" +
      S(kWhere) +
      " AND r.person_id IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7, "
      "COALESCE(r.person_key, r.person_id)) t GROUP BY 1, 2, 3, 4, 5, 6, 7";
  const std::string counted =
      "SELECT " + S(kFourWKeys) +
      ", SUM(r.count), "
      "SUM(CASE WHEN r.sex = 'female' THEN r.count ELSE 0 END), "
      "SUM(CASE WHEN r.sex = 'male' THEN r.count ELSE 0 END), "
      "SUM(CASE WHEN r.age_group = '0-5' THEN r.count ELSE 0 END), "
      "SUM(CASE WHEN r.age_group = '6-17' THEN r.count ELSE 0 END), "
      "SUM(CASE WHEN r.age_group = '18-59' THEN r.count ELSE 0 END), "
      "SUM(CASE WHEN r.age_group = '60+' THEN r.count ELSE 0 END), "
      "SUM(CASE WHEN r.population_group = 'idp' THEN r.count ELSE 0 END), "
      "SUM(CASE WHEN r.population_group = 'returnee' THEN r.count ELSE 0 END), "
      "SUM(CASE WHEN r.population_group = 'refugee' THEN r.count ELSE 0 END), "
      "SUM(CASE WHEN r.population_group = 'host' THEN r.count ELSE 0 END), SUM(r.count) "
      "FROM service_records r" +
      S(kWhere) + " AND r.person_id IS NULL GROUP BY 1, 2, 3, 4, 5, 6, 7";
  return "SELECT o.name, COALESCE(p.code, ''), COALESCE(p.name, ''), COALESCE(p.donor, ''), "
         "w.sector, w.kind, w.adm1, COALESCE(g.name_en, ''), w.adm2, COALESCE(d.name_en, ''), "
         "w.month, SUM(w.people), SUM(w.female), SUM(w.male), SUM(w.a0), SUM(w.a6), "
         "SUM(w.a18), SUM(w.a60), SUM(w.idp), SUM(w.returnee), SUM(w.refugee), SUM(w.host), "
         "SUM(w.served) FROM (" +
         registered + " UNION ALL " + counted +
         ") w JOIN organisations o ON o.id = w.org LEFT JOIN projects p ON p.id = w.project "
         "LEFT JOIN places g ON g.pcode = w.adm1 LEFT JOIN places d ON d.pcode = w.adm2 "
         "GROUP BY o.name, p.code, p.name, p.donor, w.sector, w.kind, w.adm1, g.name_en, "
         "w.adm2, d.name_en, w.month";
}

std::vector<Value> Filter(const ReportQuery& q) { return {q.organisation_id, q.from, q.to}; }

// The filter's parameters after `before` leading ones, `times` over.
std::vector<Value> Params(const ReportQuery& q, std::vector<Value> before, int times) {
  for (int i = 0; i < times; ++i) {
    for (Value& v : Filter(q)) before.push_back(std::move(v));
  }
  return before;
}

using Clock = std::chrono::steady_clock;
double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

}  // namespace

Result<TimedFigures> PeerDashboard(store::Database& db, const ReportQuery& q) {
  const int64_t year = q.age_year;
  const std::string month = By("substr(r.served_on, 1, 7)");
  const std::string sector = By("r.sector");
  const std::string governorate = ByPlace("substr(r.pcode, 1, 5)");
  // Records placed only to a governorate have no district.
  const std::string district = ByPlace("substr(r.pcode, 1, 8)", " AND length(r.pcode) >= 8");
  const std::string groups = ByPopulationGroup();
  const std::string sex_age = BySexAge();
  const std::string reached = Reached();
  const std::string collected = HouseholdsCollected();
  const std::string participants = Participants();
  std::vector<store::Rows> rows(10);
  const auto start = Clock::now();
  SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(rows[0], c.Query(reached, Filter(q)));
    SANAD_ASSIGN_OR_RETURN(rows[1], c.Query(month, Filter(q)));
    SANAD_ASSIGN_OR_RETURN(rows[2], c.Query(sector, Filter(q)));
    SANAD_ASSIGN_OR_RETURN(rows[3], c.Query(groups, Params(q, {}, 2)));
    SANAD_ASSIGN_OR_RETURN(rows[4], c.Query(sex_age, Params(q, {year, year, year}, 2)));
    SANAD_ASSIGN_OR_RETURN(rows[5], c.Query(governorate, Filter(q)));
    SANAD_ASSIGN_OR_RETURN(rows[6], c.Query(district, Filter(q)));
    SANAD_ASSIGN_OR_RETURN(rows[7], c.Query(collected, Filter(q)));
    SANAD_ASSIGN_OR_RETURN(rows[8], c.Query(kActivitiesHeld, Filter(q)));
    SANAD_ASSIGN_OR_RETURN(rows[9], c.Query(participants, Filter(q)));
    return Status::Ok();
  }));
  TimedFigures out{.seconds = Since(start)};
  Figures& f = out.figures;
  if (!rows[0].empty()) {
    const store::Row& r = rows[0].front();
    f.people = r.Int(0);
    f.Add("reached", {},
          {{"people", r.Int(0)},
           {"counted", r.Int(1)},
           {"times_served", r.Int(2)},
           {"households", r.Int(3)}});
  }
  for (const auto& r : rows[1]) {
    f.Add("by_month", {r.Text(0)}, {{"people", r.Int(1)}, {"times_served", r.Int(2)}});
  }
  for (const auto& r : rows[2]) {
    f.Add("by_sector", {r.Text(0)}, {{"people", r.Int(1)}, {"times_served", r.Int(2)}});
  }
  for (const auto& r : rows[3]) f.Add("by_population_group", {r.Text(0)}, {{"people", r.Int(1)}});
  for (const auto& r : rows[4]) {
    f.Add("by_sex_age", {r.Text(0), r.Text(1)}, {{"people", r.Int(2)}});
  }
  for (size_t table : {5, 6}) {
    for (const auto& r : rows[table]) {
      f.Add(table == 5 ? "by_governorate" : "by_district", {r.Text(0), r.Text(1), r.Text(2)},
            {{"people", r.Int(3)}, {"times_served", r.Int(4)}});
    }
  }
  if (!rows[7].empty()) {
    f.Add("households_collected", {}, {{"households", rows[7].front().Int(0)}});
  }
  std::map<std::string, std::pair<int64_t, int64_t>> types;  // held, participants
  for (const auto& r : rows[8]) types[r.Text(0)].first = r.Int(1);
  for (const auto& r : rows[9]) types[r.Text(0)].second = r.Int(1);
  for (const auto& [type, v] : types) {
    f.Add("activities_by_type", {type}, {{"held", v.first}, {"participants", v.second}});
  }
  f.rows = static_cast<int64_t>(f.lines.size());
  f.Sort();
  return out;
}

Result<TimedFigures> PeerFourW(store::Database& db, const ReportQuery& q) {
  const int64_t year = q.age_year;
  const std::string sql = FourW();
  std::vector<Value> params = Params(q, {year, year, year, year}, 1);
  for (Value& v : Filter(q)) params.push_back(std::move(v));
  store::Rows rows;
  const auto start = Clock::now();
  SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(rows, c.Query(sql, params));
    return Status::Ok();
  }));
  TimedFigures out{.seconds = Since(start)};
  Figures& f = out.figures;
  for (const auto& r : rows) {
    f.people += r.Int(11);
    f.Add("4w",
          {r.Text(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7),
           r.Text(8), r.Text(9), r.Text(10)},
          {{"reached", r.Int(11)},
           {"female", r.Int(12)},
           {"male", r.Int(13)},
           {"age0_5", r.Int(14)},
           {"age6_17", r.Int(15)},
           {"age18_59", r.Int(16)},
           {"age60", r.Int(17)},
           {"idp", r.Int(18)},
           {"returnee", r.Int(19)},
           {"refugee", r.Int(20)},
           {"host", r.Int(21)},
           {"services", r.Int(22)}});
  }
  f.rows = static_cast<int64_t>(rows.size());
  f.Sort();
  return out;
}

}  // namespace sanad::bench
