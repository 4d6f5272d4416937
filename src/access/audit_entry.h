// AuditEntry: one line of the audit log — who did what to which record, and what changed.
// Plain values; the log itself is append-only (store/audit_store.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace sanad::access {

struct FieldChange {
  std::string field;                  // e.g. "members[1].phone"
  std::optional<std::string> before;  // nullopt: the field did not exist
  std::optional<std::string> after;   // nullopt: the field was removed
  bool operator==(const FieldChange&) const = default;
};

struct AuditEntry {
  int64_t id = 0;
  int64_t at = 0;
  int64_t organisation_id = 0;
  int64_t user_id = 0;
  std::string username;
  std::string action;  // "create", "update", "delete", "login", ...
  std::string entity;  // "household", "user", "organisation"
  int64_t entity_id = 0;
  std::vector<FieldChange> changes;
};

}  // namespace sanad::access
