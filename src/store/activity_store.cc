#include "store/activity_store.h"

#include <algorithm>
#include <tuple>

#include "store/row_values_internal.h"
#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

using programmes::Activity;
using row_values::IdOrNull;

constexpr std::string_view kInsertActivity =
    "INSERT INTO activities (organisation_id, project_id, office_id, version, type, sector, "
    "title, pcode, site, starts_on, ends_on, status, facilitator, sessions, units, unit_kind, "
    "trainee_organisation, note, search_text, created_at, created_by, updated_at, updated_by) "
    "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kActivityColumns =
    "SELECT a.id, a.organisation_id, a.version, a.project_id, a.office_id, a.type, a.sector, "
    "a.title, a.pcode, a.site, a.starts_on, a.ends_on, a.status, a.facilitator, a.sessions, "
    "a.units, a.unit_kind, a.trainee_organisation, a.note, a.created_at, a.created_by, "
    "a.updated_at, a.updated_by, p.code, p.name, o.name, "
    "(SELECT COUNT(*) FROM activity_attendance t WHERE t.activity_id = a.id), "
    "(SELECT COALESCE(SUM(n.count), 0) FROM activity_counts n WHERE n.activity_id = a.id), "
    "(SELECT COUNT(*) FROM activity_attendance t WHERE t.activity_id = a.id "
    "AND t.post_score > t.pre_score), "
    "(SELECT AVG(t.pre_score) FROM activity_attendance t WHERE t.activity_id = a.id), "
    "(SELECT AVG(t.post_score) FROM activity_attendance t WHERE t.activity_id = a.id) "
    "FROM activities a LEFT JOIN projects p ON p.id = a.project_id "
    "LEFT JOIN offices o ON o.id = a.office_id ";
constexpr std::string_view kUpdateActivity =
    "UPDATE activities SET project_id = ?, office_id = ?, type = ?, sector = ?, title = ?, "
    "pcode = ?, site = ?, starts_on = ?, ends_on = ?, status = ?, facilitator = ?, sessions = ?, "
    "units = ?, unit_kind = ?, trainee_organisation = ?, note = ?, search_text = ?, "
    "version = version + 1, updated_at = ?, updated_by = ? "
    "WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kTouchActivity =
    "UPDATE activities SET version = version + 1, updated_at = ?, updated_by = ? "
    "WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kActivityVersion =
    "SELECT version FROM activities WHERE id = ? AND organisation_id = ?";
constexpr std::string_view kAttendees =
    "SELECT t.person_id, t.sessions_attended, t.pre_score, t.post_score, p.household_id, "
    "p.given_name, p.father_name, p.family_name, p.name_latin, p.sex, p.birth_date "
    "FROM activity_attendance t JOIN people p ON p.id = t.person_id "
    "WHERE t.activity_id = ? ORDER BY t.person_id";
constexpr std::string_view kCounts =
    "SELECT sex, age_group, population_group, count FROM activity_counts "
    "WHERE activity_id = ?";
constexpr std::string_view kInsertAttendee =
    "INSERT INTO activity_attendance (activity_id, person_id, sessions_attended, pre_score, "
    "post_score) VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kInsertCount =
    "INSERT INTO activity_counts (activity_id, sex, age_group, population_group, count) "
    "VALUES (?, ?, ?, ?, ?)";

std::optional<double> OptionalDouble(const Row& r, size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return r.Double(i);
}
std::optional<int64_t> OptionalInt(const Row& r, size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return r.Int(i);
}
Value IntOrNull(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{}; }

// The position of a value in its vocabulary (unknown values last), so count rows come in the
// same order on both backends whatever their collation.
template <size_t N>
size_t Rank(const std::array<std::string_view, N>& choices, const std::string& value) {
  for (size_t i = 0; i < N; ++i) {
    if (choices[i] == value) return i;
  }
  return N;
}

Activity ToActivity(const Row& r) {
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .version = r.Int(2),
          .project_id = r.Int(3),
          .office_id = r.Int(4),
          .type = r.Text(5),
          .sector = r.Text(6),
          .title = r.Text(7),
          .pcode = r.Text(8),
          .site = r.Text(9),
          .starts_on = r.Text(10),
          .ends_on = r.Text(11),
          .status = r.Text(12),
          .facilitator = r.Text(13),
          .sessions = r.Int(14),
          .units = r.Int(15),
          .unit_kind = r.Text(16),
          .trainee_organisation = r.Text(17),
          .note = r.Text(18),
          .created_at = r.Int(19),
          .created_by = r.Int(20),
          .updated_at = r.Int(21),
          .updated_by = r.Int(22),
          .project_code = r.Text(23),
          .project_name = r.Text(24),
          .office_name = r.Text(25),
          .attendance = {.registered = r.Int(26),
                         .counted = r.Int(27),
                         .improved = r.Int(28),
                         .mean_pre = OptionalDouble(r, 29),
                         .mean_post = OptionalDouble(r, 30)}};
}

std::vector<Value> Fields(const Activity& a) {
  return {IdOrNull(a.project_id),
          IdOrNull(a.office_id),
          a.type,
          a.sector,
          a.title,
          a.pcode,
          a.site,
          a.starts_on,
          a.ends_on,
          a.status,
          a.facilitator,
          a.sessions,
          a.units,
          a.unit_kind,
          a.trainee_organisation,
          a.note};
}

std::string ActivityWhere(const ActivityListFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE a.organisation_id = ?";
  params->push_back(f.organisation_id);
  const std::pair<const char*, const std::string*> equal[] = {{" AND a.type = ?", &f.type},
                                                              {" AND a.sector = ?", &f.sector},
                                                              {" AND a.status = ?", &f.status}};
  for (const auto& [sql, value] : equal) {
    if (value->empty()) continue;
    where += sql;
    params->push_back(*value);
  }
  if (f.project_id > 0) {
    where += " AND a.project_id = ?";
    params->push_back(f.project_id);
  }
  if (f.office_id > 0) {
    where += " AND a.office_id = ?";
    params->push_back(f.office_id);
  }
  if (!f.pcode.empty()) {
    where += " AND a.pcode >= ?";
    params->push_back(f.pcode);
    if (std::string end = PrefixEnd(f.pcode); !end.empty()) {
      where += " AND a.pcode < ?";
      params->push_back(std::move(end));
    }
  }
  if (!f.from.empty()) {
    where += " AND a.ends_on >= ?";
    params->push_back(f.from);
  }
  if (!f.to.empty()) {
    where += " AND a.starts_on <= ?";
    params->push_back(f.to);
  }
  for (const auto& t : f.terms) {
    where += " AND a.search_text LIKE ? ESCAPE '\\'";
    params->push_back("%" + EscapeLike(t) + "%");
  }
  return where;
}

}  // namespace

Status InsertActivity(Connection& c, Activity* a, const std::string& search_text, int64_t now) {
  std::vector<Value> params = {a->organisation_id};
  for (Value& v : Fields(*a)) params.push_back(std::move(v));
  for (Value v : {Value{search_text}, Value{now}, IdOrNull(a->created_by), Value{now},
                  IdOrNull(a->created_by)}) {
    params.push_back(std::move(v));
  }
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertActivity, params));
  a->id = rows.front().Int(0);
  a->version = 1;
  a->created_at = a->updated_at = now;
  a->updated_by = a->created_by;
  return Status::Ok();
}

Result<std::optional<Activity>> GetActivity(Connection& c, int64_t organisation_id, int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query(std::string(kActivityColumns) + "WHERE a.id = ? AND a.organisation_id = ?", p));
  if (rows.empty()) return std::optional<Activity>();
  return std::optional<Activity>(ToActivity(rows.front()));
}

Status UpdateActivity(Connection& c, Activity* a, int64_t expected_version,
                      const std::string& search_text, int64_t now) {
  std::vector<Value> params = Fields(*a);
  for (Value v : {Value{search_text}, Value{now}, IdOrNull(a->updated_by), Value{a->id},
                  Value{a->organisation_id}, Value{expected_version}}) {
    params.push_back(std::move(v));
  }
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kUpdateActivity, params));
  if (changed == 0) {
    return row_values::StaleOrMissing(c, kActivityVersion, "activity", a->id, a->organisation_id,
                                      expected_version);
  }
  a->version = expected_version + 1;
  a->updated_at = now;
  return Status::Ok();
}

Result<int64_t> TouchActivity(Connection& c, int64_t organisation_id, int64_t id,
                              int64_t expected_version, int64_t user_id, int64_t now) {
  const Value p[] = {now, IdOrNull(user_id), id, organisation_id, expected_version};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kTouchActivity, p));
  if (changed == 0) {
    return row_values::StaleOrMissing(c, kActivityVersion, "activity", id, organisation_id,
                                      expected_version);
  }
  return expected_version + 1;
}

Result<std::vector<Activity>> ListActivities(Connection& c, const ActivityListFilter& f) {
  std::vector<Value> params;
  const std::string sql = std::string(kActivityColumns) + ActivityWhere(f, &params) +
                          " ORDER BY a.starts_on DESC, a.id DESC LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<Activity> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToActivity(r));
  return out;
}

Result<int64_t> CountActivities(Connection& c, const ActivityListFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT COUNT(*) FROM activities a " + ActivityWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

Result<programmes::Attendance> GetAttendance(Connection& c, int64_t activity_id) {
  programmes::Attendance out;
  const Value p[] = {activity_id};
  SANAD_ASSIGN_OR_RETURN(Rows people, c.Query(kAttendees, p));
  for (const Row& r : people) {
    out.people.push_back({.person_id = r.Int(0),
                          .sessions_attended = r.Int(1),
                          .pre_score = OptionalInt(r, 2),
                          .post_score = OptionalInt(r, 3),
                          .household_id = r.Int(4),
                          .given_name = r.Text(5),
                          .father_name = r.Text(6),
                          .family_name = r.Text(7),
                          .name_latin = r.Text(8),
                          .sex = r.Text(9),
                          .birth_date = r.Text(10)});
  }
  SANAD_ASSIGN_OR_RETURN(Rows counts, c.Query(kCounts, p));
  for (const Row& r : counts) {
    out.counts.push_back({.sex = r.Text(0),
                          .age_group = r.Text(1),
                          .population_group = r.Text(2),
                          .count = r.Int(3)});
  }
  const auto key = [](const programmes::CountRow& n) {
    return std::tuple(Rank(programmes::kCountSexes, n.sex),
                      Rank(programmes::kCountAgeGroups, n.age_group),
                      Rank(programmes::kCountPopulationGroups, n.population_group));
  };
  std::sort(out.counts.begin(), out.counts.end(),
            [&](const auto& x, const auto& y) { return key(x) < key(y); });
  return out;
}

Status ReplaceAttendance(Connection& c, int64_t activity_id, const programmes::Attendance& a) {
  const Value id[] = {activity_id};
  SANAD_RETURN_IF_ERROR(
      c.Execute("DELETE FROM activity_attendance WHERE activity_id = ?", id).status());
  SANAD_RETURN_IF_ERROR(
      c.Execute("DELETE FROM activity_counts WHERE activity_id = ?", id).status());
  for (const auto& p : a.people) {
    const Value row[] = {activity_id, p.person_id, p.sessions_attended, IntOrNull(p.pre_score),
                         IntOrNull(p.post_score)};
    SANAD_RETURN_IF_ERROR(c.Execute(kInsertAttendee, row).status());
  }
  for (const auto& n : a.counts) {
    const Value row[] = {activity_id, n.sex, n.age_group, n.population_group, n.count};
    SANAD_RETURN_IF_ERROR(c.Execute(kInsertCount, row).status());
  }
  return Status::Ok();
}

}  // namespace sanad::store
