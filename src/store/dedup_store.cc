#include "store/dedup_store.h"

#include <nlohmann/json.hpp>
#include <unordered_map>

#include "store/document_codec_internal.h"
#include "store/people_store.h"

namespace sanad::store {
namespace {

using registry::DedupGroup;
using registry::DedupGroupMember;
using registry::DedupGroupQuery;
using registry::DedupPair;
using registry::DedupRun;
using registry::Household;

constexpr std::string_view kInsertRun =
    "INSERT INTO dedup_runs (organisation_id, status, started_at, started_by, started_by_name) "
    "VALUES (?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kSetRunning = "UPDATE dedup_runs SET status = 'running' WHERE id = ?";
constexpr std::string_view kFinishRun =
    "UPDATE dedup_runs SET status = ?, finished_at = ?, people_count = ?, comparison_count = ?, "
    "pair_count = ?, group_count = ?, error = ? WHERE id = ?";
constexpr std::string_view kFailUnfinished =
    "UPDATE dedup_runs SET status = 'failed', finished_at = ?, error = ? "
    "WHERE status IN ('queued', 'running')";
constexpr std::string_view kRunColumns =
    "SELECT r.id, r.organisation_id, r.status, r.started_at, r.finished_at, r.started_by, "
    "r.started_by_name, r.people_count, r.comparison_count, r.pair_count, r.group_count, "
    "r.error, (SELECT COUNT(*) FROM dedup_groups g WHERE g.run_id = r.id AND g.state = 'open') "
    "FROM dedup_runs r ";
constexpr std::string_view kDifferentPairs =
    "SELECT member_a, member_b FROM dedup_different_pairs WHERE organisation_id = ?";
constexpr std::string_view kInsertGroup =
    "INSERT INTO dedup_groups (run_id, organisation_id, version, state, score) "
    "VALUES (?, ?, 1, 'open', ?) RETURNING id";
constexpr std::string_view kInsertGroupMember =
    "INSERT INTO dedup_group_members (group_id, member_id, position, fingerprint) "
    "VALUES (?, ?, ?, ?)";
constexpr std::string_view kInsertPair =
    "INSERT INTO dedup_pairs (group_id, member_a, member_b, score, reasons) VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kGroupColumns =
    "SELECT id, run_id, organisation_id, version, state, score, kept_member_id, decided_at, "
    "decided_by, decided_by_name FROM dedup_groups ";
constexpr std::string_view kGroupMembers =
    "SELECT gm.group_id, gm.member_id, gm.fingerprint, p.given_name, p.father_name, "
    "p.grandfather_name, p.family_name, p.name_latin, p.sex, p.birth_date, p.relationship, "
    "p.phone, p.documents, p.merged_into, p.archived_at, h.id, h.location_pcode, "
    "h.location_site, h.phone, h.displacement_status, h.archived_at, h.version "
    "FROM dedup_group_members gm JOIN people p ON p.id = gm.member_id "
    "JOIN households h ON h.id = p.household_id WHERE p.organisation_id = ? AND gm.group_id IN (";
constexpr std::string_view kGroupPairs =
    "SELECT group_id, member_a, member_b, score, reasons FROM dedup_pairs WHERE group_id IN (";
constexpr std::string_view kUpdateDecision =
    "UPDATE dedup_groups SET version = version + 1, state = ?, kept_member_id = ?, "
    "decided_at = ?, decided_by = ?, decided_by_name = ? "
    "WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kInsertDifferent =
    "INSERT INTO dedup_different_pairs (organisation_id, member_a, member_b, group_id) "
    "VALUES (?, ?, ?, ?)";
constexpr std::string_view kDeleteDifferent =
    "DELETE FROM dedup_different_pairs WHERE group_id = ?";

Value OptionalInt(int64_t v) { return v == 0 ? Value{} : Value{v}; }

DedupRun ToRun(const Row& r) {
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .status = r.Text(2),
          .started_at = r.Int(3),
          .finished_at = r.Int(4),
          .started_by = r.Int(5),
          .started_by_name = r.Text(6),
          .people = r.Int(7),
          .comparisons = r.Int(8),
          .pairs = r.Int(9),
          .groups = r.Int(10),
          .open_groups = r.Int(12),
          .error = r.Text(11)};
}

DedupGroup ToGroup(const Row& r) {
  return {.id = r.Int(0),
          .run_id = r.Int(1),
          .organisation_id = r.Int(2),
          .version = r.Int(3),
          .state = r.Text(4),
          .score = r.Double(5),
          .kept_member_id = r.Int(6),
          .decided_at = r.Int(7),
          .decided_by = r.Int(8),
          .decided_by_name = r.Text(9)};
}

std::string EncodeReasons(const std::vector<registry::DedupReason>& reasons) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& r : reasons) {
    arr.push_back({{"field", r.field}, {"weight", r.weight}, {"detail", r.detail}});
  }
  return arr.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<registry::DedupReason> DecodeReasons(const std::string& text) {
  std::vector<registry::DedupReason> out;
  const auto arr = nlohmann::json::parse(text, nullptr, false);
  if (!arr.is_array()) return out;
  for (const auto& j : arr) {
    if (!j.is_object()) continue;
    out.push_back({j.value("field", ""), j.value("weight", 0.0), j.value("detail", "")});
  }
  return out;
}

// "?, ?, ?" for the ids of `groups`, appended to `params`.
std::string IdList(const std::vector<DedupGroup>& groups, std::vector<Value>* params) {
  std::string out;
  for (const auto& g : groups) {
    out += out.empty() ? "?" : ", ?";
    params->emplace_back(g.id);
  }
  return out;
}

DedupGroupMember ToGroupMember(const Row& r) {
  DedupGroupMember m;
  m.member.id = r.Int(1);
  m.fingerprint = r.Text(2);
  m.member.given_name = r.Text(3);
  m.member.father_name = r.Text(4);
  m.member.grandfather_name = r.Text(5);
  m.member.family_name = r.Text(6);
  m.member.name_latin = r.Text(7);
  m.member.sex = r.Text(8);
  m.member.birth_date = r.Text(9);
  m.member.relationship = r.Text(10);
  m.member.phone = r.Text(11);
  m.member.documents = DecodeDocuments(r.Text(12));
  m.merged_into = r.Int(13);
  m.archived = !r.IsNull(14) || !r.IsNull(20);
  m.household.id = r.Int(15);
  m.household.location_pcode = r.Text(16);
  m.household.location_site = r.Text(17);
  m.household.phone = r.Text(18);
  m.household.displacement_status = r.Text(19);
  m.household.version = r.Int(21);
  return m;
}

// Loads the members and pairs of `groups` into them.
Status LoadGroupDetails(Connection& c, int64_t organisation_id, std::vector<DedupGroup>* groups) {
  if (groups->empty()) return Status::Ok();
  std::unordered_map<int64_t, DedupGroup*> by_id;
  for (auto& g : *groups) by_id[g.id] = &g;
  std::vector<Value> params = {organisation_id};
  std::string sql =
      std::string(kGroupMembers) + IdList(*groups, &params) + ") ORDER BY gm.group_id, gm.position";
  SANAD_ASSIGN_OR_RETURN(Rows members, c.Query(sql, params));
  for (const Row& r : members) by_id.at(r.Int(0))->members.push_back(ToGroupMember(r));
  params.clear();
  sql = std::string(kGroupPairs) + IdList(*groups, &params) +
        ") ORDER BY group_id, score DESC, member_a, member_b";
  SANAD_ASSIGN_OR_RETURN(Rows pairs, c.Query(sql, params));
  for (const Row& r : pairs) {
    by_id.at(r.Int(0))->pairs.push_back({.member_a = r.Int(1),
                                         .member_b = r.Int(2),
                                         .score = r.Double(3),
                                         .reasons = DecodeReasons(r.Text(4))});
  }
  return Status::Ok();
}

std::string GroupWhere(int64_t organisation_id, const DedupGroupQuery& q,
                       std::vector<Value>* params) {
  std::string where = "WHERE organisation_id = ? AND run_id = ?";
  params->emplace_back(organisation_id);
  params->emplace_back(q.run_id);
  if (!q.state.empty()) {
    where += " AND state = ?";
    params->emplace_back(q.state);
  }
  return where;
}

}  // namespace

Status InsertDedupRun(Connection& c, DedupRun* run) {
  const Value p[] = {run->organisation_id, run->status, run->started_at,
                     OptionalInt(run->started_by), run->started_by_name};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertRun, p));
  run->id = rows.front().Int(0);
  return Status::Ok();
}

Status SetDedupRunRunning(Connection& c, int64_t id) {
  const Value p[] = {id};
  return c.Execute(kSetRunning, p).status();
}

Status FinishDedupRun(Connection& c, const DedupRun& run) {
  const Value p[] = {run.status, run.finished_at, run.people, run.comparisons,
                     run.pairs,  run.groups,      run.error,  run.id};
  return c.Execute(kFinishRun, p).status();
}

Result<int64_t> FailUnfinishedDedupRuns(Connection& c, int64_t now, const std::string& error) {
  const Value p[] = {now, error};
  return c.Execute(kFailUnfinished, p);
}

Result<DedupRun> GetDedupRun(Connection& c, int64_t organisation_id, int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query(std::string(kRunColumns) + "WHERE r.id = ? AND r.organisation_id = ?", p));
  if (rows.empty()) return Status::NotFound("dedup run " + std::to_string(id) + " not found");
  return ToRun(rows.front());
}

Result<DedupRun> ActiveDedupRun(Connection& c, int64_t organisation_id) {
  const Value p[] = {organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query(std::string(kRunColumns) +
                             "WHERE r.organisation_id = ? AND r.status IN ('queued', 'running') "
                             "ORDER BY r.id LIMIT 1",
                         p));
  return rows.empty() ? DedupRun{} : ToRun(rows.front());
}

Result<std::vector<DedupRun>> ListDedupRuns(Connection& c, int64_t organisation_id, int limit,
                                            int offset) {
  const Value p[] = {organisation_id, int64_t{limit}, int64_t{offset}};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query(std::string(kRunColumns) +
                             "WHERE r.organisation_id = ? ORDER BY r.id DESC LIMIT ? OFFSET ?",
                         p));
  std::vector<DedupRun> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToRun(r));
  return out;
}

Result<int64_t> CountDedupRuns(Connection& c, int64_t organisation_id) {
  const Value p[] = {organisation_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows,
                         c.Query("SELECT COUNT(*) FROM dedup_runs WHERE organisation_id = ?", p));
  return rows.front().Int(0);
}

Result<std::vector<Household>> LoadPeopleForDedup(Connection& c, int64_t organisation_id) {
  std::vector<Household> out;
  std::unordered_map<int64_t, size_t> position;  // household id → index in out
  SANAD_RETURN_IF_ERROR(ForEachLivePersonOf(c, organisation_id, [&](const PersonInHousehold& p) {
    const auto [it, added] = position.emplace(p.household.id, out.size());
    if (added) out.push_back(p.household);
    out[it->second].members.push_back(p.member);
  }));
  return out;
}

Result<std::vector<std::pair<int64_t, int64_t>>> ListDifferentPairs(Connection& c,
                                                                    int64_t organisation_id) {
  const Value p[] = {organisation_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kDifferentPairs, p));
  std::vector<std::pair<int64_t, int64_t>> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.emplace_back(r.Int(0), r.Int(1));
  return out;
}

Status InsertDedupGroup(Connection& c, DedupGroup* g) {
  const Value p[] = {g->run_id, g->organisation_id, g->score};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertGroup, p));
  g->id = rows.front().Int(0);
  g->version = 1;
  g->state = "open";
  for (size_t i = 0; i < g->members.size(); ++i) {
    const Value m[] = {g->id, g->members[i].member.id, static_cast<int64_t>(i),
                       g->members[i].fingerprint};
    SANAD_RETURN_IF_ERROR(c.Execute(kInsertGroupMember, m).status());
  }
  for (const DedupPair& pair : g->pairs) {
    const Value q[] = {g->id, pair.member_a, pair.member_b, pair.score,
                       EncodeReasons(pair.reasons)};
    SANAD_RETURN_IF_ERROR(c.Execute(kInsertPair, q).status());
  }
  return Status::Ok();
}

Result<DedupGroup> GetDedupGroup(Connection& c, int64_t organisation_id, int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query(std::string(kGroupColumns) + "WHERE id = ? AND organisation_id = ?", p));
  if (rows.empty()) return Status::NotFound("dedup group " + std::to_string(id) + " not found");
  std::vector<DedupGroup> one = {ToGroup(rows.front())};
  SANAD_RETURN_IF_ERROR(LoadGroupDetails(c, organisation_id, &one));
  return std::move(one.front());
}

Result<std::vector<DedupGroup>> ListDedupGroups(Connection& c, int64_t organisation_id,
                                                const DedupGroupQuery& q) {
  std::vector<Value> params;
  std::string sql = std::string(kGroupColumns) + GroupWhere(organisation_id, q, &params) +
                    " ORDER BY score DESC, id LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{q.limit});
  params.emplace_back(int64_t{q.page - 1} * q.limit);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<DedupGroup> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToGroup(r));
  SANAD_RETURN_IF_ERROR(LoadGroupDetails(c, organisation_id, &out));
  return out;
}

Result<int64_t> CountDedupGroups(Connection& c, int64_t organisation_id, const DedupGroupQuery& q) {
  std::vector<Value> params;
  const std::string sql =
      "SELECT COUNT(*) FROM dedup_groups " + GroupWhere(organisation_id, q, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

Status UpdateDedupGroupDecision(Connection& c, DedupGroup* g, int64_t expected_version) {
  const Value p[] = {g->state,
                     OptionalInt(g->kept_member_id),
                     OptionalInt(g->decided_at),
                     OptionalInt(g->decided_by),
                     g->decided_by_name,
                     g->id,
                     g->organisation_id,
                     expected_version};
  SANAD_ASSIGN_OR_RETURN(int64_t changed, c.Execute(kUpdateDecision, p));
  if (changed == 0) {
    return Status(StatusCode::kConflict,
                  "the group was decided by someone else meanwhile: reload it",
                  {{"version", "is stale"}});
  }
  g->version = expected_version + 1;
  return Status::Ok();
}

Status InsertDifferentPairs(Connection& c, int64_t organisation_id, int64_t group_id,
                            const std::vector<std::pair<int64_t, int64_t>>& pairs) {
  for (const auto& [a, b] : pairs) {
    const Value p[] = {organisation_id, a, b, group_id};
    SANAD_RETURN_IF_ERROR(c.Execute(kInsertDifferent, p).status());
  }
  return Status::Ok();
}

Status DeleteDifferentPairs(Connection& c, int64_t group_id) {
  const Value p[] = {group_id};
  return c.Execute(kDeleteDifferent, p).status();
}

}  // namespace sanad::store
