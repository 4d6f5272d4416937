#include "store/service_record_store.h"

#include <algorithm>
#include <map>
#include <set>
#include <vector>

#include "store/row_values_internal.h"
#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

// Registry values copied into each row: the birth year is the first four characters of a
// birth date known to the year, the month or the day; the population group as PopulationGroup.
constexpr std::string_view kRegistryColumns =
    "p.id, p.household_id, 1, p.sex, "
    "CASE WHEN length(p.birth_date) >= 4 THEN CAST(substr(p.birth_date, 1, 4) AS INTEGER) "
    "ELSE 0 END, '', "
    "CASE h.displacement_status WHEN 'idp_in_camp' THEN 'idp' WHEN 'idp_out_of_camp' THEN 'idp' "
    "WHEN 'returnee' THEN 'returnee' WHEN 'refugee' THEN 'refugee' "
    "WHEN 'host_community' THEN 'host' WHEN 'migrant' THEN 'other' ELSE 'unknown' END ";
constexpr std::string_view kInsertHead =
    "INSERT INTO service_records (organisation_id, project_id, office_id, sector, source, "
    "source_id, kind, pcode, served_on, person_key, person_id, household_id, count, sex, "
    "birth_year, age_group, population_group) ";
// A merged person's key is who they were merged into; chains (merged into someone merged
// later) are followed by kFollowChain.
constexpr std::string_view kSelectHead =
    "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(p.merged_into, p.id), ";
constexpr std::string_view kFollowChain =
    "UPDATE service_records SET person_key = (SELECT m.merged_into FROM people m WHERE m.id = "
    "service_records.person_key) WHERE source = ? AND source_id = ? AND person_key IN "
    "(SELECT id FROM people WHERE merged_into IS NOT NULL)";
constexpr int kMaxChain = 16;
// Long id lists go in statements of at most this many parameters: the PostgreSQL backend
// refuses statements of several thousand.
constexpr size_t kMaxIdsPerStatement = 500;

std::vector<Value> BaseParams(const ServiceRecordBase& b) {
  return {b.organisation_id,
          row_values::IdOrNull(b.project_id),
          row_values::IdOrNull(b.office_id),
          b.sector,
          b.source,
          b.source_id,
          b.kind,
          b.pcode,
          b.served_on};
}

Status FollowChains(Connection& c, const ServiceRecordBase& b) {
  for (int i = 0; i < kMaxChain; ++i) {
    const Value params[] = {b.source, b.source_id};
    SANAD_ASSIGN_OR_RETURN(int64_t changed, c.Execute(kFollowChain, params));
    if (changed == 0) return Status::Ok();
  }
  return Status::Ok();
}

}  // namespace

Status InsertPeopleRecords(Connection& c, const ServiceRecordBase& base,
                           std::span<const int64_t> person_ids) {
  for (size_t at = 0; at < person_ids.size(); at += kMaxIdsPerStatement) {
    const auto chunk =
        person_ids.subspan(at, std::min(kMaxIdsPerStatement, person_ids.size() - at));
    std::vector<Value> params = BaseParams(base);
    for (int64_t id : chunk) params.emplace_back(id);
    const std::string sql = std::string(kInsertHead) + std::string(kSelectHead) +
                            std::string(kRegistryColumns) +
                            "FROM people p JOIN households h ON h.id = p.household_id "
                            "WHERE p.id IN (" +
                            Placeholders(chunk.size()) + ")";
    SANAD_RETURN_IF_ERROR(c.Execute(sql, params).status());
  }
  return person_ids.empty() ? Status::Ok() : FollowChains(c, base);
}

Status InsertHouseholdRecords(Connection& c, const ServiceRecordBase& base, int64_t household_id) {
  std::vector<Value> params = BaseParams(base);
  params.emplace_back(household_id);
  const std::string sql = std::string(kInsertHead) + std::string(kSelectHead) +
                          std::string(kRegistryColumns) +
                          "FROM people p JOIN households h ON h.id = p.household_id "
                          "WHERE p.household_id = ? AND p.archived_at IS NULL AND "
                          "p.merged_into IS NULL";
  return c.Execute(sql, params).status();
}

Status InsertCountedRecord(Connection& c, const ServiceRecordBase& base, std::string_view sex,
                           std::string_view age_group, std::string_view population_group,
                           int64_t count) {
  std::vector<Value> params = BaseParams(base);
  params.emplace_back(count);
  params.emplace_back(std::string(sex));
  params.emplace_back(std::string(age_group));
  params.emplace_back(std::string(population_group));
  constexpr std::string_view kCounted =
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL, NULL, ?, ?, 0, ?, ?)";
  return c.Execute(std::string(kInsertHead) + std::string(kCounted), params).status();
}

Result<int64_t> DeleteServiceRecords(Connection& c, std::string_view source, int64_t source_id) {
  const Value params[] = {std::string(source), source_id};
  return c.Execute("DELETE FROM service_records WHERE source = ? AND source_id = ?", params);
}

Status RekeyServiceRecords(Connection& c, std::span<const int64_t> person_ids) {
  // Everyone whose records may change: these people and whoever was merged into them.
  std::set<int64_t> affected(person_ids.begin(), person_ids.end());
  std::vector<int64_t> frontier(person_ids.begin(), person_ids.end());
  for (int depth = 0; depth < kMaxChain && !frontier.empty(); ++depth) {
    std::vector<int64_t> next;
    for (size_t at = 0; at < frontier.size(); at += kMaxIdsPerStatement) {
      const size_t n = std::min(kMaxIdsPerStatement, frontier.size() - at);
      std::vector<Value> params(frontier.begin() + static_cast<ptrdiff_t>(at),
                                frontier.begin() + static_cast<ptrdiff_t>(at + n));
      SANAD_ASSIGN_OR_RETURN(
          Rows rows,
          c.Query("SELECT id FROM people WHERE merged_into IN (" + Placeholders(n) + ")", params));
      for (const Row& r : rows) {
        if (affected.insert(r.Int(0)).second) next.push_back(r.Int(0));
      }
    }
    frontier = std::move(next);
  }
  // Who each of them is now: merged_into followed to its end.
  std::map<int64_t, int64_t> merged_into;
  auto into = [&](int64_t id) -> Result<int64_t> {
    if (auto it = merged_into.find(id); it != merged_into.end()) return it->second;
    const Value params[] = {id};
    SANAD_ASSIGN_OR_RETURN(Rows rows,
                           c.Query("SELECT merged_into FROM people WHERE id = ?", params));
    const int64_t next = rows.empty() ? 0 : rows[0].Int(0);
    merged_into[id] = next;
    return next;
  };
  for (int64_t id : affected) {
    int64_t key = id;
    for (int depth = 0; depth < kMaxChain; ++depth) {
      SANAD_ASSIGN_OR_RETURN(int64_t next, into(key));
      if (next == 0) break;
      key = next;
    }
    const Value params[] = {key, id, key};
    SANAD_RETURN_IF_ERROR(c.Execute("UPDATE service_records SET person_key = ? WHERE person_id = ? "
                                    "AND (person_key IS NULL OR person_key <> ?)",
                                    params)
                              .status());
  }
  return Status::Ok();
}

std::string_view PopulationGroup(std::string_view status) {
  if (status == "idp_in_camp" || status == "idp_out_of_camp") return "idp";
  if (status == "returnee" || status == "refugee") return status;
  if (status == "host_community") return "host";
  if (status == "migrant") return "other";
  return "unknown";
}

}  // namespace sanad::store
