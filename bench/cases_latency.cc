// Timing for the cases benchmark (cases_latency.h). Lists, searches and dashboards go through
// cases::CaseService as the API handlers call it. One case's read is timed four ways on the same
// sampled cases, interleaved per case in a shuffled order so that a busy moment of the shared
// machine falls on all of them alike: CaseService::Get (write transaction, content opened,
// people, audit entry), and three reads without parts of it.
#include <fmt/format.h>
#include <time.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <functional>
#include <iostream>
#include <map>
#include <numeric>
#include <random>

#include "access/field_cipher.h"
#include "base/clock.h"
#include "bench_data.h"
#include "cases/case_access.h"
#include "cases/case_service.h"
#include "cases_latency.h"
#include "store/case_store.h"
#include "store/organisation_store.h"

namespace sanad::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;
using Json = nlohmann::json;

constexpr int kWarmUp = 5;
constexpr int kMinRuns = 30;

double Since(SteadyClock::time_point t) {
  return std::chrono::duration<double>(SteadyClock::now() - t).count();
}

// CPU time of this thread: SQLite runs in it, so this is the database's work too (a
// PostgreSQL backend's is not in it).
double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

access::Actor ActorOf(const access::User& u) {
  return {.user_id = u.id,
          .username = u.username,
          .organisation_id = u.organisation_id,
          .organisation_name = u.organisation_name,
          .role = u.role,
          .modules = u.modules};
}

// A figure in the making: wall and CPU latencies and what each call matched.
struct Series {
  Latencies wall;
  Latencies cpu;
  std::vector<int64_t> matches;

  Status Run(const std::function<Result<int64_t>()>& op) {
    const double cpu0 = ThreadCpuMs();
    const auto t0 = SteadyClock::now();
    SANAD_ASSIGN_OR_RETURN(int64_t n, op());
    wall.Add(Since(t0) * 1e3);
    cpu.Add(ThreadCpuMs() - cpu0);
    matches.push_back(n);
    return Status::Ok();
  }

  Measurement Make(const CasesOptions& o, std::string scenario, double seconds,
                   const std::string& what) {
    std::sort(matches.begin(), matches.end());
    return {.backend = o.backend,
            .scenario = std::move(scenario),
            .households = matches.empty() ? 0 : matches[matches.size() / 2],
            .seconds = seconds,
            .samples = static_cast<int64_t>(wall.count()),
            .p50_ms = wall.Percentile(50),
            .p95_ms = wall.Percentile(95),
            .note = fmt::format("p99 {:.2f} ms; CPU p50 {:.2f} ms; {}", wall.Percentile(99),
                                cpu.Percentile(50), what)};
  }
};

// Runs op(i) kWarmUp times, then up to o.runs times or until o.max_seconds have passed (at
// least kMinRuns times).
Result<Measurement> Time(const CasesOptions& o, std::string scenario, const std::string& what,
                         const std::function<Result<int64_t>(int)>& op) {
  for (int i = 0; i < kWarmUp; ++i) SANAD_RETURN_IF_ERROR(op(i).status());
  Series s;
  const auto begin = SteadyClock::now();
  for (int i = 0; i < o.runs; ++i) {
    if (i >= kMinRuns && Since(begin) > o.max_seconds) break;
    SANAD_RETURN_IF_ERROR(s.Run([&] { return op(kWarmUp + i); }));
  }
  Measurement m = s.Make(o, std::move(scenario), Since(begin), what);
  std::cerr << fmt::format("  {:<28} p50 {:8.2f} ms  p95 {:8.2f} ms  ({} runs, {} matches)\n",
                           m.scenario, m.p50_ms, m.p95_ms, m.samples, m.households);
  return m;
}

struct Sampled {
  int64_t id = 0;
  access::Actor owner;
  std::string reference;
  std::vector<int64_t> person_ids;  // a GBV survivor's too, read once from the sealed content
  std::string name;                 // two words of the people's names (non-GBV), or ""
};

struct Fixture {
  std::unique_ptr<store::Database> db;
  int64_t org = 0;
  std::vector<access::Actor> caseworkers;
  std::map<std::string, access::Actor> by_name;
  std::map<int64_t, access::Actor> by_id;
  std::vector<Sampled> sample;
};

// Users, and o.runs + kWarmUp cases picked at random with their owners and people.
Result<Fixture> Load(const CasesOptions& o, const access::FieldCipher& cipher) {
  SANAD_ASSIGN_OR_RETURN(BenchDatabase bdb, OpenBenchDatabase(o.db_url, o.organisation));
  Fixture f{.db = std::move(bdb.db), .org = bdb.organisation.id};
  int64_t lo = 0;
  int64_t hi = 0;
  SANAD_RETURN_IF_ERROR(f.db->InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(auto users, store::ListUsers(c, f.org));
    for (const auto& u : users) {
      f.by_name[u.username] = ActorOf(u);
      f.by_id[u.id] = ActorOf(u);
      if (u.role == access::Role::kCaseworker) f.caseworkers.push_back(ActorOf(u));
    }
    const store::Value p[] = {f.org};
    SANAD_ASSIGN_OR_RETURN(
        auto rows, c.Query("SELECT MIN(id), MAX(id) FROM cases WHERE organisation_id = ?", p));
    lo = rows.front().Int(0);
    hi = rows.front().Int(1);
    return Status::Ok();
  }));
  if (hi == 0 || f.caseworkers.empty() || !f.by_name.contains("sup-all") ||
      !f.by_name.contains("sup-gbv")) {
    return Status::FailedPrecondition("no seeded cases or users; run with --phase seed first");
  }
  std::mt19937_64 rng(o.seed + 1);
  SANAD_RETURN_IF_ERROR(f.db->InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    f.sample.clear();
    while (f.sample.size() < static_cast<size_t>(o.runs + kWarmUp)) {
      const int64_t id = std::uniform_int_distribution<int64_t>(lo, hi)(rng);
      auto stored = store::GetCase(c, f.org, id);
      if (!stored.ok()) continue;  // a gap in the ids
      Sampled s{.id = id,
                .owner = f.by_id.at(stored->c.owner.id),
                .reference = stored->c.Reference(),
                .person_ids = stored->c.person_ids};
      if (stored->c.module == access::CaseModule::kGbv) {
        SANAD_ASSIGN_OR_RETURN(std::string plain,
                               cipher.Open(stored->sealed_content, access::FieldCipher::SealContext(
                                                                       "cases", "content", id)));
        s.person_ids = Json::parse(plain).at("people").get<std::vector<int64_t>>();
      } else {
        const store::Value q[] = {id};
        SANAD_ASSIGN_OR_RETURN(auto rows, c.Query("SELECT search_text FROM cases WHERE id = ?", q));
        std::vector<std::string> words;
        std::string text = rows.front().Text(0);
        for (size_t at = 0; at < text.size();) {
          const size_t end = text.find(' ', at);
          if (end > at && end != std::string::npos) words.push_back(text.substr(at, end - at));
          at = end == std::string::npos ? text.size() : end + 1;
        }
        // The given and the family name, as a caseworker would type a survivor's name.
        if (words.size() >= 4) s.name = words[0] + " " + words[3];
      }
      f.sample.push_back(std::move(s));
    }
    return Status::Ok();
  }));
  return f;
}

Result<std::vector<Measurement>> TimeLists(const CasesOptions& o, Fixture& f,
                                           cases::CaseService& svc) {
  std::vector<Measurement> out;
  const access::Actor& head = f.by_name.at("sup-all");
  const access::Actor& gbv = f.by_name.at("sup-gbv");
  auto list = [&](const access::Actor& a, const cases::CaseQuery& q) -> Result<int64_t> {
    SANAD_ASSIGN_OR_RETURN(cases::CasePage page, svc.List(a, q));
    return page.total;
  };
  auto worker = [&](int i) -> const access::Actor& {
    return f.caseworkers[static_cast<size_t>(i) % f.caseworkers.size()];
  };
  auto add = [&](std::string scenario, const std::string& what,
                 const std::function<Result<int64_t>(int)>& op) -> Status {
    SANAD_ASSIGN_OR_RETURN(Measurement m, Time(o, std::move(scenario), what, op));
    out.push_back(std::move(m));
    return Status::Ok();
  };
  SANAD_RETURN_IF_ERROR(add("cases/list-mine",
                            "caseworker, view=mine (each run another caseworker)",
                            [&](int i) { return list(worker(i), {.view = "mine"}); }));
  SANAD_RETURN_IF_ERROR(add("cases/list-due", "caseworker, view=due",
                            [&](int i) { return list(worker(i), {.view = "due"}); }));
  SANAD_RETURN_IF_ERROR(add("cases/list-team", "supervisor of every module, view=team",
                            [&](int) { return list(head, {.view = "team"}); }));
  SANAD_RETURN_IF_ERROR(add("cases/list-team-gbv", "supervisor of gbv, view=team",
                            [&](int) { return list(gbv, {.view = "team"}); }));
  SANAD_RETURN_IF_ERROR(add("cases/list-overdue", "supervisor of every module, view=overdue",
                            [&](int) { return list(head, {.view = "overdue"}); }));
  SANAD_RETURN_IF_ERROR(add("cases/list-closure",
                            "supervisor of every module, view=closure_requests",
                            [&](int) { return list(head, {.view = "closure_requests"}); }));
  SANAD_RETURN_IF_ERROR(add(
      "cases/search-reference", "supervisor of every module, view=team&q=GBV-000123", [&](int i) {
        return list(head, {.view = "team", .text = f.sample.at(static_cast<size_t>(i)).reference});
      }));
  SANAD_RETURN_IF_ERROR(
      add("cases/search-reference-mine", "the case's owner, view=mine&q=<reference>", [&](int i) {
        const Sampled& s = f.sample.at(static_cast<size_t>(i));
        return list(s.owner, {.view = "mine", .text = s.reference});
      }));
  SANAD_RETURN_IF_ERROR(add(
      "cases/search-name",
      "supervisor of every module, view=team&q=<given family> (non-GBV cases' people)", [&](int i) {
        const auto n = f.sample.size();
        std::string q;
        for (size_t k = 0; q.empty() && k < n; ++k)
          q = f.sample[(static_cast<size_t>(i) + k) % n].name;
        return list(head, {.view = "team", .text = q});
      }));
  auto dashboard = [&](const access::Actor& a) -> Result<int64_t> {
    SANAD_ASSIGN_OR_RETURN(cases::Dashboard d, svc.GetDashboard(a));
    return d.open;
  };
  SANAD_RETURN_IF_ERROR(add("cases/dashboard-supervisor", "supervisor of every module",
                            [&](int) { return dashboard(head); }));
  SANAD_RETURN_IF_ERROR(add("cases/dashboard-supervisor-gbv", "supervisor of gbv",
                            [&](int) { return dashboard(gbv); }));
  SANAD_RETURN_IF_ERROR(add("cases/dashboard-caseworker", "caseworker (each run another)",
                            [&](int i) { return dashboard(worker(i)); }));
  return out;
}

// The read without parts of CaseService::Get: the same rows and access rule, in a read (or,
// with `write_tx`, a write) transaction, optionally opening the content; never an audit entry.
Result<int64_t> ReadCase(store::Database& db, const access::FieldCipher& cipher, const Sampled& s,
                         bool open, bool write_tx) {
  int64_t people = 0;
  SANAD_RETURN_IF_ERROR(db.InTransaction(
      write_tx ? store::TxMode::kWrite : store::TxMode::kRead, [&](store::Connection& c) {
        SANAD_ASSIGN_OR_RETURN(store::StoredCase stored,
                               store::GetCase(c, s.owner.organisation_id, s.id));
        cases::Case k = std::move(stored.c);
        if (!cases::MaySee(s.owner, k)) return Status::NotFound("case not found");
        // Without encryption a survivor's ids would be a plain column: use the known ones.
        std::vector<int64_t> ids =
            k.module == access::CaseModule::kGbv ? s.person_ids : k.person_ids;
        if (open) {
          SANAD_ASSIGN_OR_RETURN(std::string plain, cipher.Open(stored.sealed_content,
                                                                access::FieldCipher::SealContext(
                                                                    "cases", "content", s.id)));
          Json doc = Json::parse(plain, nullptr, false);
          if (!doc.is_object()) return Status::Internal("bad content");
          if (doc.contains("people")) ids = doc["people"].get<std::vector<int64_t>>();
          doc.erase("people");
          k.content = std::move(doc);
        }
        SANAD_ASSIGN_OR_RETURN(k.people, store::FindCasePeople(c, k.organisation_id, ids));
        people = static_cast<int64_t>(k.people.size());
        return Status::Ok();
      }));
  return people;
}

Result<std::vector<Measurement>> TimeReads(const CasesOptions& o, Fixture& f,
                                           const access::FieldCipher& cipher,
                                           cases::CaseService& svc) {
  struct Variant {
    const char* scenario;
    const char* what;
    std::function<Result<int64_t>(const Sampled&)> op;
    Series series;
  };
  Variant variants[] = {
      {"cases/get-service", "CaseService::Get: write transaction, open, people, audit entry",
       [&](const Sampled& s) -> Result<int64_t> {
         SANAD_ASSIGN_OR_RETURN(cases::Case k, svc.Get(s.owner, s.id));
         return static_cast<int64_t>(k.people.size());
       }},
      {"cases/get-plain", "read transaction: store::GetCase + FindCasePeople, no open, no audit",
       [&](const Sampled& s) { return ReadCase(*f.db, cipher, s, false, false); }},
      {"cases/get-open", "read transaction: GetCase + open + FindCasePeople, no audit",
       [&](const Sampled& s) { return ReadCase(*f.db, cipher, s, true, false); }},
      {"cases/get-open-write-tx", "write transaction: GetCase + open + FindCasePeople, no audit",
       [&](const Sampled& s) { return ReadCase(*f.db, cipher, s, true, true); }},
  };
  // A fresh order per case: whatever a variant leaves behind (a commit's flush, a warmed page)
  // falls on each of the others alike, which a fixed rotation would not do.
  std::array<size_t, std::size(variants)> order{};
  std::iota(order.begin(), order.end(), 0);
  std::mt19937_64 rng(o.seed + 2);
  const auto begin = SteadyClock::now();
  for (size_t i = 0; i < f.sample.size(); ++i) {
    std::shuffle(order.begin(), order.end(), rng);
    for (size_t v : order) {
      Variant& var = variants[v];
      const Sampled& s = f.sample[i];
      if (i < static_cast<size_t>(kWarmUp)) {
        SANAD_RETURN_IF_ERROR(var.op(s).status());
        continue;
      }
      SANAD_RETURN_IF_ERROR(var.series.Run([&] { return var.op(s); }));
    }
  }
  const double seconds = Since(begin);
  std::vector<Measurement> out;
  for (Variant& v : variants) {
    out.push_back(v.series.Make(o, v.scenario, seconds, v.what));
    std::cerr << fmt::format("  {:<28} p50 {:8.2f} ms  p95 {:8.2f} ms\n", out.back().scenario,
                             out.back().p50_ms, out.back().p95_ms);
  }
  return out;
}

}  // namespace

Result<std::vector<Measurement>> RunCasesLatency(const CasesOptions& o) {
  SANAD_ASSIGN_OR_RETURN(access::FieldCipher cipher, access::FieldCipher::FromKeyFile(o.key_file));
  SANAD_ASSIGN_OR_RETURN(Fixture f, Load(o, cipher));
  const SystemClock clock;
  cases::CaseService svc(*f.db, &cipher, clock);
  SANAD_ASSIGN_OR_RETURN(std::vector<Measurement> out, TimeLists(o, f, svc));
  SANAD_ASSIGN_OR_RETURN(std::vector<Measurement> reads, TimeReads(o, f, cipher, svc));
  out.insert(out.end(), reads.begin(), reads.end());
  return out;
}

}  // namespace sanad::bench
