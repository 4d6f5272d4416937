// AuditService: reading the audit log of the actor's own organisation (admins and
// supervisors). Writing happens inside each domain change's own transaction. Thread-safe.
#pragma once

#include <string>
#include <vector>

#include "access/actor.h"
#include "access/audit_entry.h"
#include "base/status.h"
#include "store/database.h"

namespace sanad::access {

struct AuditQuery {
  std::string entity;
  int64_t entity_id = 0;
  int page = 1;
  int limit = 25;
};

struct AuditPage {
  std::vector<AuditEntry> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

class AuditService {
 public:
  explicit AuditService(store::Database& db) : db_(db) {}
  // PermissionDenied for roles other than admin and supervisor.
  Result<AuditPage> List(const Actor& actor, const AuditQuery& query);

 private:
  store::Database& db_;
};

}  // namespace sanad::access
