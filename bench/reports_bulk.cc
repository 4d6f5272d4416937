// BulkWriter (reports_seed_internal.h): multi-row INSERT ... VALUES (...), (...) with bound
// parameters, the fastest bulk path the store's Connection offers on both backends (one
// statement of hundreds of rows is one round trip on PostgreSQL, one prepared statement on
// SQLite).
#include <algorithm>
#include <chrono>
#include <span>

#include "reports_seed_internal.h"

namespace sanad::bench {
namespace {

// Bound parameters per statement: under SQLite's limit (32,766) and PostgreSQL's (65,535), and
// under what libpq (15) accepts in the description of a prepared statement: it takes a
// ParameterDescription message over 30,000 bytes (4 per parameter) for a lost connection.
constexpr size_t kParamsPerStatement = 7000;

}  // namespace

size_t BulkWriter::AddTable(std::string name, std::vector<std::string> columns) {
  tables_.push_back({.name = std::move(name), .columns = std::move(columns)});
  return tables_.size() - 1;
}

Status BulkWriter::Add(size_t table, std::initializer_list<store::Value> row) {
  Table& t = tables_.at(table);
  if (row.size() != t.columns.size()) {
    return Status::Internal("a row of " + t.name + " with " + std::to_string(row.size()) +
                            " values for " + std::to_string(t.columns.size()) + " columns");
  }
  t.values.insert(t.values.end(), row.begin(), row.end());
  if (++buffered_ >= rows_per_transaction_) return Flush();
  return Status::Ok();
}

Status BulkWriter::Flush() {
  if (buffered_ == 0) return Status::Ok();
  const auto start = std::chrono::steady_clock::now();
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    for (const Table& t : tables_) SANAD_RETURN_IF_ERROR(WriteTable(c, t));
    return Status::Ok();
  }));
  for (Table& t : tables_) {
    t.written += static_cast<int64_t>(t.values.size() / t.columns.size());
    t.values.clear();
  }
  buffered_ = 0;
  seconds_ += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return Status::Ok();
}

Status BulkWriter::WriteTable(store::Connection& c, const Table& t) const {
  const size_t width = t.columns.size();
  const size_t rows = t.values.size() / width;
  const size_t per_statement = std::max<size_t>(1, kParamsPerStatement / width);
  std::string head = "INSERT INTO " + t.name + " (";
  std::string tuple = "(";
  for (size_t i = 0; i < width; ++i) {
    head += (i == 0 ? "" : ", ") + t.columns[i];
    tuple += i == 0 ? "?" : ", ?";
  }
  head += ") VALUES ";
  tuple += ")";
  const std::span<const store::Value> all(t.values);
  for (size_t at = 0; at < rows; at += per_statement) {
    const size_t n = std::min(per_statement, rows - at);
    std::string sql = head;
    sql.reserve(head.size() + n * (tuple.size() + 2));
    for (size_t i = 0; i < n; ++i) {
      if (i > 0) sql += ", ";
      sql += tuple;
    }
    SANAD_RETURN_IF_ERROR(c.Execute(sql, all.subspan(at * width, n * width)).status());
  }
  return Status::Ok();
}

}  // namespace sanad::bench
