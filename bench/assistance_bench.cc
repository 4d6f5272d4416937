#include "assistance_bench.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <latch>
#include <map>
#include <mutex>
#include <thread>

#include "bench_data.h"
#include "http_client.h"
#include "store/database.h"

namespace sanad::bench {
namespace {

using Json = nlohmann::json;
using SteadyClock = std::chrono::steady_clock;

constexpr int kCreated = 201;
constexpr int64_t kStock = 50'000'000;  // enough for every household drawn

double MsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double, std::milli>(SteadyClock::now() - start).count();
}

Result<Json> Call(HttpClient& c, std::string_view method, const std::string& target,
                  const Json& body, int want) {
  auto reply = c.Send(method, target, body.is_null() ? std::string() : body.dump());
  if (!reply.ok()) return reply.status();
  if (reply->status != want) {
    return Status::Internal(std::string(method) + " " + target + " answered " +
                            std::to_string(reply->status) + ": " + reply->body.substr(0, 400));
  }
  if (reply->body.empty()) return Json::object();
  return Json::parse(reply->body, nullptr, false);
}

// An item, a warehouse holding kStock of it, and an in-kind round over every household of the
// organisation (no criteria), one item per household. Returns the round.
Result<Json> CreateRound(HttpClient& c, const std::string& pcode) {
  const std::string suffix = std::to_string(
      std::chrono::duration_cast<std::chrono::seconds>(SteadyClock::now().time_since_epoch())
          .count());
  SANAD_ASSIGN_OR_RETURN(Json item, Call(c, "POST", "/api/v1/items",
                                         {{"code", "BENCH-" + suffix},
                                          {"name_en", "Bench hygiene kit"},
                                          {"unit", "kit"},
                                          {"category", "hygiene"}},
                                         kCreated));
  SANAD_ASSIGN_OR_RETURN(Json warehouse,
                         Call(c, "POST", "/api/v1/warehouses",
                              {{"name", "Bench warehouse " + suffix}, {"pcode", pcode}}, kCreated));
  SANAD_ASSIGN_OR_RETURN(Json receipt, Call(c, "POST", "/api/v1/stock/movements",
                                            {{"kind", "receipt"},
                                             {"warehouse_id", warehouse["id"]},
                                             {"item_id", item["id"]},
                                             {"lot", {{"number", "L1"}, {"expiry", nullptr}}},
                                             {"quantity", kStock},
                                             {"donor", "Bench"},
                                             {"waybill", "WB-" + suffix}},
                                            kCreated));
  (void)receipt;
  return Call(c, "POST", "/api/v1/distributions",
              {{"name", "Bench round " + suffix},
               {"kind", "in_kind"},
               {"pcode", pcode},
               {"warehouse_id", warehouse["id"]},
               {"starts_on", "2026-12-01"},
               {"ends_on", "2026-12-31"},
               {"basket", Json::array({{{"item_id", item["id"]}, {"quantity", 1}}})},
               {"criteria", Json::object()}},
              kCreated);
}

// The households of the round's list, in list order, read straight from the database (paging
// the API through 200,000 households would time the list, not the collections).
Result<std::vector<int64_t>> ListedHouseholds(store::Database& db, int64_t round) {
  std::vector<int64_t> out;
  SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    const store::Value p[] = {round};
    auto rows = c.Query(
        "SELECT household_id FROM distribution_beneficiaries WHERE distribution_id = ? "
        "ORDER BY position",
        p);
    if (!rows.ok()) return rows.status();
    out.clear();
    for (const auto& r : *rows) out.push_back(r.Int(0));
    return Status::Ok();
  }));
  return out;
}

struct Worker {
  Latencies latencies;
  int64_t done = 0;
  int64_t people = 0;
  int64_t errors = 0;
  std::string first_error;
  SteadyClock::time_point end;
};

// Runs `work(i, worker)` on `threads` threads for `seconds`, each taking the next index of
// `count` until time or indices run out.
Measurement RunClosedLoop(int threads, double seconds, size_t count,
                          const std::function<bool(size_t, Worker&)>& work) {
  std::vector<Worker> workers(static_cast<size_t>(threads));
  std::atomic<size_t> next{0};
  std::latch ready(threads + 1);
  SteadyClock::time_point start;
  std::atomic<bool> started{false};
  std::vector<std::jthread> pool;
  for (int t = 0; t < threads; ++t) {
    pool.emplace_back([&, t] {
      ready.arrive_and_wait();
      while (!started.load()) std::this_thread::yield();
      Worker& w = workers[static_cast<size_t>(t)];
      const auto deadline = start + std::chrono::duration_cast<SteadyClock::duration>(
                                        std::chrono::duration<double>(seconds));
      while (SteadyClock::now() < deadline) {
        const size_t i = next.fetch_add(1);
        if (i >= count) break;
        const auto begin = SteadyClock::now();
        const bool ok = work(i, w);
        w.latencies.Add(MsSince(begin));
        ok ? ++w.done : ++w.errors;
      }
      w.end = SteadyClock::now();
    });
  }
  ready.arrive_and_wait();
  start = SteadyClock::now();
  started.store(true);
  pool.clear();
  Measurement m;
  Latencies all;
  SteadyClock::time_point end = start;
  for (auto& w : workers) {
    m.households += w.done;
    m.rows += w.people;
    m.errors += w.errors;
    if (m.note.empty()) m.note = w.first_error;
    all.Merge(w.latencies);
    end = std::max(end, w.end);
  }
  m.seconds = std::chrono::duration<double>(end - start).count();
  m.samples = static_cast<int64_t>(all.count());
  m.p50_ms = all.Percentile(50);
  m.p95_ms = all.Percentile(95);
  return m;
}

// The rows one collection writes, straight: what the collection endpoint writes minus HTTP,
// JSON, the session, the checks (list, claims of duplicates, stock) and FEFO.
Status RawCollection(store::Connection& c, int64_t organisation_id, int64_t round,
                     int64_t household, int64_t warehouse, int64_t item, int64_t lot, int64_t now,
                     int64_t* people) {
  const store::Value h[] = {household};
  auto members = c.Query(
      "SELECT id FROM people WHERE household_id = ? AND archived_at IS NULL AND merged_into IS "
      "NULL",
      h);
  if (!members.ok()) return members.status();
  const store::Value col[] = {round, organisation_id, household, now};
  auto id = c.Query(
      "INSERT INTO collections (distribution_id, organisation_id, household_id, collector, at, "
      "created_by_name) VALUES (?, ?, ?, 'head', ?, 'bench') RETURNING id",
      col);
  if (!id.ok()) return id.status();
  const int64_t collection = id->front().Int(0);
  for (const auto& m : *members) {
    const store::Value claim[] = {round, m.Int(0), collection};
    auto s = c.Execute(
        "INSERT INTO collection_claims (distribution_id, person_id, collection_id) VALUES (?, ?, "
        "?)",
        claim);
    if (!s.ok()) return s.status();
  }
  *people = static_cast<int64_t>(members->size());
  const store::Value mv[] = {organisation_id, now, warehouse, item, lot, round, collection};
  if (auto s = c.Execute("INSERT INTO stock_movements (organisation_id, at, kind, warehouse_id, "
                         "item_id, lot_id, quantity, distribution_id, collection_id, "
                         "created_by_name) VALUES (?, ?, 'issue', ?, ?, ?, -1, ?, ?, 'bench')",
                         mv);
      !s.ok()) {
    return s.status();
  }
  const store::Value bal[] = {warehouse, lot};
  if (auto s = c.Execute("UPDATE stock_balances SET quantity = quantity - 1 WHERE warehouse_id = "
                         "? AND lot_id = ?",
                         bal);
      !s.ok()) {
    return s.status();
  }
  const store::Value res[] = {round, item};
  if (auto s = c.Execute("UPDATE stock_reservations SET quantity = quantity - 1 WHERE "
                         "distribution_id = ? AND item_id = ? AND quantity > 0",
                         res);
      !s.ok()) {
    return s.status();
  }
  const store::Value ben[] = {collection, round, household};
  if (auto s = c.Execute("UPDATE distribution_beneficiaries SET collection_id = ? WHERE "
                         "distribution_id = ? AND household_id = ?",
                         ben);
      !s.ok()) {
    return s.status();
  }
  const store::Value audit[] = {now, organisation_id, collection};
  return c
      .Execute(
          "INSERT INTO audit_log (at, organisation_id, user_id, username, action, entity, "
          "entity_id, changes) VALUES (?, ?, NULL, 'bench', 'create', 'collection', ?, '{}')",
          audit)
      .status();
}

}  // namespace

Result<std::vector<Measurement>> RunAssistanceBench(const AssistanceOptions& o) {
  SANAD_ASSIGN_OR_RETURN(Endpoint endpoint, ParseEndpoint(o.server_url));
  SANAD_ASSIGN_OR_RETURN(BenchDatabase bdb, OpenBenchDatabase(o.db_url, o.organisation));
  std::vector<Measurement> out;
  HttpClient admin(endpoint);
  SANAD_RETURN_IF_ERROR(admin.Login(o.username, o.password));

  // The round's place: the governorate of the first seeded household.
  std::string pcode;
  SANAD_RETURN_IF_ERROR(bdb.db->InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    const store::Value p[] = {bdb.organisation.id};
    auto rows = c.Query(
        "SELECT location_pcode FROM households WHERE organisation_id = ? ORDER BY id LIMIT 1", p);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::FailedPrecondition("seed the registry first");
    pcode = rows->front().Text(0).substr(0, 5);
    return Status::Ok();
  }));
  // No criteria: every household of the organisation is drawn.
  SANAD_ASSIGN_OR_RETURN(Json round, CreateRound(admin, pcode));
  const int64_t id = round["id"].get<int64_t>();
  const std::string base = "/api/v1/distributions/" + std::to_string(id);
  auto start = SteadyClock::now();
  SANAD_ASSIGN_OR_RETURN(Json preview, Call(admin, "GET", base + "/preview", nullptr, 200));
  out.push_back({.backend = o.backend,
                 .scenario = "draw/preview",
                 .households = preview.value("households", int64_t{0}),
                 .rows = preview.value("people", int64_t{0}),
                 .seconds = MsSince(start) / 1000,
                 .samples = 1,
                 .p50_ms = MsSince(start),
                 .p95_ms = MsSince(start)});
  start = SteadyClock::now();
  SANAD_ASSIGN_OR_RETURN(Json planned,
                         Call(admin, "POST", base + "/plan", {{"version", round["version"]}}, 200));
  const double plan_ms = MsSince(start);
  out.push_back({.backend = o.backend,
                 .scenario = "draw/plan",
                 .households = planned["counts"].value("households", int64_t{0}),
                 .rows = planned["counts"].value("people", int64_t{0}),
                 .seconds = plan_ms / 1000,
                 .samples = 1,
                 .p50_ms = plan_ms,
                 .p95_ms = plan_ms});
  SANAD_ASSIGN_OR_RETURN(
      Json opened, Call(admin, "POST", base + "/open", {{"version", planned["version"]}}, 200));
  (void)opened;
  SANAD_ASSIGN_OR_RETURN(std::vector<int64_t> households, ListedHouseholds(*bdb.db, id));

  // The API: each client its own session and keep-alive connection.
  std::vector<std::unique_ptr<HttpClient>> clients;
  for (int c = 0; c < o.clients; ++c) {
    clients.push_back(std::make_unique<HttpClient>(endpoint));
    SANAD_RETURN_IF_ERROR(clients.back()->Login(o.username, o.password));
  }
  std::mutex mu;
  std::map<std::thread::id, HttpClient*> by_thread;
  std::atomic<size_t> next_client{0};
  const size_t half = households.size() / 2;
  const double cpu_before = o.server_pid ? ProcessCpuSeconds(o.server_pid) : -1;
  Measurement api = RunClosedLoop(o.clients, o.seconds, half, [&](size_t i, Worker& w) {
    HttpClient* c = nullptr;
    {
      std::lock_guard lock(mu);
      auto [it, fresh] = by_thread.try_emplace(std::this_thread::get_id(), nullptr);
      if (fresh) it->second = clients[next_client++].get();
      c = it->second;
    }
    Json body = {{"household_id", households[i]}, {"collector", "head"}};
    auto reply = c->Send("POST", base + "/collections", body.dump());
    if (reply.ok() && reply->status == kCreated) return true;
    if (w.first_error.empty()) {
      w.first_error = reply.ok() ? std::to_string(reply->status) + " " + reply->body.substr(0, 200)
                                 : reply.status().ToString();
    }
    return false;
  });
  const double cpu_after = o.server_pid ? ProcessCpuSeconds(o.server_pid) : -1;
  api.backend = o.backend;
  api.scenario = "collect/" + std::to_string(o.clients);
  if (cpu_before >= 0 && cpu_after >= 0) api.cpu_seconds = cpu_after - cpu_before;
  out.push_back(api);

  // The same rows straight into the database, for the other half of the list.
  int64_t warehouse = round["warehouse"]["id"].get<int64_t>();
  int64_t item = round["basket"][0]["item"]["id"].get<int64_t>();
  int64_t lot = 0;
  SANAD_RETURN_IF_ERROR(bdb.db->InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    const store::Value p[] = {warehouse, item};
    auto rows = c.Query(
        "SELECT lot_id FROM stock_balances WHERE warehouse_id = ? AND item_id = ? LIMIT 1", p);
    if (!rows.ok()) return rows.status();
    if (rows->empty()) return Status::FailedPrecondition("no stock");
    lot = rows->front().Int(0);
    return Status::Ok();
  }));
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  const double raw_cpu_before = ProcessCpuSeconds();
  Measurement raw =
      RunClosedLoop(o.clients, o.seconds, households.size() - half, [&](size_t i, Worker& w) {
        int64_t people = 0;
        Status s = bdb.db->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
          return RawCollection(c, bdb.organisation.id, id, households[half + i], warehouse, item,
                               lot, now, &people);
        });
        if (s.ok()) {
          w.people += people;
          return true;
        }
        if (w.first_error.empty()) w.first_error = s.ToString();
        return false;
      });
  raw.backend = o.backend;
  raw.scenario = "collect-raw/" + std::to_string(o.clients);
  raw.cpu_seconds = ProcessCpuSeconds() - raw_cpu_before;
  out.push_back(raw);
  return out;
}

}  // namespace sanad::bench
