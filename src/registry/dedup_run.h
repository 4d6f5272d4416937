// DedupRun and DedupGroup: a deduplication run over one organisation's registry and the groups
// of probable duplicates it found, with the reviewer's decision on each. Plain values, stored
// by store/dedup_store.h; the rules live in dedup_service.h. Enumerated fields hold the wire
// words of docs/api.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "registry/household.h"

namespace sanad::registry {

struct DedupRun {
  int64_t id = 0;
  int64_t organisation_id = 0;
  std::string status;  // queued, running, done, failed
  int64_t started_at = 0;
  int64_t finished_at = 0;  // 0 while queued or running
  int64_t started_by = 0;
  std::string started_by_name;
  int64_t people = 0;       // people compared
  int64_t comparisons = 0;  // candidate pairs scored after blocking
  int64_t pairs = 0;        // pairs at or above the threshold
  int64_t groups = 0;       // groups of probable duplicates found
  int64_t open_groups = 0;  // groups not yet decided (read, not stored)
  std::string error;        // why it failed
  // While running (this process only): the matcher's stage and its work done of total.
  std::string stage;
  uint64_t done = 0;
  uint64_t total = 0;
};

struct DedupReason {
  std::string field;
  double weight = 0;
  std::string detail;
};

// A scored pair of a group, by member ids (member_a < member_b).
struct DedupPair {
  int64_t member_a = 0;
  int64_t member_b = 0;
  double score = 0;
  std::vector<DedupReason> reasons;
};

// A member of a group as stored now (also when merged or archived since the run), with the
// household it belongs to and the fingerprint of what the run compared.
struct DedupGroupMember {
  Member member;
  std::string fingerprint;  // when the run saw it
  Household household;      // id, location, phone and status only; no members
  int64_t merged_into = 0;  // 0 unless merged into another member
  bool archived = false;    // the member or its household is archived
};

struct DedupGroup {
  int64_t id = 0;
  int64_t run_id = 0;
  int64_t organisation_id = 0;
  int64_t version = 1;
  std::string state = "open";  // open, same_person, different_people
  double score = 0;            // the best pair's
  int64_t kept_member_id = 0;  // for same_person
  int64_t decided_at = 0;
  int64_t decided_by = 0;
  std::string decided_by_name;
  std::vector<DedupGroupMember> members;  // in the order the run listed them
  std::vector<DedupPair> pairs;           // best first
};

struct DedupRunPage {
  std::vector<DedupRun> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

struct DedupGroupQuery {
  int64_t run_id = 0;
  std::string state;  // "" = any
  int page = 1;
  int limit = 25;
};

struct DedupGroupPage {
  std::vector<DedupGroup> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

// A reviewer's decision on a group: same_person keeps `keep` and merges the others into it.
struct DedupDecision {
  std::string decision;  // same_person, different_people
  int64_t keep = 0;
  int64_t version = 0;  // the group version the reviewer saw
};

}  // namespace sanad::registry
