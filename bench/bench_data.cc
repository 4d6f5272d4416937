#include "bench_data.h"

#include "access/admin_service.h"
#include "base/clock.h"
#include "registry/demo_generator.h"
#include "registry/household_service.h"
#include "store/migrations.h"

namespace sanad::bench {

Result<BenchDatabase> OpenBenchDatabase(const std::string& url, const std::string& organisation) {
  SANAD_ASSIGN_OR_RETURN(std::unique_ptr<store::Database> db, store::OpenDatabase(url));
  SANAD_RETURN_IF_ERROR(store::Migrate(*db));
  SANAD_ASSIGN_OR_RETURN(registry::PlaceDirectory places,
                         registry::PlaceDirectory::SeedAndLoad(*db));
  const SystemClock clock;
  access::AdminService admin(*db, clock);
  SANAD_ASSIGN_OR_RETURN(
      access::Organisation org,
      admin.EnsureOrganisation(access::AdminService::SystemActor(), organisation));
  return BenchDatabase{.db = std::move(db),
                       .places = std::make_unique<registry::PlaceDirectory>(std::move(places)),
                       .organisation = std::move(org)};
}

std::vector<PreparedHousehold> GenerateHouseholds(const registry::PlaceDirectory& places,
                                                  uint64_t seed, size_t count,
                                                  int64_t organisation_id) {
  const SystemClock clock;
  registry::DemoGenerator gen(places, {.seed = seed, .today_seconds = clock.NowSeconds()});
  std::vector<PreparedHousehold> out;
  out.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    registry::Household h = gen.Next();
    h.organisation_id = organisation_id;
    std::string text = registry::HouseholdService::BuildSearchText(h);
    out.push_back({.household = std::move(h), .search_text = std::move(text)});
  }
  return out;
}

}  // namespace sanad::bench
