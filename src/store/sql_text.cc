#include "store/sql_text_internal.h"

namespace sanad::store {

std::string EscapeLike(const std::string& s) {
  std::string out;
  for (char ch : s) {
    if (ch == '%' || ch == '_' || ch == '\\') out.push_back('\\');
    out.push_back(ch);
  }
  return out;
}

std::string PrefixEnd(std::string prefix) {
  while (!prefix.empty()) {
    const auto last = static_cast<unsigned char>(prefix.back());
    if (last < 0xFF) {
      prefix.back() = static_cast<char>(last + 1);
      return prefix;
    }
    prefix.pop_back();
  }
  return prefix;
}

std::string Placeholders(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

void AddIn(std::string_view column, const std::vector<std::string>& values, std::string* where,
           std::vector<Value>* params) {
  if (values.empty()) return;
  *where += " AND " + std::string(column) + " IN (" + Placeholders(values.size()) + ")";
  for (const auto& v : values) params->emplace_back(v);
}

std::string Under(std::string_view column, const std::string& pcode, std::vector<Value>* params) {
  std::string sql = "(" + std::string(column) + " >= ?";
  params->emplace_back(pcode);
  if (std::string end = PrefixEnd(pcode); !end.empty()) {
    sql += " AND " + std::string(column) + " < ?";
    params->emplace_back(std::move(end));
  }
  return sql + ")";
}

std::string UnderAny(std::string_view column, const std::vector<std::string>& pcodes,
                     std::vector<Value>* params) {
  std::string sql = "(";
  for (size_t i = 0; i < pcodes.size(); ++i) {
    sql += (i == 0 ? "" : " OR ") + Under(column, pcodes[i], params);
  }
  return sql + ")";
}

}  // namespace sanad::store
