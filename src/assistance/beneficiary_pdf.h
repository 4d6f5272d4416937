// The printed beneficiary list of a round as a PDF (docs/assistance.md, "Beneficiary list"): one
// row per household with its token and QR code, head, size, entitlement and a signature box,
// labelled in English, Arabic or Sorani (right to left for the last two). Pure function over
// the round and its list; thread-safe (io::WriteListPdf is).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "assistance/distribution.h"
#include "base/status.h"
#include "registry/place_directory.h"

namespace sanad::assistance {

// `language` is "en", "ar" or "ckb" (anything else is English). `printed_at` in seconds.
Result<std::string> BeneficiaryListPdf(const Distribution& d, const std::vector<Beneficiary>& list,
                                       const registry::PlaceDirectory& places,
                                       std::string_view language, int64_t printed_at);

}  // namespace sanad::assistance
