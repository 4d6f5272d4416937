#include "store/household_store.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "store/document_codec_internal.h"
#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

using registry::Household;
using registry::Member;

constexpr std::string_view kInsertHousehold =
    "INSERT INTO households (organisation_id, version, displacement_status, location_pcode, "
    "location_site, origin_pcode, phone, search_text, created_at, updated_at, created_by, "
    "updated_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kInsertMember =
    "INSERT INTO people (household_id, organisation_id, position, given_name, father_name, "
    "grandfather_name, family_name, name_latin, sex, birth_date, relationship, phone, documents, "
    "disability) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdateMember =
    "UPDATE people SET position = ?, given_name = ?, father_name = ?, grandfather_name = ?, "
    "family_name = ?, name_latin = ?, sex = ?, birth_date = ?, relationship = ?, phone = ?, "
    "documents = ?, disability = ? WHERE id = ? AND household_id = ? AND archived_at IS NULL";
constexpr std::string_view kArchiveMember =
    "UPDATE people SET archived_at = ? WHERE id = ? AND household_id = ?";
constexpr std::string_view kHouseholdColumns =
    "SELECT h.id, h.version, h.organisation_id, o.name, h.displacement_status, h.location_pcode, "
    "h.location_site, h.origin_pcode, h.phone, h.created_at, h.updated_at "
    "FROM households h JOIN organisations o ON o.id = h.organisation_id ";
constexpr std::string_view kMemberColumns =
    "SELECT household_id, id, given_name, father_name, grandfather_name, family_name, "
    "name_latin, sex, birth_date, relationship, phone, documents, disability FROM people ";
constexpr std::string_view kUpdateHousehold =
    "UPDATE households SET version = version + 1, displacement_status = ?, location_pcode = ?, "
    "location_site = ?, origin_pcode = ?, phone = ?, search_text = ?, updated_at = ?, "
    "updated_by = ? WHERE id = ? AND organisation_id = ? AND version = ? AND archived_at IS NULL";
constexpr std::string_view kCurrentVersion =
    "SELECT version FROM households WHERE id = ? AND organisation_id = ? AND archived_at IS NULL";
constexpr std::string_view kArchiveHousehold =
    "UPDATE households SET archived_at = ?, updated_at = ?, version = version + 1 "
    "WHERE id = ? AND organisation_id = ? AND archived_at IS NULL";
constexpr std::string_view kArchiveMembers =
    "UPDATE people SET archived_at = ? WHERE household_id = ? AND archived_at IS NULL";

std::string EncodeDisability(const std::map<std::string, std::string>& d) {
  return nlohmann::json(d).dump();
}

std::map<std::string, std::string> DecodeDisability(const std::string& text) {
  std::map<std::string, std::string> out;
  const auto obj = nlohmann::json::parse(text, nullptr, false);
  if (!obj.is_object()) return out;
  for (const auto& [k, v] : obj.items()) {
    if (v.is_string()) out[k] = v.get<std::string>();
  }
  return out;
}

Value OptionalText(const std::string& s) { return s.empty() ? Value{} : Value{s}; }

Status InsertMember(Connection& c, const Household& h, size_t position, Member* m) {
  const Value p[] = {h.id,
                     h.organisation_id,
                     static_cast<int64_t>(position),
                     m->given_name,
                     m->father_name,
                     m->grandfather_name,
                     m->family_name,
                     m->name_latin,
                     m->sex,
                     m->birth_date,
                     m->relationship,
                     m->phone,
                     EncodeDocuments(m->documents),
                     EncodeDisability(m->disability)};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertMember, p));
  m->id = rows.front().Int(0);
  return Status::Ok();
}

Household ToHousehold(const Row& r) {
  Household h;
  h.id = r.Int(0);
  h.version = r.Int(1);
  h.organisation_id = r.Int(2);
  h.organisation_name = r.Text(3);
  h.displacement_status = r.Text(4);
  h.location_pcode = r.Text(5);
  h.location_site = r.Text(6);
  h.origin_pcode = r.Text(7);
  h.phone = r.Text(8);
  h.created_at = r.Int(9);
  h.updated_at = r.Int(10);
  return h;
}

Member ToMember(const Row& r) {
  Member m;
  m.id = r.Int(1);
  m.given_name = r.Text(2);
  m.father_name = r.Text(3);
  m.grandfather_name = r.Text(4);
  m.family_name = r.Text(5);
  m.name_latin = r.Text(6);
  m.sex = r.Text(7);
  m.birth_date = r.Text(8);
  m.relationship = r.Text(9);
  m.phone = r.Text(10);
  m.documents = DecodeDocuments(r.Text(11));
  m.disability = DecodeDisability(r.Text(12));
  return m;
}

// Loads the live members of the given households, in position order, into them. Members
// merged into another (the same person, 0002_dedup.sql) are not live.
Status LoadMembers(Connection& c, std::vector<Household>* households) {
  if (households->empty()) return Status::Ok();
  std::string sql = std::string(kMemberColumns) +
                    "WHERE archived_at IS NULL AND merged_into IS NULL AND household_id IN (";
  std::vector<Value> params;
  std::unordered_map<int64_t, Household*> by_id;
  for (auto& h : *households) {
    sql += params.empty() ? "?" : ", ?";
    params.emplace_back(h.id);
    by_id[h.id] = &h;
  }
  sql += ") ORDER BY household_id, position";
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  for (const Row& r : rows) by_id.at(r.Int(0))->members.push_back(ToMember(r));
  return Status::Ok();
}

std::string FilterWhere(const HouseholdFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE h.organisation_id = ? AND h.archived_at IS NULL";
  params->push_back(f.organisation_id);
  if (!f.pcode.empty()) {
    // A byte range rather than LIKE 'p%': P-codes compare bytewise on both backends (see
    // 0001_init.sql), so an index serves it, and it is case-sensitive on both (SQLite's LIKE
    // is not).
    where += " AND h.location_pcode >= ?";
    params->push_back(f.pcode);
    if (std::string end = PrefixEnd(f.pcode); !end.empty()) {
      where += " AND h.location_pcode < ?";
      params->push_back(std::move(end));
    }
  }
  if (!f.status.empty()) {
    where += " AND h.displacement_status = ?";
    params->push_back(f.status);
  }
  for (const auto& t : f.terms) {
    where += " AND h.search_text LIKE ? ESCAPE '\\'";
    params->push_back("%" + EscapeLike(t) + "%");
  }
  return where;
}

}  // namespace

Status InsertHousehold(Connection& c, Household* h, const HouseholdWrite& w) {
  const Value p[] = {h->organisation_id,
                     h->displacement_status,
                     h->location_pcode,
                     h->location_site,
                     OptionalText(h->origin_pcode),
                     h->phone,
                     w.search_text,
                     w.now,
                     w.now,
                     w.actor_id,
                     w.actor_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertHousehold, p));
  h->id = rows.front().Int(0);
  h->version = 1;
  h->created_at = h->updated_at = w.now;
  for (size_t i = 0; i < h->members.size(); ++i) {
    SANAD_RETURN_IF_ERROR(InsertMember(c, *h, i, &h->members[i]));
  }
  return Status::Ok();
}

Result<Household> GetHousehold(Connection& c, int64_t organisation_id, int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query(std::string(kHouseholdColumns) +
                             "WHERE h.id = ? AND h.organisation_id = ? AND h.archived_at IS NULL",
                         p));
  if (rows.empty()) return Status::NotFound("household " + std::to_string(id) + " not found");
  std::vector<Household> one = {ToHousehold(rows.front())};
  SANAD_RETURN_IF_ERROR(LoadMembers(c, &one));
  return std::move(one.front());
}

Status UpdateHousehold(Connection& c, Household* h, int64_t expected_version,
                       const HouseholdWrite& w) {
  const Value p[] = {h->displacement_status,
                     h->location_pcode,
                     h->location_site,
                     OptionalText(h->origin_pcode),
                     h->phone,
                     w.search_text,
                     w.now,
                     w.actor_id,
                     h->id,
                     h->organisation_id,
                     expected_version};
  SANAD_ASSIGN_OR_RETURN(int64_t changed, c.Execute(kUpdateHousehold, p));
  if (changed == 0) {
    const Value q[] = {h->id, h->organisation_id};
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kCurrentVersion, q));
    if (rows.empty()) return Status::NotFound("household " + std::to_string(h->id) + " not found");
    return Status(
        StatusCode::kConflict,
        "household " + std::to_string(h->id) + " was changed by someone else: version " +
            std::to_string(expected_version) + " is stale, the current version is " +
            std::to_string(rows.front().Int(0)),
        {{"version", "is stale: the current version is " + std::to_string(rows.front().Int(0))}});
  }
  std::vector<Household> stored = {Household{.id = h->id}};
  SANAD_RETURN_IF_ERROR(LoadMembers(c, &stored));
  std::unordered_map<int64_t, bool> kept;
  for (const auto& m : stored.front().members) kept[m.id] = false;
  for (size_t i = 0; i < h->members.size(); ++i) {
    Member& m = h->members[i];
    if (m.id != 0 && kept.contains(m.id)) {
      kept[m.id] = true;
      const Value u[] = {static_cast<int64_t>(i),
                         m.given_name,
                         m.father_name,
                         m.grandfather_name,
                         m.family_name,
                         m.name_latin,
                         m.sex,
                         m.birth_date,
                         m.relationship,
                         m.phone,
                         EncodeDocuments(m.documents),
                         EncodeDisability(m.disability),
                         m.id,
                         h->id};
      SANAD_RETURN_IF_ERROR(c.Execute(kUpdateMember, u).status());
    } else {
      SANAD_RETURN_IF_ERROR(InsertMember(c, *h, i, &m));
    }
  }
  for (const auto& [id, used] : kept) {
    if (used) continue;
    const Value a[] = {w.now, id, h->id};
    SANAD_RETURN_IF_ERROR(c.Execute(kArchiveMember, a).status());
  }
  h->version = expected_version + 1;
  h->updated_at = w.now;
  return Status::Ok();
}

Status ArchiveHousehold(Connection& c, int64_t organisation_id, int64_t id, int64_t now) {
  const Value p[] = {now, now, id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(int64_t changed, c.Execute(kArchiveHousehold, p));
  if (changed == 0) return Status::NotFound("household " + std::to_string(id) + " not found");
  const Value m[] = {now, id};
  return c.Execute(kArchiveMembers, m).status();
}

Result<std::vector<Household>> ListHouseholds(Connection& c, const HouseholdFilter& f) {
  std::vector<Value> params;
  std::string sql = std::string(kHouseholdColumns) + FilterWhere(f, &params) +
                    " ORDER BY h.id DESC LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<Household> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToHousehold(r));
  SANAD_RETURN_IF_ERROR(LoadMembers(c, &out));
  return out;
}

Result<int64_t> CountHouseholds(Connection& c, const HouseholdFilter& f) {
  std::vector<Value> params;
  // Built before the call: the order in which arguments are evaluated is unspecified, and the
  // parameters exist only once FilterWhere has run.
  const std::string sql = "SELECT COUNT(*) FROM households h " + FilterWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

}  // namespace sanad::store
