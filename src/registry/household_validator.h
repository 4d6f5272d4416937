// Checks a household before it is stored and tidies what may be tidied (trims names, strips
// spaces and dashes from phone numbers). Every problem is reported at once, each with its
// field path ("members[1].birth_date"), so a form can show them all. Thread-safe.
#pragma once

#include <functional>
#include <string_view>

#include "base/partial_date.h"
#include "base/status.h"
#include "registry/household.h"

namespace sanad::registry {

struct ValidationContext {
  std::function<bool(std::string_view pcode)> place_exists;
  PartialDate today;  // dates of birth after it are refused
};

// Tidies *household in place and returns InvalidArgument listing every problem, or ok.
Status ValidateHousehold(Household* household, const ValidationContext& ctx);

bool IsDisplacementStatus(std::string_view s);

}  // namespace sanad::registry
