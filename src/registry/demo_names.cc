#include "registry/demo_names.h"

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <string>

#include "base/embedded_files.h"

namespace sanad::registry {
namespace {

constexpr std::string_view kShippedPath = "data/names/demo_names.tsv";
constexpr std::string_view kHeader = "kind\tcommunity\tsex\tarabic\tlatin";
constexpr size_t kColumns = 5;

std::optional<Community> ParseCommunity(std::string_view s) {
  if (s == "arab") return Community::kArab;
  if (s == "christian") return Community::kChristian;
  if (s == "yazidi") return Community::kYazidi;
  if (s == "kurdish") return Community::kKurdish;
  return std::nullopt;
}

// Splits `s` at `sep` into at most out.size() pieces; returns how many, or out.size() + 1 when
// there were more.
template <size_t N>
size_t Split(std::string_view s, char sep, std::array<std::string_view, N>& out) {
  size_t n = 0;
  while (true) {
    const size_t at = s.find(sep);
    if (n == N) return N + 1;
    out[n++] = s.substr(0, at);
    if (at == std::string_view::npos) return n;
    s.remove_prefix(at + 1);
  }
}

Status LineError(size_t line, const std::string& why) {
  return Status::InvalidArgument("demo names line " + std::to_string(line) + ": " + why);
}

}  // namespace

Result<DemoNames> DemoNames::Parse(std::string_view tsv) {
  DemoNames names;
  bool header_seen = false;
  for (size_t line_no = 1; !tsv.empty(); ++line_no) {
    const size_t end = tsv.find('\n');
    std::string_view line = tsv.substr(0, end);
    tsv.remove_prefix(end == std::string_view::npos ? tsv.size() : end + 1);
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty() || line.starts_with('#')) continue;
    if (!header_seen) {
      if (line != kHeader) return LineError(line_no, "header must be " + std::string(kHeader));
      header_seen = true;
      continue;
    }
    std::array<std::string_view, kColumns> col;
    if (Split(line, '\t', col) != kColumns)
      return LineError(line_no, "needs 5 tab-separated columns");
    const auto community = ParseCommunity(col[1]);
    if (!community) return LineError(line_no, "unknown community " + std::string(col[1]));
    DemoName name;
    name.arabic = col[3];
    name.latin_count = Split(col[4], ';', name.latin);
    if (name.arabic.empty() || name.latin_count > name.latin.size() || name.latin[0].empty()) {
      return LineError(line_no, "needs an Arabic name and one to four Latin spellings");
    }
    const auto c = static_cast<size_t>(*community);
    if (col[0] == "family" && col[2] == "-") {
      names.family_[c].push_back(name);
    } else if (col[0] == "given" && col[2] == "male") {
      names.male_[c].push_back(name);
    } else if (col[0] == "given" && col[2] == "female") {
      names.female_[c].push_back(name);
    } else {
      return LineError(line_no, "kind/sex must be given/male, given/female or family/-");
    }
  }
  for (size_t c = 0; c < kCommunityCount; ++c) {
    if (names.male_[c].empty() || names.female_[c].empty() || names.family_[c].empty()) {
      return Status::InvalidArgument(
          "demo names: every community needs male, female and family names");
    }
  }
  return names;
}

const DemoNames& DemoNames::Shipped() {
  static const DemoNames kShipped = [] {
    const auto text = FindEmbeddedFile(kShippedPath);
    auto parsed = Parse(text.value_or(std::string_view()));
    if (!parsed.ok()) {
      std::fprintf(stderr, "sanad: embedded %s: %s\n", std::string(kShippedPath).c_str(),
                   parsed.status().ToString().c_str());
      std::abort();
    }
    return std::move(parsed).value();
  }();
  return kShipped;
}

}  // namespace sanad::registry
