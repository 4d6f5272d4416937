#include "store/project_store.h"

#include <map>

#include "store/row_values_internal.h"
#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

using programmes::Project;
using row_values::Flag;
using row_values::IdOrNull;
using row_values::JoinList;
using row_values::SplitList;

constexpr std::string_view kInsertProject =
    "INSERT INTO projects (organisation_id, office_id, version, code, name, name_ar, "
    "description, donor, sectors, status, starts_on, ends_on, currency, budget, public, "
    "search_text, created_at, created_by, updated_at, updated_by) "
    "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kProjectColumns =
    "SELECT p.id, p.organisation_id, p.version, p.code, p.name, p.name_ar, p.description, "
    "p.donor, p.sectors, p.status, p.starts_on, p.ends_on, p.office_id, p.currency, p.budget, "
    "p.public, p.created_at, p.created_by, p.updated_at, p.updated_by, o.name, "
    "(SELECT COALESCE(SUM(e.amount), 0) FROM expenditures e WHERE e.project_id = p.id "
    "AND e.voided_at IS NULL), "
    "(SELECT COUNT(*) FROM expenditures e WHERE e.project_id = p.id) "
    "FROM projects p LEFT JOIN offices o ON o.id = p.office_id ";
constexpr std::string_view kUpdateProject =
    "UPDATE projects SET office_id = ?, code = ?, name = ?, name_ar = ?, description = ?, "
    "donor = ?, sectors = ?, status = ?, starts_on = ?, ends_on = ?, currency = ?, budget = ?, "
    "public = ?, search_text = ?, version = version + 1, updated_at = ?, updated_by = ? "
    "WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kProjectVersion =
    "SELECT version FROM projects WHERE id = ? AND organisation_id = ?";
constexpr std::string_view kInsertPlace =
    "INSERT INTO project_places (project_id, pcode) VALUES (?, ?)";
constexpr std::string_view kDeletePlaces = "DELETE FROM project_places WHERE project_id = ?";
// Activities with their own office keep it; every other record of the project (activities
// without an office, collections of its rounds, services of its cases) takes the project's.
constexpr std::string_view kReassignOffice =
    "UPDATE service_records SET office_id = ? WHERE project_id = ? AND NOT (source = 'activity' "
    "AND source_id IN (SELECT a.id FROM activities a WHERE a.project_id = ? "
    "AND a.office_id IS NOT NULL))";

Project ToProject(const Row& r) {
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .version = r.Int(2),
          .code = r.Text(3),
          .name = r.Text(4),
          .name_ar = r.Text(5),
          .description = r.Text(6),
          .donor = r.Text(7),
          .sectors = SplitList(r.Text(8)),
          .status = r.Text(9),
          .starts_on = r.Text(10),
          .ends_on = r.Text(11),
          .office_id = r.Int(12),
          .currency = r.Text(13),
          .budget = r.Int(14),
          .is_public = r.Int(15) != 0,
          .created_at = r.Int(16),
          .created_by = r.Int(17),
          .updated_at = r.Int(18),
          .updated_by = r.Int(19),
          .office_name = r.Text(20),
          .spent = r.Int(21),
          .has_expenditures = r.Int(22) > 0};
}

std::string ProjectWhere(const ProjectFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE p.organisation_id = ?";
  params->push_back(f.organisation_id);
  if (!f.status.empty()) {
    where += " AND p.status = ?";
    params->push_back(f.status);
  }
  if (!f.sector.empty()) {
    where += " AND p.sectors LIKE ? ESCAPE '\\'";
    params->push_back("%," + EscapeLike(f.sector) + ",%");
  }
  if (f.office_id > 0) {
    where += " AND p.office_id = ?";
    params->push_back(f.office_id);
  }
  if (!f.pcode.empty()) {
    where += " AND EXISTS (SELECT 1 FROM project_places pp WHERE pp.project_id = p.id AND ((";
    where += "pp.pcode >= ?";
    params->push_back(f.pcode);
    if (std::string end = PrefixEnd(f.pcode); !end.empty()) {
      where += " AND pp.pcode < ?";
      params->push_back(std::move(end));
    }
    where += ")";
    if (!f.pcode_above.empty()) {
      where += " OR pp.pcode IN (" + Placeholders(f.pcode_above.size()) + ")";
      for (const auto& up : f.pcode_above) params->push_back(up);
    }
    where += "))";
  }
  for (const auto& t : f.terms) {
    where += " AND p.search_text LIKE ? ESCAPE '\\'";
    params->push_back("%" + EscapeLike(t) + "%");
  }
  return where;
}

Status WritePlaces(Connection& c, const Project& p) {
  const Value del[] = {p.id};
  SANAD_RETURN_IF_ERROR(c.Execute(kDeletePlaces, del).status());
  for (const auto& pcode : p.places) {
    const Value row[] = {p.id, pcode};
    SANAD_RETURN_IF_ERROR(c.Execute(kInsertPlace, row).status());
  }
  return Status::Ok();
}

// Fills the places of every project, in one query.
Status ReadPlaces(Connection& c, std::vector<Project>* projects) {
  if (projects->empty()) return Status::Ok();
  std::map<int64_t, Project*> by_id;
  std::vector<Value> params;
  for (auto& p : *projects) {
    by_id[p.id] = &p;
    params.emplace_back(p.id);
  }
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query("SELECT project_id, pcode FROM project_places WHERE project_id IN (" +
                             Placeholders(params.size()) + ") ORDER BY project_id, pcode",
                         params));
  for (const Row& r : rows) by_id[r.Int(0)]->places.push_back(r.Text(1));
  return Status::Ok();
}

}  // namespace

Status InsertProject(Connection& c, Project* p, const std::string& search_text, int64_t now) {
  const Value params[] = {p->organisation_id,
                          IdOrNull(p->office_id),
                          p->code,
                          p->name,
                          p->name_ar,
                          p->description,
                          p->donor,
                          JoinList(p->sectors),
                          p->status,
                          p->starts_on,
                          p->ends_on,
                          p->currency,
                          p->budget,
                          Flag(p->is_public),
                          search_text,
                          now,
                          IdOrNull(p->created_by),
                          now,
                          IdOrNull(p->created_by)};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertProject, params));
  p->id = rows.front().Int(0);
  p->version = 1;
  p->created_at = p->updated_at = now;
  p->updated_by = p->created_by;
  return WritePlaces(c, *p);
}

Result<std::optional<Project>> GetProject(Connection& c, int64_t organisation_id, int64_t id) {
  const Value params[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query(std::string(kProjectColumns) + "WHERE p.id = ? AND p.organisation_id = ?", params));
  if (rows.empty()) return std::optional<Project>();
  std::vector<Project> one = {ToProject(rows.front())};
  SANAD_RETURN_IF_ERROR(ReadPlaces(c, &one));
  return std::optional<Project>(std::move(one.front()));
}

Result<std::optional<int64_t>> FindProjectByCode(Connection& c, int64_t organisation_id,
                                                 const std::string& code) {
  const Value params[] = {organisation_id, code};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query("SELECT id FROM projects WHERE organisation_id = ? AND code = ?", params));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows.front().Int(0));
}

Status UpdateProject(Connection& c, Project* p, int64_t expected_version,
                     const std::string& search_text, int64_t now) {
  const Value params[] = {IdOrNull(p->office_id),
                          p->code,
                          p->name,
                          p->name_ar,
                          p->description,
                          p->donor,
                          JoinList(p->sectors),
                          p->status,
                          p->starts_on,
                          p->ends_on,
                          p->currency,
                          p->budget,
                          Flag(p->is_public),
                          search_text,
                          now,
                          IdOrNull(p->updated_by),
                          p->id,
                          p->organisation_id,
                          expected_version};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kUpdateProject, params));
  if (changed == 0) {
    return row_values::StaleOrMissing(c, kProjectVersion, "project", p->id, p->organisation_id,
                                      expected_version);
  }
  p->version = expected_version + 1;
  p->updated_at = now;
  return WritePlaces(c, *p);
}

Result<std::vector<Project>> ListProjects(Connection& c, const ProjectFilter& f) {
  std::vector<Value> params;
  const std::string sql = std::string(kProjectColumns) + ProjectWhere(f, &params) +
                          " ORDER BY p.starts_on DESC, p.id DESC LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<Project> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToProject(r));
  SANAD_RETURN_IF_ERROR(ReadPlaces(c, &out));
  return out;
}

Result<int64_t> CountProjects(Connection& c, const ProjectFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT COUNT(*) FROM projects p " + ProjectWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

Status ReassignProjectOffice(Connection& c, int64_t project_id, int64_t office_id) {
  const Value params[] = {IdOrNull(office_id), project_id, project_id};
  return c.Execute(kReassignOffice, params).status();
}

}  // namespace sanad::store
