#include "matching/known_names.h"

#include <string>
#include <unordered_map>
#include <vector>

#include "base/embedded_files.h"
#include "matching/name_keys.h"

namespace sanad::matching {
namespace {

constexpr std::string_view kTablePath = "data/names/demo_names.tsv";
// Arabic spellings are keyed apart from Latin ones: نوال "nual" is not Noel "nual".
constexpr std::string_view kArabicPrefix = "ar:";

bool KnownKeyIsArabic(std::string_view key) { return key.starts_with(kArabicPrefix); }

struct Table {
  std::unordered_map<std::string, std::string> canonical_of;
};

std::vector<std::string_view> Split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t end = s.find(sep, start);
    if (end == std::string_view::npos) end = s.size();
    out.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

// The single token a spelling reduces to, or empty when it has none or several. The target is
// looked up as a Latin spelling.
std::string OneToken(std::string_view spelling, NamePart part) {
  std::vector<NameToken> t = NameTokens(spelling, part, /*use_known=*/false);
  return t.size() == 1 ? KnownKey(t[0].spelling, t[0].arabic) : std::string();
}

Table Build() {
  Table table;
  const std::optional<std::string_view> text = FindEmbeddedFile(kTablePath);
  if (!text) return table;
  for (std::string_view line : Split(*text, '\n')) {
    if (line.empty() || line[0] == '#' || line.starts_with("kind\t")) continue;
    const std::vector<std::string_view> cols = Split(line, '\t');
    if (cols.size() < 5) continue;
    const NamePart part = cols[0] == "family" ? NamePart::kFamily : NamePart::kAny;
    const std::vector<std::string_view> latin = Split(cols[4], ';');
    std::string target = OneToken(latin[0], part);
    if (target.empty() || KnownKeyIsArabic(target)) continue;
    std::vector<std::string_view> spellings = latin;
    spellings.push_back(cols[3]);
    for (std::string_view s : spellings) {
      const std::string raw = OneToken(s, part);
      if (!raw.empty()) table.canonical_of.emplace(raw, target);
    }
  }
  return table;
}

const Table& Shipped() {
  static const Table table = Build();
  return table;
}

}  // namespace

std::string KnownKey(std::string_view spelling, bool arabic) {
  return (arabic ? std::string(kArabicPrefix) : std::string()) + std::string(spelling);
}

std::string_view KnownCanonical(std::string_view key) {
  const Table& t = Shipped();
  auto it = t.canonical_of.find(std::string(key));
  return it == t.canonical_of.end() ? std::string_view() : std::string_view(it->second);
}

}  // namespace sanad::matching
