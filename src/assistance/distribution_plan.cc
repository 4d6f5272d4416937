// Drawing the list (preview and plan) and the shared helpers of distribution_internal.h.
#include <sodium.h>

#include <ctime>
#include <unordered_set>

#include "assistance/distribution_internal.h"
#include "assistance/distribution_service.h"
#include "base/partial_date.h"
#include "store/audit_store.h"
#include "store/distribution_store.h"

namespace sanad::assistance {
namespace internal {

Status Deny(const char* what) {
  return Status::PermissionDenied(std::string("your role may not ") + what);
}

access::AuditEntry Entry(const access::Actor& a, int64_t now, std::string entity,
                         std::string action, int64_t id, std::vector<access::FieldChange> changes) {
  return {.at = now,
          .organisation_id = a.organisation_id,
          .user_id = a.user_id,
          .username = a.username,
          .action = std::move(action),
          .entity = std::move(entity),
          .entity_id = id,
          .changes = std::move(changes)};
}

int64_t DayStart(const std::string& date) {
  std::string why;
  const auto d = ParsePartialDate(date, &why);
  if (!d || d->precision != DatePrecision::kDay) return 0;
  std::tm tm{};
  tm.tm_year = d->year - 1900;
  tm.tm_mon = d->month - 1;
  tm.tm_mday = d->day;
  return timegm(&tm);
}

Result<DrawnList> DrawNow(store::Connection& c, const Distribution& d) {
  SANAD_ASSIGN_OR_RETURN(store::CandidateRows rows,
                         store::ListCandidates(c, d.organisation_id, d.criteria.pcode));
  SANAD_ASSIGN_OR_RETURN(const auto links, store::ListMergeLinks(c, d.organisation_id));
  const Identities identities(links);
  std::unordered_set<int64_t> assisted;
  if (d.criteria.not_assisted_days) {
    const int64_t since = DayStart(d.starts_on) - *d.criteria.not_assisted_days * kSecondsPerDay;
    SANAD_ASSIGN_OR_RETURN(const auto people,
                           store::ListRecentlyAssisted(c, d.organisation_id, d.id, since));
    for (const int64_t p : people) assisted.insert(identities.Of(p));
  }
  DrawnList out;
  out.candidates.reserve(rows.households.size());
  for (size_t i = 0; i < rows.households.size(); ++i) {
    Candidate cand{.household = std::move(rows.households[i])};
    for (const int64_t p : rows.people[i]) {
      const int64_t id = identities.Of(p);
      cand.identities.push_back(id);
      cand.assisted_recently = cand.assisted_recently || assisted.contains(id);
    }
    out.candidates.push_back(std::move(cand));
  }
  out.draw = DrawList(out.candidates, d.criteria, d.starts_on);
  return out;
}

std::vector<stock::Need> NeedsOf(const Distribution& d, const DrawnList& list) {
  std::vector<stock::Need> needs;
  for (const BasketLine& l : d.basket) needs.push_back({.item_id = l.item_id, .quantity = 0});
  for (const size_t i : list.draw.chosen) {
    const auto size = static_cast<int64_t>(list.candidates[i].household.members.size());
    const Entitlement e = EntitlementFor(d, size);
    for (size_t k = 0; k < e.items.size(); ++k) needs[k].quantity += e.items[k].quantity;
  }
  return needs;
}

}  // namespace internal

namespace {

// The member a cash transfer is paid to: the head, else the first live member.
int64_t RecipientOf(const registry::Household& h) {
  for (const auto& m : h.members) {
    if (m.relationship == "head") return m.id;
  }
  return h.members.empty() ? 0 : h.members.front().id;
}

}  // namespace

Result<Preview> DistributionService::PreviewPlan(const access::Actor& actor, int64_t id) {
  Preview out;
  Status s = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(const Distribution d,
                           store::GetDistribution(c, actor.organisation_id, id));
    SANAD_ASSIGN_OR_RETURN(const internal::DrawnList list, internal::DrawNow(c, d));
    out.households = static_cast<int64_t>(list.draw.chosen.size());
    out.duplicates_skipped = list.draw.duplicates_skipped;
    for (const size_t i : list.draw.chosen) {
      const auto size = static_cast<int64_t>(list.candidates[i].household.members.size());
      out.people += size;
      out.cash_total += EntitlementFor(d, size).cash;
    }
    const auto needs = internal::NeedsOf(d, list);
    for (size_t k = 0; k < d.basket.size(); ++k) {
      SANAD_ASSIGN_OR_RETURN(const stock::Availability a,
                             stock::ItemAvailability(c, d.warehouse_id, d.basket[k].item_id));
      const int64_t available = std::max<int64_t>(a.available(), 0);
      out.items.push_back({.item = d.basket[k],
                           .need = needs[k].quantity,
                           .available = available,
                           .shortfall = std::max<int64_t>(needs[k].quantity - available, 0)});
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Status internal::PlanRound(store::Connection& c, Distribution* d, int64_t now) {
  SANAD_ASSIGN_OR_RETURN(const internal::DrawnList list, internal::DrawNow(c, *d));
  if (sodium_init() < 0) return Status::Internal("libsodium failed to initialise");
  std::unordered_set<std::string> tokens;
  d->households = d->people = 0;
  for (const size_t i : list.draw.chosen) {
    const registry::Household& h = list.candidates[i].household;
    std::string token;
    do {
      token = MakeToken([](uint32_t n) { return randombytes_uniform(n); });
    } while (!tokens.insert(token).second);
    const auto size = static_cast<int64_t>(h.members.size());
    const Beneficiary b{.household_id = h.id,
                        .position = d->households + 1,
                        .token = token,
                        .size = size,
                        .entitlement = EntitlementFor(*d, size)};
    SANAD_RETURN_IF_ERROR(store::InsertBeneficiary(c, d->id, b));
    if (d->cash) {
      SANAD_RETURN_IF_ERROR(store::InsertPendingTransfer(c,
                                                         {.organisation_id = d->organisation_id,
                                                          .distribution_id = d->id,
                                                          .household_id = h.id,
                                                          .recipient_id = RecipientOf(h),
                                                          .amount = b.entitlement.cash,
                                                          .currency = d->cash->currency,
                                                          .mechanism = d->cash->mechanism},
                                                         now));
    }
    ++d->households;
    d->people += size;
  }
  d->duplicates_skipped = list.draw.duplicates_skipped;
  if (d->kind == "in_kind") {
    SANAD_ASSIGN_OR_RETURN(
        const auto reserved,
        stock::ReserveForRound(c, d->id, d->warehouse_id, internal::NeedsOf(*d, list)));
    (void)reserved;  // a shortfall is allowed; preview and report show it
  }
  return Status::Ok();
}

}  // namespace sanad::assistance
