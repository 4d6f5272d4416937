// `sanad key init|rotate|prune` end to end: the real binary on a key file and a SQLite database
// whose sealed columns were filled through the store, as the server would have sealed them.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "access/field_cipher.h"
#include "store/database.h"
#include "store/migrations.h"
#include "tests/api/command_test.h"

namespace sanad::api_test {
namespace {

namespace fs = std::filesystem;
using access::FieldCipher;

// One sealed value the test wrote and expects to read back.
struct Expected {
  std::string table;
  std::string column;
  int64_t id;
  std::string plain;
};

class KeyCliTest : public CommandTest {
 protected:
  void SetUp() override {
    CommandTest::SetUp();
    db_ = Path("sanad.db");
    key_file_ = Path("sanad.key");
  }

  std::unique_ptr<store::Database> Open() const {
    auto db = store::OpenDatabase(db_);
    EXPECT_TRUE(db.ok()) << db.status().ToString();
    if (!db.ok()) return nullptr;
    const Status s = store::Migrate(**db);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return std::move(db).value();
  }

  void Exec(store::Database& db, const std::string& sql, std::vector<store::Value> params = {}) {
    const Status s = db.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
      return c.Execute(sql, params).status();
    });
    ASSERT_TRUE(s.ok()) << sql << ": " << s.ToString();
  }

  static FieldCipher Cipher(const std::string& key_file) {
    auto c = FieldCipher::FromKeyFile(key_file);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return std::move(c).value();
  }

  // Cases 1..`cases`, a follow-up note on each (and an event without one), and a referral from
  // every other case, each sealed by `sealer(table, column, id)`.
  void Seed(int64_t cases, const std::function<const FieldCipher&(int64_t)>& sealer) {
    auto db = Open();
    ASSERT_TRUE(db);
    Exec(*db, "INSERT INTO organisations (id, name, name_key, created_at) VALUES (1, 'o', 'o', 0)");
    Exec(*db,
         "INSERT INTO users (id, organisation_id, username, password_hash, role, created_at) "
         "VALUES (5, 1, 'amal.gbv', 'h', 'caseworker', 0)");
    Exec(*db, "INSERT INTO places (pcode, level, name_en, name_ar) VALUES ('IQZ99', 1, 'p', 'ب')");
    Exec(*db,
         "INSERT INTO services (id, organisation_id, type, name, pcode, version, created_at, "
         "updated_at) VALUES (3, 1, 'health', 's', 'IQZ99', 1, 0, 0)");
    for (int64_t id = 1; id <= cases; ++id) {
      const FieldCipher& cipher = sealer(id);
      const std::string content =
          "{\"intake\":{\"narrative\":\"رواية الناجية رقم " + std::to_string(id) + "\"}}";
      Exec(*db,
           "INSERT INTO cases (id, organisation_id, module, status, risk, owner_id, version, "
           "opened_at, status_at, content, created_at, updated_at) "
           "VALUES (?, 1, 'gbv', 'open', 2, 5, 1, 0, 0, ?, 0, 0)",
           {id, cipher.Seal(content, FieldCipher::SealContext("cases", "content", id))});
      expected_.push_back({"cases", "content", id, content});
      const std::string note = "follow-up note " + std::to_string(id);
      Exec(*db,
           "INSERT INTO case_events (id, case_id, at, username, kind, body) "
           "VALUES (?, ?, 0, 'amal.gbv', 'follow_up', ?)",
           {id, id, cipher.Seal(note, FieldCipher::SealContext("case_events", "body", id))});
      expected_.push_back({"case_events", "body", id, note});
      Exec(*db,
           "INSERT INTO case_events (id, case_id, at, username, kind) "
           "VALUES (?, ?, 0, 'amal.gbv', 'status')",
           {1000 + id, id});
      if (id % 2 == 1) {
        const std::string shared = "{\"name\":\"…\",\"age\":27}";
        Exec(*db,
             "INSERT INTO referrals (id, from_organisation_id, from_user_id, case_id, service_id, "
             "to_organisation_id, urgency, status, version, sent_at, due_at, content) "
             "VALUES (?, 1, 5, ?, 3, 1, 'normal', 'sent', 1, 0, 0, ?)",
             {id, id, cipher.Seal(shared, FieldCipher::SealContext("referrals", "content", id))});
        expected_.push_back({"referrals", "content", id, shared});
      }
    }
  }

  // The sealed text of a seeded value as it is in the database now.
  static std::string Stored(store::Database& db, const Expected& e) {
    std::string sealed;
    const Status s = db.InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
      const store::Value p[] = {e.id};
      SANAD_ASSIGN_OR_RETURN(
          const store::Rows rows,
          c.Query("SELECT " + e.column + " FROM " + e.table + " WHERE id = ?", p));
      sealed = rows.at(0).Text(0);
      return Status::Ok();
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return sealed;
  }

  // Every seeded value is sealed under `key_id` and opens with `cipher` to what was written.
  void ExpectAllUnder(const FieldCipher& cipher, const std::string& key_id) {
    auto db = Open();
    ASSERT_TRUE(db);
    for (const Expected& e : expected_) {
      const std::string sealed = Stored(*db, e);
      const std::string context = FieldCipher::SealContext(e.table, e.column, e.id);
      EXPECT_EQ(FieldCipher::KeyIdOf(sealed), key_id) << context;
      const auto plain = cipher.Open(sealed, context);
      ASSERT_TRUE(plain.ok()) << plain.status().ToString();
      EXPECT_EQ(*plain, e.plain);
    }
  }

  std::string db_;
  std::string key_file_;
  std::vector<Expected> expected_;
};

TEST_F(KeyCliTest, InitCreatesAPrivateKeyFileAndNeverOverwritesIt) {
  const CommandRun r = Sanad("key init --key-file " + key_file_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  struct stat st {};
  ASSERT_EQ(::stat(key_file_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  const FieldCipher cipher = Cipher(key_file_);
  ASSERT_EQ(cipher.keys().size(), 1u);
  EXPECT_NE(r.out.find("created " + key_file_ + " with key " + cipher.current_key_id()),
            std::string::npos)
      << r.out;

  const std::string before = Read(key_file_);
  const CommandRun again = Sanad("key init --key-file " + key_file_);
  EXPECT_EQ(again.exit_code, 2);
  EXPECT_NE(again.err.find(key_file_ + " already exists"), std::string::npos) << again.err;
  EXPECT_EQ(Read(key_file_), before);
}

TEST_F(KeyCliTest, RotateReSealsEveryValueUnderANewKeyThenPruneDropsTheOldOne) {
  ASSERT_EQ(Sanad("key init --key-file " + key_file_).exit_code, 0);
  const FieldCipher old_ring = Cipher(key_file_);
  Seed(7, [&](int64_t) -> const FieldCipher& { return old_ring; });

  const CommandRun r = Sanad("key rotate --db " + db_ + " --key-file " + key_file_ + " --batch 3");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("cases.content: re-sealed 7 values"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("case_events.body: re-sealed 7 values"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("referrals.content: re-sealed 4 values"), std::string::npos) << r.out;
  const FieldCipher new_ring = Cipher(key_file_);  // still mode 0600, or this would fail
  ASSERT_EQ(new_ring.keys().size(), 2u);
  EXPECT_NE(new_ring.current_key_id(), old_ring.current_key_id());
  EXPECT_EQ(new_ring.keys()[1].id, old_ring.current_key_id());
  ExpectAllUnder(new_ring, new_ring.current_key_id());

  const CommandRun prune = Sanad("key prune --db " + db_ + " --key-file " + key_file_);
  ASSERT_EQ(prune.exit_code, 0) << prune.err;
  EXPECT_NE(prune.out.find("key " + old_ring.current_key_id()), std::string::npos) << prune.out;
  const FieldCipher pruned = Cipher(key_file_);
  ASSERT_EQ(pruned.keys().size(), 1u);
  EXPECT_EQ(pruned.current_key_id(), new_ring.current_key_id());
  ExpectAllUnder(pruned, new_ring.current_key_id());
  // A copy of the old key file no longer opens anything.
  auto db = Open();
  ASSERT_TRUE(db);
  const Expected& first = expected_.front();
  EXPECT_EQ(
      old_ring
          .Open(Stored(*db, first), FieldCipher::SealContext(first.table, first.column, first.id))
          .status()
          .code(),
      StatusCode::kFailedPrecondition);
}

TEST_F(KeyCliTest, ASecondRotateFinishesAnInterruptedOneAndPruneWaitsForIt) {
  // As a rotation that stopped half-way leaves it: the new key first in the file, some values
  // still under the old key.
  const FieldCipher::Key old_key = FieldCipher::GenerateKey();
  const FieldCipher::Key new_key = FieldCipher::GenerateKey();
  Write("sanad.key", FieldCipher::FormatKeyFile({new_key, old_key}));
  fs::permissions(key_file_, fs::perms::owner_read | fs::perms::owner_write);
  const FieldCipher old_only = FieldCipher::FromKeys({old_key}).value();
  const FieldCipher ring = Cipher(key_file_);
  Seed(6, [&](int64_t id) -> const FieldCipher& { return id <= 2 ? ring : old_only; });

  const CommandRun early = Sanad("key prune --db " + db_ + " --key-file " + key_file_);
  EXPECT_EQ(early.exit_code, 1);
  EXPECT_NE(early.out.find("kept key " + old_key.id), std::string::npos) << early.out;
  EXPECT_EQ(Cipher(key_file_).keys().size(), 2u);

  const CommandRun r = Sanad("key rotate --db " + db_ + " --key-file " + key_file_);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("resuming"), std::string::npos) << r.out;
  EXPECT_NE(
      r.out.find("cases.content: re-sealed 4 values (2 were already under key " + new_key.id + ")"),
      std::string::npos)
      << r.out;
  const FieldCipher after = Cipher(key_file_);
  EXPECT_EQ(after.keys().size(), 2u);  // no third key
  EXPECT_EQ(after.current_key_id(), new_key.id);
  ExpectAllUnder(after, new_key.id);

  const CommandRun prune = Sanad("key prune --db " + db_ + " --key-file " + key_file_);
  EXPECT_EQ(prune.exit_code, 0) << prune.err;
  EXPECT_EQ(Cipher(key_file_).keys().size(), 1u);
}

TEST_F(KeyCliTest, AMissingOrForeignKeyFileIsAClearErrorAndChangesNothing) {
  const CommandRun missing = Sanad("key rotate --db " + db_ + " --key-file " + key_file_);
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_NE(missing.err.find("cannot read the key file " + key_file_), std::string::npos)
      << missing.err;
  EXPECT_NE(missing.err.find("sanad key init --key-file"), std::string::npos) << missing.err;

  ASSERT_EQ(Sanad("key init --key-file " + key_file_).exit_code, 0);
  const FieldCipher ours = Cipher(key_file_);
  Seed(2, [&](int64_t) -> const FieldCipher& { return ours; });
  const std::string other = Path("other.key");
  ASSERT_EQ(Sanad("key init --key-file " + other).exit_code, 0);
  const std::string other_before = Read(other);
  const CommandRun foreign = Sanad("key rotate --db " + db_ + " --key-file " + other);
  EXPECT_EQ(foreign.exit_code, 2);
  EXPECT_NE(foreign.err.find("which is not in " + other), std::string::npos) << foreign.err;
  EXPECT_EQ(Read(other), other_before);
  ExpectAllUnder(ours, ours.current_key_id());

  fs::permissions(key_file_, fs::perms::group_read, fs::perm_options::add);
  const CommandRun open = Sanad("key rotate --db " + db_ + " --key-file " + key_file_);
  EXPECT_EQ(open.exit_code, 2);
  EXPECT_NE(open.err.find("chmod 600 " + key_file_), std::string::npos) << open.err;
}

}  // namespace
}  // namespace sanad::api_test
