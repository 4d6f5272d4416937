// Migrations on both backends: every embedded migration applied once, in order, recorded;
// running again (also from several databases at once) changes nothing.
#include "store/migrations.h"

#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "store/embedded_migrations.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

class MigrationsTest : public BackendTest<false> {
 protected:
  void ExpectRecordedOnce() {
    const Rows rows = Select("SELECT version, name FROM schema_migrations ORDER BY version");
    const auto& embedded = EmbeddedMigrations();
    ASSERT_EQ(rows.size(), embedded.size());
    for (size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].Int(0), embedded[i].version);
      EXPECT_EQ(rows[i].Text(1), embedded[i].name);
    }
  }
};

TEST_P(MigrationsTest, EmbeddedMigrationsAreNumberedInOrderFromOne) {
  const auto& embedded = EmbeddedMigrations();
  ASSERT_FALSE(embedded.empty());
  for (size_t i = 0; i < embedded.size(); ++i) {
    EXPECT_EQ(embedded[i].version, static_cast<int>(i) + 1) << embedded[i].name;
    EXPECT_TRUE(embedded[i].name.ends_with(".sql")) << embedded[i].name;
  }
  EXPECT_EQ(LatestMigration(), embedded.back().version);
}

TEST_P(MigrationsTest, AppliesEveryMigrationOnceAndRecordsIt) {
  SANAD_ASSERT_OK(Migrate(*db_));
  ExpectRecordedOnce();
  for (const char* table :
       {"organisations", "users", "sessions", "places", "households", "people", "audit_log"}) {
    EXPECT_EQ(Count(std::string("SELECT COUNT(*) FROM ") + table), 0) << table;
  }
}

TEST_P(MigrationsTest, RunningAgainIsANoOp) {
  SANAD_ASSERT_OK(Migrate(*db_));
  const Rows before = Select("SELECT version, applied_at FROM schema_migrations ORDER BY version");
  Exec("INSERT INTO organisations (name, name_key, created_at) VALUES ('UNHCR', 'unhcr', 1)");
  SANAD_ASSERT_OK(Migrate(*db_));
  SANAD_ASSERT_OK(Migrate(*db_));
  const Rows after = Select("SELECT version, applied_at FROM schema_migrations ORDER BY version");
  ASSERT_EQ(after.size(), before.size());
  for (size_t i = 0; i < after.size(); ++i) {
    EXPECT_EQ(after[i].Int(0), before[i].Int(0));
    EXPECT_EQ(after[i].Int(1), before[i].Int(1));
  }
  EXPECT_EQ(Count("SELECT COUNT(*) FROM organisations"), 1);
}

TEST_P(MigrationsTest, SeveralProcessesMigratingAtOnceApplyEachMigrationOnce) {
  constexpr int kProcesses = 4;
  std::vector<std::thread> threads;
  std::vector<Status> results(kProcesses);
  for (int i = 0; i < kProcesses; ++i) {
    threads.emplace_back([&, i] {
      auto db = OpenDatabase(url_);  // its own pool, as another process would have
      results[static_cast<size_t>(i)] = db.ok() ? Migrate(**db) : db.status();
    });
  }
  for (auto& t : threads) t.join();
  for (const Status& s : results) EXPECT_TRUE(s.ok()) << s.ToString();
  ExpectRecordedOnce();
}

TEST_P(MigrationsTest, PcodesCompareBytewiseAndCaseSensitively) {
  SANAD_ASSERT_OK(Migrate(*db_));
  for (const char* p : {"IQG15", "IQG15Q03", "iqg15", "IQG1", "IQG15_x"}) {
    Exec("INSERT INTO places (pcode, level, name_en, name_ar) VALUES (?, 1, 'n', 'ن')",
         {std::string(p)});
  }
  const Rows rows = Select("SELECT pcode FROM places ORDER BY pcode");
  std::vector<std::string> order;
  for (const Row& r : rows) order.push_back(r.Text(0));
  EXPECT_EQ(order, (std::vector<std::string>{"IQG1", "IQG15", "IQG15Q03", "IQG15_x", "iqg15"}));
}

SANAD_STORE_TEST_BACKENDS(MigrationsTest);

}  // namespace
}  // namespace sanad::store
