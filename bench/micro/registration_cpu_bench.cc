// Google Benchmark micro-benchmarks of the CPU work one registration does in sanad's process
// besides the database: parsing the JSON body, validating, building the search text, the audit
// diff and encoding the answer. Explains the "CPU µs/household" column of `make bench`.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <cstdlib>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/partial_date.h"
#include "http/household_json.h"
#include "registry/demo_generator.h"
#include "registry/household_diff.h"
#include "registry/household_service.h"
#include "registry/household_validator.h"
#include "registry/place_directory.h"
#include "store/migrations.h"

namespace sanad::bench {
namespace {

constexpr size_t kHouseholds = 512;

// Places (and the households drawn over them), loaded once from a scratch SQLite file.
struct Fixture {
  std::unique_ptr<store::Database> db;
  std::unique_ptr<registry::PlaceDirectory> places;
  std::vector<registry::Household> households;
  std::vector<std::string> bodies;
};

Fixture MakeFixture() {
  Fixture f;
  char path[] = "/tmp/sanad-microbench-XXXXXX";
  const int fd = mkstemp(path);
  if (fd < 0) std::abort();
  close(fd);
  auto db = store::OpenDatabase(path);
  if (!db.ok() || !store::Migrate(**db).ok()) std::abort();
  auto places = registry::PlaceDirectory::SeedAndLoad(**db);
  if (!places.ok()) std::abort();
  unlink(path);
  f.db = std::move(db).value();
  f.places = std::make_unique<registry::PlaceDirectory>(std::move(places).value());
  const SystemClock clock;
  registry::DemoGenerator gen(*f.places, {.seed = 7, .today_seconds = clock.NowSeconds()});
  f.households = gen.Generate(kHouseholds);
  for (const auto& h : f.households) f.bodies.push_back(http::HouseholdToJson(h, *f.places).dump());
  return f;
}

const Fixture& GetFixture() {
  static const Fixture fixture = MakeFixture();
  return fixture;
}

void BM_ParseBody(benchmark::State& state) {
  const Fixture& f = GetFixture();
  size_t i = 0;
  while (state.KeepRunning()) {
    auto j = http::ParseJsonObject(f.bodies[i++ % f.bodies.size()]);
    registry::Household h;
    benchmark::DoNotOptimize(http::ApplyHouseholdJson(*j, &h));
  }
}
BENCHMARK(BM_ParseBody);

void BM_Validate(benchmark::State& state) {
  const Fixture& f = GetFixture();
  std::string why;
  const registry::ValidationContext ctx{
      .place_exists = [&](std::string_view p) { return f.places->Exists(p); },
      .today = *ParsePartialDate("2026-11-23", &why)};
  size_t i = 0;
  while (state.KeepRunning()) {
    registry::Household h = f.households[i++ % f.households.size()];
    benchmark::DoNotOptimize(registry::ValidateHousehold(&h, ctx));
  }
}
BENCHMARK(BM_Validate);

void BM_BuildSearchText(benchmark::State& state) {
  const Fixture& f = GetFixture();
  size_t i = 0;
  while (state.KeepRunning()) {
    benchmark::DoNotOptimize(
        registry::HouseholdService::BuildSearchText(f.households[i++ % f.households.size()]));
  }
}
BENCHMARK(BM_BuildSearchText);

void BM_AuditDiff(benchmark::State& state) {
  const Fixture& f = GetFixture();
  size_t i = 0;
  while (state.KeepRunning()) {
    const auto flat = registry::FlattenHousehold(f.households[i++ % f.households.size()]);
    benchmark::DoNotOptimize(registry::DiffFields({}, flat));
  }
}
BENCHMARK(BM_AuditDiff);

void BM_EncodeAnswer(benchmark::State& state) {
  const Fixture& f = GetFixture();
  size_t i = 0;
  while (state.KeepRunning()) {
    const auto& h = f.households[i++ % f.households.size()];
    benchmark::DoNotOptimize(http::HouseholdToJson(h, *f.places).dump());
  }
}
BENCHMARK(BM_EncodeAnswer);

}  // namespace
}  // namespace sanad::bench

BENCHMARK_MAIN();
