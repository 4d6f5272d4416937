// What changed between two versions of a household, field by field, for the audit log and
// the household's history. Pure functions; thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "access/audit_entry.h"
#include "registry/household.h"

namespace sanad::registry {

// Every field of the household as "path" → value ("members[0].given_name" → "محمد").
std::map<std::string, std::string> FlattenHousehold(const Household& h);
// Changes from `before` to `after`, sorted by field path; a create diffs from an empty map.
std::vector<access::FieldChange> DiffFields(const std::map<std::string, std::string>& before,
                                            const std::map<std::string, std::string>& after);

}  // namespace sanad::registry
