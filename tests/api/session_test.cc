// Logging in and out, the session cookie, the CSRF token and login throttling.
#include <string>

#include "tests/api/api_test.h"

namespace sanad::api_test {
namespace {

using ::testing::HasSubstr;

class SessionTest : public ApiTest {};

TEST_P(SessionTest, LoginSetsAnHttpOnlyStrictCookieAndReturnsTheCsrfToken) {
  Ensure(kClerk);
  HttpClient client = server().Client();
  HttpResponse r = client.Login(kClerk, kPassword);
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string cookie = r.Header("Set-Cookie");
  EXPECT_THAT(cookie, HasSubstr("sanad_session="));
  EXPECT_THAT(cookie, HasSubstr("HttpOnly"));
  EXPECT_THAT(cookie, HasSubstr("SameSite=Strict"));
  EXPECT_THAT(cookie, HasSubstr("Path=/"));
  EXPECT_FALSE(client.session_cookie().empty());
  ASSERT_TRUE(r.json["csrf_token"].is_string());
  EXPECT_GE(r.json["csrf_token"].get<std::string>().size(), 16u);
  EXPECT_EQ(r.json["user"]["username"], kClerk);
  EXPECT_EQ(r.json["user"]["role"], "registration");
  EXPECT_EQ(r.json["user"]["organisation"]["name"], kOrganisation);

  HttpResponse again = client.Get("/api/v1/session");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.json["csrf_token"], r.json["csrf_token"]);
  EXPECT_EQ(again.json["user"], r.json["user"]);
}

TEST_P(SessionTest, WrongPasswordAndUnknownUserAreBothRejectedWith401) {
  Ensure(kClerk);
  HttpClient client = server().Client();
  HttpResponse wrong = client.Login(kClerk, "not-the-password");
  EXPECT_EQ(wrong.status, 401) << wrong.body;
  EXPECT_EQ(wrong.json["error"]["code"], "unauthenticated");
  EXPECT_EQ(wrong.Header("Set-Cookie"), "");
  HttpResponse unknown = client.Login("nobody.here", "not-the-password");
  EXPECT_EQ(unknown.status, 401) << unknown.body;
  // The same message, so a caller cannot learn which usernames exist.
  EXPECT_EQ(unknown.json["error"]["message"], wrong.json["error"]["message"]);
  EXPECT_EQ(client.Get("/api/v1/session").status, 401);
}

TEST_P(SessionTest, RepeatedFailedLoginsAreThrottledWith429AndRetryAfter) {
  Ensure(kViewer);
  Ensure(kClerk);
  HttpClient client = server().Client();
  int status = 0;
  for (int i = 0; i < 10 && status != 429; ++i) {
    status = client.Login(kViewer, "guess-" + std::to_string(i)).status;
    if (status != 429) {
      EXPECT_EQ(status, 401);
    }
  }
  // Once throttled, even the right password is refused, and the client is told how long to wait.
  HttpResponse r = client.Login(kViewer, kPassword);
  ASSERT_EQ(r.status, 429) << r.body;
  EXPECT_EQ(r.json["error"]["code"], "too_many_requests");
  const std::string retry_after = r.Header("Retry-After");
  ASSERT_FALSE(retry_after.empty());
  EXPECT_GT(std::stoll(retry_after), 0);
  EXPECT_TRUE(client.session_cookie().empty());
  // Another user from the same address is not locked out by someone else's failures.
  EXPECT_EQ(server().Client().Login(kClerk, kPassword).status, 200);
}

TEST_P(SessionTest, LogoutEndsTheSessionOnTheServer) {
  HttpClient client = As(kClerk);
  const std::string old_cookie = client.session_cookie();
  HttpResponse out = client.Delete("/api/v1/session");
  ASSERT_EQ(out.status, 204) << out.body;
  EXPECT_THAT(out.Header("Set-Cookie"), HasSubstr("Max-Age=0"));
  EXPECT_TRUE(client.session_cookie().empty());
  // The old cookie replayed by someone who kept it no longer works.
  HttpClient replay = server().Client();
  replay.set_session_cookie(old_cookie);
  EXPECT_EQ(replay.Get("/api/v1/households").status, 401);
  EXPECT_EQ(replay.Get("/api/v1/session").status, 401);
}

TEST_P(SessionTest, RequestsWithoutASessionAreRejectedWith401) {
  HttpClient anonymous = server().Client();
  HttpResponse list = anonymous.Get("/api/v1/households");
  EXPECT_EQ(list.status, 401);
  EXPECT_EQ(list.json["error"]["code"], "unauthenticated");
  EXPECT_EQ(anonymous.Post("/api/v1/households", testing_support::JubouriHousehold()).status, 401);
  EXPECT_EQ(anonymous.Get("/api/v1/audit").status, 401);
  HttpClient forged = server().Client();
  forged.set_session_cookie("made-up-token");
  EXPECT_EQ(forged.Get("/api/v1/households").status, 401);
  EXPECT_EQ(anonymous.Get("/api/v1/health").status, 200);
  HttpClient clerk = As(kClerk);
  EXPECT_EQ(Total(clerk), 0);
}

TEST_P(SessionTest, StateChangesWithoutTheCsrfTokenAreRejectedWith403AndChangeNothing) {
  HttpClient clerk = As(kClerk);
  HttpResponse missing =
      clerk.Post("/api/v1/households", testing_support::JubouriHousehold(), {.send_csrf = false});
  EXPECT_EQ(missing.status, 403) << missing.body;
  EXPECT_EQ(missing.json["error"]["code"], "permission_denied");
  HttpResponse wrong =
      clerk.Post("/api/v1/households", testing_support::JubouriHousehold(),
                 {.send_csrf = false, .headers = {{"X-CSRF-Token", "0123456789abcdef"}}});
  EXPECT_EQ(wrong.status, 403) << wrong.body;
  EXPECT_EQ(Total(clerk), 0);
  // Logging out is a state change too: without the token the session survives.
  EXPECT_EQ(clerk.Delete("/api/v1/session", {.send_csrf = false}).status, 403);
  EXPECT_EQ(clerk.Get("/api/v1/session").status, 200);
  // With the token the same request goes through.
  EXPECT_EQ(clerk.Post("/api/v1/households", testing_support::JubouriHousehold()).status, 201);
}

SANAD_API_TEST_SUITE(SessionTest);

}  // namespace
}  // namespace sanad::api_test
