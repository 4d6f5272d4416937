#include "store/merge_store.h"

namespace sanad::store {
namespace {

constexpr std::string_view kMerge =
    "UPDATE people SET merged_into = ? "
    "WHERE id = ? AND merged_into IS NULL AND archived_at IS NULL";
constexpr std::string_view kUnmerge =
    "UPDATE people SET merged_into = NULL WHERE id = ? AND merged_into = ?";
constexpr std::string_view kCountLive =
    "SELECT COUNT(*) FROM people "
    "WHERE household_id = ? AND archived_at IS NULL AND merged_into IS NULL";
constexpr std::string_view kArchive =
    "UPDATE households SET archived_at = ?, updated_at = ?, updated_by = ?, version = version + 1 "
    "WHERE id = ? AND archived_at IS NULL";
constexpr std::string_view kRestore =
    "UPDATE households SET archived_at = NULL, updated_at = ?, updated_by = ?, "
    "version = version + 1 WHERE id = ? AND archived_at IS NOT NULL";
constexpr std::string_view kSearchText =
    "UPDATE households SET search_text = ?, updated_at = ?, updated_by = ?, version = version + 1 "
    "WHERE id = ?";
constexpr std::string_view kInsertRecord =
    "INSERT INTO dedup_merges (group_id, member_id, household_id, household_archived) "
    "VALUES (?, ?, ?, ?)";
constexpr std::string_view kListRecords =
    "SELECT member_id, household_id, household_archived FROM dedup_merges WHERE group_id = ? "
    "ORDER BY member_id";
constexpr std::string_view kDeleteRecords = "DELETE FROM dedup_merges WHERE group_id = ?";

}  // namespace

Status MergeMember(Connection& c, int64_t member_id, int64_t into) {
  const Value p[] = {into, member_id};
  SANAD_ASSIGN_OR_RETURN(int64_t changed, c.Execute(kMerge, p));
  if (changed == 0) {
    return Status::Conflict("member " + std::to_string(member_id) +
                            " was archived or merged meanwhile");
  }
  return Status::Ok();
}

Status UnmergeMember(Connection& c, int64_t member_id, int64_t into) {
  const Value p[] = {member_id, into};
  return c.Execute(kUnmerge, p).status();
}

Result<int64_t> CountLiveMembers(Connection& c, int64_t household_id) {
  const Value p[] = {household_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kCountLive, p));
  return rows.front().Int(0);
}

Status SetHouseholdArchivedByMerge(Connection& c, int64_t household_id, bool archived, int64_t now,
                                   int64_t actor_id) {
  if (archived) {
    const Value p[] = {now, now, actor_id, household_id};
    return c.Execute(kArchive, p).status();
  }
  const Value p[] = {now, actor_id, household_id};
  return c.Execute(kRestore, p).status();
}

Status SetHouseholdSearchText(Connection& c, int64_t household_id, const std::string& search_text,
                              int64_t now, int64_t actor_id) {
  const Value p[] = {search_text, now, actor_id, household_id};
  return c.Execute(kSearchText, p).status();
}

Status InsertMergeRecord(Connection& c, int64_t group_id, const MergeRecord& m) {
  const Value p[] = {group_id, m.member_id, m.household_id, int64_t{m.household_archived ? 1 : 0}};
  return c.Execute(kInsertRecord, p).status();
}

Result<std::vector<MergeRecord>> ListMergeRecords(Connection& c, int64_t group_id) {
  const Value p[] = {group_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kListRecords, p));
  std::vector<MergeRecord> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back(
        {.member_id = r.Int(0), .household_id = r.Int(1), .household_archived = r.Int(2) != 0});
  }
  return out;
}

Status DeleteMergeRecords(Connection& c, int64_t group_id) {
  const Value p[] = {group_id};
  return c.Execute(kDeleteRecords, p).status();
}

}  // namespace sanad::store
