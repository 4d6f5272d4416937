#include "store/sealed_store.h"

namespace sanad::store {
namespace {

// The statements for one sealed column. Table and column names cannot be bound parameters;
// they come only from kSealedColumns (checked below), never from input.
struct ColumnSql {
  std::string batch;
  std::string batch_skipping_key;
  std::string replace;
  std::string count_by_key;
};

// "s1." + 8 hex digits + ".": the start of sealed text (access/field_cipher.cc).
constexpr int64_t kSealedHeaderChars = 12;

Result<ColumnSql> SqlFor(const SealedColumn& sc) {
  bool known = false;
  for (const SealedColumn& k : kSealedColumns) {
    known = known || (k.table == sc.table && k.column == sc.column);
  }
  if (!known) {
    return Status::InvalidArgument(std::string(sc.table) + "." + std::string(sc.column) +
                                   " is not a sealed column");
  }
  const std::string t(sc.table);
  const std::string col(sc.column);
  const std::string select =
      "SELECT id, " + col + " FROM " + t + " WHERE id > ? AND " + col + " IS NOT NULL";
  const std::string order = " ORDER BY id LIMIT ?";
  return ColumnSql{
      .batch = select + order,
      .batch_skipping_key = select + " AND substr(" + col + ", 1, 12) <> ?" + order,
      .replace = "UPDATE " + t + " SET " + col + " = ? WHERE id = ?",
      .count_by_key = "SELECT CASE WHEN substr(" + col + ", 1, 3) = 's1.' AND substr(" + col +
                      ", 12, 1) = '.' THEN substr(" + col + ", 4, 8) ELSE '' END, COUNT(*) FROM " +
                      t + " WHERE " + col + " IS NOT NULL GROUP BY 1",
  };
}

}  // namespace

Result<std::vector<SealedValue>> ReadSealedBatch(Connection& c, const SealedColumn& column,
                                                 int64_t after, int64_t limit,
                                                 std::string_view skip_key_id) {
  SANAD_ASSIGN_OR_RETURN(const ColumnSql sql, SqlFor(column));
  Rows rows;
  if (skip_key_id.empty()) {
    const Value p[] = {after, limit};
    SANAD_ASSIGN_OR_RETURN(rows, c.Query(sql.batch, p));
  } else {
    const std::string header = "s1." + std::string(skip_key_id) + ".";
    if (static_cast<int64_t>(header.size()) != kSealedHeaderChars) {
      return Status::InvalidArgument("a key id has 8 characters, not '" + std::string(skip_key_id) +
                                     "'");
    }
    const Value p[] = {after, header, limit};
    SANAD_ASSIGN_OR_RETURN(rows, c.Query(sql.batch_skipping_key, p));
  }
  std::vector<SealedValue> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back({.id = r.Int(0), .sealed = r.Text(1)});
  return out;
}

Status ReplaceSealedValue(Connection& c, const SealedColumn& column, int64_t id,
                          std::string_view sealed) {
  SANAD_ASSIGN_OR_RETURN(const ColumnSql sql, SqlFor(column));
  const Value p[] = {std::string(sealed), id};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(sql.replace, p));
  if (changed == 0) {
    return Status::NotFound(std::string(column.table) + " " + std::to_string(id) +
                            " does not exist");
  }
  return Status::Ok();
}

Result<std::map<std::string, int64_t>> CountSealedByKey(Connection& c, const SealedColumn& column) {
  SANAD_ASSIGN_OR_RETURN(const ColumnSql sql, SqlFor(column));
  SANAD_ASSIGN_OR_RETURN(const Rows rows, c.Query(sql.count_by_key));
  std::map<std::string, int64_t> out;
  for (const Row& r : rows) out[r.Text(0)] += r.Int(1);
  return out;
}

}  // namespace sanad::store
