// Who a report is for and what that changes (docs/programmes.md, "Reports and exports",
// "Disclosure control"): an internal file is exact and marked so in its content and name; a
// public one has its counts of people suppressed by disclosure.h. Also the suppression of a
// cumulative series, which disclosure.h's additive tables do not describe. Pure functions;
// thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "reports/disclosure.h"

namespace sanad::reports {

enum class Audience { kPublic, kInternal };

// "public" (also ""), "internal"; InvalidArgument naming `audience` otherwise.
Result<Audience> ParseAudience(const std::string& text);
std::string_view AudienceName(Audience a);

inline constexpr char kInternalMark[] = "INTERNAL — not for publication";
// "Counts of people below 5 are not shown."
std::string SuppressionNote(int64_t threshold);
// The note a file carries: kInternalMark, or SuppressionNote.
std::string FileNote(Audience a, int64_t threshold);

// A cumulative count by month as published: a month is suppressed when its value is below the
// threshold (and not zero), or when it rose above the last month shown by less than the
// threshold (so the people first reached in between cannot be found by subtraction).
std::vector<Count> SuppressCumulative(std::span<const int64_t> cumulative, int64_t threshold);

// A count as a spreadsheet cell: "" when suppressed.
std::string CountCell(const Count& c);

}  // namespace sanad::reports
