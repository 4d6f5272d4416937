// Routes of the service directory (part of Api): list and search, read, create, edit
// (deactivate with `active: false`) and import from CSV. docs/cases.md has the shapes.
#include "http/api.h"
#include "http/import_problem_json.h"
#include "http/json_response.h"
#include "http/route_params.h"
#include "referrals/service_directory.h"

namespace sanad::http {
namespace {

using referrals::Service;

// Fields a client may send back from a read; they are not edited.
constexpr std::string_view kReadOnly[] = {"id",    "version",    "organisation",
                                          "place", "created_at", "updated_at"};

Response NoSuchService() { return ErrorResponse(Status::NotFound("service not found")); }

Json ServiceToJson(const Service& s, const registry::PlaceDirectory& places) {
  const registry::Place* place = places.Find(s.pcode);
  return {{"id", s.id},
          {"version", s.version},
          {"organisation", {{"id", s.organisation_id}, {"name", s.organisation_name}}},
          {"type", s.type},
          {"name", s.name},
          {"pcode", s.pcode},
          {"place",
           {{"name_en", place ? place->name_en : ""}, {"name_ar", place ? place->name_ar : ""}}},
          {"contact_name", s.contact_name},
          {"contact_phone", s.contact_phone},
          {"contact_email", s.contact_email},
          {"eligibility", s.eligibility},
          {"active", s.active},
          {"created_at", FormatUtc(s.created_at)},
          {"updated_at", FormatUtc(s.updated_at)}};
}

// The editable fields of a service body; InvalidArgument naming fields of the wrong type or
// unknown ones.
Result<referrals::ServiceEdit> EditFromJson(const Json& j) {
  referrals::ServiceEdit out;
  std::vector<FieldError> bad;
  const std::pair<const char*, std::optional<std::string>*> texts[] = {
      {"type", &out.type},
      {"name", &out.name},
      {"pcode", &out.pcode},
      {"contact_name", &out.contact_name},
      {"contact_phone", &out.contact_phone},
      {"contact_email", &out.contact_email},
      {"eligibility", &out.eligibility}};
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const auto& [name, field] : texts) {
      if (key != name) continue;
      known = true;
      if (value.is_string()) {
        *field = value.get<std::string>();
      } else if (!value.is_null()) {
        bad.push_back({key, "must be text"});
      }
    }
    if (key == "active") {
      known = true;
      if (value.is_boolean()) {
        out.active = value.get<bool>();
      } else {
        bad.push_back({key, "must be true or false"});
      }
    }
    for (std::string_view r : kReadOnly) known = known || key == r;
    if (!known) bad.push_back({key, "is not a field of a service"});
  }
  if (!bad.empty()) return Status::InvalidArgument("service is invalid", std::move(bad));
  return out;
}

Service NewService(const referrals::ServiceEdit& e) {
  return {.type = e.type.value_or(""),
          .name = e.name.value_or(""),
          .pcode = e.pcode.value_or(""),
          .contact_name = e.contact_name.value_or(""),
          .contact_phone = e.contact_phone.value_or(""),
          .contact_email = e.contact_email.value_or(""),
          .eligibility = e.eligibility.value_or("")};
}

Response ImportResponse(const std::string& source, const referrals::ServiceImportReport& r) {
  Json problems = Json::array();
  Json fields = Json::array();
  for (const auto& p : r.problems) {
    problems.push_back(ImportProblemJson(source, p));
    fields.push_back({{"field", ImportProblemField(p)}, {"reason", p.reason}});
  }
  Json body = {{"file", source},     {"dry_run", r.dry_run},         {"imported", r.imported},
               {"services", r.rows}, {"service_ids", r.service_ids}, {"problems", problems}};
  if (r.problems.empty()) return JsonResponse(r.imported ? 201 : 200, body);
  body["error"] = {
      {"code", "invalid_argument"},
      {"message", "nothing was imported: " + std::to_string(r.problems.size()) + " problems"},
      {"fields", fields}};
  return JsonResponse(422, body);
}

}  // namespace

void Api::AddServiceRoutes() {
  Authed("GET", "/api/v1/services", [this](Request& req, const access::Session& s) {
    auto page = IntParam(req, "page", 1);
    if (!page.ok()) return QueryErrorResponse(page.status());
    auto limit = IntParam(req, "limit", 25);
    if (!limit.ok()) return QueryErrorResponse(limit.status());
    auto organisation = IntParam(req, "organisation_id", 0);
    if (!organisation.ok()) return QueryErrorResponse(organisation.status());
    const std::string active = req.query["active"];
    auto list = s_.services.List(
        s.actor, {.type = req.query["type"],
                  .pcode = req.query["pcode"],
                  .text = req.query["q"],
                  .organisation_id = *organisation,
                  .active = active.empty() ? "true" : active,
                  .page = static_cast<int>(std::clamp<int64_t>(*page, -1, 1'000'000)),
                  .limit = static_cast<int>(std::clamp<int64_t>(*limit, -1, 1'000'000))});
    if (!list.ok()) return QueryErrorResponse(list.status());
    Json items = Json::array();
    for (const auto& svc : list->items) items.push_back(ServiceToJson(svc, s_.places));
    return JsonResponse(
        200,
        {{"items", items}, {"page", list->page}, {"limit", list->limit}, {"total", list->total}});
  });
  Authed("POST", "/api/v1/services", [this](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto edit = EditFromJson(*body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    auto created = s_.services.Create(s.actor, NewService(*edit));
    if (!created.ok()) return ErrorResponse(created.status());
    Response r = JsonResponse(201, ServiceToJson(*created, s_.places));
    r.headers.emplace_back("Location", "/api/v1/services/" + std::to_string(created->id));
    return r;
  });
  Authed("POST", "/api/v1/services/import", [this](Request& req, const access::Session& s) {
    std::string type = req.Header("content-type");
    type = type.substr(0, type.find(';'));
    while (!type.empty() && type.back() == ' ') type.pop_back();
    for (char& c : type) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (type != "text/csv" && type != "text/plain" && type != "application/octet-stream") {
      return BadRequest("send the CSV file as the body with Content-Type text/csv");
    }
    const std::string dry_run = req.query["dry_run"];
    if (!dry_run.empty() && dry_run != "true" && dry_run != "false") {
      return QueryErrorResponse(
          Status::InvalidArgument("bad query", {{"dry_run", "must be true or false"}}));
    }
    std::string source = req.query["filename"];
    if (source.empty()) source = "services.csv";
    auto report = s_.services.Import(
        s.actor, {.source = source, .text = req.body, .dry_run = dry_run == "true"});
    if (!report.ok()) return ErrorResponse(report.status());
    return ImportResponse(source, *report);
  });
  Authed("GET", "/api/v1/services/{id}", [this](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return NoSuchService();
    auto svc = s_.services.Get(s.actor, *id);
    if (!svc.ok()) return ErrorResponse(svc.status());
    Response r = JsonResponse(200, ServiceToJson(*svc, s_.places));
    r.headers.emplace_back("ETag", ETagOf(svc->version));
    return r;
  });
  Authed("PATCH", "/api/v1/services/{id}", [this](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadVersionedChange(req, "service", &refused);
    if (!in) return refused;
    auto edit = EditFromJson(in->body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    edit->version = in->version;
    auto updated = s_.services.Update(s.actor, in->id, *edit);
    if (!updated.ok()) return ErrorResponse(updated.status());
    Response r = JsonResponse(200, ServiceToJson(*updated, s_.places));
    r.headers.emplace_back("ETag", ETagOf(updated->version));
    return r;
  });
}

}  // namespace sanad::http
