// DedupService: starting runs, executing them on the background thread, and reading them.
// Decisions and undo are in dedup_review.cc.
#include "registry/dedup_service.h"

#include <algorithm>
#include <exception>
#include <unordered_map>

#include "matching/person_matcher.h"
#include "registry/people_index.h"
#include "store/dedup_store.h"

namespace sanad::registry {
namespace {

constexpr int kMaxLimit = 200;

Status CheckPage(int page, int limit) {
  std::vector<FieldError> bad;
  if (page < 1) bad.push_back({"page", "must be 1 or more"});
  if (limit < 1 || limit > kMaxLimit) bad.push_back({"limit", "must be between 1 and 200"});
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  return Status::Ok();
}

// Where each input record of the matcher came from.
struct Source {
  const Household* household;
  const Member* member;
};

std::vector<DedupReason> ToReasons(const std::vector<matching::MatchReason>& reasons) {
  std::vector<DedupReason> out;
  out.reserve(reasons.size());
  for (const auto& r : reasons) out.push_back({r.field, r.weight, r.detail});
  return out;
}

// The groups of `result`: each cluster of two or more people with the pairs inside it.
std::vector<DedupGroup> BuildGroups(const DedupRun& run, const std::vector<Source>& sources,
                                    const matching::DedupResult& result) {
  std::unordered_map<uint32_t, size_t> group_of;  // cluster → index into out
  std::vector<DedupGroup> out;
  std::vector<std::vector<uint32_t>> indexes;
  for (const matching::ScoredPair& p : result.pairs) {
    const uint32_t cluster = result.cluster_of.at(p.a);
    if (cluster != result.cluster_of.at(p.b)) continue;
    auto [it, added] = group_of.try_emplace(cluster, out.size());
    if (added) {
      out.push_back({.run_id = run.id, .organisation_id = run.organisation_id});
      indexes.emplace_back();
    }
    DedupGroup& g = out[it->second];
    indexes[it->second].push_back(p.a);
    indexes[it->second].push_back(p.b);
    int64_t a = sources[p.a].member->id;
    int64_t b = sources[p.b].member->id;
    if (a > b) std::swap(a, b);
    g.pairs.push_back(
        {.member_a = a, .member_b = b, .score = p.score, .reasons = ToReasons(p.reasons)});
    g.score = std::max(g.score, p.score);
  }
  for (size_t i = 0; i < out.size(); ++i) {
    std::vector<uint32_t>& idx = indexes[i];
    std::sort(idx.begin(), idx.end());
    idx.erase(std::unique(idx.begin(), idx.end()), idx.end());
    for (const uint32_t k : idx) {
      const Source& s = sources[k];
      out[i].members.push_back({.member = *s.member,
                                .fingerprint = DedupFingerprint(*s.household, *s.member),
                                .household = Household{.id = s.household->id}});
    }
    std::sort(out[i].pairs.begin(), out[i].pairs.end(),
              [](const DedupPair& x, const DedupPair& y) { return x.score > y.score; });
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const DedupGroup& x, const DedupGroup& y) { return x.score > y.score; });
  return out;
}

}  // namespace

std::string DedupFingerprint(const Household& household, const Member& member) {
  // FNV-1a over every compared field, separated so that moving text between fields counts.
  uint64_t hash = 14695981039346656037ULL;
  const auto add = [&hash](std::string_view s) {
    for (const char ch : s) {
      hash ^= static_cast<unsigned char>(ch);
      hash *= 1099511628211ULL;
    }
    hash ^= 0x1F;
    hash *= 1099511628211ULL;
  };
  for (const std::string* s :
       {&member.given_name, &member.father_name, &member.grandfather_name, &member.family_name,
        &member.name_latin, &member.sex, &member.birth_date, &member.phone,
        &household.location_pcode, &household.phone}) {
    add(*s);
  }
  for (const Document& d : member.documents) {
    add(d.type);
    add(d.number);
  }
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, hash >>= 4) out[static_cast<size_t>(i)] = kHex[hash & 0xF];
  return out;
}

DedupService::DedupService(store::Database& db, const Clock& clock, HouseholdObserver* observer,
                           DedupServiceOptions options)
    : db_(db), clock_(clock), observer_(observer), options_(options), worker_([this] {
        WorkLoop();
      }) {}

DedupService::~DedupService() {
  {
    const std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  worker_.join();
}

Status DedupService::Authorise(const access::Actor& actor) const {
  if (!actor.Can(access::Permission::kReviewDuplicates)) {
    return Status::PermissionDenied("your role may not review duplicates");
  }
  return Status::Ok();
}

Result<int64_t> DedupService::FailInterruptedRuns() {
  int64_t failed = 0;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(
        failed, store::FailUnfinishedDedupRuns(c, clock_.NowSeconds(), "interrupted by a restart"));
    return Status::Ok();
  }));
  return failed;
}

Result<DedupRun> DedupService::Start(const access::Actor& actor) {
  SANAD_RETURN_IF_ERROR(Authorise(actor));
  DedupRun run;
  bool queued = false;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(run, store::ActiveDedupRun(c, actor.organisation_id));
    queued = run.id == 0;
    if (!queued) return Status::Ok();
    run = {.organisation_id = actor.organisation_id,
           .status = "queued",
           .started_at = clock_.NowSeconds(),
           .started_by = actor.user_id,
           .started_by_name = actor.username};
    return store::InsertDedupRun(c, &run);
  }));
  if (queued) {
    {
      const std::lock_guard lock(mu_);
      queue_.push_back(run);
      progress_[run.id] = {.stage = "queued"};
    }
    cv_.notify_all();
  }
  return run;
}

void DedupService::WorkLoop() {
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [this] { return stop_ || !queue_.empty(); });
    // Runs still queued at shutdown stay queued in the store: the next start fails them.
    if (stop_) return;
    DedupRun run = queue_.front();
    queue_.pop_front();
    busy_ = true;
    lock.unlock();
    const int64_t id = run.id;
    Execute(std::move(run));
    lock.lock();
    progress_.erase(id);
    busy_ = false;
    cv_.notify_all();
  }
}

void DedupService::WaitIdle() {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return queue_.empty() && !busy_; });
}

DedupRun DedupService::Execute(DedupRun run) {
  std::vector<Household> households;
  std::vector<std::pair<int64_t, int64_t>> different;
  Status st = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    return store::SetDedupRunRunning(c, run.id);
  });
  if (st.ok()) {
    st = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
      SANAD_ASSIGN_OR_RETURN(households, store::LoadPeopleForDedup(c, run.organisation_id));
      SANAD_ASSIGN_OR_RETURN(different, store::ListDifferentPairs(c, run.organisation_id));
      return Status::Ok();
    });
  }
  std::vector<DedupGroup> groups;
  if (st.ok()) {
    std::vector<matching::PersonRecord> records;
    std::vector<Source> sources;
    std::unordered_map<int64_t, uint32_t> index_of;  // member id → record
    for (const Household& h : households) {
      for (const Member& m : h.members) {
        index_of[m.id] = static_cast<uint32_t>(records.size());
        records.push_back(ToPersonRecord(h, m));
        sources.push_back({&h, &m});
      }
    }
    std::vector<std::pair<uint32_t, uint32_t>> decided;
    for (const auto& [a, b] : different) {
      const auto ia = index_of.find(a);
      const auto ib = index_of.find(b);
      if (ia != index_of.end() && ib != index_of.end())
        decided.emplace_back(ia->second, ib->second);
    }
    const matching::DedupOptions options{
        .threshold = options_.threshold,
        .threads = options_.threads,
        .progress = [this, id = run.id](std::string_view stage, uint64_t done, uint64_t total) {
          const std::lock_guard lock(mu_);
          progress_[id] = {.stage = std::string(stage), .done = done, .total = total};
        }};
    try {
      const matching::DedupResult result = matching::Deduplicate(records, options, decided);
      groups = BuildGroups(run, sources, result);
      run.people = static_cast<int64_t>(records.size());
      run.comparisons = static_cast<int64_t>(result.comparisons);
      run.pairs = static_cast<int64_t>(result.pairs.size());
      run.groups = static_cast<int64_t>(groups.size());
    } catch (const std::exception& e) {
      st = Status::Internal(std::string("matching failed: ") + e.what());
    }
  }
  if (st.ok()) {
    run.status = "done";
    run.finished_at = clock_.NowSeconds();
    st = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
      for (DedupGroup& g : groups) SANAD_RETURN_IF_ERROR(store::InsertDedupGroup(c, &g));
      return store::FinishDedupRun(c, run);
    });
  }
  if (!st.ok()) {
    run = {.id = run.id,
           .organisation_id = run.organisation_id,
           .status = "failed",
           .finished_at = clock_.NowSeconds(),
           .error = st.message()};
    // Nothing more can be done when even this fails: the next start marks it failed.
    (void)db_.InTransaction(store::TxMode::kWrite,
                            [&](store::Connection& c) { return store::FinishDedupRun(c, run); });
  }
  return run;
}

Result<DedupRunPage> DedupService::ListRuns(const access::Actor& actor, int page, int limit) {
  SANAD_RETURN_IF_ERROR(Authorise(actor));
  SANAD_RETURN_IF_ERROR(CheckPage(page, limit));
  DedupRunPage out{.page = page, .limit = limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(
        out.items, store::ListDedupRuns(c, actor.organisation_id, limit, (page - 1) * limit));
    SANAD_ASSIGN_OR_RETURN(out.total, store::CountDedupRuns(c, actor.organisation_id));
    return Status::Ok();
  }));
  const std::lock_guard lock(mu_);
  for (DedupRun& r : out.items) {
    if (auto it = progress_.find(r.id); it != progress_.end()) {
      r.stage = it->second.stage;
      r.done = it->second.done;
      r.total = it->second.total;
    }
  }
  return out;
}

Result<DedupRun> DedupService::GetRun(const access::Actor& actor, int64_t id) {
  SANAD_RETURN_IF_ERROR(Authorise(actor));
  DedupRun run;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(run, store::GetDedupRun(c, actor.organisation_id, id));
    return Status::Ok();
  }));
  const std::lock_guard lock(mu_);
  if (auto it = progress_.find(run.id); it != progress_.end()) {
    run.stage = it->second.stage;
    run.done = it->second.done;
    run.total = it->second.total;
  }
  return run;
}

Result<DedupGroupPage> DedupService::ListGroups(const access::Actor& actor,
                                                const DedupGroupQuery& q) {
  SANAD_RETURN_IF_ERROR(Authorise(actor));
  SANAD_RETURN_IF_ERROR(CheckPage(q.page, q.limit));
  if (!q.state.empty() && q.state != "open" && q.state != "same_person" &&
      q.state != "different_people") {
    return Status::InvalidArgument("bad list query",
                                   {{"state", "must be open, same_person or different_people"}});
  }
  DedupGroupPage out{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_RETURN_IF_ERROR(store::GetDedupRun(c, actor.organisation_id, q.run_id).status());
    SANAD_ASSIGN_OR_RETURN(out.items, store::ListDedupGroups(c, actor.organisation_id, q));
    SANAD_ASSIGN_OR_RETURN(out.total, store::CountDedupGroups(c, actor.organisation_id, q));
    return Status::Ok();
  }));
  return out;
}

}  // namespace sanad::registry
