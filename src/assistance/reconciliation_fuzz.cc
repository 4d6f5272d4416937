// libFuzzer target: a payment provider's reconciliation file must never crash, hang or read
// out of bounds, and a file the check accepts only makes steps the workflow allows, each
// transfer at most once.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <set>

#include "assistance/cash_reconciliation.h"

namespace {

std::vector<sanad::assistance::CashTransfer> Round() {
  std::vector<sanad::assistance::CashTransfer> out;
  const char* statuses[] = {"pending", "paid", "failed", "returned"};
  for (int64_t id = 1; id <= 8; ++id) {
    out.push_back({.id = id,
                   .distribution_id = 3,
                   .amount = 150000,
                   .currency = id % 2 == 0 ? "IQD" : "USD",
                   .status = statuses[id % 4],
                   .provider_reference = id % 3 == 0 ? "ZC-" + std::to_string(id) : ""});
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const auto round = Round();
  const auto file = sanad::assistance::ReadReconciliationCsv(
      "fuzz.csv", std::string_view(reinterpret_cast<const char*>(data), size));
  sanad::assistance::ForeignTransfers foreign;
  foreign.round_of_id[9] = 4;
  foreign.round_of_provider_reference["ZC-OLD"] = 4;
  const auto check = sanad::assistance::CheckReconciliation(file, round, foreign, "2026-12-05");
  if (!check.problems.empty()) return 0;
  std::set<int64_t> changed;
  for (const auto& c : check.changes) {
    if (!sanad::assistance::TransferMayMove(c.from, c.after.status)) std::abort();
    if (!changed.insert(c.after.id).second) std::abort();
  }
  return 0;
}
