#include "cases/case.h"

#include <cstdio>

namespace sanad::cases {
namespace {

std::string FormatReference(access::CaseModule m, int64_t id) {
  char digits[24];
  std::snprintf(digits, sizeof digits, "%06lld", static_cast<long long>(id));
  return std::string(access::CaseModulePrefix(m)) + "-" + digits;
}

}  // namespace

std::string_view RiskName(Risk r) {
  switch (r) {
    case Risk::kLow:
      return "low";
    case Risk::kMedium:
      return "medium";
    case Risk::kHigh:
      return "high";
  }
  return "medium";
}

std::optional<Risk> ParseRisk(std::string_view name) {
  for (Risk r : {Risk::kLow, Risk::kMedium, Risk::kHigh}) {
    if (RiskName(r) == name) return r;
  }
  return std::nullopt;
}

std::string Case::Reference() const { return FormatReference(module, id); }
std::string CaseSummary::Reference() const { return FormatReference(module, id); }

}  // namespace sanad::cases
