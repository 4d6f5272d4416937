// SeedReports (reports_bench.h): after `sanad_bench seed` has written the registry, the
// organisations, offices and projects the records name (through the programme services, as a
// manager would create them), a few thousand deduplication merges (people.merged_into, each
// between two people of the same sex in different households), then the service records
// (reports_records.cc).
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <iostream>
#include <random>
#include <unordered_map>

#include "access/actor.h"
#include "access/admin_service.h"
#include "base/clock.h"
#include "bench_data.h"
#include "programmes/office_service.h"
#include "programmes/project_service.h"
#include "reports_bench.h"
#include "reports_seed_internal.h"
#include "store/service_record_store.h"

namespace sanad::bench {
namespace {

constexpr int64_t kRegistryPage = 50'000;
// One person in 300 was registered twice and merged (a few thousand at a million people).
constexpr size_t kPeoplePerMerge = 300;
constexpr size_t kMinMerges = 10;
constexpr size_t kGovernorateChars = 5;

struct ProjectSpec {
  const char* code;
  const char* name;
  const char* donor;
  std::vector<std::string> sectors;
  size_t office;  // of the organisation's offices
};

// The organisation's projects; each sector the records use belongs to exactly one.
const ProjectSpec kProjects[] = {
    {"BR-FOOD", "Food and basic needs", "WFP", {"food_security", "mpca", "shelter_nfi"}, 0},
    {"BR-WASH", "Water, sanitation and hygiene", "UNICEF", {"wash"}, 1},
    {"BR-PROT",
     "Protection and GBV",
     "ECHO",
     {"protection", "gbv", "child_protection", "mhpss"},
     2},
    {"BR-HLTH", "Primary health care", "WHO", {"health"}, 0},
    {"BR-EDU", "Education in emergencies", "ECW", {"education"}, 1},
    {"BR-LIV", "Livelihoods recovery", "GIZ", {"livelihoods"}, 2}};

access::Actor Manager(const access::Organisation& org) {
  return {.username = "bench",
          .organisation_id = org.id,
          .organisation_name = org.name,
          .role = access::Role::kAdmin};
}

Result<SeedProject> CreateProject(store::Database& db, const registry::PlaceDirectory& places,
                                  const access::Actor& actor, const ProjectSpec& spec,
                                  int64_t office_id, const std::vector<std::string>& pcodes) {
  const SystemClock clock;
  programmes::ProjectService projects(db, places, clock);
  SANAD_ASSIGN_OR_RETURN(programmes::Project p, projects.Create(actor, {.code = spec.code,
                                                                        .name = spec.name,
                                                                        .donor = spec.donor,
                                                                        .sectors = spec.sectors,
                                                                        .status = "ongoing",
                                                                        .starts_on = kReportsFrom,
                                                                        .ends_on = "2026-12-31",
                                                                        .office_id = office_id,
                                                                        .places = pcodes,
                                                                        .currency = "USD",
                                                                        .budget = "500000"}));
  return SeedProject{.id = p.id, .office_id = office_id};
}

Result<int64_t> CreateOffice(store::Database& db, const registry::PlaceDirectory& places,
                             const access::Actor& actor, const std::string& pcode) {
  const SystemClock clock;
  programmes::OfficeService offices(db, places, clock);
  const registry::Place* place = places.Find(pcode);
  const std::string name = (place ? place->name_en : pcode) + " office";
  SANAD_ASSIGN_OR_RETURN(programmes::Office o,
                         offices.Create(actor, {.name = name, .pcode = pcode}));
  return o.id;
}

// The organisation's three offices in the governorates with most households, its projects,
// and two partner organisations with an office and a project each.
Result<SeedProgramme> SeedProgrammes(BenchDatabase& bdb, const SeedRegistry& r) {
  std::unordered_map<std::string, size_t> households_in;
  for (const SeedHousehold& h : r.households) {
    ++households_in[r.places[h.place].substr(0, kGovernorateChars)];
  }
  std::vector<std::pair<size_t, std::string>> governorates;
  for (const auto& [pcode, n] : households_in) governorates.emplace_back(n, pcode);
  std::sort(governorates.rbegin(), governorates.rend());
  std::vector<std::string> top;
  for (size_t i = 0; i < governorates.size() && top.size() < 3; ++i) {
    top.push_back(governorates[i].second);
  }
  while (top.size() < 3) top.push_back(top.front());

  SeedProgramme p{.organisation_id = bdb.organisation.id};
  store::Database& db = *bdb.db;
  const registry::PlaceDirectory& places = *bdb.places;
  const access::Actor me = Manager(bdb.organisation);
  for (size_t i = 0; i < 3; ++i) {
    if (i > 0 && top[i] == top[0]) {
      p.offices.push_back(p.offices.front());
      continue;
    }
    SANAD_ASSIGN_OR_RETURN(int64_t office, CreateOffice(db, places, me, top[i]));
    p.offices.push_back(office);
  }
  for (const ProjectSpec& spec : kProjects) {
    SANAD_ASSIGN_OR_RETURN(SeedProject project,
                           CreateProject(db, places, me, spec, p.offices[spec.office], top));
    for (const auto& sector : spec.sectors) p.by_sector[sector] = project;
  }

  const SystemClock clock;
  access::AdminService admin(db, clock);
  SANAD_ASSIGN_OR_RETURN(
      access::Organisation health,
      admin.EnsureOrganisation(access::AdminService::SystemActor(), "Bench Partner Health"));
  SANAD_ASSIGN_OR_RETURN(
      access::Organisation legal,
      admin.EnsureOrganisation(access::AdminService::SystemActor(), "Bench Partner Legal"));
  p.partner_health = health.id;
  p.partner_legal = legal.id;
  SANAD_ASSIGN_OR_RETURN(int64_t health_office, CreateOffice(db, places, Manager(health), top[0]));
  SANAD_ASSIGN_OR_RETURN(
      p.health_project,
      CreateProject(db, places, Manager(health),
                    {"PH-HEALTH", "Mobile clinics", "ECHO", {"health", "mhpss"}, 0}, health_office,
                    {top[0]}));
  SANAD_ASSIGN_OR_RETURN(int64_t legal_office, CreateOffice(db, places, Manager(legal), top[1]));
  SANAD_RETURN_IF_ERROR(CreateProject(db, places, Manager(legal),
                                      {"PL-LEGAL",
                                       "Legal aid and livelihoods",
                                       "UNHCR",
                                       {"protection", "livelihoods", "mpca", "shelter_nfi"},
                                       0},
                                      legal_office, {top[1]})
                            .status());
  return p;
}

uint32_t Intern(std::vector<std::string>& table, std::string_view value) {
  const auto it = std::find(table.begin(), table.end(), value);
  if (it != table.end()) return static_cast<uint32_t>(it - table.begin());
  table.emplace_back(value);
  return static_cast<uint32_t>(table.size() - 1);
}

// The live members of the organisation's households, with what a service record copies.
Result<SeedRegistry> ReadRegistry(store::Database& db, int64_t organisation_id) {
  SeedRegistry r;
  std::unordered_map<std::string, uint32_t> place_index;
  for (int64_t after = 0;;) {
    store::Rows rows;
    SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
      const store::Value params[] = {organisation_id, after, kRegistryPage};
      SANAD_ASSIGN_OR_RETURN(
          rows, c.Query("SELECT p.id, p.household_id, p.sex, p.birth_date, h.displacement_status, "
                        "h.location_pcode FROM people p JOIN households h ON h.id = p.household_id "
                        "WHERE p.organisation_id = ? AND p.archived_at IS NULL AND h.archived_at "
                        "IS NULL AND p.merged_into IS NULL AND p.id > ? ORDER BY p.id LIMIT ?",
                        params));
      return Status::Ok();
    }));
    if (rows.empty()) break;
    for (const store::Row& row : rows) {
      const std::string birth = row.Text(3);
      const std::string pcode = row.Text(5);
      auto [it, fresh] = place_index.try_emplace(pcode, static_cast<uint32_t>(r.places.size()));
      if (fresh) r.places.push_back(pcode);
      r.people.push_back({.id = row.Int(0),
                          .household_id = row.Int(1),
                          .key = row.Int(0),
                          .birth_year = birth.size() >= 4 ? std::stoi(birth.substr(0, 4)) : 0,
                          .sex = Intern(r.sexes, row.Text(2)),
                          .group = Intern(r.groups, store::PopulationGroup(row.Text(4))),
                          .place = it->second});
    }
    after = rows.back().Int(0);
  }
  std::sort(r.people.begin(), r.people.end(), [](const SeedPerson& a, const SeedPerson& b) {
    return std::tie(a.household_id, a.id) < std::tie(b.household_id, b.id);
  });
  r.people_at.resize(r.places.size());
  for (size_t i = 0; i < r.people.size(); ++i) {
    SeedPerson& p = r.people[i];
    if (r.households.empty() || r.households.back().id != p.household_id) {
      r.households.push_back(
          {.id = p.household_id, .first = static_cast<uint32_t>(i), .place = p.place});
    }
    ++r.households.back().size;
    p.household = static_cast<uint32_t>(r.households.size() - 1);
    r.people_at[p.place].push_back(static_cast<uint32_t>(i));
  }
  return r;
}

// Merges pairs of people (the first into the second) and sets the first's key.
Status Merge(store::Database& db, SeedRegistry& r, uint64_t seed) {
  const size_t want = std::max(kMinMerges, r.people.size() / kPeoplePerMerge);
  std::mt19937_64 rng(seed + 2);
  std::vector<char> used(r.people.size(), 0);
  std::vector<std::pair<size_t, size_t>> pairs;
  for (size_t tries = 0; pairs.size() < want && tries < want * 100; ++tries) {
    const size_t a = rng() % r.people.size();
    const size_t b = rng() % r.people.size();
    if (used[a] || used[b] || r.people[a].household == r.people[b].household ||
        r.people[a].sex != r.people[b].sex) {
      continue;
    }
    used[a] = used[b] = 1;
    pairs.emplace_back(a, b);
  }
  SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    for (const auto& [a, b] : pairs) {
      const store::Value params[] = {r.people[b].id, r.people[a].id};
      SANAD_RETURN_IF_ERROR(
          c.Execute("UPDATE people SET merged_into = ? WHERE id = ?", params).status());
    }
    return Status::Ok();
  }));
  for (const auto& [a, b] : pairs) r.people[a].key = r.people[b].id;
  r.merged = static_cast<int64_t>(pairs.size());
  return Status::Ok();
}

// "records per person reached: mean 5.1, p50 4, p90 11, p99 27, max 80; N people not reached".
std::string Distribution(std::vector<uint32_t> per_person) {
  const size_t people = per_person.size();
  std::erase(per_person, 0U);
  if (per_person.empty()) return "no person reached";
  std::sort(per_person.begin(), per_person.end());
  double sum = 0;
  for (uint32_t n : per_person) sum += n;
  const auto at = [&](double q) {
    return per_person[std::min(per_person.size() - 1,
                               static_cast<size_t>(q * static_cast<double>(per_person.size())))];
  };
  return fmt::format(
      "records per registered person reached: mean {:.1f}, p50 {}, p90 {}, p99 {}, max {}; {} of "
      "{} people reached",
      sum / static_cast<double>(per_person.size()), at(0.5), at(0.9), at(0.99), per_person.back(),
      per_person.size(), people);
}

}  // namespace

Result<std::vector<Measurement>> SeedReports(const ReportsOptions& o) {
  SANAD_ASSIGN_OR_RETURN(BenchDatabase bdb, OpenBenchDatabase(o.db_url, o.organisation));
  SANAD_RETURN_IF_ERROR(bdb.db->InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(store::Rows rows, c.Query("SELECT COUNT(*) FROM service_records"));
    if (rows.front().Int(0) > 0) {
      return Status::FailedPrecondition("the database has service records already");
    }
    return Status::Ok();
  }));
  const auto start = std::chrono::steady_clock::now();
  SANAD_ASSIGN_OR_RETURN(SeedRegistry registry, ReadRegistry(*bdb.db, bdb.organisation.id));
  std::cerr << "  registry: " << registry.people.size() << " people in "
            << registry.households.size() << " households\n";
  SANAD_ASSIGN_OR_RETURN(SeedProgramme programme, SeedProgrammes(bdb, registry));
  SANAD_RETURN_IF_ERROR(Merge(*bdb.db, registry, o.seed));
  SANAD_ASSIGN_OR_RETURN(RecordCounts counts,
                         WriteRecords(*bdb.db, registry, programme, o.records, o.seed));
  const double total =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::string note;
  for (const auto& [source, rows] : counts.by_source) {
    note += fmt::format("{}{} {}", note.empty() ? "" : ", ", source, rows);
  }
  note += fmt::format(
      " rows; {} counted rows; {} activities with {} attendees; {} people merged; {}; the "
      "whole seeding {:.1f} s",
      counts.counted_rows, counts.activities, counts.attendance, registry.merged,
      Distribution(counts.per_person), total);
  std::cerr << "  " << counts.rows << " service records in " << counts.seconds << " s: " << note
            << "\n";
  return std::vector<Measurement>{{.backend = o.backend,
                                   .scenario = "reports/seed-records",
                                   .households = static_cast<int64_t>(registry.people.size()),
                                   .rows = counts.rows,
                                   .seconds = counts.seconds,
                                   .samples = 1,
                                   .note = note}};
}

}  // namespace sanad::bench
