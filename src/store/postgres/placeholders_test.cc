#include "store/postgres/placeholders_internal.h"

#include <gtest/gtest.h>

namespace sanad::store::postgres {
namespace {

struct Case {
  const char* name;
  const char* in;
  const char* out;
};

const Case kCases[] = {
    {"none", "SELECT 1", "SELECT 1"},
    {"numbered_in_order", "SELECT ? WHERE a = ? AND b IN (?, ?)",
     "SELECT $1 WHERE a = $2 AND b IN ($3, $4)"},
    {"string_literal", "SELECT '?', ?", "SELECT '?', $1"},
    {"doubled_quote", "SELECT 'it''s ?', ?", "SELECT 'it''s ?', $1"},
    {"quoted_identifier", "SELECT \"what?\" FROM t WHERE x = ?",
     "SELECT \"what?\" FROM t WHERE x = $1"},
    {"backslash_is_literal_in_standard_strings", "SELECT 'C:\\', ?", "SELECT 'C:\\', $1"},
    {"escape_string", "SELECT E'it\\'s ?', ?", "SELECT E'it\\'s ?', $1"},
    {"identifier_ending_in_e", "SELECT some'x\\', ?", "SELECT some'x\\', $1"},
    {"line_comment", "SELECT ? -- why?\n, ?", "SELECT $1 -- why?\n, $2"},
    {"line_comment_at_end", "SELECT ? -- why?", "SELECT $1 -- why?"},
    {"block_comment", "SELECT /* ? */ ?", "SELECT /* ? */ $1"},
    {"nested_block_comment", "SELECT /* a /* ? */ ? */ ?", "SELECT /* a /* ? */ ? */ $1"},
    {"dollar_quoted", "SELECT $$ ? $$, ?", "SELECT $$ ? $$, $1"},
    {"tagged_dollar_quoted", "SELECT $fn$ '?' $$ ? $fn$, ?", "SELECT $fn$ '?' $$ ? $fn$, $1"},
    {"positional_parameter_is_not_a_quote", "SELECT $1, ?", "SELECT $1, $1"},
    {"like_escape", "WHERE s LIKE ? ESCAPE '\\' AND t = ?",
     "WHERE s LIKE $1 ESCAPE '\\' AND t = $2"},
    {"arabic_text", "SELECT 'محمد؟ ?', ?", "SELECT 'محمد؟ ?', $1"},
    {"unterminated_quote", "SELECT '?", "SELECT '?"},
    {"ten_and_more", "VALUES (?,?,?,?,?,?,?,?,?,?,?)",
     "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)"},
};

TEST(RewritePlaceholdersTest, NumbersOnlyPlaceholdersOutsideLiteralsAndComments) {
  for (const auto& tc : kCases) {
    EXPECT_EQ(RewritePlaceholders(tc.in), tc.out) << tc.name;
  }
}

}  // namespace
}  // namespace sanad::store::postgres
