#include "tests/support/test_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>

namespace sanad::testing_support {
namespace {

std::atomic<int> counter{0};

// Temporary directories made by this process, removed when it exits.
struct TempDirs {
  std::mutex mu;
  std::vector<std::filesystem::path> dirs;
  ~TempDirs() {
    for (const auto& d : dirs) {
      std::error_code ignored;
      std::filesystem::remove_all(d, ignored);
    }
  }
};

TempDirs& Dirs() {
  static TempDirs dirs;
  return dirs;
}

// Replaces the database name of "postgresql://user@host/NAME?params" with `name`.
std::string WithDatabaseName(const std::string& url, const std::string& name) {
  const auto scheme = url.find("://");
  const auto slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (slash == std::string::npos) return url + "/" + name;
  const auto query = url.find('?', slash);
  return url.substr(0, slash + 1) + name +
         (query == std::string::npos ? std::string() : url.substr(query));
}

std::string FreshPostgresUrl() {
  const char* admin = std::getenv("SANAD_TEST_PG_URL");
  if (admin == nullptr || *admin == '\0') {
    throw std::runtime_error(
        "SANAD_TEST_PG_URL is not set: run the tests through ctest (which starts a scratch "
        "PostgreSQL server) or start one with scripts/pg-test-server.sh start DIR");
  }
  const std::string name =
      "sanad_t" + std::to_string(getpid()) + "_" + std::to_string(counter.fetch_add(1));
  PGconn* conn = PQconnectdb(admin);
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string why = PQerrorMessage(conn);
    PQfinish(conn);
    throw std::runtime_error("cannot connect to SANAD_TEST_PG_URL " + std::string(admin) + ": " +
                             why);
  }
  PGresult* res = PQexec(conn, ("CREATE DATABASE " + name + " TEMPLATE template0").c_str());
  const bool ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  std::string why = ok ? "" : PQerrorMessage(conn);
  PQclear(res);
  PQfinish(conn);
  if (!ok) throw std::runtime_error("CREATE DATABASE " + name + " failed: " + why);
  return WithDatabaseName(admin, name);
}

}  // namespace

std::vector<TestBackend> AllBackends() { return {TestBackend::kSqlite, TestBackend::kPostgres}; }

std::string BackendName(TestBackend backend) {
  return backend == TestBackend::kSqlite ? "sqlite" : "postgres";
}

std::string FreshTempDir() {
  auto base = std::filesystem::temp_directory_path() / ("sanad-test-" + std::to_string(getpid()) +
                                                        "-" + std::to_string(counter.fetch_add(1)));
  std::filesystem::remove_all(base);
  std::filesystem::create_directories(base);
  std::lock_guard lock(Dirs().mu);
  Dirs().dirs.push_back(base);
  return base.string();
}

std::string FreshDatabaseUrl(TestBackend backend) {
  if (backend == TestBackend::kPostgres) return FreshPostgresUrl();
  return FreshTempDir() + "/sanad.db";
}

}  // namespace sanad::testing_support
