// `sanad demo` end to end: the real binary creates a small demo database with a data key, and
// what `make run` shows a newcomer is there: the demo logins (the M&E officer `meal` included),
// households, cases, rounds, and the programmes that the dashboards, 4W and public page read —
// offices, projects with indicators, activities with attendance, and the service records that
// count people reached.
#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <vector>

#include "store/database.h"
#include "tests/api/command_test.h"

namespace sanad::api_test {
namespace {

class DemoCliTest : public CommandTest {};

int64_t Count(store::Database& db, const std::string& sql) {
  int64_t n = -1;
  const Status s = db.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    auto rows = c.Query(sql);
    if (!rows.ok()) return rows.status();
    n = rows->front().Int(0);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << sql << ": " << s.ToString();
  return n;
}

TEST_F(DemoCliTest, CreatesEveryModulesDemoDataAndTheMeOfficer) {
  const std::string key = Path("sanad.key");
  const std::string db_path = Path("sanad.db");
  ASSERT_EQ(Sanad("key init --key-file " + key).exit_code, 0);
  const CommandRun r = Sanad("demo --db " + db_path + " --key-file " + key + " --households 120");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("3 offices, 5 projects with 15 indicators"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("log in as admin, supervisor, clerk, logistics, meal,"), std::string::npos)
      << r.out;

  auto db = store::OpenDatabase(db_path);
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  store::Database& d = **db;
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM users WHERE username = 'meal' AND role = 'me_officer'"),
            1);
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM offices"), 3);
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM projects"), 5);
  EXPECT_EQ(Count(d, "SELECT COUNT(*) FROM indicators"), 15);
  EXPECT_GT(Count(d, "SELECT COUNT(*) FROM activities"), 20);
  EXPECT_GT(Count(d, "SELECT COUNT(*) FROM activity_attendance"), 0);
  EXPECT_GT(Count(d, "SELECT COUNT(*) FROM staff_members"), 0);
  EXPECT_GT(Count(d, "SELECT COUNT(*) FROM cases"), 0);
  // People reached come from every source the demo records: activities, collections, case
  // services and referrals.
  EXPECT_GT(Count(d, "SELECT COUNT(*) FROM service_records WHERE source = 'activity'"), 0);
  EXPECT_GT(Count(d, "SELECT COUNT(*) FROM service_records WHERE source = 'collection'"), 0);
}

}  // namespace
}  // namespace sanad::api_test
