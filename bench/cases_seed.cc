// Seeding for the cases benchmark (cases_latency.h): everything goes through the store
// functions the services use (InsertUser, InsertHousehold, InsertCase, UpdateCase,
// ReplaceCasePeople, AddCaseAssignment, AppendAudit) in large transactions, with content
// sealed by a FieldCipher under a fresh key, as CaseService would store it.
#include <fcntl.h>
#include <unistd.h>

#include <fmt/format.h>

#include <chrono>
#include <iostream>
#include <random>

#include "access/field_cipher.h"
#include "base/clock.h"
#include "bench_data.h"
#include "cases_content.h"
#include "cases_latency.h"
#include "matching/normalise.h"
#include "store/audit_store.h"
#include "store/case_store.h"
#include "store/household_store.h"
#include "store/organisation_store.h"

namespace sanad::bench {
namespace {

using SteadyClock = std::chrono::steady_clock;
using access::CaseModule;
using cases::CaseStatus;

constexpr int64_t kDay = 24 * 3600;
constexpr int64_t kLocalOffset = 3 * 3600;  // Iraq's civil date, as cases/ counts days
constexpr int64_t kHouseholdBatch = 5000;
constexpr int64_t kCaseBatch = 2000;
constexpr int64_t kAuditBatch = 20'000;

// Share of cases (and of caseworkers) per module, in per cent, in kCaseModules order.
constexpr int kModulePercent[] = {30, 25, 15, 10, 10, 10};
// Statuses in CaseStatus order and risks low, medium, high, in per cent.
constexpr int kStatusPercent[] = {6, 8, 14, 32, 4, 36};
constexpr int kRiskPercent[] = {35, 45, 20};
constexpr int kAssignedPercent = 5;
constexpr int kSeveralPeoplePercent = 20;

double Since(SteadyClock::time_point t) {
  return std::chrono::duration<double>(SteadyClock::now() - t).count();
}

template <size_t N>
size_t Weighted(const int (&percent)[N], std::mt19937_64& rng) {
  int r = std::uniform_int_distribution<int>(0, 99)(rng);
  for (size_t i = 0; i < N; ++i) {
    if (r < percent[i]) return i;
    r -= percent[i];
  }
  return N - 1;
}

int64_t Uniform(int64_t lo, int64_t hi, std::mt19937_64& rng) {
  return std::uniform_int_distribution<int64_t>(lo, hi)(rng);
}

struct Person {
  int64_t id = 0;
  std::string words;  // normalised names, each followed by a space (CaseBook's search text)
};

struct Team {
  std::vector<std::vector<cases::CaseUser>> owners;   // by module: caseworkers of it
  std::vector<std::vector<cases::CaseUser>> holders;  // by module: caseworkers holding it
  std::vector<cases::CaseUser> everyone;
};

Status WriteKeyFile(const std::string& path, const access::FieldCipher::Key& key) {
  const std::string text = access::FieldCipher::FormatKeyFile({key});
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd < 0) return Status::Unavailable("cannot create " + path);
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  return ok ? Status::Ok() : Status::Unavailable("cannot write " + path);
}

Result<Team> AddUsers(store::Database& db, const CasesOptions& o, int64_t org, int64_t now) {
  Team team;
  team.owners.resize(access::kCaseModules.size());
  team.holders.resize(access::kCaseModules.size());
  auto add = [&](store::Connection& c, const std::string& name, access::Role role,
                 access::CaseModuleSet modules) -> Result<cases::CaseUser> {
    const access::User u{.username = name,
                         .password_hash = "bench: no login",
                         .role = role,
                         .modules = modules,
                         .organisation_id = org};
    SANAD_ASSIGN_OR_RETURN(access::User stored, store::InsertUser(c, u, now));
    return cases::CaseUser{.id = stored.id, .username = name};
  };
  SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    access::CaseModuleSet all;
    for (size_t m = 0; m < access::kCaseModules.size(); ++m) {
      const auto& mod = access::kCaseModules.at(m);
      all.Add(mod.module);
      access::CaseModuleSet one;
      one.Add(mod.module);
      SANAD_ASSIGN_OR_RETURN(
          auto sup, add(c, "sup-" + std::string(mod.name), access::Role::kSupervisor, one));
      team.everyone.push_back(sup);
      const int n = std::max(1, o.caseworkers * kModulePercent[m] / 100);
      for (int i = 1; i <= n; ++i) {
        // Every fourth caseworker also works in the next module (a CP worker doing MHPSS).
        access::CaseModuleSet mods = one;
        const size_t next = (m + 1) % access::kCaseModules.size();
        if (i % 4 == 0) mods.Add(access::kCaseModules.at(next).module);
        SANAD_ASSIGN_OR_RETURN(auto cw, add(c, fmt::format("cw-{}-{:03}", mod.name, i),
                                            access::Role::kCaseworker, mods));
        team.owners[m].push_back(cw);
        team.holders[m].push_back(cw);
        if (i % 4 == 0) team.holders[next].push_back(cw);
        team.everyone.push_back(cw);
      }
    }
    SANAD_ASSIGN_OR_RETURN(auto head, add(c, "sup-all", access::Role::kSupervisor, all));
    team.everyone.push_back(head);
    return Status::Ok();
  }));
  return team;
}

Result<std::vector<std::vector<Person>>> AddHouseholds(BenchDatabase& bdb, const CasesOptions& o,
                                                       Measurement* m) {
  std::vector<std::vector<Person>> out;
  const SystemClock clock;
  for (int64_t done = 0; done < o.households; done += kHouseholdBatch) {
    const auto n = static_cast<size_t>(std::min(kHouseholdBatch, o.households - done));
    std::vector<PreparedHousehold> batch = GenerateHouseholds(
        *bdb.places, o.seed * 1'000'000 + static_cast<uint64_t>(done), n, bdb.organisation.id);
    const auto start = SteadyClock::now();
    SANAD_RETURN_IF_ERROR(bdb.db->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
      for (auto& p : batch) {
        const store::HouseholdWrite w{.now = clock.NowSeconds(), .search_text = p.search_text};
        SANAD_RETURN_IF_ERROR(store::InsertHousehold(c, &p.household, w));
      }
      return Status::Ok();
    }));
    m->seconds += Since(start);
    ++m->samples;
    for (const auto& p : batch) {
      std::vector<Person> people;
      for (const auto& mem : p.household.members) {
        std::string words;
        for (const auto& w : matching::NormalisedWords(mem.given_name + " " + mem.father_name +
                                                       " " + mem.grandfather_name + " " +
                                                       mem.family_name + " " + mem.name_latin)) {
          words += w + " ";
        }
        people.push_back({.id = mem.id, .words = std::move(words)});
      }
      m->rows += RowsOf(p.household);
      if (!people.empty()) out.push_back(std::move(people));
    }
    m->households += static_cast<int64_t>(n);
  }
  return out;
}

// One generated case: the plain columns in `c`, when each step began, and its people.
cases::Case MakeCase(const Team& team, int64_t org, int64_t now,
                     const std::vector<std::vector<Person>>& households, std::mt19937_64& rng,
                     std::string* search_text) {
  const size_t m = Weighted(kModulePercent, rng);
  const auto status = static_cast<CaseStatus>(Weighted(kStatusPercent, rng));
  const auto& owners = team.owners[m];
  cases::Case c{.organisation_id = org,
                .module = access::kCaseModules.at(m).module,
                .status = status,
                .risk = static_cast<cases::Risk>(1 + Weighted(kRiskPercent, rng)),
                .owner = owners[Uniform(0, static_cast<int64_t>(owners.size()) - 1, rng)]};
  // Recent cases are early in the workflow; follow-ups fall due from 25 days ago to 45 ahead.
  int64_t opened = 0;
  int64_t last_step = 0;
  switch (status) {
    case CaseStatus::kOpen:
      opened = now - Uniform(0, 6 * kDay, rng);
      break;
    case CaseStatus::kAssessment:
      opened = now - Uniform(kDay, 30 * kDay, rng);
      break;
    case CaseStatus::kCasePlan:
    case CaseStatus::kFollowUp:
      opened = now - Uniform(20 * kDay, 700 * kDay, rng);
      break;
    case CaseStatus::kClosureRequested:
      opened = now - Uniform(60 * kDay, 700 * kDay, rng);
      last_step = now - Uniform(0, 20 * kDay, rng);
      break;
    case CaseStatus::kClosed:
      opened = now - Uniform(90 * kDay, 1100 * kDay, rng);
      break;
  }
  int64_t at = opened;
  for (size_t s = 0; s <= static_cast<size_t>(status); ++s) {
    if (s > 0) at = std::min(now, at + Uniform(kDay / 2, (s == 5 ? 200 : 10) * kDay, rng));
    if (s == static_cast<size_t>(status) && last_step > at) at = last_step;
    c.step_at.at(s) = at;
  }
  c.status_at = at;
  c.created_at = opened;
  c.updated_at = at;
  const int64_t today = now + kLocalOffset;
  if (status == CaseStatus::kCasePlan || status == CaseStatus::kFollowUp) {
    if (Uniform(0, 9, rng) > 0)
      c.next_follow_up = FormatUtcDate(today + Uniform(-25, 45, rng) * kDay);
  } else if (status <= CaseStatus::kAssessment && Uniform(0, 1, rng) == 0) {
    c.next_follow_up = FormatUtcDate(today + Uniform(0, 14, rng) * kDay);
  }
  const auto& members = households[Uniform(0, static_cast<int64_t>(households.size()) - 1, rng)];
  size_t n = 1;
  if (Uniform(0, 99, rng) < kSeveralPeoplePercent) n = std::min<size_t>(members.size(), 3);
  search_text->clear();
  if (c.module != CaseModule::kGbv) *search_text = " ";
  for (size_t i = 0; i < n; ++i) {
    c.person_ids.push_back(members[i].id);
    if (c.module != CaseModule::kGbv) *search_text += members[i].words;
  }
  return c;
}

}  // namespace

Result<std::vector<Measurement>> SeedCases(const CasesOptions& o) {
  SANAD_ASSIGN_OR_RETURN(BenchDatabase bdb, OpenBenchDatabase(o.db_url, o.organisation));
  const int64_t org = bdb.organisation.id;
  SANAD_RETURN_IF_ERROR(bdb.db->InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    const store::Value p[] = {org};
    SANAD_ASSIGN_OR_RETURN(auto rows,
                           c.Query("SELECT COUNT(*) FROM cases WHERE organisation_id = ?", p));
    if (rows.front().Int(0) > 0) {
      return Status::FailedPrecondition(
          "the organisation has cases already; seed a fresh database");
    }
    return Status::Ok();
  }));
  const access::FieldCipher::Key key = access::FieldCipher::GenerateKey();
  SANAD_RETURN_IF_ERROR(WriteKeyFile(o.key_file, key));
  SANAD_ASSIGN_OR_RETURN(access::FieldCipher cipher, access::FieldCipher::FromKeys({key}));
  const int64_t now = SystemClock().NowSeconds();
  SANAD_ASSIGN_OR_RETURN(Team team, AddUsers(*bdb.db, o, org, now));

  Measurement hh{.backend = o.backend,
                 .scenario = "cases/seed-households",
                 .note = "store::InsertHousehold, 5000 per transaction"};
  SANAD_ASSIGN_OR_RETURN(auto households, AddHouseholds(bdb, o, &hh));
  std::cerr << "  seeded " << hh.households << " households\n";

  std::mt19937_64 rng(o.seed);
  Measurement cs{.backend = o.backend, .scenario = "cases/seed-cases"};
  int64_t plain_bytes = 0;
  int64_t sealed_bytes = 0;
  int64_t first_id = 0;
  int64_t last_id = 0;
  for (int64_t done = 0; done < o.cases; done += kCaseBatch) {
    const int64_t n = std::min(kCaseBatch, o.cases - done);
    const auto start = SteadyClock::now();
    const std::mt19937_64 batch_rng = rng;  // a retried transaction writes the same cases
    int64_t rows = 0;
    int64_t batch_first = 0;
    int64_t batch_last = 0;
    SANAD_RETURN_IF_ERROR(bdb.db->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
      rng = batch_rng;
      rows = 0;
      batch_first = 0;
      std::string search_text;
      for (int64_t i = 0; i < n; ++i) {
        cases::Case k = MakeCase(team, org, now, households, rng, &search_text);
        store::CaseWrite w{.actor_id = k.owner.id, .now = k.created_at, .search_text = search_text};
        SANAD_ASSIGN_OR_RETURN(k.id, store::InsertCase(c, k, w));
        nlohmann::json doc =
            SyntheticCaseContent(k.module, k.status, k.created_at, k.owner.username, rng);
        const bool gbv = k.module == CaseModule::kGbv;
        if (gbv) doc["people"] = k.person_ids;  // a survivor is only in the sealed content
        const std::string plain = doc.dump();
        const std::string sealed =
            cipher.Seal(plain, access::FieldCipher::SealContext("cases", "content", k.id));
        plain_bytes += static_cast<int64_t>(plain.size());
        sealed_bytes += static_cast<int64_t>(sealed.size());
        w.now = k.updated_at;
        SANAD_RETURN_IF_ERROR(store::UpdateCase(c, k, sealed, 1, w));
        rows += 1;
        if (!gbv) {
          SANAD_RETURN_IF_ERROR(store::ReplaceCasePeople(c, k.id, k.person_ids));
          rows += static_cast<int64_t>(k.person_ids.size());
        }
        if (Uniform(0, 99, rng) < kAssignedPercent) {
          const auto& pool = team.holders[static_cast<size_t>(k.module)];
          const auto& other = pool[Uniform(0, static_cast<int64_t>(pool.size()) - 1, rng)];
          if (other.id != k.owner.id) {
            SANAD_RETURN_IF_ERROR(
                store::AddCaseAssignment(c, k.id, other.id, k.owner.id, k.created_at));
            rows += 1;
          }
        }
        if (batch_first == 0) batch_first = k.id;
        batch_last = k.id;
      }
      return Status::Ok();
    }));
    cs.seconds += Since(start);
    cs.households += n;
    cs.rows += rows;
    ++cs.samples;
    if (first_id == 0) first_id = batch_first;
    last_id = batch_last;
    // PostgreSQL plans the prepared UPDATE of UpdateCase generically while `cases` has no
    // statistics, and picks cases_org_status (every case of the organisation) over the primary
    // key: each update then reads the whole table. Statistics as autovacuum would gather them
    // on a live server (ANALYZE invalidates the cached plan) keep seeding linear.
    const int64_t batches = done / kCaseBatch + 1;
    if (bdb.db->backend() == store::Backend::kPostgres && (batches & (batches - 1)) == 0) {
      SANAD_RETURN_IF_ERROR(bdb.db->InTransaction(store::TxMode::kWrite, [](store::Connection& c) {
        return c.Execute("ANALYZE cases").status();
      }));
    }
    std::cerr << "  seeded " << done + n << " cases\r" << std::flush;
  }
  cs.note = fmt::format(
      "store::InsertCase + UpdateCase + ReplaceCasePeople + AddCaseAssignment, {} per "
      "transaction, content sealed in the loop; content {} B JSON, {} B sealed on average",
      kCaseBatch, plain_bytes / std::max<int64_t>(1, o.cases),
      sealed_bytes / std::max<int64_t>(1, o.cases));
  std::cerr << "\n";

  // The audit log: mostly reads of cases, then edits and steps, and registry work.
  Measurement au{.backend = o.backend,
                 .scenario = "cases/seed-audit",
                 .note = "store::AppendAudit, 20000 per transaction"};
  const int64_t year = 365 * kDay;
  for (int64_t done = 0; done < o.audit_rows; done += kAuditBatch) {
    const int64_t n = std::min(kAuditBatch, o.audit_rows - done);
    const auto start = SteadyClock::now();
    const std::mt19937_64 batch_rng = rng;
    SANAD_RETURN_IF_ERROR(bdb.db->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
      rng = batch_rng;
      for (int64_t i = 0; i < n; ++i) {
        const auto& who =
            team.everyone[Uniform(0, static_cast<int64_t>(team.everyone.size()) - 1, rng)];
        access::AuditEntry e{
            .at = now - year + year * (done + i) / std::max<int64_t>(1, o.audit_rows),
            .organisation_id = org,
            .user_id = who.id,
            .username = who.username,
            .action = "read",
            .entity = "case",
            .entity_id = Uniform(first_id, last_id, rng)};
        const int64_t kind = Uniform(0, 99, rng);
        if (kind >= 95) {
          e.entity = "household";
          e.action = "update";
          e.entity_id = Uniform(1, o.households, rng);
          e.changes = {
              {.field = "members[1].phone", .before = "+9647701234567", .after = "+9647509876543"}};
        } else if (kind >= 88) {
          e.action = "update";
          e.changes = {{.field = "plan", .after = "(encrypted)"},
                       {.field = "next_follow_up", .before = "2026-11-02", .after = "2026-11-20"}};
        } else if (kind >= 84) {
          e.action = "status";
          e.changes = {{.field = "status", .before = "case_plan", .after = "follow_up"}};
        }
        SANAD_RETURN_IF_ERROR(store::AppendAudit(c, e));
      }
      return Status::Ok();
    }));
    au.seconds += Since(start);
    au.households += n;
    au.rows += n;
    ++au.samples;
    std::cerr << "  seeded " << done + n << " audit rows\r" << std::flush;
  }
  std::cerr << "\n";
  return std::vector<Measurement>{hh, cs, au};
}

}  // namespace sanad::bench
