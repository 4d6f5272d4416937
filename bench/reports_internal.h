// Inside the reports benchmark: a report's figures as comparable text lines, the query every
// path answers, and the two paths — the product's reports functions (reports_product.cc) and
// hand-written SQL (reports_peer.cc) — each timing only its own computation, not the conversion
// of its answer into lines. Plain functions; one thread.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "registry/place_directory.h"
#include "store/database.h"

namespace sanad::bench {

// Lines "table<TAB>key…<TAB>name=value…", sorted before they are compared or written, so that
// two answers are equal exactly when their figures are.
struct Figures {
  std::vector<std::string> lines;
  int64_t people = 0;  // people reached in the whole answer, for the measurement
  int64_t rows = 0;    // rows of the report (4W rows, or breakdown lines of the dashboard)

  void Add(std::string_view table, std::initializer_list<std::string_view> keys,
           std::initializer_list<std::pair<std::string_view, int64_t>> values);
  void Sort();
};

// What both paths are asked: one organisation over one period, ages at the end of its year.
struct ReportQuery {
  int64_t organisation_id = 0;
  std::string organisation_name;
  std::string from;  // YYYY-MM-DD
  std::string to;
  int age_year = 0;
};

struct TimedFigures {
  double seconds = 0;  // of the computation only
  Figures figures;
};

// The reports domain functions, in-process, as the API handlers call them.
Result<TimedFigures> ProductDashboard(store::Database& db, const registry::PlaceDirectory& places,
                                      const ReportQuery& q);
Result<TimedFigures> ProductFourW(store::Database& db, const registry::PlaceDirectory& places,
                                  const ReportQuery& q);

// Hand-written SQL giving the same figures, in one read transaction.
Result<TimedFigures> PeerDashboard(store::Database& db, const ReportQuery& q);
Result<TimedFigures> PeerFourW(store::Database& db, const ReportQuery& q);

// Writes the sorted lines, one a line; ReadFigures reads them back.
Status WriteFigures(const std::string& path, const Figures& f);
Result<Figures> ReadFigures(const std::string& path);
// "" when equal, else the first lines that differ (at most `max_lines` of each side).
std::string DescribeDifference(const Figures& a, const Figures& b, size_t max_lines = 10);

}  // namespace sanad::bench
