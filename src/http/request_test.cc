#include "http/request.h"

#include <gtest/gtest.h>

namespace sanad::http {
namespace {

TEST(RequestTest, DecodesArabicQueryParameters) {
  auto q = ParseQuery("q=%D9%85%D8%AD%D9%85%D8%AF+%D8%B9%D9%84%D9%8A&page=2&flag&bad=%zz%4");
  EXPECT_EQ(q["q"], "محمد علي");
  EXPECT_EQ(q["page"], "2");
  EXPECT_EQ(q["flag"], "");
  EXPECT_EQ(q["bad"], "%zz%4");
}

TEST(RequestTest, FindsOneCookieAmongMany) {
  Request r;
  r.headers["cookie"] = "theme=dark; sanad_session=abc123; other=x";
  EXPECT_EQ(r.Cookie("sanad_session"), "abc123");
  EXPECT_EQ(r.Cookie("missing"), "");
}

}  // namespace
}  // namespace sanad::http
