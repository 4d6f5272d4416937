// The content of a case — its sections and each module's own fields (docs/cases.md) — checked
// before it is sealed: unknown sections or fields, wrong types and values outside their lists
// are refused with the field's path ("plan.goals[0].actions[1].due"). Pure functions; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "access/case_module.h"
#include "base/status.h"
#include "cases/case.h"

namespace sanad::cases {

// The sections a case's content may hold.
inline constexpr std::string_view kSections[] = {"intake", "consent", "assessment",
                                                 "plan",   "details", "closure"};

// Checks `section` (one of kSections) of a case of `module`, appending problems to *bad with
// paths under the section's name. Normalises in place what has one right form (trims text,
// fills days_to_report from the incident and intake dates).
void CheckSection(access::CaseModule module, std::string_view section, Json* value,
                  std::vector<FieldError>* bad);
// Checks every section present in *content (and that no other key is), as CheckSection.
void CheckContent(access::CaseModule module, Json* content, std::vector<FieldError>* bad);

// A YYYY-MM-DD calendar date.
bool IsFullDate(std::string_view text);

}  // namespace sanad::cases
