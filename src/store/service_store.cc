#include "store/service_store.h"

#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

using referrals::Service;

constexpr std::string_view kInsertService =
    "INSERT INTO services (organisation_id, type, name, pcode, contact_name, contact_phone, "
    "contact_email, eligibility, search_text, active, version, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?) RETURNING id";
constexpr std::string_view kServiceColumns =
    "SELECT s.id, s.organisation_id, o.name, s.type, s.name, s.pcode, s.contact_name, "
    "s.contact_phone, s.contact_email, s.eligibility, s.active, s.version, s.created_at, "
    "s.updated_at FROM services s JOIN organisations o ON o.id = s.organisation_id ";
constexpr std::string_view kUpdateService =
    "UPDATE services SET type = ?, name = ?, pcode = ?, contact_name = ?, contact_phone = ?, "
    "contact_email = ?, eligibility = ?, search_text = ?, active = ?, version = version + 1, "
    "updated_at = ? WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kCurrentVersion =
    "SELECT version FROM services WHERE id = ? AND organisation_id = ?";

Service ToService(const Row& r) {
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .organisation_name = r.Text(2),
          .type = r.Text(3),
          .name = r.Text(4),
          .pcode = r.Text(5),
          .contact_name = r.Text(6),
          .contact_phone = r.Text(7),
          .contact_email = r.Text(8),
          .eligibility = r.Text(9),
          .active = r.Int(10) != 0,
          .version = r.Int(11),
          .created_at = r.Int(12),
          .updated_at = r.Int(13)};
}

std::string FilterWhere(const ServiceFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE 1 = 1";
  if (!f.type.empty()) {
    where += " AND s.type = ?";
    params->push_back(f.type);
  }
  if (!f.pcode.empty()) {
    where += " AND s.pcode >= ?";
    params->push_back(f.pcode);
    if (std::string end = PrefixEnd(f.pcode); !end.empty()) {
      where += " AND s.pcode < ?";
      params->push_back(std::move(end));
    }
  }
  if (f.organisation_id != 0) {
    where += " AND s.organisation_id = ?";
    params->push_back(f.organisation_id);
  }
  if (f.active.has_value()) {
    where += " AND s.active = ?";
    params->push_back(int64_t{*f.active ? 1 : 0});
  }
  for (const auto& t : f.terms) {
    where += " AND s.search_text LIKE ? ESCAPE '\\'";
    params->push_back("%" + EscapeLike(t) + "%");
  }
  return where;
}

}  // namespace

Status InsertService(Connection& c, Service* s, const std::string& search_text, int64_t now) {
  const Value p[] = {s->organisation_id,
                     s->type,
                     s->name,
                     s->pcode,
                     s->contact_name,
                     s->contact_phone,
                     s->contact_email,
                     s->eligibility,
                     search_text,
                     int64_t{s->active ? 1 : 0},
                     now,
                     now};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertService, p));
  s->id = rows.front().Int(0);
  s->version = 1;
  s->created_at = s->updated_at = now;
  return Status::Ok();
}

Result<Service> GetService(Connection& c, int64_t id) {
  const Value p[] = {id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(std::string(kServiceColumns) + "WHERE s.id = ?", p));
  if (rows.empty()) return Status::NotFound("service not found");
  return ToService(rows.front());
}

Status UpdateService(Connection& c, Service* s, int64_t expected_version,
                     const std::string& search_text, int64_t now) {
  const Value p[] = {s->type,
                     s->name,
                     s->pcode,
                     s->contact_name,
                     s->contact_phone,
                     s->contact_email,
                     s->eligibility,
                     search_text,
                     int64_t{s->active ? 1 : 0},
                     now,
                     s->id,
                     s->organisation_id,
                     expected_version};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kUpdateService, p));
  if (changed == 0) {
    const Value q[] = {s->id, s->organisation_id};
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kCurrentVersion, q));
    if (rows.empty()) return Status::NotFound("service not found");
    const std::string current = std::to_string(rows.front().Int(0));
    return Status(StatusCode::kConflict,
                  "service " + std::to_string(s->id) + " was changed by someone else: version " +
                      std::to_string(expected_version) + " is stale, the current version is " +
                      current,
                  {{"version", "is stale: the current version is " + current}});
  }
  s->version = expected_version + 1;
  s->updated_at = now;
  return Status::Ok();
}

Result<std::vector<Service>> ListServices(Connection& c, const ServiceFilter& f) {
  std::vector<Value> params;
  const std::string sql = std::string(kServiceColumns) + FilterWhere(f, &params) +
                          " ORDER BY s.name, s.id LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<Service> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToService(r));
  return out;
}

Result<int64_t> CountServices(Connection& c, const ServiceFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT COUNT(*) FROM services s " + FilterWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

}  // namespace sanad::store
