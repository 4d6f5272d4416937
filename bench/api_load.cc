#include "api_load.h"

#include <atomic>
#include <chrono>
#include <latch>
#include <thread>

#include "bench_data.h"
#include "http/household_json.h"
#include "http_client.h"

namespace sanad::bench {
namespace {

using Clock = std::chrono::steady_clock;

// Distinct bodies per client; a longer run cycles through them again.
constexpr size_t kBodiesPerClient = 1000;
constexpr int kCreated = 201;
constexpr std::string_view kTarget = "/api/v1/households";

struct Body {
  std::string json;
  int64_t rows = 0;
};

struct ClientResult {
  Latencies latencies;
  int64_t households = 0;
  int64_t rows = 0;
  int64_t errors = 0;
  std::string first_error;
  Clock::time_point end;
};

std::vector<Body> EncodeBodies(const std::vector<PreparedHousehold>& households,
                               const registry::PlaceDirectory& places) {
  std::vector<Body> out;
  out.reserve(households.size());
  for (const auto& p : households) {
    http::Json j = http::HouseholdToJson(p.household, places);
    // What a client sends on create: no server-assigned fields.
    for (const char* k : {"id", "version", "organisation", "created_at", "updated_at"}) j.erase(k);
    for (auto& m : j["members"]) m.erase("id");
    out.push_back({.json = j.dump(), .rows = RowsOf(p.household)});
  }
  return out;
}

void RunClient(HttpClient& client, const std::vector<Body>& bodies, Clock::time_point deadline,
               ClientResult* r) {
  for (size_t i = 0; Clock::now() < deadline; ++i) {
    const Body& b = bodies[i % bodies.size()];
    const auto start = Clock::now();
    auto reply = client.Send("POST", kTarget, b.json);
    r->latencies.Add(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (reply.ok() && reply->status == kCreated) {
      ++r->households;
      r->rows += b.rows;
      continue;
    }
    if (r->errors++ == 0) {
      r->first_error = reply.ok() ? std::to_string(reply->status) + " " + reply->body.substr(0, 300)
                                  : reply.status().ToString();
    }
  }
  r->end = Clock::now();
}

}  // namespace

Result<Measurement> RunApiLoad(const ApiLoadOptions& o) {
  SANAD_ASSIGN_OR_RETURN(Endpoint endpoint, ParseEndpoint(o.server_url));
  const int clients = std::max(1, o.clients);
  std::vector<std::vector<Body>> bodies;
  {
    SANAD_ASSIGN_OR_RETURN(BenchDatabase bdb, OpenBenchDatabase(o.db_url, o.organisation));
    for (int c = 0; c < clients; ++c) {
      bodies.push_back(
          EncodeBodies(GenerateHouseholds(*bdb.places, o.seed * 1000 + static_cast<uint64_t>(c),
                                          kBodiesPerClient, bdb.organisation.id),
                       *bdb.places));
    }
  }
  std::vector<std::unique_ptr<HttpClient>> connections;
  for (int c = 0; c < clients; ++c) {
    connections.push_back(std::make_unique<HttpClient>(endpoint));
    SANAD_RETURN_IF_ERROR(connections.back()->Login(o.username, o.password));
  }

  std::vector<ClientResult> results(static_cast<size_t>(clients));
  std::latch ready(clients + 1);
  std::atomic<int64_t> start_ns{0};
  std::vector<std::jthread> threads;
  for (int c = 0; c < clients; ++c) {
    threads.emplace_back([&, c] {
      ready.arrive_and_wait();
      const Clock::time_point start{Clock::duration(start_ns.load())};
      const auto i = static_cast<size_t>(c);
      RunClient(*connections[i], bodies[i],
                start + std::chrono::duration_cast<Clock::duration>(
                            std::chrono::duration<double>(o.seconds)),
                &results[i]);
    });
  }
  const double cpu_before = o.server_pid ? ProcessCpuSeconds(o.server_pid) : -1;
  const auto start = Clock::now();
  start_ns.store(start.time_since_epoch().count());
  ready.arrive_and_wait();
  threads.clear();  // joins
  const double cpu_after = o.server_pid ? ProcessCpuSeconds(o.server_pid) : -1;

  Measurement m{.backend = o.backend, .scenario = "api/" + std::to_string(clients)};
  Latencies all;
  Clock::time_point end = start;
  for (auto& r : results) {
    m.households += r.households;
    m.rows += r.rows;
    m.errors += r.errors;
    if (m.note.empty()) m.note = r.first_error;
    all.Merge(r.latencies);
    end = std::max(end, r.end);
  }
  m.seconds = std::chrono::duration<double>(end - start).count();
  m.samples = static_cast<int64_t>(all.count());
  m.p50_ms = all.Percentile(50);
  m.p95_ms = all.Percentile(95);
  if (cpu_before >= 0 && cpu_after >= 0) m.cpu_seconds = cpu_after - cpu_before;
  return m;
}

}  // namespace sanad::bench
