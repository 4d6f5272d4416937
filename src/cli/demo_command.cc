#include <chrono>
#include <cmath>
#include <cstdlib>
#include <iostream>

#include "access/admin_service.h"
#include "access/field_cipher.h"
#include "assistance/demo_assistance.h"
#include "cases/demo_cases.h"
#include "cli/commands.h"
#include "programmes/demo_programmes.h"
#include "programmes/programme_services.h"
#include "referrals/demo_referrals.h"
#include "registry/demo_generator.h"
#include "registry/household_service.h"
#include "registry/place_directory.h"
#include "reports/demo_indicators.h"
#include "reports/indicator_service.h"

namespace sanad::cli {
namespace {

// Demo accounts share one password; README says so, and a demo database is for trying sanad
// out, never for real people's data.
constexpr const char* kDemoPassword = "sanad-demo";
// Every 40th household belongs to Partner Aid, so logging in as `partner` shows a separate,
// smaller caseload (50 of the default 2,000) and the others never see it.
constexpr int kPartnerEvery = 40;
constexpr int kProgressEvery = 500;
// Demo cases about the first people of Demo Relief's households.
constexpr int kDemoCases = 60;
// Attendees of the demo activities are drawn from the members of Demo Relief's first households.
constexpr size_t kDemoAttendees = 600;

struct DemoCommandOptions {
  std::string db;
  std::string key_file;
  int households = 2000;
};

void RunDemo(const DemoCommandOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  // Cases are sealed: without a key the demo has households only.
  std::optional<access::FieldCipher> cipher;
  if (auto loaded = access::FieldCipher::Load(o.key_file); loaded.ok()) {
    cipher.emplace(std::move(loaded).value());
  } else if (!o.key_file.empty() || std::getenv("SANAD_KEY_FILE") || std::getenv("SANAD_KEY")) {
    return Fail(loaded.status().message(), 2);
  }
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
    std::vector<std::string> modules;
  };
  const std::vector<std::string> all_modules = {"gbv", "child_protection", "mhpss", "legal",
                                                "hlp", "special_needs"};
  const Account accounts[] = {
      {"admin", "admin", "Demo Relief", {}},
      {"supervisor", "supervisor", "Demo Relief", all_modules},
      {"clerk", "registration", "Demo Relief", {}},
      {"logistics", "logistics", "Demo Relief", {}},
      {"meal", "me_officer", "Demo Relief", {}},
      {"viewer", "viewer", "Demo Relief", {}},
      {"gbv", "caseworker", "Demo Relief", {"gbv"}},
      {"child", "caseworker", "Demo Relief", {"child_protection", "mhpss"}},
      {"legal", "caseworker", "Demo Relief", {"legal", "hlp", "special_needs"}},
      {"partner", "registration", "Partner Aid", {}},
      {"partner-gbv", "caseworker", "Partner Aid", {"gbv"}},
      {"partner-lead", "supervisor", "Partner Aid", {"gbv"}}};
  access::Actor clerk;
  access::Actor logistics;
  access::Actor partner;
  cases::DemoCaseTeam team;
  access::Actor partner_lead;
  access::Actor me;
  for (const auto& a : accounts) {
    auto org = admin.EnsureOrganisation(system, a.org);
    if (!org.ok()) return Fail(org.status().ToString());
    auto user = admin.CreateUser(system, {.username = a.username,
                                          .password = kDemoPassword,
                                          .role = a.role,
                                          .organisation_id = org->id,
                                          .modules = a.modules});
    if (!user.ok()) {
      return Fail("demo user " + std::string(a.username) + ": " + user.status().ToString());
    }
    const access::Actor actor{.user_id = user->id,
                              .username = user->username,
                              .organisation_id = org->id,
                              .organisation_name = org->name,
                              .role = user->role,
                              .modules = user->modules};
    if (actor.username == "clerk") clerk = actor;
    if (actor.username == "logistics") logistics = actor;
    if (actor.username == "partner") partner = actor;
    if (actor.username == "meal") me = actor;
    if (actor.username == "supervisor") team.supervisor = actor;
    if (actor.username == "partner-lead") partner_lead = actor;
    if (actor.username == "gbv") team.gbv_worker = actor;
    if (actor.username == "child") team.cp_worker = actor;
    if (actor.username == "legal") team.legal_worker = actor;
  }
  registry::HouseholdService service(*db, *places, clock);
  registry::DemoGenerator gen(*places, {.today_seconds = clock.NowSeconds()});
  int for_partner = 0;
  std::vector<int64_t> case_people;
  std::vector<int64_t> attendees;
  registry::Household last_household;  // of Demo Relief: referred for cash
  for (int i = 0; i < o.households; ++i) {
    const bool partners = (i + 1) % kPartnerEvery == 0;
    auto h = service.Create(partners ? partner : clerk, gen.Next());
    if (!h.ok()) return Fail("demo household " + std::to_string(i) + ": " + h.status().ToString());
    for_partner += partners;
    if (!partners && case_people.size() < kDemoCases) case_people.push_back(h->members.front().id);
    if (!partners) last_household = *h;
    for (const auto& m : h->members) {
      if (!partners && attendees.size() < kDemoAttendees) attendees.push_back(m.id);
    }
    if ((i + 1) % kProgressEvery == 0) std::cerr << "  " << (i + 1) << " households\n";
  }
  int case_count = 0;
  int referral_count = 0;
  if (cipher) {
    team.partner_organisation_id = partner.organisation_id;
    cases::CaseService case_service(*db, &*cipher, clock);
    auto made = cases::CreateDemoCases(case_service, team, case_people, kDemoCases);
    if (!made.ok()) return Fail("demo cases: " + made.status().ToString());
    case_count = *made;
    auto gbv = case_service.List(team.gbv_worker, {.view = "mine", .module = "gbv", .limit = 1});
    if (!gbv.ok()) return Fail("demo cases: " + gbv.status().ToString());
    referrals::ServiceDirectory directory(*db, *places, clock);
    referrals::ReferralService referral_service(*db, case_service, service, &*cipher, clock);
    auto sent = referrals::CreateDemoReferrals(
        directory, referral_service,
        {.lead = team.supervisor,
         .partner_lead = partner_lead,
         .gbv_worker = team.gbv_worker,
         .clerk = clerk},
        {.gbv_case_id = gbv->items.empty() ? 0 : gbv->items.front().id,
         .household_id = last_household.id,
         .person_id = last_household.members.empty() ? 0 : last_household.members.front().id});
    if (!sent.ok()) return Fail("demo referrals: " + sent.status().ToString());
    referral_count = *sent;
  }
  stock::StockService stock(*db, *places, clock);
  assistance::DistributionService rounds(*db, *places, clock);
  auto aid = assistance::CreateDemoAssistance(stock, rounds, logistics, clerk, clock.NowSeconds());
  if (!aid.ok()) return Fail("demo assistance: " + aid.status().ToString());
  programmes::ProgrammeServices programme_services(*db, *places, clock);
  auto demo_programmes =
      programmes::CreateDemoProgrammes(programme_services, me, attendees, clock.NowSeconds());
  if (!demo_programmes.ok()) return Fail("demo programmes: " + demo_programmes.status().ToString());
  reports::IndicatorService indicator_service(*db, *places, clock);
  auto indicators =
      reports::CreateDemoIndicators(programme_services.projects, indicator_service, me);
  if (!indicators.ok()) return Fail("demo indicators: " + indicators.status().ToString());
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  std::cout
      << "demo data created in " << std::lround(seconds.count())
      << " s: " << (o.households - for_partner) << " households in Demo Relief, " << for_partner
      << " in Partner Aid, " << case_count << " protection cases, " << referral_count
      << " referrals, " << aid->items << " stock items, " << aid->rounds << " distribution rounds ("
      << aid->collections << " collections), " << demo_programmes->offices << " offices, "
      << demo_programmes->projects << " projects with " << *indicators << " indicators, "
      << demo_programmes->activities << " activities\n"
      << "log in as admin, supervisor, clerk, logistics, meal, viewer, gbv, child or legal (Demo "
         "Relief) or "
         "partner, partner-gbv, partner-lead (Partner Aid), password: "
      << kDemoPassword << "\n";
}

}  // namespace

void AddDemo(CLI::App& app) {
  auto o = std::make_shared<DemoCommandOptions>();
  auto* cmd =
      app.add_subcommand("demo", "Create a demo database with realistic households and demo users");
  cmd->add_option("--db", o->db, "SQLite file path or postgresql:// URL")->required();
  cmd->add_option("--key-file", o->key_file,
                  "Data key (`sanad key init`): with one, demo protection cases are created too");
  cmd->add_option("--households", o->households, "How many households")
      ->check(CLI::Range(0, 10'000'000))
      ->capture_default_str();
  cmd->callback([o] { RunDemo(*o); });
}

}  // namespace sanad::cli
