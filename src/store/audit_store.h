// SQL for the append-only audit log. An entry is written in the same transaction as the
// change it describes, so the log never misses an acknowledged change nor lists one that
// was rolled back.
#pragma once

#include <string>
#include <vector>

#include "access/audit_entry.h"
#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

struct AuditFilter {
  int64_t organisation_id = 0;  // required: the log is read per organisation
  std::string entity;           // "" = any
  int64_t entity_id = 0;        // 0 = any
  bool oldest_first = false;
  int limit = 25;
  int offset = 0;
};

Status AppendAudit(Connection& c, const access::AuditEntry& e);
Result<std::vector<access::AuditEntry>> ListAudit(Connection& c, const AuditFilter& f);
Result<int64_t> CountAudit(Connection& c, const AuditFilter& f);

}  // namespace sanad::store
