#include "reports/report_service.h"

#include "programmes/programme.h"
#include "reports/donor_report.h"
#include "reports/indicator_service.h"
#include "reports/reports_internal.h"
#include "store/audit_store.h"
#include "store/indicator_store.h"
#include "store/project_store.h"

namespace sanad::reports {
namespace {

constexpr char kXlsxType[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr char kCsvType[] = "text/csv; charset=utf-8";

// "4w-internal-2026-01-01-2026-06-30.csv": the audience is in the name of an internal file.
std::string FileName(const std::string& stem, Audience audience, const Period& p,
                     const std::string& extension) {
  return stem + (audience == Audience::kInternal ? "-internal" : "") + "-" + p.from + "-" + p.to +
         "." + extension;
}

// The export's audit entry, in a short write transaction of its own once the figures were read
// in a read transaction: a long report never holds SQLite's write lock. The file is given only
// when the entry is written.
Status AuditExport(store::Database& db, const access::Actor& actor, int64_t now,
                   const std::string& report, int64_t project_id, Audience audience,
                   const Period& p, size_t rows) {
  const internal::Fields fields = {{"report", report},
                                   {"audience", std::string(AudienceName(audience))},
                                   {"from", p.from},
                                   {"to", p.to},
                                   {"rows", std::to_string(rows)}};
  return db.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    return store::AppendAudit(c, internal::Entry(actor, now, "export", "report", project_id,
                                                 internal::Diff(nullptr, fields)));
  });
}

Result<ReportFile> Workbook(const std::vector<io::XlsxSheet>& sheets, std::string filename) {
  SANAD_ASSIGN_OR_RETURN(std::string body, io::WriteXlsxSheets(sheets));
  return ReportFile{
      .filename = std::move(filename), .content_type = kXlsxType, .body = std::move(body)};
}

}  // namespace

Period ReportService::YearToDate(const Period& asked) const {
  const std::string today = FormatUtcDate(clock_.NowSeconds());
  Period p = asked;
  if (p.to.empty()) p.to = today;
  if (p.from.empty()) p.from = p.to.substr(0, 4) + "-01-01";
  return p;
}

Status ReportService::CheckFilters(store::Connection& c, const access::Actor& actor,
                                   int64_t project_id, const std::string& sector,
                                   const std::string& pcode) const {
  std::vector<FieldError> bad;
  if (project_id < 0) bad.push_back({"project_id", "must be a project id"});
  if (project_id > 0) {
    SANAD_ASSIGN_OR_RETURN(auto p, store::GetProject(c, actor.organisation_id, project_id));
    if (!p) bad.push_back({"project_id", "is not a project of your organisation"});
  }
  if (!sector.empty() && !programmes::OneOf(programmes::kSectors, sector)) {
    bad.push_back({"sector", "is not a sector"});
  }
  if (!pcode.empty() && !places_.Exists(pcode)) bad.push_back({"pcode", "is not a known place"});
  if (!bad.empty()) return Status::InvalidArgument("bad query", std::move(bad));
  return Status::Ok();
}

Result<Dashboard> ReportService::GetDashboard(const access::Actor& actor, DashboardQuery q) const {
  SANAD_RETURN_IF_ERROR(internal::CheckRead(actor));
  SANAD_RETURN_IF_ERROR(CheckPeriod(q.period.from, q.period.to));
  q.period = YearToDate(q.period);
  SANAD_RETURN_IF_ERROR(CheckPeriod(q.period.from, q.period.to));
  Dashboard out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_RETURN_IF_ERROR(CheckFilters(c, actor, q.project_id, q.sector, q.pcode));
    SANAD_ASSIGN_OR_RETURN(out, ComputeDashboard(c, actor.organisation_id, q, places_));
    return Status::Ok();
  }));
  return out;
}

Result<ReportFile> ReportService::FourW(const access::Actor& actor, FourWQuery q,
                                        FileFormat format) {
  SANAD_RETURN_IF_ERROR(internal::CheckExport(actor));
  SANAD_RETURN_IF_ERROR(CheckPeriod(q.period.from, q.period.to));
  q.period = YearToDate(q.period);
  SANAD_RETURN_IF_ERROR(CheckPeriod(q.period.from, q.period.to));
  const int64_t now = clock_.NowSeconds();
  const std::string today = FormatUtcDate(now);
  std::vector<io::TableRow> rows;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_RETURN_IF_ERROR(CheckFilters(c, actor, q.project_id, q.sector, ""));
    SANAD_ASSIGN_OR_RETURN(
        auto lines, FourWLines(c, actor.organisation_id, actor.organisation_name, q, places_));
    rows = FourWTable(lines, q.audience, threshold_, today);
    return Status::Ok();
  }));
  SANAD_RETURN_IF_ERROR(AuditExport(db_, actor, now,
                                    format == FileFormat::kCsv ? "4w.csv" : "4w.xlsx", q.project_id,
                                    q.audience, q.period, rows.size() - 2));
  if (format == FileFormat::kCsv) {
    return ReportFile{.filename = FileName("4w", q.audience, q.period, "csv"),
                      .content_type = kCsvType,
                      .body = io::WriteCsv(rows)};
  }
  const std::string sheet = q.audience == Audience::kInternal ? "4W INTERNAL" : "4W";
  return Workbook({{sheet, std::move(rows)}, {"About", {{FileNote(q.audience, threshold_)}}}},
                  FileName("4w", q.audience, q.period, "xlsx"));
}

Result<ReportFile> ReportService::DonorReport(const access::Actor& actor, int64_t project_id,
                                              const Period& period, Audience audience) {
  SANAD_RETURN_IF_ERROR(internal::CheckExport(actor));
  SANAD_RETURN_IF_ERROR(CheckPeriod(period.from, period.to));
  const int64_t now = clock_.NowSeconds();
  std::vector<io::XlsxSheet> sheets;
  Period span;
  std::string code;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(auto project, store::GetProject(c, actor.organisation_id, project_id));
    if (!project) return Status::NotFound("project not found");
    span = ProjectPeriod(*project, period, FormatUtcDate(now));
    code = project->code;
    SANAD_ASSIGN_OR_RETURN(
        sheets,
        DonorReportSheets(
            c, {.project = *project, .period = span, .audience = audience, .threshold = threshold_},
            places_));
    return Status::Ok();
  }));
  SANAD_RETURN_IF_ERROR(
      AuditExport(db_, actor, now, "donor_report", project_id, audience, span, sheets.size()));
  // Project codes may hold '/': not in a file name.
  for (char& ch : code) {
    if (ch == '/' || ch == '.') ch = '-';
  }
  return Workbook(sheets, FileName("report-" + code, audience, span, "xlsx"));
}

Result<ReportFile> ReportService::IndicatorWorkbook(const access::Actor& actor, int64_t project_id,
                                                    Audience audience) {
  SANAD_RETURN_IF_ERROR(internal::CheckExport(actor));
  const int64_t now = clock_.NowSeconds();
  const std::string today = FormatUtcDate(now);
  std::vector<io::XlsxSheet> sheets;
  size_t indicators = 0;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_RETURN_IF_ERROR(CheckFilters(c, actor, project_id, "", ""));
    // The projects with active indicators, in the order indicators list them.
    SANAD_ASSIGN_OR_RETURN(auto records,
                           store::ListIndicators(c, {.organisation_id = actor.organisation_id,
                                                     .project_id = project_id,
                                                     .active_only = true,
                                                     .limit = 10'000}));
    std::vector<programmes::Project> projects;
    std::vector<Period> periods;
    for (const auto& r : records) {
      if (!projects.empty() && projects.back().id == r.project_id) continue;
      SANAD_ASSIGN_OR_RETURN(auto p, store::GetProject(c, actor.organisation_id, r.project_id));
      if (!p) continue;
      periods.push_back(ProjectPeriod(*p, {}, today));
      projects.push_back(std::move(*p));
    }
    SANAD_ASSIGN_OR_RETURN(
        sheets, IndicatorWorkbookSheets(c, projects, periods, audience, threshold_, places_));
    indicators = records.size();
    return Status::Ok();
  }));
  SANAD_RETURN_IF_ERROR(
      AuditExport(db_, actor, now, "indicators", project_id, audience, {"", today}, indicators));
  return Workbook(sheets, std::string("indicators") +
                              (audience == Audience::kInternal ? "-internal-" : "-") + today +
                              ".xlsx");
}

}  // namespace sanad::reports
