// The product side of the reports benchmark: reports::ReportService in-process, as the API
// handlers call it — GetDashboard (its read transaction, the checks, every figure of the
// dashboard) and FourW as an internal CSV file (its write transaction with the audit entry of the
// export, the 4W lines, the table, the CSV text). Their answers, the CSV parsed back, become
// Figures lines outside the timing.
#include <chrono>

#include "access/actor.h"
#include "base/clock.h"
#include "io/csv_reader.h"
#include "reports/disclosure.h"
#include "reports/report_service.h"
#include "reports_internal.h"

namespace sanad::bench {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// An M&E officer's view: reads and exports the organisation's reports.
access::Actor Officer(const ReportQuery& q) {
  return {.username = "bench-me",
          .organisation_id = q.organisation_id,
          .organisation_name = q.organisation_name,
          .role = access::Role::kMeOfficer};
}

// Columns of the 4W table (reports/four_w.cc): the descriptive ones, then the counts.
enum FourWColumn : size_t {
  kOrganisation,
  kProjectCode,
  kProjectName,
  kDonor,
  kSector,
  kKind,
  kAdm1Name,
  kAdm1Code,
  kAdm2Name,
  kAdm2Code,
  kMonthStart,
  kFirstCount = 13,  // people reached, female, male, 4 age groups, 4 population groups
  kTimesServed = 24,
  kColumns = 26,
};
constexpr size_t kHeaderRows = 2;  // titles and HXL hashtags
constexpr size_t kMonthChars = 7;

int64_t Number(const std::string& cell) { return cell.empty() ? 0 : std::stoll(cell); }

}  // namespace

Result<TimedFigures> ProductDashboard(store::Database& db, const registry::PlaceDirectory& places,
                                      const ReportQuery& q) {
  const SystemClock clock;
  const reports::ReportService service(db, places, clock, reports::kDefaultDisclosureThreshold);
  const auto start = Clock::now();
  SANAD_ASSIGN_OR_RETURN(reports::Dashboard d,
                         service.GetDashboard(Officer(q), {.period = {q.from, q.to}}));
  TimedFigures out{.seconds = Since(start)};
  Figures& f = out.figures;
  f.people = d.reached.people;
  f.Add("reached", {},
        {{"people", d.reached.people},
         {"counted", d.reached.counted},
         {"times_served", d.reached.times_served},
         {"households", d.reached.households}});
  f.Add("households_collected", {}, {{"households", d.households_collected}});
  for (const auto& m : d.by_month) {
    f.Add("by_month", {m.key}, {{"people", m.people}, {"times_served", m.times_served}});
  }
  for (const auto& s : d.by_sector) {
    f.Add("by_sector", {s.key}, {{"people", s.people}, {"times_served", s.times_served}});
  }
  for (const auto& g : d.by_population_group) {
    f.Add("by_population_group", {g.key}, {{"people", g.people}});
  }
  for (const auto& c : d.by_sex_age)
    f.Add("by_sex_age", {c.sex, c.age_group}, {{"people", c.people}});
  for (const auto& p : d.by_governorate) {
    f.Add("by_governorate", {p.pcode, p.name_en, p.name_ar},
          {{"people", p.people}, {"times_served", p.times_served}});
  }
  for (const auto& p : d.by_district) {
    f.Add("by_district", {p.pcode, p.name_en, p.name_ar},
          {{"people", p.people}, {"times_served", p.times_served}});
  }
  for (const auto& a : d.activities_by_type) {
    f.Add("activities_by_type", {a.type}, {{"held", a.held}, {"participants", a.participants}});
  }
  f.rows = static_cast<int64_t>(f.lines.size());
  f.Sort();
  return out;
}

Result<TimedFigures> ProductFourW(store::Database& db, const registry::PlaceDirectory& places,
                                  const ReportQuery& q) {
  const SystemClock clock;
  reports::ReportService service(db, places, clock, reports::kDefaultDisclosureThreshold);
  const auto start = Clock::now();
  SANAD_ASSIGN_OR_RETURN(
      reports::ReportFile file,
      service.FourW(Officer(q),
                    {.period = {q.from, q.to}, .audience = reports::Audience::kInternal},
                    reports::FileFormat::kCsv));
  TimedFigures out{.seconds = Since(start)};
  Figures& f = out.figures;
  io::CsvReader csv(file.filename, file.body);
  std::vector<std::string> c;
  for (size_t row = 0; csv.Next(&c); ++row) {
    if (row < kHeaderRows) continue;
    if (c.size() != kColumns) {
      return Status::Internal(file.filename + ": a row of " + std::to_string(c.size()) +
                              " columns");
    }
    const size_t n = kFirstCount;
    f.people += Number(c[n]);
    ++f.rows;
    f.Add("4w",
          {c[kOrganisation], c[kProjectCode], c[kProjectName], c[kDonor], c[kSector], c[kKind],
           c[kAdm1Code], c[kAdm1Name], c[kAdm2Code], c[kAdm2Name],
           c[kMonthStart].substr(0, kMonthChars)},
          {{"reached", Number(c[n])},
           {"female", Number(c[n + 1])},
           {"male", Number(c[n + 2])},
           {"age0_5", Number(c[n + 3])},
           {"age6_17", Number(c[n + 4])},
           {"age18_59", Number(c[n + 5])},
           {"age60", Number(c[n + 6])},
           {"idp", Number(c[n + 7])},
           {"returnee", Number(c[n + 8])},
           {"refugee", Number(c[n + 9])},
           {"host", Number(c[n + 10])},
           {"services", Number(c[kTimesServed])}});
  }
  SANAD_RETURN_IF_ERROR(csv.status());
  f.Sort();
  return out;
}

}  // namespace sanad::bench
