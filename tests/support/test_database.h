// Fresh, empty databases for store and API tests, on each backend sanad supports.
// SQLite: a new file in a new temporary directory. PostgreSQL: a new database created on the
// scratch server whose admin URL is in SANAD_TEST_PG_URL (ctest starts that server; see
// tests/CMakeLists.txt and scripts/pg-test-server.sh). Thread-safe.
#pragma once

#include <string>
#include <vector>

namespace sanad::testing_support {

enum class TestBackend { kSqlite, kPostgres };

// Both backends: the PostgreSQL one is never silently dropped, a missing server fails the test.
std::vector<TestBackend> AllBackends();

// "sqlite" or "postgres", for test names.
std::string BackendName(TestBackend backend);

// A URL (or SQLite path) of a new empty database. Aborts the calling test with a clear
// message when the backend is unavailable.
std::string FreshDatabaseUrl(TestBackend backend);

// A new empty temporary directory, removed at process exit.
std::string FreshTempDir();

}  // namespace sanad::testing_support
