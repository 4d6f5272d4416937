// DedupService: deduplication runs over an organisation's registry and the review of the
// groups of probable duplicates they find (same person: merge, reversibly; different people:
// remembered, never proposed again). Access rules (own organisation; admin, supervisor and
// me_officer) and the audit log are applied to every call.
// Thread-safe. Runs execute one at a time on the service's own background thread; the
// destructor waits for the run in progress.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <thread>

#include "access/actor.h"
#include "base/clock.h"
#include "base/status.h"
#include "matching/person_matcher.h"
#include "registry/dedup_run.h"
#include "registry/household_observer.h"
#include "store/database.h"

namespace sanad::registry {

struct DedupServiceOptions {
  double threshold = matching::DedupOptions{}.threshold;
  int threads = 0;  // matcher threads; 0 = all hardware threads
};

// A short text that changes whenever a field the matcher compares changes (names, sex, birth
// date, phone, documents, the household's place and phone): a decision on what a run showed
// is refused once a member's fingerprint differs from the run's.
std::string DedupFingerprint(const Household& household, const Member& member);

class DedupService {
 public:
  // `observer` (may be null) is told about households a merge or an undo changed.
  DedupService(store::Database& db, const Clock& clock, HouseholdObserver* observer = nullptr,
               DedupServiceOptions options = {});
  ~DedupService();
  DedupService(const DedupService&) = delete;
  DedupService& operator=(const DedupService&) = delete;

  // Marks runs a previous process left queued or running as failed ("interrupted"). Call
  // once at start-up, before Start. Returns how many.
  Result<int64_t> FailInterruptedRuns();

  // Queues a run over the actor's organisation and returns it (status queued). When one is
  // already queued or running for the organisation, returns that one instead.
  Result<DedupRun> Start(const access::Actor& actor);
  // Newest first. InvalidArgument for a bad page or limit.
  Result<DedupRunPage> ListRuns(const access::Actor& actor, int page, int limit);
  // NotFound for another organisation's run. A running run has its progress filled.
  Result<DedupRun> GetRun(const access::Actor& actor, int64_t id);
  // The groups of a run, best score first.
  Result<DedupGroupPage> ListGroups(const access::Actor& actor, const DedupGroupQuery& query);
  Result<DedupGroup> GetGroup(const access::Actor& actor, int64_t id);

  // Decides an open group. Conflict when the group is at another version, already decided,
  // or one of its members changed since the run (edited, archived or merged); InvalidArgument
  // for an unknown decision or a `keep` that is not a member of the group.
  Result<DedupGroup> Decide(const access::Actor& actor, int64_t group_id,
                            const DedupDecision& decision);
  // Restores what the group's decision changed and reopens it. Conflict when the group is at
  // another version or open.
  Result<DedupGroup> Undo(const access::Actor& actor, int64_t group_id, int64_t expected_version);

  // Blocks until this process has no queued or running run (for tests and shutdown).
  void WaitIdle();

 private:
  struct Progress {
    std::string stage;
    uint64_t done = 0;
    uint64_t total = 0;
  };

  void WorkLoop();
  // Runs `run` to the end, storing its groups; returns the finished run.
  DedupRun Execute(DedupRun run);
  Status Authorise(const access::Actor& actor) const;
  // The households touched by a merge or undo, told to the observer after commit.
  void Notify(int64_t organisation_id, const std::vector<int64_t>& household_ids);

  store::Database& db_;
  const Clock& clock_;
  HouseholdObserver* observer_;
  const DedupServiceOptions options_;

  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<DedupRun> queue_;
  std::map<int64_t, Progress> progress_;  // by run id, while running
  bool busy_ = false;
  bool stop_ = false;
  std::thread worker_;  // last: started after everything it uses
};

}  // namespace sanad::registry
