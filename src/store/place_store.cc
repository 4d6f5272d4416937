#include "store/place_store.h"

namespace sanad::store {
namespace {

// ON CONFLICT ... DO UPDATE is spelled the same in SQLite (3.24+) and PostgreSQL.
constexpr std::string_view kUpsert =
    "INSERT INTO places (pcode, level, parent_pcode, name_en, name_ar, lat, lon) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (pcode) DO UPDATE SET level = excluded.level, "
    "parent_pcode = excluded.parent_pcode, name_en = excluded.name_en, "
    "name_ar = excluded.name_ar, lat = excluded.lat, lon = excluded.lon";
constexpr std::string_view kList =
    "SELECT pcode, level, parent_pcode, name_en, name_ar, lat, lon FROM places ORDER BY pcode";

}  // namespace

Status UpsertPlaces(Connection& c, const std::vector<registry::Place>& places) {
  for (const auto& p : places) {
    const Value v[] = {p.pcode, int64_t{p.level}, p.parent_pcode, p.name_en, p.name_ar, p.lat,
                       p.lon};
    SANAD_RETURN_IF_ERROR(c.Execute(kUpsert, v).status());
  }
  return Status::Ok();
}

Result<std::vector<registry::Place>> ListAllPlaces(Connection& c) {
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kList));
  std::vector<registry::Place> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back({.pcode = r.Text(0),
                   .level = static_cast<int>(r.Int(1)),
                   .parent_pcode = r.Text(2),
                   .name_en = r.Text(3),
                   .name_ar = r.Text(4),
                   .lat = r.Double(5),
                   .lon = r.Double(6)});
  }
  return out;
}

}  // namespace sanad::store
