// Collections at the distribution point: record (once per household and per person per round),
// void, read and list. A collection writes the household's service records in its transaction
// and a void deletes them (docs/programmes.md, "Service records").
#include <algorithm>

#include "assistance/distribution_internal.h"
#include "assistance/distribution_rules.h"
#include "assistance/distribution_service.h"
#include "base/clock.h"
#include "stock/ledger.h"
#include "store/audit_store.h"
#include "store/distribution_store.h"
#include "store/service_record_store.h"
#include "store/stock_ledger_store.h"

namespace sanad::assistance {
namespace {

using internal::Deny;
using internal::Entry;

constexpr size_t kMaxTextChars = 500;
constexpr std::string_view kSource = "collection";

Status NotOpen(const Distribution& d) {
  return {StatusCode::kConflict,
          "collections need an open round; this one is " +
              std::string(DistributionStatusName(d.status)),
          {{"status", "is " + std::string(DistributionStatusName(d.status))}}};
}

std::vector<FieldError> CheckNew(const NewCollection& n) {
  std::vector<FieldError> bad;
  if (n.household_id == 0 && n.token.empty()) {
    bad.push_back({"household_id", "give household_id or token"});
  }
  if (std::find(kCollectors.begin(), kCollectors.end(), n.collector) == kCollectors.end()) {
    bad.push_back({"collector", "must be head, member or proxy"});
  }
  if (n.collector == "member" && n.person_id == 0) {
    bad.push_back({"person_id", "is required when a member collects"});
  }
  if (n.collector == "proxy" && n.proxy_name.empty()) {
    bad.push_back({"proxy_name", "is required when a proxy collects"});
  }
  for (const auto& [field, text] : {std::pair{"proxy_name", &n.proxy_name},
                                    {"proxy_document", &n.proxy_document},
                                    {"note", &n.note}}) {
    if (text->size() > kMaxTextChars) bad.push_back({field, "is too long"});
  }
  return bad;
}

Status AlreadyCollected(store::Connection& c, int64_t distribution_id, int64_t collection_id,
                        PreviousCollection* previous) {
  SANAD_ASSIGN_OR_RETURN(const Collection prev,
                         store::GetCollection(c, distribution_id, collection_id));
  *previous = {.collection_id = prev.id,
               .at = prev.at,
               .by = prev.created_by_name,
               .token = prev.token,
               .household_id = prev.household_id};
  return {StatusCode::kConflict,
          "this household already collected in this round (collection " + std::to_string(prev.id) +
              ", token " + FormatToken(prev.token) + ")",
          {{"household_id", "already collected"}}};
}

// Every live member of the household was served by this collection, on its (UTC) day.
store::ServiceRecordBase RecordsOf(const Distribution& d, const Collection& col) {
  return {.organisation_id = d.organisation_id,
          .project_id = d.project_id,
          .office_id = d.project_office_id,
          .sector = std::string(RoundSector(d)),
          .source = std::string(kSource),
          .source_id = col.id,
          .kind = d.kind,
          .pcode = d.pcode,
          .served_on = FormatUtcDate(col.at)};
}

stock::MovementContext Context(const access::Actor& a, int64_t now) {
  return {.organisation_id = a.organisation_id,
          .user_id = a.user_id,
          .username = a.username,
          .now = now};
}

}  // namespace

Result<CollectionRecord> DistributionService::Collect(const access::Actor& actor, int64_t id,
                                                      const NewCollection& n,
                                                      PreviousCollection* previous) {
  if (!actor.Can(access::Permission::kRecordCollections)) return Deny("record collections");
  auto bad = CheckNew(n);
  std::optional<std::string> token;
  if (!n.token.empty()) {
    token = ParseToken(n.token);
    if (!token) bad.push_back({"token", "is not a token: 8 letters and digits like 7KQ4-9XM2"});
  }
  if (!bad.empty()) return Status::InvalidArgument("the collection has problems", bad);
  const int64_t now = clock_.NowSeconds();
  CollectionRecord out;
  Status s = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) -> Status {
    *previous = {};
    SANAD_ASSIGN_OR_RETURN(const Distribution d,
                           store::GetDistribution(c, actor.organisation_id, id));
    if (d.status != DistributionStatus::kOpen) return NotOpen(d);
    Beneficiary b;
    if (token) {
      SANAD_ASSIGN_OR_RETURN(auto found, store::FindBeneficiaryByToken(c, id, *token));
      if (!found || (n.household_id != 0 && found->household_id != n.household_id)) {
        return Status::InvalidArgument("no household of the list has this token",
                                       {{"token", "is not on the list of this round"}});
      }
      b = std::move(*found);
    } else {
      auto found = store::GetBeneficiary(c, id, n.household_id);
      if (!found.ok()) {
        if (found.status().code() != StatusCode::kNotFound) return found.status();
        return Status::InvalidArgument("the household is not on the list",
                                       {{"household_id", "is not on the list of this round"}});
      }
      b = std::move(*found);
    }
    if (b.collection_id != 0) return AlreadyCollected(c, id, b.collection_id, previous);
    SANAD_ASSIGN_OR_RETURN(const auto members, store::ListHouseholdPeople(c, b.household_id));
    if (n.collector == "member" &&
        std::find(members.begin(), members.end(), n.person_id) == members.end()) {
      return Status::InvalidArgument("the collector is not a member of the household",
                                     {{"person_id", "is not a member of the household"}});
    }
    // Every person of the household and every registration of the same people: a claim on any
    // of them means these people collected already (a dedup decision may have come later).
    SANAD_ASSIGN_OR_RETURN(const auto people, store::LinkedPeople(c, members));
    SANAD_ASSIGN_OR_RETURN(const auto claim, store::FindClaim(c, id, people));
    if (claim) return AlreadyCollected(c, id, *claim, previous);

    Collection col{.distribution_id = id,
                   .organisation_id = actor.organisation_id,
                   .household_id = b.household_id,
                   .token = b.token,
                   .collector = n.collector,
                   .person_id = n.collector == "proxy" ? 0 : n.person_id,
                   .proxy_name = n.collector == "proxy" ? n.proxy_name : "",
                   .proxy_document = n.collector == "proxy" ? n.proxy_document : "",
                   .note = n.note,
                   .at = now,
                   .created_by = actor.user_id,
                   .created_by_name = actor.username};
    SANAD_RETURN_IF_ERROR(store::InsertCollection(c, &col));
    SANAD_ASSIGN_OR_RETURN(const bool marked, store::MarkCollected(c, id, b.household_id, col.id));
    if (!marked) return Status::Conflict("this household already collected in this round");
    for (const int64_t person : people) {
      SANAD_RETURN_IF_ERROR(store::InsertClaim(c, id, person, col.id));
    }
    if (d.kind == "in_kind") {
      std::vector<stock::Need> needs;
      for (const auto& l : b.entitlement.items) {
        needs.push_back({.item_id = l.item_id, .quantity = l.quantity});
      }
      SANAD_ASSIGN_OR_RETURN(out.issued, stock::IssueForCollection(c, Context(actor, now), id,
                                                                   d.warehouse_id, col.id, needs));
    } else if (d.cash && d.cash->mechanism == "cash_in_hand") {
      SANAD_RETURN_IF_ERROR(
          store::PayTransferInHand(c, id, b.household_id, col.id, FormatUtcDate(now), now));
    }
    SANAD_RETURN_IF_ERROR(store::InsertHouseholdRecords(c, RecordsOf(d, col), b.household_id));
    SANAD_RETURN_IF_ERROR(store::AppendAudit(
        c, Entry(actor, now, "collection", "create", col.id,
                 {{.field = "distribution_id", .after = std::to_string(id)},
                  {.field = "household_id", .after = std::to_string(b.household_id)},
                  {.field = "collector", .after = n.collector}})));
    SANAD_ASSIGN_OR_RETURN(out.issued, store::ListCollectionMovements(c, col.id));
    out.collection = std::move(col);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<CollectionRecord> DistributionService::Void(const access::Actor& actor, int64_t id,
                                                   int64_t collection_id,
                                                   const std::string& reason) {
  if (!actor.Can(access::Permission::kRecordCollections)) return Deny("void collections");
  const auto first = reason.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    return Status::InvalidArgument("a reason is required", {{"reason", "is required"}});
  }
  if (reason.size() > kMaxTextChars) {
    return Status::InvalidArgument("the reason is too long", {{"reason", "is too long"}});
  }
  const int64_t now = clock_.NowSeconds();
  CollectionRecord out;
  Status s = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(const Distribution d,
                           store::GetDistribution(c, actor.organisation_id, id));
    SANAD_ASSIGN_OR_RETURN(Collection col, store::GetCollection(c, id, collection_id));
    if (d.status != DistributionStatus::kOpen) return NotOpen(d);
    if (col.voided_at != 0) return Status::Conflict("the collection is already void");
    SANAD_ASSIGN_OR_RETURN(const auto returned,
                           stock::ReturnCollection(c, Context(actor, now), id, collection_id,
                                                   /*into_reservation=*/true));
    (void)returned;
    SANAD_RETURN_IF_ERROR(store::DeleteClaims(c, collection_id));
    SANAD_RETURN_IF_ERROR(store::ClearCollected(c, id, col.household_id));
    col.voided_at = now;
    col.void_reason = reason.substr(first);
    col.voided_by_name = actor.username;
    SANAD_RETURN_IF_ERROR(store::MarkVoided(c, col));
    SANAD_RETURN_IF_ERROR(store::UnpayTransferInHand(c, id, col.household_id, collection_id, now));
    SANAD_RETURN_IF_ERROR(store::DeleteServiceRecords(c, kSource, collection_id).status());
    SANAD_RETURN_IF_ERROR(
        store::AppendAudit(c, Entry(actor, now, "collection", "void", collection_id,
                                    {{.field = "voided_at", .after = FormatUtc(now)},
                                     {.field = "void_reason", .after = col.void_reason}})));
    SANAD_ASSIGN_OR_RETURN(out.issued, store::ListCollectionMovements(c, collection_id));
    out.collection = std::move(col);
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<CollectionRecord> DistributionService::GetCollection(const access::Actor& actor, int64_t id,
                                                            int64_t collection_id) {
  CollectionRecord out;
  Status s = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(store::GetDistribution(c, actor.organisation_id, id).status());
    SANAD_ASSIGN_OR_RETURN(out.collection, store::GetCollection(c, id, collection_id));
    SANAD_ASSIGN_OR_RETURN(out.issued, store::ListCollectionMovements(c, collection_id));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<CollectionPage> DistributionService::Collections(const access::Actor& actor, int64_t id,
                                                        int page, int limit) {
  std::vector<FieldError> bad;
  if (page < 1) bad.push_back({"page", "must be 1 or more"});
  if (limit < 1 || limit > kMaxLimit) bad.push_back({"limit", "must be from 1 to 200"});
  if (!bad.empty()) return Status::InvalidArgument("bad query", bad);
  CollectionPage out{.page = page, .limit = limit};
  Status s = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(store::GetDistribution(c, actor.organisation_id, id).status());
    SANAD_ASSIGN_OR_RETURN(out.items, store::ListCollections(c, id, limit, (page - 1) * limit));
    SANAD_ASSIGN_OR_RETURN(out.total, store::CountCollections(c, id));
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

}  // namespace sanad::assistance
