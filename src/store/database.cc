#include "store/database.h"

#include <charconv>
#include <cstdlib>

#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace sanad::store {

int64_t Row::Int(size_t i) const {
  const Value& v = cells_.at(i);
  if (const auto* n = std::get_if<int64_t>(&v)) return *n;
  if (const auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  if (const auto* s = std::get_if<std::string>(&v)) {
    int64_t out = 0;
    std::from_chars(s->data(), s->data() + s->size(), out);
    return out;
  }
  return 0;
}

double Row::Double(size_t i) const {
  const Value& v = cells_.at(i);
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* n = std::get_if<int64_t>(&v)) return static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) return std::strtod(s->c_str(), nullptr);
  return 0;
}

std::string Row::Text(size_t i) const {
  const Value& v = cells_.at(i);
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<int64_t>(&v)) return std::to_string(*n);
  if (const auto* d = std::get_if<double>(&v)) {
    // Shortest exact form, as PostgreSQL prints a double, so both backends give "1.5".
    char buf[32];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, *d).ptr);
  }
  return {};
}

Result<std::unique_ptr<Database>> OpenDatabase(const std::string& url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) {
    return postgres::OpenPostgres(url);
  }
  return sqlite::OpenSqlite(url);
}

}  // namespace sanad::store
