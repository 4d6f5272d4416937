#include <chrono>
#include <cmath>
#include <iostream>

#include "access/admin_service.h"
#include "cli/commands.h"
#include "registry/demo_generator.h"
#include "registry/household_service.h"
#include "registry/place_directory.h"

namespace sanad::cli {
namespace {

// Demo accounts share one password; README says so, and a demo database is for trying sanad
// out, never for real people's data.
constexpr const char* kDemoPassword = "sanad-demo";
// Every 40th household belongs to Partner Aid, so logging in as `partner` shows a separate,
// smaller caseload (50 of the default 2,000) and the others never see it.
constexpr int kPartnerEvery = 40;
constexpr int kProgressEvery = 500;

struct DemoCommandOptions {
  std::string db;
  int households = 2000;
};

void RunDemo(const DemoCommandOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  auto db = OpenAndMigrate(o.db);
  if (!db) return;
  auto places = registry::PlaceDirectory::SeedAndLoad(*db);
  if (!places.ok()) return Fail("cannot load places: " + places.status().message(), 2);
  SystemClock clock;
  access::AdminService admin(*db, clock);
  const auto system = access::AdminService::SystemActor();
  struct Account {
    const char* username;
    const char* role;
    const char* org;
  };
  const Account accounts[] = {{"admin", "admin", "Demo Relief"},
                              {"supervisor", "supervisor", "Demo Relief"},
                              {"clerk", "registration", "Demo Relief"},
                              {"viewer", "viewer", "Demo Relief"},
                              {"partner", "registration", "Partner Aid"}};
  access::Actor clerk;
  access::Actor partner;
  for (const auto& a : accounts) {
    auto org = admin.EnsureOrganisation(system, a.org);
    if (!org.ok()) return Fail(org.status().ToString());
    auto user = admin.CreateUser(system, {.username = a.username,
                                          .password = kDemoPassword,
                                          .role = a.role,
                                          .organisation_id = org->id});
    if (!user.ok()) {
      return Fail("demo user " + std::string(a.username) + ": " + user.status().ToString());
    }
    const access::Actor actor{.user_id = user->id,
                              .username = user->username,
                              .organisation_id = org->id,
                              .organisation_name = org->name,
                              .role = user->role};
    if (actor.username == "clerk") clerk = actor;
    if (actor.username == "partner") partner = actor;
  }
  registry::HouseholdService service(*db, *places, clock);
  registry::DemoGenerator gen(*places, {.today_seconds = clock.NowSeconds()});
  int for_partner = 0;
  for (int i = 0; i < o.households; ++i) {
    const bool partners = (i + 1) % kPartnerEvery == 0;
    auto h = service.Create(partners ? partner : clerk, gen.Next());
    if (!h.ok()) return Fail("demo household " + std::to_string(i) + ": " + h.status().ToString());
    for_partner += partners;
    if ((i + 1) % kProgressEvery == 0) std::cerr << "  " << (i + 1) << " households\n";
  }
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  std::cout << "demo data created in " << std::lround(seconds.count())
            << " s: " << (o.households - for_partner) << " households in Demo Relief, "
            << for_partner << " in Partner Aid\n"
            << "log in as admin, supervisor, clerk or viewer (Demo Relief) or partner (Partner "
               "Aid), password: "
            << kDemoPassword << "\n";
}

}  // namespace

void AddDemo(CLI::App& app) {
  auto o = std::make_shared<DemoCommandOptions>();
  auto* cmd =
      app.add_subcommand("demo", "Create a demo database with realistic households and demo users");
  cmd->add_option("--db", o->db, "SQLite file path or postgresql:// URL")->required();
  cmd->add_option("--households", o->households, "How many households")
      ->check(CLI::Range(0, 10'000'000))
      ->capture_default_str();
  cmd->callback([o] { RunDemo(*o); });
}

}  // namespace sanad::cli
