// SQL for merging members found to be the same person, and undoing it (migration
// 0002_dedup.sql). A merged member keeps its row with people.merged_into set; every listing
// skips it. Functions run on a Connection inside the caller's transaction.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

// One member merged by a group's decision, and whether that emptied (archived) its household.
struct MergeRecord {
  int64_t member_id = 0;
  int64_t household_id = 0;
  bool household_archived = false;
};

// Sets merged_into of a live member; Conflict when it is archived or already merged.
Status MergeMember(Connection& c, int64_t member_id, int64_t into);
// Clears merged_into of a member merged into `into`.
Status UnmergeMember(Connection& c, int64_t member_id, int64_t into);
// Members of the household neither archived nor merged.
Result<int64_t> CountLiveMembers(Connection& c, int64_t household_id);
// Archives (or restores) a household emptied by a merge: its members stay as they are.
// Bumps the household's version, so an edit based on what was there before is refused.
Status SetHouseholdArchivedByMerge(Connection& c, int64_t household_id, bool archived, int64_t now,
                                   int64_t actor_id);
// Writes the household's search text after its members changed, bumping its version.
Status SetHouseholdSearchText(Connection& c, int64_t household_id, const std::string& search_text,
                              int64_t now, int64_t actor_id);

Status InsertMergeRecord(Connection& c, int64_t group_id, const MergeRecord& m);
Result<std::vector<MergeRecord>> ListMergeRecords(Connection& c, int64_t group_id);
Status DeleteMergeRecords(Connection& c, int64_t group_id);

}  // namespace sanad::store
