// The wire form of households (docs/api.md, "Household"): to JSON with place names, and from
// JSON for create (whole) and PATCH (fields present replace the stored ones). Type errors are
// collected with their field paths. Thread-safe.
#pragma once

#include <vector>

#include "access/audit_entry.h"
#include "base/status.h"
#include "http/json_response.h"
#include "registry/household.h"
#include "registry/place_directory.h"

namespace sanad::http {

Json HouseholdToJson(const registry::Household& h, const registry::PlaceDirectory& places);
// Applies the fields present in `j` onto *h. Returns InvalidArgument listing fields of the
// wrong JSON type; value rules are the validator's job.
Status ApplyHouseholdJson(const Json& j, registry::Household* h);
Json AuditEntryToJson(const access::AuditEntry& e);

}  // namespace sanad::http
