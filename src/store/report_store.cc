#include "store/report_store.h"

#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

// The lengths of a governorate's and a district's P-codes (IQG15, IQG15Q03).
constexpr size_t kAdm1Length = 5;
constexpr size_t kAdm2Length = 8;

std::string_view ActivityKey(ActivityDim dim) {
  switch (dim) {
    case ActivityDim::kNone:
      return "''";
    case ActivityDim::kMonth:
      return "substr(a.starts_on, 1, 7)";
    case ActivityDim::kAdm1:
      return "substr(a.pcode, 1, 5)";
    case ActivityDim::kType:
      return "a.type";
  }
  return "''";
}

std::string ActivityWhere(const ActivityFilter& f, std::vector<Value>* params) {
  std::string where = " WHERE a.organisation_id = ? AND a.status = 'done'";
  params->emplace_back(f.organisation_id);
  if (f.project_id != 0) {
    where += " AND a.project_id = ?";
    params->emplace_back(f.project_id);
  }
  AddIn("a.type", f.types, &where, params);
  AddIn("a.sector", f.sectors, &where, params);
  AddIn("a.unit_kind", f.unit_kinds, &where, params);
  if (!f.pcode.empty()) where += " AND " + Under("a.pcode", f.pcode, params);
  if (!f.pcodes.empty()) where += " AND " + UnderAny("a.pcode", f.pcodes, params);
  if (!f.from.empty()) {
    where += " AND a.starts_on >= ?";
    params->emplace_back(f.from);
  }
  if (!f.to.empty()) {
    where += " AND a.starts_on <= ?";
    params->emplace_back(f.to);
  }
  return where;
}

// The places a project may name and still cover `pcode`: the place, those under it, and the
// governorate and district above it.
std::string ProjectPlaceWhere(const std::string& pcode, std::vector<Value>* params) {
  std::string sql =
      " AND EXISTS (SELECT 1 FROM project_places pp WHERE pp.project_id = p.id AND (" +
      Under("pp.pcode", pcode, params);
  for (size_t n : {kAdm1Length, kAdm2Length}) {
    if (pcode.size() > n) {
      sql += " OR pp.pcode = ?";
      params->emplace_back(pcode.substr(0, n));
    }
  }
  return sql + "))";
}

std::string ProjectWhere(const ProjectScope& s, std::vector<Value>* params) {
  std::string where = " WHERE p.organisation_id = ?";
  params->emplace_back(s.organisation_id);
  if (s.project_id != 0) {
    where += " AND p.id = ?";
    params->emplace_back(s.project_id);
  }
  if (!s.sector.empty()) {
    where += " AND p.sectors LIKE ? ESCAPE '\\'";
    params->emplace_back("%," + EscapeLike(s.sector) + ",%");
  }
  if (!s.pcode.empty()) where += ProjectPlaceWhere(s.pcode, params);
  if (!s.to.empty()) {
    where += " AND p.starts_on <= ?";
    params->emplace_back(s.to);
  }
  if (!s.from.empty()) {
    where += " AND (p.ends_on = '' OR p.ends_on >= ?)";
    params->emplace_back(s.from);
  }
  return where;
}

Result<std::vector<StatusCount>> StatusCounts(Connection& c, const std::string& sql,
                                              const std::vector<Value>& params) {
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<StatusCount> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back({.status = r.Text(0), .count = r.Int(1)});
  return out;
}

}  // namespace

Result<std::vector<KeyedCount>> MeasureActivities(Connection& c, const ActivityFilter& f,
                                                  ActivityMeasure measure, ActivityDim dim) {
  std::vector<Value> params;
  std::string sql = "SELECT " + std::string(ActivityKey(dim));
  switch (measure) {
    case ActivityMeasure::kHeld:
      sql += ", COUNT(*) FROM activities a" + ActivityWhere(f, &params);
      break;
    case ActivityMeasure::kUnits:
      sql += ", SUM(a.units) FROM activities a" + ActivityWhere(f, &params) +
             " AND a.type = 'rehabilitation'";
      break;
    case ActivityMeasure::kTraineesImproved:
      // A person counts as who they are now: the person_key of their service record follows
      // merges to the end of the chain (a done activity's attendees each have one).
      sql +=
          ", COUNT(DISTINCT r.person_key) FROM activity_attendance aa "
          "JOIN activities a ON a.id = aa.activity_id "
          "JOIN service_records r ON r.source = 'activity' AND r.source_id = a.id "
          "AND r.person_id = aa.person_id" +
          ActivityWhere(f, &params) +
          " AND a.type = 'training' AND aa.pre_score IS NOT NULL AND aa.post_score IS NOT NULL "
          "AND aa.post_score > aa.pre_score";
      break;
  }
  if (dim != ActivityDim::kNone) sql += " GROUP BY 1 ORDER BY 1";
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<KeyedCount> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back({.key = r.Text(0), .value = r.Int(1)});
  if (out.empty() && dim == ActivityDim::kNone) out.push_back({});
  return out;
}

Result<std::vector<CaseloadRow>> CaseloadByModule(Connection& c, int64_t organisation_id,
                                                  int64_t project_id, int64_t closed_from,
                                                  int64_t closed_to) {
  std::vector<Value> params = {closed_from, closed_to, organisation_id};
  std::string sql =
      "SELECT module, SUM(CASE WHEN status <> 'closed' THEN 1 ELSE 0 END), "
      "SUM(CASE WHEN status = 'closed' AND closed_at >= ? AND closed_at <= ? THEN 1 ELSE 0 END) "
      "FROM cases WHERE organisation_id = ?";
  if (project_id != 0) {
    sql += " AND project_id = ?";
    params.emplace_back(project_id);
  }
  sql += " GROUP BY module ORDER BY module";
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<CaseloadRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back({.module = r.Text(0), .open = r.Int(1), .closed_in_period = r.Int(2)});
  }
  return out;
}

Result<std::vector<StatusCount>> ProjectsByStatus(Connection& c, const ProjectScope& s) {
  std::vector<Value> params;
  const std::string sql = "SELECT p.status, COUNT(*) FROM projects p" + ProjectWhere(s, &params) +
                          " GROUP BY p.status ORDER BY p.status";
  return StatusCounts(c, sql, params);
}

Result<std::vector<StatusCount>> RoundsByStatus(Connection& c, const ProjectScope& s) {
  std::vector<Value> params = {s.organisation_id};
  std::string sql =
      "SELECT d.status, COUNT(*) FROM distributions d WHERE d.organisation_id = ? "
      "AND d.status <> 'draft'";
  if (s.project_id != 0) {
    sql += " AND d.project_id = ?";
    params.emplace_back(s.project_id);
  }
  if (!s.pcode.empty()) sql += " AND " + Under("d.pcode", s.pcode, &params);
  if (!s.to.empty()) {
    sql += " AND d.starts_on <= ?";
    params.emplace_back(s.to);
  }
  if (!s.from.empty()) {
    sql += " AND d.ends_on >= ?";
    params.emplace_back(s.from);
  }
  sql += " GROUP BY d.status ORDER BY d.status";
  return StatusCounts(c, sql, params);
}

Result<std::vector<BudgetRow>> BudgetByCurrency(Connection& c, const ProjectScope& s) {
  std::vector<Value> params;
  std::string spent =
      "(SELECT COALESCE(SUM(e.amount), 0) FROM expenditures e WHERE e.project_id = p.id "
      "AND e.voided_at IS NULL";
  if (!s.to.empty()) {
    spent += " AND e.spent_on <= ?";
    params.emplace_back(s.to);
  }
  spent += ")";
  const std::string sql = "SELECT p.currency, SUM(p.budget), SUM(" + spent + ") FROM projects p" +
                          ProjectWhere(s, &params) + " GROUP BY p.currency ORDER BY p.currency";
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<BudgetRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back({.currency = r.Text(0), .budget = r.Int(1), .spent = r.Int(2)});
  }
  return out;
}

Result<std::vector<SpendingRow>> ProjectSpending(Connection& c, int64_t organisation_id,
                                                 int64_t project_id, const std::string& from,
                                                 const std::string& to) {
  std::vector<Value> params = {organisation_id, project_id};
  std::string sql =
      "SELECT category, substr(spent_on, 1, 7), SUM(amount) FROM expenditures "
      "WHERE organisation_id = ? AND project_id = ? AND voided_at IS NULL";
  if (!from.empty()) {
    sql += " AND spent_on >= ?";
    params.emplace_back(from);
  }
  if (!to.empty()) {
    sql += " AND spent_on <= ?";
    params.emplace_back(to);
  }
  sql += " GROUP BY 1, 2 ORDER BY 1, 2";
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<SpendingRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back({.category = r.Text(0), .month = r.Text(1), .amount = r.Int(2)});
  }
  return out;
}

}  // namespace sanad::store
