// Building audit entries in the services: an entry by an actor at a time, and the changes of a
// record as the fields whose value differs between two listings of the same fields. Pure.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "access/actor.h"
#include "access/audit_entry.h"

namespace sanad::access {

// A record's audited fields, in a fixed order: (name, value as text).
using AuditFields = std::vector<std::pair<std::string, std::string>>;

// Fields whose value differs, position by position; every non-empty one when `before` is null
// (a record created). `before`, when given, lists the same fields in the same order.
std::vector<FieldChange> DiffFields(const AuditFields* before, const AuditFields& after);

// What `actor` did at `now` to the `entity` `id`.
AuditEntry EntryBy(const Actor& actor, int64_t now, std::string action, std::string entity,
                   int64_t id, std::vector<FieldChange> changes);

}  // namespace sanad::access
