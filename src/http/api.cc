#include "http/api.h"

#include <fstream>
#include <sstream>

#include "base/embedded_files.h"
#include "http/json_response.h"

namespace sanad::http {
namespace {

constexpr std::string_view kCookie = "sanad_session";

Json UserJson(const access::Actor& a) {
  return {{"id", a.user_id},
          {"username", a.username},
          {"role", access::RoleName(a.role)},
          {"modules", ModulesJson(a.modules)},
          {"organisation", {{"id", a.organisation_id}, {"name", a.organisation_name}}}};
}

bool ChangesState(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string SessionCookie(const std::string& value, int64_t max_age) {
  return std::string(kCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
}

bool ConstantTimeEqual(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  unsigned char diff = 0;
  for (size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ b[i]);
  return diff == 0;
}

}  // namespace

Api::Api(ApiServices services, std::filesystem::path ui_dir)
    : s_(services), ui_dir_(std::move(ui_dir)) {
  router_.Add("GET", "/api/v1/health", [](Request&) {
    return JsonResponse(200, {{"status", "ok"}});
  });
  router_.Add("GET", "/api/v1/openapi.json", [](Request&) {
    auto doc = FindEmbeddedFile("src/http/openapi.json");
    return Response{.status = 200, .body = std::string(doc.value_or("{}"))};
  });
  AddSessionRoutes();
  AddRegistryRoutes();
  AddPeopleRoutes();
  AddDedupRoutes();
  AddImportRoutes();
  AddAdminRoutes();
  AddCaseRoutes();
  AddCaseActionRoutes();
  AddServiceRoutes();
  AddReferralRoutes();
  AddStockRoutes();
  AddDistributionRoutes();
  AddCashRoutes();
  AddProgrammeRoutes();
  AddActivityRoutes();
  AddPublicRoutes();
  AddIndicatorRoutes();
  AddReportRoutes();
}

std::optional<access::Session> Api::Authenticate(const Request& req, Response* denied) {
  auto session = s_.auth.Authenticate(req.Cookie(kCookie));
  if (!session.ok()) {
    *denied = ErrorResponse(session.status());
    return std::nullopt;
  }
  if (ChangesState(req.method) &&
      !ConstantTimeEqual(req.Header("x-csrf-token"), session->csrf_token)) {
    *denied = ErrorResponse(Status::PermissionDenied("missing or wrong X-CSRF-Token header"));
    return std::nullopt;
  }
  return std::move(session).value();
}

void Api::Authed(const std::string& method, const std::string& pattern, AuthedHandler h) {
  router_.Add(method, pattern, [this, h = std::move(h)](Request& req) {
    Response denied;
    auto session = Authenticate(req, &denied);
    if (!session) return denied;
    return h(req, *session);
  });
}

void Api::AddSessionRoutes() {
  router_.Add("POST", "/api/v1/session", [this](Request& req) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    const auto username =
        body->value("username", Json()).is_string() ? (*body)["username"].get<std::string>() : "";
    const auto password =
        body->value("password", Json()).is_string() ? (*body)["password"].get<std::string>() : "";
    if (username.empty() || password.empty()) {
      std::vector<FieldError> f;
      if (username.empty()) f.push_back({"username", "is required"});
      if (password.empty()) f.push_back({"password", "is required"});
      return ErrorResponse(Status::InvalidArgument("username and password are required", f));
    }
    auto session = s_.auth.Login(username, password, req.remote_address);
    if (!session.ok()) {
      Response r = ErrorResponse(session.status());
      if (session.status().code() == StatusCode::kResourceExhausted) {
        r.headers.emplace_back("Retry-After",
                               std::to_string(s_.auth.RetryAfter(username, req.remote_address)));
      }
      return r;
    }
    Response r = JsonResponse(
        200, {{"user", UserJson(session->actor)}, {"csrf_token", session->csrf_token}});
    r.headers.emplace_back("Set-Cookie",
                           SessionCookie(session->token, access::AuthService::kSessionSeconds));
    return r;
  });
  router_.Add("GET", "/api/v1/session", [this](Request& req) {
    Response denied;
    auto session = Authenticate(req, &denied);
    if (!session) return denied;
    return JsonResponse(200,
                        {{"user", UserJson(session->actor)}, {"csrf_token", session->csrf_token}});
  });
  Authed("DELETE", "/api/v1/session", [this](Request&, const access::Session& session) {
    Status st = s_.auth.Logout(session.token);
    if (!st.ok()) return ErrorResponse(st);
    Response r{.status = 204, .content_type = "application/json"};
    r.headers.emplace_back("Set-Cookie", SessionCookie("", 0));
    return r;
  });
}

Response Api::Handle(Request& req) {
  bool path_known = false;
  if (const Handler* h = router_.Match(req, &path_known)) return (*h)(req);
  if (path_known) {
    return JsonResponse(
        405,
        {{"error",
          {{"code", "method_not_allowed"}, {"message", req.method + " is not allowed here"}}}});
  }
  if (req.path.starts_with("/api/")) {
    return ErrorResponse(Status::NotFound("no such API route: " + req.path));
  }
  if (req.method != "GET" && req.method != "HEAD") {
    return JsonResponse(405,
                        {{"error", {{"code", "method_not_allowed"}, {"message", "not allowed"}}}});
  }
  return ServeStatic(req);
}

Response Api::ServeStatic(const Request& req) const {
  static const std::map<std::string, std::string> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".ico", "image/x-icon"},
      {".geojson", "application/geo+json"}};
  std::filesystem::path rel = std::filesystem::path(req.path).relative_path().lexically_normal();
  if (rel.empty() || rel.string().starts_with("..")) rel = "index.html";
  // The public page (docs/programmes.md) is its own page, not a route of the application.
  if (rel == "public" || rel == "public/") rel = "public.html";
  std::filesystem::path file = ui_dir_ / rel;
  std::error_code ec;
  if (!std::filesystem::is_regular_file(file, ec)) file = ui_dir_ / "index.html";
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return Response{
        .status = 404,
        .content_type = "text/plain; charset=utf-8",
        .body = "The web interface is not built. Run `make build` (or `npm run build` in ui/)."};
  }
  std::ostringstream data;
  data << in.rdbuf();
  auto type = kTypes.find(file.extension().string());
  Response r{.status = 200,
             .content_type = type == kTypes.end() ? "application/octet-stream" : type->second,
             .body = data.str()};
  const bool hashed_asset = rel.string().starts_with("assets/");
  r.headers.emplace_back("Cache-Control",
                         hashed_asset ? "public, max-age=31536000, immutable" : "no-cache");
  r.headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
  return r;
}

}  // namespace sanad::http
