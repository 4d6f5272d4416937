// SQL for deduplication runs and their groups (migration 0002_dedup.sql). Functions run on a
// Connection inside the caller's transaction; every read is scoped to one organisation, so a
// run or group of another organisation is simply not found. Merges are in merge_store.h.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "base/status.h"
#include "registry/dedup_run.h"
#include "registry/household.h"
#include "store/database.h"

namespace sanad::store {

// Inserts *run (status as given, usually queued); fills run->id.
Status InsertDedupRun(Connection& c, registry::DedupRun* run);
// Marks the run running.
Status SetDedupRunRunning(Connection& c, int64_t id);
// Writes status, finished_at, the counts and the error of `run`.
Status FinishDedupRun(Connection& c, const registry::DedupRun& run);
// Marks every queued or running run failed with `error`; returns how many.
Result<int64_t> FailUnfinishedDedupRuns(Connection& c, int64_t now, const std::string& error);

// NotFound when absent or of another organisation. open_groups is filled.
Result<registry::DedupRun> GetDedupRun(Connection& c, int64_t organisation_id, int64_t id);
// The organisation's queued or running run, if any (id 0 when none).
Result<registry::DedupRun> ActiveDedupRun(Connection& c, int64_t organisation_id);
// Newest first.
Result<std::vector<registry::DedupRun>> ListDedupRuns(Connection& c, int64_t organisation_id,
                                                      int limit, int offset);
Result<int64_t> CountDedupRuns(Connection& c, int64_t organisation_id);

// Every live member (not archived, not merged) of the organisation's live households, grouped
// by household (households in the order of their first member's id, members in id order;
// ForEachLivePersonOf's query). Members carry no disability answers.
Result<std::vector<registry::Household>> LoadPeopleForDedup(Connection& c, int64_t organisation_id);
// Pairs of member ids (a < b) reviewers said are different people.
Result<std::vector<std::pair<int64_t, int64_t>>> ListDifferentPairs(Connection& c,
                                                                    int64_t organisation_id);

// Inserts *g with its members (member id and fingerprint) and pairs; fills g->id.
Status InsertDedupGroup(Connection& c, registry::DedupGroup* g);
// NotFound when absent or of another organisation. Members as stored now, pairs best first.
Result<registry::DedupGroup> GetDedupGroup(Connection& c, int64_t organisation_id, int64_t id);
// Best score first. `q.run_id` must belong to `organisation_id` (the caller checks).
Result<std::vector<registry::DedupGroup>> ListDedupGroups(Connection& c, int64_t organisation_id,
                                                          const registry::DedupGroupQuery& q);
Result<int64_t> CountDedupGroups(Connection& c, int64_t organisation_id,
                                 const registry::DedupGroupQuery& q);

// Writes g's state, kept member and decider over the stored version `expected_version`, and
// bumps g->version. Conflict when the stored version differs (nothing changes).
Status UpdateDedupGroupDecision(Connection& c, registry::DedupGroup* g, int64_t expected_version);

// Remembers `pairs` (a < b) of group `group_id` as different people; forgets them by group.
Status InsertDifferentPairs(Connection& c, int64_t organisation_id, int64_t group_id,
                            const std::vector<std::pair<int64_t, int64_t>>& pairs);
Status DeleteDifferentPairs(Connection& c, int64_t group_id);

}  // namespace sanad::store
