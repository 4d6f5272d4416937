#include "access/audit_service.h"

#include "store/audit_store.h"

namespace sanad::access {

Result<AuditPage> AuditService::List(const Actor& actor, const AuditQuery& q) {
  if (!actor.Can(Permission::kReadAudit)) {
    return Status::PermissionDenied("only administrators and supervisors read the audit log");
  }
  std::vector<FieldError> bad;
  if (q.page < 1) bad.push_back({"page", "must be 1 or more"});
  if (q.limit < 1 || q.limit > 200) bad.push_back({"limit", "must be between 1 and 200"});
  if (!bad.empty()) return Status::InvalidArgument("bad audit query", std::move(bad));
  const store::AuditFilter f{.organisation_id = actor.organisation_id,
                             .entity = q.entity,
                             .entity_id = q.entity_id,
                             .limit = q.limit,
                             .offset = (q.page - 1) * q.limit};
  AuditPage page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListAudit(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountAudit(c, f));
    return Status::Ok();
  }));
  return page;
}

}  // namespace sanad::access
