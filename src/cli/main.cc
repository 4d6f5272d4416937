// The `sanad` command: wires subcommands to their implementations; holds no logic.
#include <CLI/CLI.hpp>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{"sanad — an information system for organisations working with displaced people"};
  app.require_subcommand(1);
  sanad::cli::AddServe(app);
  sanad::cli::AddMigrate(app);
  sanad::cli::AddUser(app);
  sanad::cli::AddDemo(app);
  sanad::cli::AddImport(app);
  sanad::cli::AddDedup(app);
  sanad::cli::AddKey(app);
  CLI11_PARSE(app, argc, argv);
  return sanad::cli::ExitCode();
}
