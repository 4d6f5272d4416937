// The rules of a service of the directory: a type from the closed list, a name, a known
// P-code, and contacts of the right shape. Pure functions over a PlaceDirectory; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "base/status.h"
#include "referrals/service.h"
#include "registry/place_directory.h"

namespace sanad::referrals {

inline constexpr size_t kMaxServiceNameChars = 200;
inline constexpr size_t kMaxContactChars = 200;
inline constexpr size_t kMaxEmailChars = 254;
inline constexpr size_t kMaxEligibilityChars = 2000;

// Checks *s and normalises in place what has one right form (trimmed text, the phone as
// digits with an optional leading +). Appends one problem per bad field to *bad, named by the
// field ("pcode").
void CheckService(const registry::PlaceDirectory& places, Service* s, std::vector<FieldError>* bad);

// True for "name@example.org": one @, something before it, a domain with a dot after it, no
// spaces. Not a full RFC 5322 parser: it catches the typos people make in a form or a sheet.
bool LooksLikeEmail(std::string_view text);

// "must be one of health, mhpss, ..."
std::string ServiceTypeChoices();

}  // namespace sanad::referrals
