#include <unistd.h>

#include <fmt/format.h>

#include <charconv>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "access/admin_service.h"
#include "access/audit_service.h"
#include "access/auth_service.h"
#include "access/field_cipher.h"
#include "cases/case_service.h"
#include "cli/commands.h"
#include "http/api.h"
#include "http/server.h"
#include "referrals/referral_service.h"
#include "referrals/service_directory.h"
#include "registry/dedup_service.h"
#include "registry/household_import.h"
#include "registry/household_service.h"
#include "registry/people_index.h"
#include "registry/people_service.h"
#include "registry/place_directory.h"
#include "reports/public_figures.h"
#include "reports/report_services.h"

namespace sanad::cli {
namespace {

// Far above any sensible threshold; bounds a typo.
constexpr int64_t kMaxDisclosureThreshold = 1000;

struct ServeOptions {
  std::string db;
  std::string listen = "127.0.0.1:8080";
  std::string ui_dir;
  std::string key_file;
  int threads = 8;
  // Counts of people 0 < n < this are not published (docs/programmes.md, "Disclosure control").
  int64_t disclosure_threshold = reports::kDefaultDisclosureThreshold;
};

// ui/dist beside the source tree the binary was built in (build/sanad → ui/dist).
std::filesystem::path DefaultUiDir() {
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return "ui/dist";
  return exe.parent_path().parent_path() / "ui" / "dist";
}

// Fills the people search index from the database and says how long it took.
bool LoadPeopleIndex(store::Database& db, registry::PeopleIndex* index) {
  const auto start = std::chrono::steady_clock::now();
  auto loaded = index->Load(db);
  if (!loaded.ok()) {
    Fail("cannot load people for search: " + loaded.status().message(), 2);
    return false;
  }
  const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  std::cout << fmt::format("people search: indexed {} people in {:.2f} s", *loaded, took.count())
            << std::endl;
  return true;
}

// The data key of sealed fields. Without one configured anywhere the server still serves the
// registry, and cases and referrals answer 503 saying how to configure it; a key file that is
// given but cannot be read stops the start.
bool LoadKey(const std::string& key_file, std::optional<access::FieldCipher>* cipher) {
  auto loaded = access::FieldCipher::Load(key_file);
  if (loaded.ok()) {
    cipher->emplace(std::move(loaded).value());
    return true;
  }
  const bool configured =
      !key_file.empty() || std::getenv("SANAD_KEY_FILE") || std::getenv("SANAD_KEY");
  if (!configured) {
    std::cerr << "sanad: warning: no data key (--key-file): cases and referrals are unavailable\n";
    return true;
  }
  Fail(loaded.status().message(), 2);
  return false;
}

void RunServe(const ServeOptions& o) {
  const size_t colon = o.listen.rfind(':');
  if (colon == std::string::npos)
    return Fail("--listen must be ADDRESS:PORT, e.g. 127.0.0.1:8080", 2);
  const std::string address = o.listen.substr(0, colon);
  const std::string port_text = o.listen.substr(colon + 1);
  int port = -1;
  const auto [end, ec] =
      std::from_chars(port_text.data(), port_text.data() + port_text.size(), port);
  if (ec != std::errc() || end != port_text.data() + port_text.size() || port < 0 || port > 65535) {
    return Fail("--listen has a bad port '" + port_text + "': use 0 to 65535", 2);
  }

  std::optional<access::FieldCipher> cipher;
  if (!LoadKey(o.key_file, &cipher)) return;
  auto db = OpenAndMigrate(o.db);
  if (!db) return;
  auto places = registry::PlaceDirectory::SeedAndLoad(*db);
  if (!places.ok()) return Fail("cannot load places: " + places.status().message(), 2);
  SystemClock clock;
  access::AuthService auth(*db, clock);
  access::AdminService admin(*db, clock);
  access::AuditService audit(*db);
  registry::PeopleIndex people_index;
  if (!LoadPeopleIndex(*db, &people_index)) return;
  registry::HouseholdService households(*db, *places, clock, &people_index);
  registry::PeopleService people(*db, people_index);
  registry::DedupService dedup(*db, clock, &people_index);
  if (auto failed = dedup.FailInterruptedRuns(); !failed.ok()) {
    return Fail("cannot recover deduplication runs: " + failed.status().message(), 2);
  }
  registry::HouseholdImporter imports(*db, *places, clock, people_index, &people_index);
  cases::CaseService cases(*db, cipher ? &*cipher : nullptr, clock);
  referrals::ServiceDirectory directory(*db, *places, clock);
  referrals::ReferralService referral_service(*db, cases, households, cipher ? &*cipher : nullptr,
                                              clock);
  stock::StockService stock(*db, *places, clock);
  assistance::DistributionService distributions(*db, *places, clock);
  assistance::CashService cash(*db, clock);
  programmes::ProgrammeServices programme_services(*db, *places, clock);
  reports::PublicFigures public_figures(*db, *places, clock, o.disclosure_threshold);
  reports::ReportServices report_services(*db, *places, clock, o.disclosure_threshold);
  http::Api api({auth, admin, audit, households, *places, people, dedup, imports, cases, directory,
                 referral_service, stock, distributions, cash, &programme_services, &public_figures,
                 &report_services},
                o.ui_dir.empty() ? DefaultUiDir() : std::filesystem::path(o.ui_dir));
  http::Server server({.address = address,
                       .port = static_cast<uint16_t>(port),
                       .threads = o.threads,
                       .upload_paths = {"/api/v1/imports/", "/api/v1/cash/reconciliation"}},
                      [&api](http::Request& r) { return api.Handle(r); });
  Status s = server.Listen();
  if (!s.ok()) return Fail(s.message(), 2);
  std::cout << "listening on http://" << address << ":" << server.port() << std::endl;
  server.Run();
}

}  // namespace

void AddServe(CLI::App& app) {
  auto o = std::make_shared<ServeOptions>();
  auto* cmd = app.add_subcommand("serve", "Serve the web interface and the JSON API");
  cmd->add_option("--db", o->db, "SQLite file path or postgresql:// URL")->required();
  cmd->add_option("--listen", o->listen, "ADDRESS:PORT to listen on (port 0 picks a free one)")
      ->capture_default_str();
  cmd->add_option("--ui-dir", o->ui_dir,
                  "Directory of the built web interface (default: ui/dist beside the build)");
  cmd->add_option("--key-file", o->key_file,
                  "Data key of sealed case and referral fields (`sanad key init`); else "
                  "SANAD_KEY_FILE or SANAD_KEY");
  cmd->add_option("--threads", o->threads, "Worker threads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_option("--disclosure-threshold", o->disclosure_threshold,
                  "Counts of people below this are not shown in public figures and exports")
      ->check(CLI::Range(reports::kMinDisclosureThreshold, kMaxDisclosureThreshold))
      ->capture_default_str();
  cmd->callback([o] { RunServe(*o); });
}

void AddMigrate(CLI::App& app) {
  auto db = std::make_shared<std::string>();
  auto* cmd =
      app.add_subcommand("migrate", "Create or upgrade the database schema and load places");
  cmd->add_option("--db", *db, "SQLite file path or postgresql:// URL")->required();
  cmd->callback([db] {
    auto d = OpenAndMigrate(*db);
    if (!d) return;
    auto places = registry::PlaceDirectory::SeedAndLoad(*d);
    if (!places.ok()) return Fail("cannot load places: " + places.status().message(), 2);
    std::cout << "database is up to date\n";
  });
}

}  // namespace sanad::cli
