#include "store/office_store.h"

#include "store/row_values_internal.h"
#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

using programmes::Office;
using row_values::Flag;

constexpr std::string_view kInsertOffice =
    "INSERT INTO offices (organisation_id, version, name, name_ar, name_key, search_text, pcode, "
    "lat, lon, public, active, created_at, updated_at) "
    "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
// The counts are of active roster members: what the office has now.
constexpr std::string_view kOfficeColumns =
    "SELECT o.id, o.organisation_id, o.version, o.name, o.name_ar, o.pcode, o.lat, o.lon, "
    "o.public, o.active, o.created_at, o.updated_at, "
    "(SELECT COUNT(*) FROM staff_members s WHERE s.organisation_id = o.organisation_id "
    "AND s.office_id = o.id AND s.active = 1 "
    "AND s.kind = 'staff'), "
    "(SELECT COUNT(*) FROM staff_members s WHERE s.organisation_id = o.organisation_id "
    "AND s.office_id = o.id AND s.active = 1 "
    "AND s.kind = 'volunteer') FROM offices o ";
constexpr std::string_view kUpdateOffice =
    "UPDATE offices SET name = ?, name_ar = ?, name_key = ?, search_text = ?, pcode = ?, lat = ?, "
    "lon = ?, "
    "public = ?, active = ?, version = version + 1, updated_at = ? "
    "WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kOfficeVersion =
    "SELECT version FROM offices WHERE id = ? AND organisation_id = ?";

Value Coordinate(const std::optional<double>& v) { return v ? Value{*v} : Value{}; }

Office ToOffice(const Row& r) {
  Office o{.id = r.Int(0),
           .organisation_id = r.Int(1),
           .version = r.Int(2),
           .name = r.Text(3),
           .name_ar = r.Text(4),
           .pcode = r.Text(5),
           .is_public = r.Int(8) != 0,
           .active = r.Int(9) != 0,
           .created_at = r.Int(10),
           .updated_at = r.Int(11),
           .staff = r.Int(12),
           .volunteers = r.Int(13)};
  if (!r.IsNull(6) && !r.IsNull(7)) {
    o.lat = r.Double(6);
    o.lon = r.Double(7);
  }
  return o;
}

std::string OfficeWhere(const OfficeFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE o.organisation_id = ?";
  params->push_back(f.organisation_id);
  if (f.active.has_value()) {
    where += " AND o.active = ?";
    params->push_back(Flag(*f.active));
  }
  if (f.public_only) where += " AND o.public = 1";
  for (const auto& t : f.terms) {
    where += " AND o.search_text LIKE ? ESCAPE '\\'";
    params->push_back("%" + EscapeLike(t) + "%");
  }
  return where;
}

}  // namespace

Status InsertOffice(Connection& c, Office* o, const std::string& name_key,
                    const std::string& search_text, int64_t now) {
  const Value p[] = {o->organisation_id,
                     o->name,
                     o->name_ar,
                     name_key,
                     search_text,
                     o->pcode,
                     Coordinate(o->lat),
                     Coordinate(o->lon),
                     Flag(o->is_public),
                     Flag(o->active),
                     now,
                     now};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertOffice, p));
  o->id = rows.front().Int(0);
  o->version = 1;
  o->created_at = o->updated_at = now;
  return Status::Ok();
}

Result<std::optional<Office>> GetOffice(Connection& c, int64_t organisation_id, int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query(std::string(kOfficeColumns) + "WHERE o.id = ? AND o.organisation_id = ?", p));
  if (rows.empty()) return std::optional<Office>();
  return std::optional<Office>(ToOffice(rows.front()));
}

Result<std::optional<int64_t>> FindOfficeByNameKey(Connection& c, int64_t organisation_id,
                                                   const std::string& name_key) {
  const Value p[] = {organisation_id, name_key};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query("SELECT id FROM offices WHERE organisation_id = ? AND name_key = ?", p));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows.front().Int(0));
}

Status UpdateOffice(Connection& c, Office* o, int64_t expected_version, const std::string& name_key,
                    const std::string& search_text, int64_t now) {
  const Value p[] = {o->name,
                     o->name_ar,
                     name_key,
                     search_text,
                     o->pcode,
                     Coordinate(o->lat),
                     Coordinate(o->lon),
                     Flag(o->is_public),
                     Flag(o->active),
                     now,
                     o->id,
                     o->organisation_id,
                     expected_version};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kUpdateOffice, p));
  if (changed == 0) {
    return row_values::StaleOrMissing(c, kOfficeVersion, "office", o->id, o->organisation_id,
                                      expected_version);
  }
  o->version = expected_version + 1;
  o->updated_at = now;
  return Status::Ok();
}

Result<std::vector<Office>> ListOffices(Connection& c, const OfficeFilter& f) {
  std::vector<Value> params;
  const std::string sql = std::string(kOfficeColumns) + OfficeWhere(f, &params) +
                          " ORDER BY o.name, o.id LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<Office> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToOffice(r));
  return out;
}

Result<int64_t> CountOffices(Connection& c, const OfficeFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT COUNT(*) FROM offices o " + OfficeWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

}  // namespace sanad::store
