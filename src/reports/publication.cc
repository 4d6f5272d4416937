#include "reports/publication.h"

namespace sanad::reports {

Result<Audience> ParseAudience(const std::string& text) {
  if (text.empty() || text == "public") return Audience::kPublic;
  if (text == "internal") return Audience::kInternal;
  return Status::InvalidArgument("unknown audience", {{"audience", "must be public or internal"}});
}

std::string_view AudienceName(Audience a) {
  return a == Audience::kInternal ? "internal" : "public";
}

std::string SuppressionNote(int64_t threshold) {
  return "Counts of people below " + std::to_string(threshold) + " are not shown.";
}

std::string FileNote(Audience a, int64_t threshold) {
  return a == Audience::kInternal ? std::string(kInternalMark) : SuppressionNote(threshold);
}

std::vector<Count> SuppressCumulative(std::span<const int64_t> cumulative, int64_t threshold) {
  std::vector<Count> out;
  out.reserve(cumulative.size());
  int64_t last_shown = 0;
  for (int64_t v : cumulative) {
    const int64_t rise = v - last_shown;
    if ((v > 0 && v < threshold) || (rise > 0 && rise < threshold)) {
      out.emplace_back(std::nullopt);
      continue;
    }
    out.emplace_back(v);
    last_shown = v;
  }
  return out;
}

std::string CountCell(const Count& c) { return c ? std::to_string(*c) : std::string(); }

}  // namespace sanad::reports
