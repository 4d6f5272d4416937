#include <iostream>

#include "cli/commands.h"
#include "store/migrations.h"

namespace sanad::cli {
namespace {

int g_exit_code = 0;

}  // namespace

int ExitCode() { return g_exit_code; }
void SetExitCode(int code) { g_exit_code = code; }

void Fail(const std::string& message, int code) {
  std::cerr << "sanad: " << message << "\n";
  g_exit_code = code;
}

std::unique_ptr<store::Database> OpenAndMigrate(const std::string& url) {
  auto db = store::OpenDatabase(url);
  if (!db.ok()) {
    Fail("cannot open the database " + url + ": " + db.status().message(), 2);
    return nullptr;
  }
  Status s = store::Migrate(**db);
  if (!s.ok()) {
    Fail("cannot migrate the database " + url + ": " + s.message(), 2);
    return nullptr;
  }
  return std::move(db).value();
}

}  // namespace sanad::cli
