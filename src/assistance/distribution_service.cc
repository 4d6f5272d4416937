// Rounds: create, read, list, edit and the workflow steps.
#include "assistance/distribution_service.h"

#include <algorithm>

#include "assistance/distribution_internal.h"
#include "assistance/distribution_rules.h"
#include "stock/ledger.h"
#include "store/audit_store.h"
#include "store/distribution_store.h"
#include "store/project_ref_store.h"

namespace sanad::assistance {
namespace {

using access::FieldChange;
using internal::Deny;
using internal::Entry;

constexpr size_t kMaxReasonChars = 2000;

std::string Trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

std::vector<FieldChange> StepChanges(DistributionStatus from, const Distribution& d) {
  return {{.field = "status",
           .before = std::string(DistributionStatusName(from)),
           .after = std::string(DistributionStatusName(d.status))},
          {.field = "households", .after = std::to_string(d.households)},
          {.field = "people", .after = std::to_string(d.people)}};
}

const char* StepAction(DistributionStatus to) {
  switch (to) {
    case DistributionStatus::kPlanned:
      return "plan";
    case DistributionStatus::kOpen:
      return "open";
    case DistributionStatus::kClosed:
      return "close";
    case DistributionStatus::kCancelled:
      return "cancel";
    case DistributionStatus::kDraft:
      return "draft";
  }
  return "update";
}

}  // namespace

Status DistributionService::CheckStored(store::Connection& c, const Distribution& d) const {
  std::vector<FieldError> bad;
  if (d.kind == "in_kind" && d.warehouse_id > 0) {
    SANAD_ASSIGN_OR_RETURN(const bool ok,
                           store::WarehouseExists(c, d.organisation_id, d.warehouse_id));
    if (!ok) bad.push_back({"warehouse_id", "is not an active warehouse of your organisation"});
  }
  if (d.project_id != 0) {
    SANAD_ASSIGN_OR_RETURN(const auto project,
                           store::FindProjectRef(c, d.organisation_id, d.project_id));
    if (!project) bad.push_back({"project_id", "is not a project of your organisation"});
  }
  for (size_t i = 0; i < d.basket.size(); ++i) {
    if (d.basket[i].item_id <= 0) continue;
    SANAD_ASSIGN_OR_RETURN(const bool ok,
                           store::ItemExists(c, d.organisation_id, d.basket[i].item_id));
    if (!ok) {
      bad.push_back(
          {"basket[" + std::to_string(i) + "].item_id", "is not an item of your organisation"});
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("the distribution has problems", bad);
  return Status::Ok();
}

Result<Distribution> DistributionService::Create(const access::Actor& actor, Distribution d) {
  if (!actor.Can(access::Permission::kPlanDistributions)) return Deny("plan distributions");
  d.organisation_id = actor.organisation_id;
  d.status = DistributionStatus::kDraft;
  if (d.kind == "cash") d.warehouse_id = 0;
  auto bad = ValidateDistribution(d, places_);
  if (!bad.empty()) return Status::InvalidArgument("the distribution has problems", bad);
  const int64_t now = clock_.NowSeconds();
  Status s = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(CheckStored(c, d));
    SANAD_RETURN_IF_ERROR(store::InsertDistribution(c, &d, actor.user_id, now));
    std::vector<FieldChange> changes = {{.field = "name", .after = d.name},
                                        {.field = "kind", .after = d.kind}};
    if (d.project_id != 0) {
      changes.push_back({.field = "project_id", .after = std::to_string(d.project_id)});
    }
    if (!d.sector.empty()) changes.push_back({.field = "sector", .after = d.sector});
    SANAD_RETURN_IF_ERROR(
        store::AppendAudit(c, Entry(actor, now, "distribution", "create", d.id, changes)));
    SANAD_ASSIGN_OR_RETURN(d, store::GetDistribution(c, actor.organisation_id, d.id));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return d;
}

Result<Distribution> DistributionService::Get(const access::Actor& actor, int64_t id) {
  Distribution d;
  Status s = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(d, store::GetDistribution(c, actor.organisation_id, id));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return d;
}

Result<DistributionPage> DistributionService::List(const access::Actor& actor,
                                                   const DistributionQuery& q) {
  std::vector<FieldError> bad;
  if (q.page < 1) bad.push_back({"page", "must be 1 or more"});
  if (q.limit < 1 || q.limit > kMaxLimit) bad.push_back({"limit", "must be from 1 to 200"});
  if (!q.status.empty() && !ParseDistributionStatus(q.status)) {
    bad.push_back({"status", "must be draft, planned, open, closed or cancelled"});
  }
  if (!q.kind.empty() && q.kind != "in_kind" && q.kind != "cash") {
    bad.push_back({"kind", "must be in_kind or cash"});
  }
  if (!bad.empty()) return Status::InvalidArgument("bad query", bad);
  DistributionPage out{.page = q.page, .limit = q.limit};
  const store::DistributionFilter f{.organisation_id = actor.organisation_id,
                                    .status = q.status,
                                    .kind = q.kind,
                                    .limit = q.limit,
                                    .offset = (q.page - 1) * q.limit};
  Status s = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(out.items, store::ListDistributions(c, f));
    SANAD_ASSIGN_OR_RETURN(out.total, store::CountDistributions(c, f));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<Distribution> DistributionService::Update(const access::Actor& actor, int64_t id,
                                                 const DistributionEdit& e) {
  if (!actor.Can(access::Permission::kPlanDistributions)) return Deny("plan distributions");
  const int64_t now = clock_.NowSeconds();
  Distribution d;
  Status s = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(d, store::GetDistribution(c, actor.organisation_id, id));
    if (d.version != e.version) {
      return {StatusCode::kConflict,
              "the distribution was changed by someone else",
              {{"version", "is stale: the current version is " + std::to_string(d.version)}}};
    }
    if (d.status != DistributionStatus::kDraft) {
      return {StatusCode::kConflict,
              "only a draft round can be edited",
              {{"status", "allowed next steps: none"}}};
    }
    const Distribution before = d;
    if (e.name) d.name = *e.name;
    if (e.kind) d.kind = *e.kind;
    if (e.project) d.project = *e.project;
    if (e.project_id) d.project_id = *e.project_id;
    if (e.sector) d.sector = *e.sector;
    if (e.pcode) d.pcode = *e.pcode;
    if (e.site) d.site = *e.site;
    if (e.warehouse_id) d.warehouse_id = *e.warehouse_id;
    if (e.starts_on) d.starts_on = *e.starts_on;
    if (e.ends_on) d.ends_on = *e.ends_on;
    if (e.basket) d.basket = *e.basket;
    if (e.cash) d.cash = *e.cash;
    if (e.criteria) d.criteria = *e.criteria;
    if (d.kind == "cash") d.warehouse_id = 0;
    auto bad = ValidateDistribution(d, places_);
    if (!bad.empty()) return Status::InvalidArgument("the distribution has problems", bad);
    SANAD_RETURN_IF_ERROR(CheckStored(c, d));
    SANAD_RETURN_IF_ERROR(store::SaveDistribution(c, &d, e.version, actor.user_id, now));
    std::vector<FieldChange> changes;
    const auto note = [&](const char* field, const std::string& a, const std::string& b) {
      if (a != b) changes.push_back({.field = field, .before = a, .after = b});
    };
    note("name", before.name, d.name);
    note("kind", before.kind, d.kind);
    note("project_id", std::to_string(before.project_id), std::to_string(d.project_id));
    note("sector", before.sector, d.sector);
    note("pcode", before.pcode, d.pcode);
    note("starts_on", before.starts_on, d.starts_on);
    note("ends_on", before.ends_on, d.ends_on);
    note("warehouse_id", std::to_string(before.warehouse_id), std::to_string(d.warehouse_id));
    if (e.basket) changes.push_back({.field = "basket"});
    if (e.cash) changes.push_back({.field = "cash"});
    if (e.criteria) changes.push_back({.field = "criteria"});
    SANAD_RETURN_IF_ERROR(
        store::AppendAudit(c, Entry(actor, now, "distribution", "update", id, changes)));
    SANAD_ASSIGN_OR_RETURN(d, store::GetDistribution(c, actor.organisation_id, id));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return d;
}

Result<Distribution> DistributionService::Move(const access::Actor& actor, int64_t id,
                                               int64_t version, DistributionStatus to,
                                               const std::string& reason) {
  if (!actor.Can(access::Permission::kPlanDistributions)) return Deny("plan distributions");
  const std::string why = Trimmed(reason);
  if (to == DistributionStatus::kCancelled) {
    if (why.empty())
      return Status::InvalidArgument("a reason is required", {{"reason", "is required"}});
    if (why.size() > kMaxReasonChars) {
      return Status::InvalidArgument("the reason is too long", {{"reason", "is too long"}});
    }
  }
  const int64_t now = clock_.NowSeconds();
  Distribution d;
  Status s = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(d, store::GetDistribution(c, actor.organisation_id, id));
    if (d.version != version) {
      return {StatusCode::kConflict,
              "the distribution was changed by someone else",
              {{"version", "is stale: the current version is " + std::to_string(d.version)}}};
    }
    const DistributionStatus from = d.status;
    SANAD_RETURN_IF_ERROR(CheckStep(from, to));
    switch (to) {
      case DistributionStatus::kPlanned: {
        auto bad = ValidateDistribution(d, places_);
        if (!bad.empty()) return Status::InvalidArgument("the distribution has problems", bad);
        SANAD_RETURN_IF_ERROR(CheckStored(c, d));
        SANAD_RETURN_IF_ERROR(internal::PlanRound(c, &d, now));
        d.planned_at = now;
        break;
      }
      case DistributionStatus::kDraft: {
        SANAD_ASSIGN_OR_RETURN(const int64_t collections, store::CountCollections(c, id));
        if (collections > 0) {
          return {StatusCode::kConflict,
                  "the round has collections",
                  {{"status", "allowed next steps: none"}}};
        }
        SANAD_RETURN_IF_ERROR(store::DeleteBeneficiaries(c, id));
        SANAD_RETURN_IF_ERROR(stock::DropRound(c, id));
        SANAD_RETURN_IF_ERROR(store::DeleteTransfers(c, id));
        d.households = d.people = d.duplicates_skipped = 0;
        d.planned_at = 0;
        break;
      }
      case DistributionStatus::kOpen:
        d.opened_at = now;
        break;
      case DistributionStatus::kClosed:
        SANAD_RETURN_IF_ERROR(stock::ReleaseRound(c, id));
        d.closed_at = now;
        break;
      case DistributionStatus::kCancelled:
        SANAD_RETURN_IF_ERROR(stock::ReleaseRound(c, id));
        SANAD_RETURN_IF_ERROR(
            store::FailPendingTransfers(c, id, "distribution cancelled: " + why, now));
        d.cancel_reason = why;
        d.closed_at = now;
        break;
    }
    d.status = to;
    SANAD_RETURN_IF_ERROR(store::SaveDistribution(c, &d, version, actor.user_id, now));
    auto changes = StepChanges(from, d);
    if (!why.empty()) changes.push_back({.field = "reason", .after = why});
    SANAD_RETURN_IF_ERROR(
        store::AppendAudit(c, Entry(actor, now, "distribution", StepAction(to), id, changes)));
    SANAD_ASSIGN_OR_RETURN(d, store::GetDistribution(c, actor.organisation_id, id));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return d;
}

Result<Distribution> DistributionService::Plan(const access::Actor& actor, int64_t id,
                                               int64_t version) {
  return Move(actor, id, version, DistributionStatus::kPlanned, "");
}
Result<Distribution> DistributionService::BackToDraft(const access::Actor& actor, int64_t id,
                                                      int64_t version) {
  return Move(actor, id, version, DistributionStatus::kDraft, "");
}
Result<Distribution> DistributionService::Open(const access::Actor& actor, int64_t id,
                                               int64_t version) {
  return Move(actor, id, version, DistributionStatus::kOpen, "");
}
Result<Distribution> DistributionService::Close(const access::Actor& actor, int64_t id,
                                                int64_t version) {
  return Move(actor, id, version, DistributionStatus::kClosed, "");
}
Result<Distribution> DistributionService::Cancel(const access::Actor& actor, int64_t id,
                                                 int64_t version, const std::string& reason) {
  return Move(actor, id, version, DistributionStatus::kCancelled, reason);
}

}  // namespace sanad::assistance
