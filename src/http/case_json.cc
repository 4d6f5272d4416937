#include "http/case_json.h"

#include "base/clock.h"
#include "cases/case_access.h"
#include "cases/case_content.h"

namespace sanad::http {
namespace {

Json UserJson(const cases::CaseUser& u) { return {{"id", u.id}, {"username", u.username}}; }

Json Time(const std::optional<int64_t>& t) { return t ? Json(FormatUtc(*t)) : Json(nullptr); }

std::optional<std::string> OptionalString(const Json& j, const char* key,
                                          std::vector<FieldError>* bad) {
  auto it = j.find(key);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_string()) {
    bad->push_back({key, "must be a string"});
    return std::nullopt;
  }
  return it->get<std::string>();
}

std::optional<std::vector<int64_t>> People(const Json& j, std::vector<FieldError>* bad) {
  auto it = j.find("people");
  if (it == j.end() || it->is_null()) return std::nullopt;
  std::vector<int64_t> out;
  if (!it->is_array()) {
    bad->push_back({"people", "must be a list of person ids"});
    return std::nullopt;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const Json& p = (*it)[i];
    // A person id, or an object with an id (the shape the API returns).
    const Json& id = p.is_object() ? p.value("id", Json()) : p;
    if (!id.is_number_integer()) {
      bad->push_back({"people[" + std::to_string(i) + "]", "must be a person id"});
      continue;
    }
    out.push_back(id.get<int64_t>());
  }
  return out;
}

// `project_id`: a project id, or null for none; absent → nullopt.
std::optional<int64_t> ProjectId(const Json& j, std::vector<FieldError>* bad) {
  auto it = j.find("project_id");
  if (it == j.end()) return std::nullopt;
  if (it->is_null()) return 0;
  if (!it->is_number_integer() || it->get<int64_t>() <= 0) {
    bad->push_back({"project_id", "must be a project id or null"});
    return std::nullopt;
  }
  return it->get<int64_t>();
}

Json Sections(const Json& j) {
  Json out = Json::object();
  for (auto section : cases::kSections) {
    const std::string key(section);
    if (j.contains(key)) out[key] = j[key];
  }
  return out;
}

}  // namespace

Json CaseToJson(const cases::Case& c, const std::vector<cases::CaseStatus>& allowed_next) {
  Json assigned = Json::array();
  for (const auto& u : c.assigned) assigned.push_back(UserJson(u));
  Json people = Json::array();
  for (const auto& p : c.people) {
    people.push_back({{"id", p.id},
                      {"household_id", p.household_id},
                      {"name", p.name},
                      {"name_latin", p.name_latin},
                      {"sex", p.sex},
                      {"birth_date", p.birth_date},
                      {"phone", p.phone},
                      {"pcode", p.pcode}});
  }
  Json dates = Json::object();
  for (size_t i = 0; i < cases::kStatusCount; ++i) {
    dates[std::string(cases::kStatusNames.at(i))] = Time(c.step_at.at(i));
  }
  Json next = Json::array();
  for (auto s : allowed_next) next.push_back(cases::StatusName(s));
  Json j = {{"id", c.id},
            {"reference", c.Reference()},
            {"module", access::CaseModuleName(c.module)},
            {"status", cases::StatusName(c.status)},
            {"risk", cases::RiskName(c.risk)},
            {"version", c.version},
            {"owner", UserJson(c.owner)},
            {"assigned", assigned},
            {"people", people},
            {"project_id", c.project_id == 0 ? Json(nullptr) : Json(c.project_id)},
            {"project",
             c.project_id == 0
                 ? Json(nullptr)
                 : Json{{"id", c.project_id}, {"code", c.project_code}, {"name", c.project_name}}},
            {"dates", dates},
            {"status_since", FormatUtc(c.status_at)},
            {"next_follow_up", c.next_follow_up.empty() ? Json(nullptr) : Json(c.next_follow_up)},
            {"overdue", c.overdue},
            {"allowed_next", next},
            {"created_at", FormatUtc(c.created_at)},
            {"updated_at", FormatUtc(c.updated_at)}};
  for (auto section : cases::kSections) {
    const std::string key(section);
    j[key] = c.content.value(key, Json::object());
  }
  return j;
}

Json CaseSummaryToJson(const cases::CaseSummary& s) {
  return {{"id", s.id},
          {"reference", s.Reference()},
          {"module", access::CaseModuleName(s.module)},
          {"status", cases::StatusName(s.status)},
          {"risk", cases::RiskName(s.risk)},
          {"owner", UserJson(s.owner)},
          {"opened_at", FormatUtc(s.opened_at)},
          {"status_since", FormatUtc(s.status_at)},
          {"next_follow_up", s.next_follow_up.empty() ? Json(nullptr) : Json(s.next_follow_up)},
          {"overdue", s.overdue}};
}

Json CaseEventToJson(const cases::CaseEvent& e) {
  return {{"id", e.id},
          {"at", FormatUtc(e.at)},
          {"user", {{"id", e.user_id}, {"username", e.username}}},
          {"kind", e.kind},
          {"summary", e.summary},
          {"body", e.body}};
}

Json DashboardToJson(const cases::Dashboard& d) {
  Json workers = Json::array();
  for (const auto& w : d.caseworkers) {
    workers.push_back({{"user", UserJson(w.user)},
                       {"open", w.open},
                       {"high_risk", w.high_risk},
                       {"overdue", w.overdue}});
  }
  Json closure = Json::array();
  for (const auto& s : d.closure_requests) closure.push_back(CaseSummaryToJson(s));
  Json overdue = Json::array();
  for (const auto& s : d.overdue) overdue.push_back(CaseSummaryToJson(s));
  return {{"totals",
           {{"open", d.open},
            {"high_risk", d.high_risk},
            {"overdue", d.overdue_count},
            {"closure_requests", d.closure_request_count}}},
          {"caseworkers", workers},
          {"closure_requests", closure},
          {"overdue", overdue}};
}

Response CaseErrorResponse(const Status& st) {
  Response r = ErrorResponse(st);
  if (st.code() != StatusCode::kConflict || st.fields().empty() ||
      st.fields().front().field != "status") {
    return r;
  }
  constexpr std::string_view kPrefix = "allowed next steps: ";
  std::string_view steps = st.fields().front().reason;
  if (!steps.starts_with(kPrefix)) return r;
  steps.remove_prefix(kPrefix.size());
  Json allowed = Json::array();
  while (!steps.empty()) {
    const size_t comma = steps.find(", ");
    const std::string_view step = steps.substr(0, comma);
    if (step != "none") allowed.push_back(std::string(step));
    if (comma == std::string_view::npos) break;
    steps.remove_prefix(comma + 2);
  }
  Json body = Json::parse(r.body);
  body["error"]["allowed_next"] = allowed;
  r.body = body.dump();
  return r;
}

Response CaseResponse(int status, const access::Actor& actor, const Result<cases::Case>& c) {
  if (!c.ok()) return CaseErrorResponse(c.status());
  Response r = JsonResponse(status, CaseToJson(*c, cases::StepsFor(actor, *c)));
  r.headers.emplace_back("ETag", ETagOf(c->version));
  r.headers.emplace_back("Cache-Control", "no-store");
  if (status == 201) r.headers.emplace_back("Location", "/api/v1/cases/" + std::to_string(c->id));
  return r;
}

Result<cases::NewCase> NewCaseFromJson(const Json& j) {
  std::vector<FieldError> bad;
  cases::NewCase out{.module = OptionalString(j, "module", &bad).value_or(""),
                     .risk = OptionalString(j, "risk", &bad).value_or(""),
                     .person_ids = People(j, &bad).value_or(std::vector<int64_t>{}),
                     .content = Sections(j),
                     .next_follow_up = OptionalString(j, "next_follow_up", &bad).value_or(""),
                     .project_id = ProjectId(j, &bad).value_or(0)};
  if (out.module.empty()) bad.push_back({"module", "is required"});
  if (out.risk.empty()) bad.push_back({"risk", "is required"});
  if (!bad.empty()) return Status::InvalidArgument("the case has problems", std::move(bad));
  return out;
}

Result<cases::CaseEdit> CaseEditFromJson(const Json& j, int64_t version) {
  std::vector<FieldError> bad;
  cases::CaseEdit out{.version = version,
                      .risk = OptionalString(j, "risk", &bad),
                      .person_ids = People(j, &bad),
                      .project_id = ProjectId(j, &bad),
                      .sections = Sections(j)};
  if (j.contains("next_follow_up")) {
    out.next_follow_up = OptionalString(j, "next_follow_up", &bad).value_or("");
  }
  if (!bad.empty()) return Status::InvalidArgument("the edit has problems", std::move(bad));
  return out;
}

}  // namespace sanad::http
