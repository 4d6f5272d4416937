#include "store/staff_store.h"

#include "store/row_values_internal.h"
#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

using programmes::StaffMember;
using row_values::Flag;
using row_values::JoinList;
using row_values::SplitList;

constexpr std::string_view kInsertStaff =
    "INSERT INTO staff_members (organisation_id, office_id, version, kind, name, sex, position, "
    "phone, languages, skills, deployable, active, search_text, created_at, updated_at) "
    "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kStaffColumns =
    "SELECT s.id, s.organisation_id, s.version, s.office_id, s.kind, s.name, s.sex, s.position, "
    "s.phone, s.languages, s.skills, s.deployable, s.active, s.created_at, s.updated_at, o.name "
    "FROM staff_members s JOIN offices o ON o.id = s.office_id ";
constexpr std::string_view kUpdateStaff =
    "UPDATE staff_members SET office_id = ?, kind = ?, name = ?, sex = ?, position = ?, "
    "phone = ?, languages = ?, skills = ?, deployable = ?, active = ?, search_text = ?, "
    "version = version + 1, updated_at = ? WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kStaffVersion =
    "SELECT version FROM staff_members WHERE id = ? AND organisation_id = ?";

StaffMember ToStaff(const Row& r) {
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .version = r.Int(2),
          .office_id = r.Int(3),
          .kind = r.Text(4),
          .name = r.Text(5),
          .sex = r.Text(6),
          .position = r.Text(7),
          .phone = r.Text(8),
          .languages = SplitList(r.Text(9)),
          .skills = r.Text(10),
          .deployable = r.Int(11) != 0,
          .active = r.Int(12) != 0,
          .created_at = r.Int(13),
          .updated_at = r.Int(14),
          .office_name = r.Text(15)};
}

std::string StaffWhere(const StaffFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE s.organisation_id = ?";
  params->push_back(f.organisation_id);
  if (f.office_id > 0) {
    where += " AND s.office_id = ?";
    params->push_back(f.office_id);
  }
  if (!f.kind.empty()) {
    where += " AND s.kind = ?";
    params->push_back(f.kind);
  }
  if (f.deployable.has_value()) {
    where += " AND s.deployable = ?";
    params->push_back(Flag(*f.deployable));
  }
  if (f.active.has_value()) {
    where += " AND s.active = ?";
    params->push_back(Flag(*f.active));
  }
  for (const auto& t : f.terms) {
    where += " AND s.search_text LIKE ? ESCAPE '\\'";
    params->push_back("%" + EscapeLike(t) + "%");
  }
  return where;
}

}  // namespace

Status InsertStaffMember(Connection& c, StaffMember* s, const std::string& search_text,
                         int64_t now) {
  const Value p[] = {s->organisation_id,
                     s->office_id,
                     s->kind,
                     s->name,
                     s->sex,
                     s->position,
                     s->phone,
                     JoinList(s->languages),
                     s->skills,
                     Flag(s->deployable),
                     Flag(s->active),
                     search_text,
                     now,
                     now};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertStaff, p));
  s->id = rows.front().Int(0);
  s->version = 1;
  s->created_at = s->updated_at = now;
  return Status::Ok();
}

Result<std::optional<StaffMember>> GetStaffMember(Connection& c, int64_t organisation_id,
                                                  int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query(std::string(kStaffColumns) + "WHERE s.id = ? AND s.organisation_id = ?", p));
  if (rows.empty()) return std::optional<StaffMember>();
  return std::optional<StaffMember>(ToStaff(rows.front()));
}

Status UpdateStaffMember(Connection& c, StaffMember* s, int64_t expected_version,
                         const std::string& search_text, int64_t now) {
  const Value p[] = {s->office_id,
                     s->kind,
                     s->name,
                     s->sex,
                     s->position,
                     s->phone,
                     JoinList(s->languages),
                     s->skills,
                     Flag(s->deployable),
                     Flag(s->active),
                     search_text,
                     now,
                     s->id,
                     s->organisation_id,
                     expected_version};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kUpdateStaff, p));
  if (changed == 0) {
    return row_values::StaleOrMissing(c, kStaffVersion, "staff member", s->id, s->organisation_id,
                                      expected_version);
  }
  s->version = expected_version + 1;
  s->updated_at = now;
  return Status::Ok();
}

Result<std::vector<StaffMember>> ListStaffMembers(Connection& c, const StaffFilter& f) {
  std::vector<Value> params;
  const std::string sql = std::string(kStaffColumns) + StaffWhere(f, &params) +
                          " ORDER BY s.name, s.id LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<StaffMember> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToStaff(r));
  return out;
}

Result<int64_t> CountStaffMembers(Connection& c, const StaffFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT COUNT(*) FROM staff_members s " + StaffWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

}  // namespace sanad::store
