// `sanad key init|rotate|prune`: creates the key file of the sealed fields, rotates to a new key
// (re-sealing every value, resumably) and removes old keys no value uses any more.
// docs/operations.md, Keys, says when to run each.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include "access/field_cipher.h"
#include "cli/commands.h"
#include "store/sealed_store.h"

namespace sanad::cli {
namespace {

namespace fs = std::filesystem;
using access::FieldCipher;

constexpr mode_t kKeyFileMode = 0600;
constexpr int64_t kDefaultBatch = 500;

struct KeyOptions {
  std::string db;
  std::string key_file;
  int64_t batch = kDefaultBatch;
};

std::string Errno(const std::string& what, const std::string& path) {
  return what + " " + path + ": " + std::strerror(errno);
}

// Writes all of `text` to `fd` and flushes it to disk.
Status WriteAndSync(int fd, const std::string& text, const std::string& path) {
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Unavailable(Errno("cannot write", path));
    done += static_cast<size_t>(n);
  }
  if (::fchmod(fd, kKeyFileMode) != 0 || ::fsync(fd) != 0) {
    return Status::Unavailable(Errno("cannot write", path));
  }
  return Status::Ok();
}

// Makes a rename or a new file in `file`'s directory durable.
Status SyncDirectoryOf(const fs::path& file) {
  const fs::path dir = file.has_parent_path() ? file.parent_path() : fs::path(".");
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Status::Unavailable(Errno("cannot open the directory", dir.string()));
  const int rc = ::fsync(fd);
  ::close(fd);
  if (rc != 0) return Status::Unavailable(Errno("cannot sync the directory", dir.string()));
  return Status::Ok();
}

// Creates `path` with `text`, mode 0600; AlreadyExists when there is a file there already.
Status CreateKeyFile(const fs::path& path, const std::string& text) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, kKeyFileMode);
  if (fd < 0 && errno == EEXIST) {
    return Status::AlreadyExists(path.string() +
                                 " already exists; a key file is never overwritten (to add a new "
                                 "key to it, use `sanad key rotate`)");
  }
  if (fd < 0) return Status::Unavailable(Errno("cannot create", path.string()));
  Status s = WriteAndSync(fd, text, path.string());
  ::close(fd);
  if (s.ok()) s = SyncDirectoryOf(path);
  if (!s.ok()) ::unlink(path.c_str());
  return s;
}

// Replaces the key file at `path` (following a symbolic link) with `text`: a temporary file in
// the same directory, synced, then renamed over it, so a crash leaves the old or the new file
// whole, never half of one.
Status ReplaceKeyFile(const fs::path& path, const std::string& text) {
  std::error_code ec;
  const fs::path target = fs::canonical(path, ec);
  if (ec) return Status::Unavailable("cannot resolve " + path.string() + ": " + ec.message());
  const fs::path tmp = target.string() + ".tmp";
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, kKeyFileMode);
  if (fd < 0) return Status::Unavailable(Errno("cannot create", tmp.string()));
  Status s = WriteAndSync(fd, text, tmp.string());
  ::close(fd);
  if (s.ok() && ::rename(tmp.c_str(), target.c_str()) != 0) {
    s = Status::Unavailable(Errno("cannot replace", target.string()));
  }
  if (!s.ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  return SyncDirectoryOf(target);
}

std::string Name(const store::SealedColumn& column) {
  return std::string(column.table) + "." + std::string(column.column);
}

// How many values each key sealed, per sealed column (in kSealedColumns order); an error when a
// value is sealed under a key `ring` does not hold, since rotating or pruning with the key file
// of another database would make things worse.
Result<std::vector<std::map<std::string, int64_t>>> SurveyKeys(store::Database& db,
                                                               const FieldCipher& ring,
                                                               const std::string& key_file) {
  std::vector<std::map<std::string, int64_t>> counts;
  SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    counts.clear();
    for (const store::SealedColumn& column : store::kSealedColumns) {
      SANAD_ASSIGN_OR_RETURN(auto by_key, store::CountSealedByKey(c, column));
      counts.push_back(std::move(by_key));
    }
    return Status::Ok();
  }));
  std::set<std::string> known;
  for (const FieldCipher::Key& k : ring.keys()) known.insert(k.id);
  for (size_t i = 0; i < counts.size(); ++i) {
    for (const auto& [id, n] : counts[i]) {
      if (known.contains(id)) continue;
      const std::string what = id.empty()
                                   ? "are not sealed text"
                                   : "are sealed with key " + id + ", which is not in " + key_file;
      return Status::FailedPrecondition(Name(store::kSealedColumns[i]) + ": " + std::to_string(n) +
                                        " values " + what +
                                        "; is it this database's key file? Nothing was changed");
    }
  }
  return counts;
}

// Re-seals, in transactions of `batch` rows, every value of `column` not sealed under `ring`'s
// current key. Returns how many it re-sealed, adding them to `done` as each batch commits.
Status ResealColumn(store::Database& db, const FieldCipher& ring, const store::SealedColumn& column,
                    int64_t batch, int64_t& done) {
  int64_t after = 0;
  for (;;) {
    int64_t last = after;
    int64_t count = 0;
    SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
      SANAD_ASSIGN_OR_RETURN(const auto values, store::ReadSealedBatch(c, column, after, batch,
                                                                       ring.current_key_id()));
      last = after;
      count = 0;
      for (const store::SealedValue& v : values) {
        const std::string context = FieldCipher::SealContext(column.table, column.column, v.id);
        SANAD_ASSIGN_OR_RETURN(const std::string plain, ring.Open(v.sealed, context));
        SANAD_RETURN_IF_ERROR(
            store::ReplaceSealedValue(c, column, v.id, ring.Seal(plain, context)));
        last = v.id;
        ++count;
      }
      return Status::Ok();
    }));
    done += count;
    if (count < batch) return Status::Ok();
    after = last;
  }
}

void RunInit(const KeyOptions& o) {
  const FieldCipher::Key key = FieldCipher::GenerateKey();
  if (Status s = CreateKeyFile(o.key_file, FieldCipher::FormatKeyFile({key})); !s.ok()) {
    return Fail(s.message(), 2);
  }
  std::cout << "created " << o.key_file << " with key " << key.id << " (mode 0600)\n"
            << "Back it up now, apart from the database's backups: without it the sealed fields "
               "of cases and referrals cannot be read.\n";
}

void RunRotate(const KeyOptions& o) {
  if (o.batch < 1) return Fail("--batch must be at least 1", 2);
  auto old_ring = FieldCipher::FromKeyFile(o.key_file);
  if (!old_ring.ok()) return Fail(old_ring.status().message(), 2);
  auto db = OpenAndMigrate(o.db);
  if (!db) return;
  auto counts = SurveyKeys(*db, *old_ring, o.key_file);
  if (!counts.ok()) return Fail(counts.status().message(), 2);

  int64_t pending = 0;
  for (const auto& by_key : *counts) {
    for (const auto& [id, n] : by_key) pending += id == old_ring->current_key_id() ? 0 : n;
  }
  std::vector<FieldCipher::Key> keys = old_ring->keys();
  if (pending > 0) {
    // Values under older keys while the file's first key is already the newest: an earlier
    // rotation stopped half-way, or a server kept sealing with the old key file. Finish that
    // rotation rather than start another, so keys do not pile up.
    std::cout << "resuming: " << pending << " values are not yet under the current key "
              << keys.front().id << " of " << o.key_file << " (no new key is made)\n";
  } else {
    keys.insert(keys.begin(), FieldCipher::GenerateKey());
    // The key file first: a value sealed under a key that is in no file would be lost.
    if (Status s = ReplaceKeyFile(o.key_file, FieldCipher::FormatKeyFile(keys)); !s.ok()) {
      return Fail(s.message() + "; nothing was changed", 1);
    }
    std::cout << "wrote " << o.key_file << ": new key " << keys.front().id << ", then "
              << keys.size() - 1 << " older key(s)\n";
  }
  auto ring = FieldCipher::FromKeys(std::move(keys));
  if (!ring.ok()) return Fail(ring.status().message(), 1);

  for (size_t i = 0; i < std::size(store::kSealedColumns); ++i) {
    const store::SealedColumn& column = store::kSealedColumns[i];
    int64_t done = 0;
    const Status s = ResealColumn(*db, *ring, column, o.batch, done);
    std::cout << Name(column) << ": re-sealed " << done << " values";
    if (const auto it = (*counts)[i].find(ring->current_key_id()); it != (*counts)[i].end()) {
      std::cout << " (" << it->second << " were already under key " << ring->current_key_id()
                << ")";
    }
    std::cout << "\n";
    if (!s.ok()) {
      return Fail("re-sealing stopped: " + s.message() +
                      "; what was re-sealed is kept, and `sanad key rotate` again resumes",
                  1);
    }
  }
  std::cout << "every sealed value is now under key " << ring->current_key_id()
            << ". Restart a running `sanad serve` with " << o.key_file
            << ", back the key file up, then remove the old keys with `sanad key prune`.\n";
}

void RunPrune(const KeyOptions& o) {
  auto ring = FieldCipher::FromKeyFile(o.key_file);
  if (!ring.ok()) return Fail(ring.status().message(), 2);
  auto db = OpenAndMigrate(o.db);
  if (!db) return;
  auto counts = SurveyKeys(*db, *ring, o.key_file);
  if (!counts.ok()) return Fail(counts.status().message(), 2);

  std::vector<FieldCipher::Key> keep = {ring->keys().front()};
  std::vector<std::string> removed;
  std::string still_used;
  for (size_t k = 1; k < ring->keys().size(); ++k) {
    const FieldCipher::Key& key = ring->keys()[k];
    int64_t uses = 0;
    for (const auto& by_key : *counts) {
      if (const auto it = by_key.find(key.id); it != by_key.end()) uses += it->second;
    }
    if (uses == 0) {
      removed.push_back(key.id);
      continue;
    }
    keep.push_back(key);
    still_used += "kept key " + key.id + ": " + std::to_string(uses) + " values still use it\n";
  }
  if (!removed.empty()) {
    if (Status s = ReplaceKeyFile(o.key_file, FieldCipher::FormatKeyFile(keep)); !s.ok()) {
      return Fail(s.message() + "; nothing was changed", 1);
    }
    std::cout << "removed from " << o.key_file << ":";
    for (const std::string& id : removed) std::cout << " key " << id;
    std::cout << "\n";
  } else if (still_used.empty()) {
    std::cout << o.key_file << " holds only the current key " << keep.front().id
              << "; nothing to remove\n";
  }
  if (!still_used.empty()) {
    std::cout << still_used;
    return Fail(
        "old keys are still in use: run `sanad key rotate` (it resumes) to re-seal "
        "their values, then prune again",
        1);
  }
}

}  // namespace

void AddKey(CLI::App& app) {
  auto* key = app.add_subcommand("key", "Manage the key of the sealed (encrypted) fields");
  key->require_subcommand(1);
  auto o = std::make_shared<KeyOptions>();

  auto* init = key->add_subcommand("init", "Create a key file with one new key (mode 0600)");
  init->add_option("--key-file", o->key_file, "Where to create it; never overwritten")->required();
  init->callback([o] { RunInit(*o); });

  auto* rotate = key->add_subcommand(
      "rotate",
      "Add a new key to the key file and re-seal every value with it (a second run resumes an "
      "unfinished rotation)");
  rotate->add_option("--db", o->db, "SQLite file path or postgresql:// URL")->required();
  rotate->add_option("--key-file", o->key_file, "The key file; rewritten with the new key first")
      ->required();
  rotate->add_option("--batch", o->batch, "Values re-sealed per transaction")
      ->default_val(kDefaultBatch);
  rotate->callback([o] { RunRotate(*o); });

  auto* prune = key->add_subcommand(
      "prune", "Remove from the key file the old keys that no value in the database uses");
  prune->add_option("--db", o->db, "SQLite file path or postgresql:// URL")->required();
  prune->add_option("--key-file", o->key_file, "The key file")->required();
  prune->callback([o] { RunPrune(*o); });
}

}  // namespace sanad::cli
