// The protection modules a case belongs to and a user may work in (docs/cases.md), and the
// set of them a user holds. Pure values and constexpr functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace sanad::access {

enum class CaseModule { kGbv, kChildProtection, kMhpss, kLegal, kHlp, kSpecialNeeds };

// Wire and database names, and the prefix of case references ("GBV-000017"). Inline: the
// store persists users' modules and must not link access/.
struct CaseModuleName {
  CaseModule module;
  std::string_view name;
  std::string_view prefix;
};
inline constexpr std::array<CaseModuleName, 6> kCaseModules = {{
    {CaseModule::kGbv, "gbv", "GBV"},
    {CaseModule::kChildProtection, "child_protection", "CP"},
    {CaseModule::kMhpss, "mhpss", "MHPSS"},
    {CaseModule::kLegal, "legal", "LEGAL"},
    {CaseModule::kHlp, "hlp", "HLP"},
    {CaseModule::kSpecialNeeds, "special_needs", "SN"},
}};

constexpr std::string_view CaseModuleName(CaseModule m) {
  return kCaseModules.at(static_cast<size_t>(m)).name;
}
constexpr std::string_view CaseModulePrefix(CaseModule m) {
  return kCaseModules.at(static_cast<size_t>(m)).prefix;
}
constexpr std::optional<CaseModule> ParseCaseModule(std::string_view name) {
  for (const auto& m : kCaseModules) {
    if (m.name == name) return m.module;
  }
  return std::nullopt;
}

// A set of modules as a bit mask (bit i = module i).
class CaseModuleSet {
 public:
  constexpr CaseModuleSet() = default;
  constexpr bool Has(CaseModule m) const { return (bits_ >> static_cast<unsigned>(m)) & 1U; }
  constexpr void Add(CaseModule m) { bits_ |= 1U << static_cast<unsigned>(m); }
  constexpr bool empty() const { return bits_ == 0; }
  constexpr bool operator==(const CaseModuleSet&) const = default;
  std::vector<CaseModule> List() const {
    std::vector<CaseModule> out;
    for (const auto& m : kCaseModules) {
      if (Has(m.module)) out.push_back(m.module);
    }
    return out;
  }
  // ",gbv,mhpss," — the users.modules column; "" for none.
  std::string Format() const {
    std::string out;
    for (const auto& m : kCaseModules) {
      if (Has(m.module)) out += "," + std::string(m.name);
    }
    return out.empty() ? out : out + ",";
  }
  // Reads Format()'s text; unknown names are ignored (a module removed from the product).
  static CaseModuleSet Parse(std::string_view text) {
    CaseModuleSet s;
    size_t start = 0;
    while (start <= text.size()) {
      size_t end = text.find(',', start);
      if (end == std::string_view::npos) end = text.size();
      if (auto m = ParseCaseModule(text.substr(start, end - start))) s.Add(*m);
      start = end + 1;
    }
    return s;
  }

 private:
  unsigned bits_ = 0;
};

}  // namespace sanad::access
