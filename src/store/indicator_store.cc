#include "store/indicator_store.h"

#include "store/row_values_internal.h"

namespace sanad::store {
namespace {

using row_values::Flag;

constexpr std::string_view kInsert =
    "INSERT INTO indicators (organisation_id, project_id, version, code, name, name_ar, measure, "
    "definition, target, active, created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?) RETURNING id";
constexpr std::string_view kColumns =
    "SELECT id, organisation_id, project_id, version, code, name, name_ar, measure, definition, "
    "target, active, created_at, updated_at FROM indicators ";
constexpr std::string_view kUpdate =
    "UPDATE indicators SET code = ?, name = ?, name_ar = ?, measure = ?, definition = ?, "
    "target = ?, active = ?, version = version + 1, updated_at = ? "
    "WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kVersion =
    "SELECT version FROM indicators WHERE id = ? AND organisation_id = ?";
constexpr std::string_view kCodeTaken =
    "SELECT COUNT(*) FROM indicators WHERE project_id = ? AND code = ? AND id <> ?";

IndicatorRecord ToRecord(const Row& r) {
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .project_id = r.Int(2),
          .version = r.Int(3),
          .code = r.Text(4),
          .name = r.Text(5),
          .name_ar = r.Text(6),
          .measure = r.Text(7),
          .definition = r.Text(8),
          .target = r.Int(9),
          .active = r.Int(10) != 0,
          .created_at = r.Int(11),
          .updated_at = r.Int(12)};
}

std::string Where(const IndicatorFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE organisation_id = ?";
  params->emplace_back(f.organisation_id);
  if (f.project_id != 0) {
    where += " AND project_id = ?";
    params->emplace_back(f.project_id);
  }
  if (f.active_only) where += " AND active = 1";
  return where;
}

}  // namespace

Status InsertIndicator(Connection& c, IndicatorRecord* r, int64_t now) {
  const Value p[] = {
      r->organisation_id, r->project_id, r->code,         r->name, r->name_ar, r->measure,
      r->definition,      r->target,     Flag(r->active), now,     now};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsert, p));
  r->id = rows.front().Int(0);
  r->version = 1;
  r->created_at = now;
  r->updated_at = now;
  return Status::Ok();
}

Result<std::optional<IndicatorRecord>> GetIndicator(Connection& c, int64_t organisation_id,
                                                    int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query(std::string(kColumns) + "WHERE id = ? AND organisation_id = ?", p));
  if (rows.empty()) return std::optional<IndicatorRecord>();
  return std::optional<IndicatorRecord>(ToRecord(rows.front()));
}

Status UpdateIndicator(Connection& c, IndicatorRecord* r, int64_t expected_version, int64_t now) {
  const Value p[] = {r->code,         r->name,         r->name_ar, r->measure, r->definition,
                     r->target,       Flag(r->active), now,        r->id,      r->organisation_id,
                     expected_version};
  SANAD_ASSIGN_OR_RETURN(int64_t changed, c.Execute(kUpdate, p));
  if (changed == 0) {
    return row_values::StaleOrMissing(c, kVersion, "indicator", r->id, r->organisation_id,
                                      expected_version);
  }
  r->version = expected_version + 1;
  r->updated_at = now;
  return Status::Ok();
}

Result<std::vector<IndicatorRecord>> ListIndicators(Connection& c, const IndicatorFilter& f) {
  std::vector<Value> params;
  const std::string sql =
      std::string(kColumns) + Where(f, &params) + " ORDER BY project_id, code, id LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<IndicatorRecord> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToRecord(r));
  return out;
}

Result<int64_t> CountIndicators(Connection& c, const IndicatorFilter& f) {
  std::vector<Value> params;
  // The text first: it fills the parameters.
  const std::string sql = "SELECT COUNT(*) FROM indicators " + Where(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

Result<bool> IndicatorCodeTaken(Connection& c, int64_t project_id, const std::string& code,
                                int64_t except_id) {
  const Value p[] = {project_id, code, except_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kCodeTaken, p));
  return rows.front().Int(0) > 0;
}

}  // namespace sanad::store
