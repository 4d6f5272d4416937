#include "raw_insert.h"

#include <atomic>
#include <chrono>
#include <latch>
#include <thread>

#include "access/actor.h"
#include "base/clock.h"
#include "bench_data.h"
#include "registry/household_service.h"
#include "store/household_store.h"

namespace sanad::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Distinct households per thread; a longer run cycles through them again.
constexpr size_t kPoolSize = 1000;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

const char* ScenarioName(RawMode mode) {
  switch (mode) {
    case RawMode::kStoreTx:
      return "store-tx";
    case RawMode::kStoreBatch:
      return "store-batch";
    case RawMode::kService:
      return "service";
  }
  return "?";
}

struct WorkerResult {
  Latencies latencies;
  int64_t households = 0;
  int64_t rows = 0;
  int64_t errors = 0;
  std::string first_error;
  Clock::time_point end;
};

class Worker {
 public:
  Worker(const RawOptions& o, BenchDatabase& bdb, registry::HouseholdService& service,
         std::vector<PreparedHousehold> pool)
      : o_(o), bdb_(bdb), service_(service), pool_(std::move(pool)) {}

  void Run(Clock::time_point deadline, WorkerResult* r) {
    if (o_.mode == RawMode::kStoreBatch) {
      RunBatch(deadline, r);
    } else {
      for (size_t i = 0; Clock::now() < deadline; ++i) InsertOne(pool_[i % pool_.size()], r);
    }
    r->end = Clock::now();
  }

 private:
  void Count(const Status& s, const registry::Household& h, WorkerResult* r) {
    if (s.ok()) {
      ++r->households;
      r->rows += RowsOf(h);
    } else if (r->errors++ == 0) {
      r->first_error = s.ToString();
    }
  }

  void InsertOne(const PreparedHousehold& p, WorkerResult* r) {
    const auto start = Clock::now();
    Status s;
    if (o_.mode == RawMode::kService) {
      s = service_.Create(actor(), p.household).status();
    } else {
      registry::Household h = p.household;
      const store::HouseholdWrite w{.now = clock_.NowSeconds(), .search_text = p.search_text};
      s = bdb_.db->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
        return store::InsertHousehold(c, &h, w);
      });
    }
    r->latencies.Add(Ms(Clock::now() - start));
    Count(s, p.household, r);
  }

  void RunBatch(Clock::time_point deadline, WorkerResult* r) {
    WorkerResult inside;
    const auto start = Clock::now();
    const Status s = bdb_.db->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
      inside = WorkerResult{};  // a retried transaction starts over
      const store::HouseholdWrite w{.now = clock_.NowSeconds()};
      for (size_t i = 0; Clock::now() < deadline; ++i) {
        const PreparedHousehold& p = pool_[i % pool_.size()];
        registry::Household h = p.household;
        const store::HouseholdWrite hw{.now = w.now, .search_text = p.search_text};
        SANAD_RETURN_IF_ERROR(store::InsertHousehold(c, &h, hw));
        Count(Status::Ok(), h, &inside);
      }
      return Status::Ok();
    });
    r->latencies.Add(Ms(Clock::now() - start));
    if (!s.ok()) return Count(s, {}, r);
    r->households = inside.households;
    r->rows = inside.rows;
  }

  access::Actor actor() const {
    return {.user_id = 0,
            .username = "bench",
            .organisation_id = bdb_.organisation.id,
            .organisation_name = bdb_.organisation.name,
            .role = access::Role::kRegistration};
  }

  const RawOptions& o_;
  BenchDatabase& bdb_;
  registry::HouseholdService& service_;
  std::vector<PreparedHousehold> pool_;
  SystemClock clock_;
};

}  // namespace

Result<Measurement> RunRawInsert(const RawOptions& o) {
  SANAD_ASSIGN_OR_RETURN(BenchDatabase bdb, OpenBenchDatabase(o.db_url, o.organisation));
  const SystemClock clock;
  registry::HouseholdService service(*bdb.db, *bdb.places, clock);
  const int threads = o.mode == RawMode::kStoreBatch ? 1 : std::max(1, o.threads);
  std::vector<std::unique_ptr<Worker>> workers;
  for (int t = 0; t < threads; ++t) {
    workers.push_back(std::make_unique<Worker>(
        o, bdb, service,
        GenerateHouseholds(*bdb.places, o.seed * 1000 + static_cast<uint64_t>(t), kPoolSize,
                           bdb.organisation.id)));
  }
  std::vector<WorkerResult> results(static_cast<size_t>(threads));
  std::latch ready(threads + 1);
  std::atomic<int64_t> start_ns{0};
  std::vector<std::jthread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      ready.arrive_and_wait();
      const Clock::time_point start{Clock::duration(start_ns.load())};
      workers[static_cast<size_t>(t)]->Run(start + std::chrono::duration_cast<Clock::duration>(
                                                       std::chrono::duration<double>(o.seconds)),
                                           &results[static_cast<size_t>(t)]);
    });
  }
  const double cpu_before = ProcessCpuSeconds();
  const auto start = Clock::now();
  start_ns.store(start.time_since_epoch().count());
  ready.arrive_and_wait();
  pool.clear();  // joins
  const double cpu_after = ProcessCpuSeconds();

  Measurement m{.backend = o.backend,
                .scenario = std::string(ScenarioName(o.mode)) + "/" + std::to_string(threads)};
  Latencies all;
  Clock::time_point end = start;
  std::string first_error;
  for (auto& r : results) {
    m.households += r.households;
    m.rows += r.rows;
    m.errors += r.errors;
    if (first_error.empty()) first_error = r.first_error;
    all.Merge(r.latencies);
    end = std::max(end, r.end);
  }
  m.seconds = std::chrono::duration<double>(end - start).count();
  m.samples = static_cast<int64_t>(all.count());
  m.p50_ms = all.Percentile(50);
  m.p95_ms = all.Percentile(95);
  m.note = first_error;
  if (cpu_before >= 0 && cpu_after >= 0) m.cpu_seconds = cpu_after - cpu_before;
  return m;
}

}  // namespace sanad::bench
