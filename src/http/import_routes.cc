// Routes of bulk imports (part of Api): POST /api/v1/imports/households with the file as the
// body (docs/import.md, docs/api.md).
#include "http/api.h"
#include "http/import_problem_json.h"
#include "http/json_response.h"

namespace sanad::http {
namespace {

constexpr std::string_view kXlsxType =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

// The media type without parameters, lower case ("text/csv; charset=utf-8" → "text/csv").
std::string MediaType(const Request& req) {
  std::string t = req.Header("content-type");
  t = t.substr(0, t.find(';'));
  while (!t.empty() && t.back() == ' ') t.pop_back();
  for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return t;
}

Result<bool> BoolParam(const Request& req, const std::string& name, bool fallback) {
  const auto it = req.query.find(name);
  if (it == req.query.end() || it->second.empty()) return fallback;
  if (it->second == "true") return true;
  if (it->second == "false") return false;
  return Status::InvalidArgument("bad query", {{name, "must be true or false"}});
}

Json DuplicateJson(const registry::ProbableDuplicate& d) {
  Json reasons = Json::array();
  for (const auto& r : d.reasons) {
    reasons.push_back({{"field", r.field}, {"weight", r.weight}, {"detail", r.detail}});
  }
  const bool registered = d.household_id != 0;
  return {{"row", d.row},
          {"name", d.name},
          {"household_id", registered ? Json(d.household_id) : Json(nullptr)},
          {"member_id", registered ? Json(d.member_id) : Json(nullptr)},
          {"other_row", registered ? Json(nullptr) : Json(d.other_row)},
          {"other_name", d.other_name},
          {"score", d.score},
          {"reasons", reasons},
          {"skipped", d.skipped}};
}

Json ReportJson(const std::string& source, const registry::ImportReport& r) {
  Json problems = Json::array();
  for (const auto& p : r.problems) problems.push_back(ImportProblemJson(source, p));
  Json duplicates = Json::array();
  for (const auto& d : r.duplicates) duplicates.push_back(DuplicateJson(d));
  return {{"file", source},
          {"dry_run", r.dry_run},
          {"imported", r.imported},
          {"households", r.households},
          {"people", r.people},
          {"households_imported", r.households_imported},
          {"people_imported", r.people_imported},
          {"households_skipped", r.households_skipped},
          {"household_ids", r.household_ids},
          {"problems", problems},
          {"duplicates", duplicates}};
}

}  // namespace

void Api::AddImportRoutes() {
  Authed("POST", "/api/v1/imports/households", [this](Request& req, const access::Session& s) {
    if (!s.actor.Can(access::Permission::kImportHouseholds)) {
      return ErrorResponse(Status::PermissionDenied("your role may not import households"));
    }
    const std::string type = MediaType(req);
    if (type != "text/csv" && type != kXlsxType && type != "application/octet-stream") {
      return BadRequest("send the file as the body with Content-Type text/csv or " +
                        std::string(kXlsxType));
    }
    auto dry_run = BoolParam(req, "dry_run", false);
    if (!dry_run.ok()) return QueryErrorResponse(dry_run.status());
    const std::string policy = req.query["duplicates"];
    if (!policy.empty() && policy != "refuse" && policy != "skip" && policy != "allow") {
      return QueryErrorResponse(
          Status::InvalidArgument("bad query", {{"duplicates", "must be refuse, skip or allow"}}));
    }
    std::string source = req.query["filename"];
    // Named by what the client said it sends: a body declared as XLSX must be a workbook.
    if (source.empty()) source = type == kXlsxType ? "upload.xlsx" : "upload.csv";
    auto report = s_.imports.Import(
        s.actor, {.source = source,
                  .bytes = req.body,
                  .sheet = req.query["sheet"],
                  .dry_run = *dry_run,
                  .duplicates = policy == "skip"    ? registry::DuplicatePolicy::kSkip
                                : policy == "allow" ? registry::DuplicatePolicy::kAllow
                                                    : registry::DuplicatePolicy::kRefuse});
    if (!report.ok()) return ErrorResponse(report.status());
    Json body = ReportJson(source, *report);
    if (report->dry_run || report->imported) return JsonResponse(200, body);
    body["error"] = {
        {"code", "invalid_argument"},
        {"message", "nothing was imported: " + std::to_string(report->problems.size()) +
                        " problems, " + std::to_string(report->duplicates.size()) +
                        " probable duplicates"}};
    return JsonResponse(422, body);
  });
}

}  // namespace sanad::http
