#include "store/people_store.h"

#include <string>

#include "store/document_codec_internal.h"

namespace sanad::store {
namespace {

constexpr std::string_view kPersonColumns =
    "SELECT p.id, p.household_id, h.version, h.organisation_id, h.displacement_status, "
    "h.location_pcode, h.location_site, h.phone, p.given_name, p.father_name, "
    "p.grandfather_name, p.family_name, p.name_latin, p.sex, p.birth_date, p.relationship, "
    "p.phone, p.documents FROM people p JOIN households h ON h.id = p.household_id "
    "WHERE p.archived_at IS NULL AND p.merged_into IS NULL AND h.archived_at IS NULL ";
// Keyset pagination on the primary key: each batch is an index range scan on both backends.
constexpr std::string_view kBatchTail = "AND p.id > ? ORDER BY p.id LIMIT ?";

PersonInHousehold ToPerson(const Row& r) {
  PersonInHousehold p;
  p.member.id = r.Int(0);
  p.household.id = r.Int(1);
  p.household.version = r.Int(2);
  p.household.organisation_id = r.Int(3);
  p.household.displacement_status = r.Text(4);
  p.household.location_pcode = r.Text(5);
  p.household.location_site = r.Text(6);
  p.household.phone = r.Text(7);
  p.member.given_name = r.Text(8);
  p.member.father_name = r.Text(9);
  p.member.grandfather_name = r.Text(10);
  p.member.family_name = r.Text(11);
  p.member.name_latin = r.Text(12);
  p.member.sex = r.Text(13);
  p.member.birth_date = r.Text(14);
  p.member.relationship = r.Text(15);
  p.member.phone = r.Text(16);
  p.member.documents = DecodeDocuments(r.Text(17));
  return p;
}

// Batches of kPersonColumns in member id order; `organisation_id` 0 is every organisation.
Status ForEachBatch(Connection& c, int64_t organisation_id,
                    const std::function<void(const PersonInHousehold&)>& fn, int batch) {
  const std::string sql = std::string(kPersonColumns) +
                          (organisation_id != 0 ? "AND h.organisation_id = ? " : "") +
                          std::string(kBatchTail);
  int64_t after = 0;
  while (true) {
    std::vector<Value> p;
    if (organisation_id != 0) p.emplace_back(organisation_id);
    p.emplace_back(after);
    p.emplace_back(int64_t{batch});
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, p));
    for (const Row& r : rows) fn(ToPerson(r));
    if (rows.size() < static_cast<size_t>(batch)) return Status::Ok();
    after = rows.back().Int(0);
  }
}

}  // namespace

Status ForEachLivePerson(Connection& c, const std::function<void(const PersonInHousehold&)>& fn,
                         int batch) {
  return ForEachBatch(c, 0, fn, batch);
}

Status ForEachLivePersonOf(Connection& c, int64_t organisation_id,
                           const std::function<void(const PersonInHousehold&)>& fn, int batch) {
  return ForEachBatch(c, organisation_id, fn, batch);
}

Result<std::vector<PersonInHousehold>> GetLivePeople(Connection& c, int64_t organisation_id,
                                                     std::span<const int64_t> member_ids) {
  std::vector<PersonInHousehold> out;
  if (member_ids.empty()) return out;
  std::string sql = std::string(kPersonColumns) + "AND h.organisation_id = ? AND p.id IN (";
  std::vector<Value> params;
  params.reserve(member_ids.size() + 1);
  params.emplace_back(organisation_id);
  for (const int64_t id : member_ids) {
    sql += params.size() == 1 ? "?" : ", ?";
    params.emplace_back(id);
  }
  sql += ") ORDER BY p.id";
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToPerson(r));
  return out;
}

}  // namespace sanad::store
