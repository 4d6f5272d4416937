// The beneficiary-list half of distribution_store.h: the candidates a plan draws from, merge
// links, and the list itself.
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "store/distribution_store.h"
#include "store/document_codec_internal.h"
#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

using assistance::Beneficiary;
using assistance::Entitlement;
using nlohmann::json;

constexpr std::string_view kCandidates =
    "SELECT h.id, h.displacement_status, h.location_pcode, h.location_site, h.phone, "
    "h.created_at FROM households h WHERE h.organisation_id = ? AND h.archived_at IS NULL";
// Every non-archived member of the organisation's live households; merged_into tells who is
// live. Ordered so members come in their households' order.
constexpr std::string_view kCandidatePeople =
    "SELECT p.household_id, p.id, p.given_name, p.father_name, p.grandfather_name, "
    "p.family_name, p.name_latin, p.sex, p.birth_date, p.relationship, p.phone, p.disability, "
    "p.merged_into FROM people p JOIN households h ON h.id = p.household_id "
    "WHERE h.organisation_id = ? AND h.archived_at IS NULL AND p.archived_at IS NULL";
constexpr std::string_view kMergeLinks =
    "SELECT id, merged_into FROM people WHERE organisation_id = ? AND merged_into IS NOT NULL "
    "AND archived_at IS NULL";
constexpr std::string_view kRecentlyAssisted =
    "SELECT DISTINCT k.person_id FROM collection_claims k JOIN collections c ON "
    "c.id = k.collection_id WHERE c.organisation_id = ? AND c.distribution_id <> ? AND c.at >= ?";
constexpr std::string_view kInsertBeneficiary =
    "INSERT INTO distribution_beneficiaries (distribution_id, household_id, position, token, "
    "size, entitlement, cash_amount) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kBeneficiaryColumns =
    "SELECT b.household_id, b.position, b.token, b.size, b.entitlement, b.cash_amount, "
    "b.collection_id FROM distribution_beneficiaries b ";
constexpr std::string_view kMembers =
    "SELECT household_id, id, given_name, father_name, grandfather_name, family_name, "
    "name_latin, relationship FROM people WHERE archived_at IS NULL AND merged_into IS NULL "
    "AND household_id IN (";

std::map<std::string, std::string> DecodeDisability(const std::string& text) {
  std::map<std::string, std::string> out;
  const auto obj = json::parse(text, nullptr, false);
  if (!obj.is_object()) return out;
  for (const auto& [k, v] : obj.items()) {
    if (v.is_string()) out[k] = v.get<std::string>();
  }
  return out;
}

std::string EncodeEntitlement(const Entitlement& e) {
  json out = json::array();
  for (const auto& l : e.items) out.push_back({{"item_id", l.item_id}, {"quantity", l.quantity}});
  return out.dump();
}

Entitlement DecodeEntitlement(const std::string& text, int64_t cash) {
  Entitlement e{.cash = cash};
  const json j = json::parse(text, nullptr, false);
  if (!j.is_array()) return e;
  for (const json& l : j) {
    if (!l.is_object()) continue;
    e.items.push_back(
        {.item_id = l.value("item_id", int64_t{0}), .quantity = l.value("quantity", int64_t{0})});
  }
  return e;
}

Beneficiary ToBeneficiary(const Row& r) {
  return {.household_id = r.Int(0),
          .position = r.Int(1),
          .token = r.Text(2),
          .size = r.Int(3),
          .entitlement = DecodeEntitlement(r.Text(4), r.Int(5)),
          .collection_id = r.Int(6)};
}

// The household is joined only to search its words: a page or count of a round's whole list
// (200,000 households in the benchmark) then reads the list's own rows and index alone.
std::string HouseholdJoin(const BeneficiaryFilter& f) {
  return f.terms.empty() ? "" : "JOIN households h ON h.id = b.household_id";
}

std::string FilterWhere(const BeneficiaryFilter& f, std::vector<Value>* params) {
  std::string where = " WHERE b.distribution_id = ?";
  params->push_back(f.distribution_id);
  if (f.status == "listed") where += " AND b.collection_id IS NULL";
  if (f.status == "collected") where += " AND b.collection_id IS NOT NULL";
  std::string match;
  if (!f.terms.empty()) {
    match = "(1 = 1";
    for (const auto& t : f.terms) {
      match += " AND h.search_text LIKE ? ESCAPE '\\'";
      params->push_back("%" + EscapeLike(t) + "%");
    }
    match += ")";
  }
  if (!f.token.empty()) {
    match += match.empty() ? "b.token = ?" : " OR b.token = ?";
    params->push_back(f.token);
  }
  if (!match.empty()) where += " AND (" + match + ")";
  return where;
}

// Fills the live members and the collection of each beneficiary.
Status FillBeneficiaries(Connection& c, int64_t distribution_id, std::vector<Beneficiary>* list) {
  if (list->empty()) return Status::Ok();
  std::string sql(kMembers);
  std::vector<Value> params;
  std::unordered_map<int64_t, Beneficiary*> by_id;
  for (auto& b : *list) {
    sql += params.empty() ? "?" : ", ?";
    params.emplace_back(b.household_id);
    by_id[b.household_id] = &b;
  }
  sql += ") ORDER BY household_id, position";
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  for (const Row& r : rows) {
    std::string name;
    for (size_t i = 2; i <= 5; ++i) {
      if (r.Text(i).empty()) continue;
      name += (name.empty() ? "" : " ") + r.Text(i);
    }
    by_id.at(r.Int(0))->members.push_back({.id = r.Int(1),
                                           .name = std::move(name),
                                           .name_latin = r.Text(6),
                                           .relationship = r.Text(7)});
  }
  for (auto& b : *list) {
    if (b.collection_id == 0) continue;
    SANAD_ASSIGN_OR_RETURN(b.collection, GetCollection(c, distribution_id, b.collection_id));
  }
  return Status::Ok();
}

}  // namespace

Result<CandidateRows> ListCandidates(Connection& c, int64_t organisation_id,
                                     const std::string& pcode) {
  std::string range;
  std::vector<Value> params = {organisation_id};
  if (!pcode.empty()) {
    range = " AND h.location_pcode >= ?";
    params.emplace_back(pcode);
    if (std::string end = PrefixEnd(pcode); !end.empty()) {
      range += " AND h.location_pcode < ?";
      params.emplace_back(std::move(end));
    }
  }
  SANAD_ASSIGN_OR_RETURN(Rows rows,
                         c.Query(std::string(kCandidates) + range + " ORDER BY h.id", params));
  CandidateRows out;
  std::unordered_map<int64_t, size_t> index;
  for (const Row& r : rows) {
    index[r.Int(0)] = out.households.size();
    out.households.push_back({.id = r.Int(0),
                              .organisation_id = organisation_id,
                              .displacement_status = r.Text(1),
                              .location_pcode = r.Text(2),
                              .location_site = r.Text(3),
                              .phone = r.Text(4),
                              .created_at = r.Int(5)});
  }
  out.people.resize(out.households.size());
  SANAD_ASSIGN_OR_RETURN(Rows people, c.Query(std::string(kCandidatePeople) + range +
                                                  " ORDER BY p.household_id, p.position",
                                              params));
  for (const Row& r : people) {
    const auto it = index.find(r.Int(0));
    if (it == index.end()) continue;
    out.people[it->second].push_back(r.Int(1));
    if (!r.IsNull(12)) continue;  // merged into someone: not a live member
    out.households[it->second].members.push_back({.id = r.Int(1),
                                                  .given_name = r.Text(2),
                                                  .father_name = r.Text(3),
                                                  .grandfather_name = r.Text(4),
                                                  .family_name = r.Text(5),
                                                  .name_latin = r.Text(6),
                                                  .sex = r.Text(7),
                                                  .birth_date = r.Text(8),
                                                  .relationship = r.Text(9),
                                                  .phone = r.Text(10),
                                                  .disability = DecodeDisability(r.Text(11))});
  }
  return out;
}

Result<std::vector<std::pair<int64_t, int64_t>>> ListMergeLinks(Connection& c,
                                                                int64_t organisation_id) {
  const Value p[] = {organisation_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kMergeLinks, p));
  std::vector<std::pair<int64_t, int64_t>> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.emplace_back(r.Int(0), r.Int(1));
  return out;
}

Result<std::vector<int64_t>> ListRecentlyAssisted(Connection& c, int64_t organisation_id,
                                                  int64_t except_distribution, int64_t since) {
  const Value p[] = {organisation_id, except_distribution, since};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kRecentlyAssisted, p));
  std::vector<int64_t> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

Status InsertBeneficiary(Connection& c, int64_t distribution_id, const Beneficiary& b) {
  const Value p[] = {distribution_id,   b.household_id, b.position,
                     b.token,           b.size,         EncodeEntitlement(b.entitlement),
                     b.entitlement.cash};
  return c.Execute(kInsertBeneficiary, p).status();
}

Status DeleteBeneficiaries(Connection& c, int64_t distribution_id) {
  const Value p[] = {distribution_id};
  return c.Execute("DELETE FROM distribution_beneficiaries WHERE distribution_id = ?", p).status();
}

Result<Beneficiary> GetBeneficiary(Connection& c, int64_t distribution_id, int64_t household_id) {
  const Value p[] = {distribution_id, household_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows,
                         c.Query(std::string(kBeneficiaryColumns) +
                                     "WHERE b.distribution_id = ? AND b.household_id = ?",
                                 p));
  if (rows.empty()) return Status::NotFound("the household is not on the list");
  return ToBeneficiary(rows.front());
}

Result<std::optional<Beneficiary>> FindBeneficiaryByToken(Connection& c, int64_t distribution_id,
                                                          const std::string& token) {
  const Value p[] = {distribution_id, token};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query(std::string(kBeneficiaryColumns) + "WHERE b.distribution_id = ? AND b.token = ?", p));
  if (rows.empty()) return std::optional<Beneficiary>();
  return std::optional<Beneficiary>(ToBeneficiary(rows.front()));
}

Result<bool> MarkCollected(Connection& c, int64_t distribution_id, int64_t household_id,
                           int64_t collection_id) {
  const Value p[] = {collection_id, distribution_id, household_id};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed,
                         c.Execute("UPDATE distribution_beneficiaries SET collection_id = ? "
                                   "WHERE distribution_id = ? AND household_id = ? AND "
                                   "collection_id IS NULL",
                                   p));
  return changed == 1;
}

Status ClearCollected(Connection& c, int64_t distribution_id, int64_t household_id) {
  const Value p[] = {distribution_id, household_id};
  return c
      .Execute(
          "UPDATE distribution_beneficiaries SET collection_id = NULL "
          "WHERE distribution_id = ? AND household_id = ?",
          p)
      .status();
}

Result<std::vector<Beneficiary>> ListBeneficiaries(Connection& c, const BeneficiaryFilter& f) {
  std::vector<Value> params;
  std::string sql = std::string(kBeneficiaryColumns) + HouseholdJoin(f) + FilterWhere(f, &params) +
                    " ORDER BY b.position LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<Beneficiary> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToBeneficiary(r));
  SANAD_RETURN_IF_ERROR(FillBeneficiaries(c, f.distribution_id, &out));
  return out;
}

Result<int64_t> CountBeneficiaries(Connection& c, const BeneficiaryFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT COUNT(*) FROM distribution_beneficiaries b " + HouseholdJoin(f) +
                          FilterWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

Result<std::vector<Entitlement>> ListEntitlements(Connection& c, int64_t distribution_id) {
  const Value p[] = {distribution_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT entitlement, cash_amount FROM "
                                            "distribution_beneficiaries WHERE distribution_id = ?",
                                            p));
  std::vector<Entitlement> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(DecodeEntitlement(r.Text(0), r.Int(1)));
  return out;
}

}  // namespace sanad::store
