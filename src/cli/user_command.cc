#include <iostream>

#include "access/admin_service.h"
#include "cli/commands.h"

namespace sanad::cli {
namespace {

struct UserAddOptions {
  std::string db;
  std::string username;
  std::string role;
  std::string org;
  std::vector<std::string> modules;
  bool password_stdin = false;
};

void RunUserAdd(const UserAddOptions& o) {
  if (!o.password_stdin)
    return Fail("give the password on standard input with --password-stdin", 2);
  std::string password;
  std::getline(std::cin, password);
  if (!password.empty() && password.back() == '\r') password.pop_back();
  auto db = OpenAndMigrate(o.db);
  if (!db) return;
  SystemClock clock;
  access::AdminService admin(*db, clock);
  const auto actor = access::AdminService::SystemActor();
  auto org = admin.EnsureOrganisation(actor, o.org);
  if (!org.ok()) return Fail("organisation: " + org.status().ToString());
  auto user = admin.CreateUser(actor, {.username = o.username,
                                       .password = password,
                                       .role = o.role,
                                       .organisation_id = org->id,
                                       .modules = o.modules});
  if (!user.ok()) return Fail("user not created: " + user.status().ToString());
  std::cout << "created user " << user->username << " (" << o.role << ") in " << org->name << "\n";
}

}  // namespace

void AddUser(CLI::App& app) {
  auto* user = app.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  auto o = std::make_shared<UserAddOptions>();
  auto* add = user->add_subcommand("add", "Add a user (creates the organisation if missing)");
  add->add_option("--db", o->db, "SQLite file path or postgresql:// URL")->required();
  add->add_option("--username", o->username, "Login name")->required();
  add->add_option("--role", o->role,
                  "admin, supervisor, caseworker, registration, me_officer, viewer or logistics")
      ->required();
  add->add_option("--org", o->org, "Organisation name")->required();
  add->add_option("--modules", o->modules,
                  "Protection modules of a caseworker or supervisor: gbv, child_protection, mhpss, "
                  "legal, hlp, special_needs (comma-separated)")
      ->delimiter(',');
  add->add_flag("--password-stdin", o->password_stdin, "Read the password from standard input");
  add->callback([o] { RunUserAdd(*o); });
}

}  // namespace sanad::cli
