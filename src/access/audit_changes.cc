#include "access/audit_changes.h"

namespace sanad::access {

std::vector<FieldChange> DiffFields(const AuditFields* before, const AuditFields& after) {
  std::vector<FieldChange> out;
  for (size_t i = 0; i < after.size(); ++i) {
    const auto& [field, value] = after[i];
    if (before == nullptr) {
      if (!value.empty()) out.push_back({field, std::nullopt, value});
    } else if ((*before)[i].second != value) {
      out.push_back({field, (*before)[i].second, value});
    }
  }
  return out;
}

AuditEntry EntryBy(const Actor& actor, int64_t now, std::string action, std::string entity,
                   int64_t id, std::vector<FieldChange> changes) {
  return {.at = now,
          .organisation_id = actor.organisation_id,
          .user_id = actor.user_id,
          .username = actor.username,
          .action = std::move(action),
          .entity = std::move(entity),
          .entity_id = id,
          .changes = std::move(changes)};
}

}  // namespace sanad::access
