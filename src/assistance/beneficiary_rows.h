// The printed beneficiary list of a round as a table: one row per household with its token
// (shown with the dash), head, size, entitlement in words, status and an empty signature
// column — shared by the XLSX export and the PDF list. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "assistance/distribution.h"
#include "io/table_writer.h"

namespace sanad::assistance {

// The header row, then one row per beneficiary in list order.
std::vector<io::TableRow> BeneficiaryRows(const Distribution& d,
                                          const std::vector<Beneficiary>& list);
// "2 kit Hygiene kit; 6 piece Blanket" or "150,000 IQD"; item names in `language` (en, ar,
// ckb) where the catalogue has them.
std::string EntitlementText(const Distribution& d, const Entitlement& e,
                            std::string_view language = "en");

}  // namespace sanad::assistance
