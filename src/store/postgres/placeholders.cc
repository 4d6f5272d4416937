#include "store/postgres/placeholders_internal.h"

#include <cctype>

namespace sanad::store::postgres {
namespace {

bool IsIdentifierChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// The end (one past the closing quote) of a '...' literal starting at `open`. In an
// E'...' literal a backslash escapes the next character; a doubled quote ('it''s') closes
// and reopens the span, which gives the same result.
size_t EndOfQuoted(std::string_view sql, size_t open, bool backslash_escapes) {
  const char quote = sql[open];
  for (size_t i = open + 1; i < sql.size(); ++i) {
    if (backslash_escapes && sql[i] == '\\') {
      ++i;
    } else if (sql[i] == quote) {
      return i + 1;
    }
  }
  return sql.size();
}

// The end of a /* */ comment starting at `open`; PostgreSQL nests them.
size_t EndOfBlockComment(std::string_view sql, size_t open) {
  int depth = 0;
  for (size_t i = open; i + 1 < sql.size(); ++i) {
    if (sql[i] == '/' && sql[i + 1] == '*') {
      ++depth;
      ++i;
    } else if (sql[i] == '*' && sql[i + 1] == '/') {
      ++i;
      if (--depth == 0) return i + 1;
    }
  }
  return sql.size();
}

// The tag ("$$" or "$name$") when a dollar-quoted string starts at `open`, else "".
std::string_view DollarTag(std::string_view sql, size_t open) {
  size_t i = open + 1;
  while (i < sql.size() && IsIdentifierChar(sql[i]) && sql[i] != '$') ++i;
  if (i >= sql.size() || sql[i] != '$') return {};
  if (i > open + 1 && std::isdigit(static_cast<unsigned char>(sql[open + 1]))) return {};
  return sql.substr(open, i - open + 1);
}

}  // namespace

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int next = 0;
  size_t i = 0;
  auto copy_to = [&](size_t end) {
    out.append(sql.substr(i, end - i));
    i = end;
  };
  while (i < sql.size()) {
    const char c = sql[i];
    const char after = i + 1 < sql.size() ? sql[i + 1] : '\0';
    const bool word_before = i > 0 && IsIdentifierChar(sql[i - 1]);
    if (c == '\'' || c == '"') {
      const bool escapes = c == '\'' && i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') &&
                           !(i > 1 && IsIdentifierChar(sql[i - 2]));
      copy_to(EndOfQuoted(sql, i, escapes));
    } else if (c == '-' && after == '-') {
      const size_t newline = sql.find('\n', i);
      copy_to(newline == std::string_view::npos ? sql.size() : newline);
    } else if (c == '/' && after == '*') {
      copy_to(EndOfBlockComment(sql, i));
    } else if (c == '$' && !word_before && !DollarTag(sql, i).empty()) {
      const std::string_view tag = DollarTag(sql, i);
      const size_t close = sql.find(tag, i + tag.size());
      copy_to(close == std::string_view::npos ? sql.size() : close + tag.size());
    } else if (c == '?') {
      out += '$';
      out += std::to_string(++next);
      ++i;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

}  // namespace sanad::store::postgres
