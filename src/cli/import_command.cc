// `sanad import households`: registers the households of a CSV or XLSX file (docs/import.md).
// `sanad import services`: adds services to the directory from a CSV file (docs/cases.md).
#include <chrono>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>

#include "access/admin_service.h"
#include "cli/commands.h"
#include "matching/person_matcher.h"
#include "referrals/service_directory.h"
#include "registry/household_import.h"
#include "registry/people_index.h"
#include "registry/place_directory.h"

namespace sanad::cli {
namespace {

// The largest file read, as for an upload through the API (docs/import.md).
constexpr std::streamsize kMaxFileBytes = std::streamsize{32} << 20;

struct ImportOptions {
  std::string db;
  std::string org;
  std::string file;
  std::string sheet;
  std::string duplicates = "refuse";
  bool dry_run = false;
};

void PrintReport(const std::string& source, const registry::ImportReport& r) {
  for (const auto& p : r.problems) std::cerr << registry::FormatProblem(source, p) << "\n";
  for (const auto& d : r.duplicates) {
    std::cerr << source << ":" << d.row << ": probably ";
    if (d.household_id != 0) {
      std::cerr << "already registered: " << d.other_name << ", household " << d.household_id
                << " (member " << d.member_id << ")";
    } else {
      std::cerr << "the same person as row " << d.other_row << " (" << d.other_name << ")";
    }
    std::cerr << "; score " << std::fixed << std::setprecision(1) << d.score << ": "
              << matching::FormatReasons(d.reasons) << (d.skipped ? " [skipped]" : "") << "\n";
  }
}

// The file's bytes (at most kMaxFileBytes), or nullopt after telling why.
std::optional<std::string> ReadImportFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Fail("cannot read " + path, 2);
    return std::nullopt;
  }
  std::ostringstream data;
  data << in.rdbuf();
  std::string bytes = data.str();
  if (static_cast<std::streamsize>(bytes.size()) > kMaxFileBytes) {
    Fail(path + ": is larger than 32 MiB: split it into smaller files", 2);
    return std::nullopt;
  }
  return bytes;
}

// The built-in administrator acting for the organisation called `name`, or nullopt after
// telling why.
std::optional<access::Actor> ActorFor(store::Database& db, const Clock& clock,
                                      const std::string& name) {
  access::AdminService admin(db, clock);
  access::Actor actor = access::AdminService::SystemActor();
  auto orgs = admin.ListOrganisations(actor);
  if (!orgs.ok()) {
    Fail("cannot list organisations: " + orgs.status().message(), 2);
    return std::nullopt;
  }
  for (const auto& org : *orgs) {
    if (org.name != name) continue;
    actor.organisation_id = org.id;
    actor.organisation_name = org.name;
    return actor;
  }
  Fail("no organisation is called '" + name + "'", 2);
  return std::nullopt;
}

void RunImport(const ImportOptions& o) {
  const auto started = std::chrono::steady_clock::now();
  const auto policy = o.duplicates == "skip"    ? registry::DuplicatePolicy::kSkip
                      : o.duplicates == "allow" ? registry::DuplicatePolicy::kAllow
                                                : registry::DuplicatePolicy::kRefuse;
  const auto bytes = ReadImportFile(o.file);
  if (!bytes) return;
  auto db = OpenAndMigrate(o.db);
  if (!db) return;
  auto places = registry::PlaceDirectory::SeedAndLoad(*db);
  if (!places.ok()) return Fail("cannot load places: " + places.status().message(), 2);
  SystemClock clock;
  const auto found = ActorFor(*db, clock, o.org);
  if (!found) return;
  const access::Actor& actor = *found;
  registry::PeopleIndex people;
  if (auto loaded = people.Load(*db); !loaded.ok()) {
    return Fail("cannot load the registry's people: " + loaded.status().message(), 2);
  }
  registry::HouseholdImporter importer(*db, *places, clock, people);
  auto report = importer.Import(actor, {.source = o.file,
                                        .bytes = *bytes,
                                        .sheet = o.sheet,
                                        .dry_run = o.dry_run,
                                        .duplicates = policy});
  if (!report.ok())
    return Fail("import failed, nothing was imported: " + report.status().message());
  PrintReport(o.file, *report);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started);
  const auto& r = *report;
  if (r.imported) {
    std::cout << "imported households: " << r.households_imported
              << ", people: " << r.people_imported << ", into " << actor.organisation_name << " in "
              << std::fixed << std::setprecision(1) << seconds.count() << " s";
    if (r.households_skipped > 0) {
      std::cout << "; skipped " << r.households_skipped << " with probable duplicates";
    }
    std::cout << "\n";
    return;
  }
  const bool clean =
      r.problems.empty() && (r.duplicates.empty() || policy != registry::DuplicatePolicy::kRefuse);
  if (o.dry_run && clean) {
    std::cout << "dry run: households: " << r.households << ", people: " << r.people
              << "; all would be imported";
    if (r.households_skipped > 0) std::cout << ", " << r.households_skipped << " skipped";
    std::cout << "; nothing was written\n";
    return;
  }
  std::cerr << "problems: " << r.problems.size() << ", probable duplicates: " << r.duplicates.size()
            << ", households: " << r.households << "; nothing was imported"
            << (r.problems.empty() ? " (use --duplicates skip or allow once they are checked)" : "")
            << "\n";
  SetExitCode(2);
}

// Adds the services of a CSV file to the directory for organisation `o.org`, all or nothing.
void RunServiceImport(const ImportOptions& o) {
  const auto text = ReadImportFile(o.file);
  if (!text) return;
  auto db = OpenAndMigrate(o.db);
  if (!db) return;
  auto places = registry::PlaceDirectory::SeedAndLoad(*db);
  if (!places.ok()) return Fail("cannot load places: " + places.status().message(), 2);
  SystemClock clock;
  const auto found = ActorFor(*db, clock, o.org);
  if (!found) return;
  const access::Actor& actor = *found;
  referrals::ServiceDirectory directory(*db, *places, clock);
  auto report = directory.Import(actor, {.source = o.file, .text = *text, .dry_run = o.dry_run});
  if (!report.ok()) {
    return Fail("import failed, nothing was imported: " + report.status().message());
  }
  for (const auto& p : report->problems) std::cerr << registry::FormatProblem(o.file, p) << "\n";
  if (!report->problems.empty()) {
    std::cerr << "problems: " << report->problems.size() << "; nothing was imported\n";
    return SetExitCode(2);
  }
  if (o.dry_run) {
    std::cout << "dry run: services: " << report->rows << "; all would be imported\n";
    return;
  }
  std::cout << "imported services: " << report->service_ids.size() << ", into "
            << actor.organisation_name << "\n";
}

}  // namespace

void AddImport(CLI::App& app) {
  auto* import = app.add_subcommand("import", "Import data from files");
  import->require_subcommand(1);
  auto o = std::make_shared<ImportOptions>();
  auto* cmd =
      import->add_subcommand("households",
                             "Register households from a CSV or XLSX file, one row per person "
                             "(docs/import.md); all or nothing");
  cmd->add_option("--db", o->db, "SQLite file path or postgresql:// URL")->required();
  cmd->add_option("--org", o->org, "The organisation the households belong to")->required();
  cmd->add_flag("--dry-run", o->dry_run, "Check the file and report every problem; write nothing");
  cmd->add_option("--sheet", o->sheet, "XLSX: the worksheet to read (default: the first)");
  cmd->add_option("--duplicates", o->duplicates,
                  "Households with a person probably registered already: refuse (nothing is "
                  "imported), skip (import the others) or allow (import them too)")
      ->check(CLI::IsMember({"refuse", "skip", "allow"}))
      ->capture_default_str();
  cmd->add_option("FILE", o->file, "The .csv or .xlsx file")->required();
  cmd->callback([o] { RunImport(*o); });

  auto s = std::make_shared<ImportOptions>();
  auto* services = import->add_subcommand(
      "services",
      "Add services to the directory from a CSV file (columns type, name, pcode, contact_name, "
      "contact_phone, contact_email, eligibility; docs/cases.md); all or nothing");
  services->add_option("--db", s->db, "SQLite file path or postgresql:// URL")->required();
  services->add_option("--org", s->org, "The organisation offering the services")->required();
  services->add_flag("--dry-run", s->dry_run, "Check the file and report every problem");
  services->add_option("FILE", s->file, "The .csv file")->required();
  services->callback([s] { RunServiceImport(*s); });
}

}  // namespace sanad::cli
