// SQL of distribution rounds (migration 0005_assistance.sql): rounds, their beneficiary lists,
// collections and the claims that keep one collection per person per round, the candidates a
// plan draws from, and the pending cash transfers a cash round's plan creates. The rules are
// assistance/'s; these functions only read and write, on a Connection inside the caller's
// transaction. Every read of a round is scoped to one organisation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "assistance/distribution.h"
#include "base/status.h"
#include "registry/household.h"
#include "store/database.h"

namespace sanad::store {

// Inserts *d (version 1); fills id, version and times.
Status InsertDistribution(Connection& c, assistance::Distribution* d, int64_t actor_id,
                          int64_t now);
// With its warehouse's name, its basket's item names and its live collections counted.
// NotFound when the organisation has no such round.
Result<assistance::Distribution> GetDistribution(Connection& c, int64_t organisation_id,
                                                 int64_t id);
// Writes every field of *d over the stored version `expected_version` and bumps d->version:
// NotFound when the organisation has no such round, Conflict naming `version` when stale.
Status SaveDistribution(Connection& c, assistance::Distribution* d, int64_t expected_version,
                        int64_t actor_id, int64_t now);

struct DistributionFilter {
  int64_t organisation_id = 0;
  std::string status;  // "" = any
  std::string kind;    // "" = any
  int limit = 25;
  int offset = 0;
};
// Newest first.
Result<std::vector<assistance::Distribution>> ListDistributions(Connection& c,
                                                                const DistributionFilter& f);
Result<int64_t> CountDistributions(Connection& c, const DistributionFilter& f);

// Whether the organisation has the item (any state) / an active warehouse.
Result<bool> ItemExists(Connection& c, int64_t organisation_id, int64_t item_id);
Result<bool> WarehouseExists(Connection& c, int64_t organisation_id, int64_t warehouse_id);

// The organisation's live households at or under `pcode` ("" = anywhere), oldest registration
// first, with their live members, and every non-archived member (merged ones too) in
// `people[i]` for households[i].
struct CandidateRows {
  std::vector<registry::Household> households;
  std::vector<std::vector<int64_t>> people;
};
Result<CandidateRows> ListCandidates(Connection& c, int64_t organisation_id,
                                     const std::string& pcode);
// (member, merged_into) of every merged member of the organisation.
Result<std::vector<std::pair<int64_t, int64_t>>> ListMergeLinks(Connection& c,
                                                                int64_t organisation_id);
// People with a live collection claim in another round of the organisation since `since`.
Result<std::vector<int64_t>> ListRecentlyAssisted(Connection& c, int64_t organisation_id,
                                                  int64_t except_distribution, int64_t since);

Status InsertBeneficiary(Connection& c, int64_t distribution_id, const assistance::Beneficiary& b);
Status DeleteBeneficiaries(Connection& c, int64_t distribution_id);
// NotFound when the household is not on the round's list.
Result<assistance::Beneficiary> GetBeneficiary(Connection& c, int64_t distribution_id,
                                               int64_t household_id);
Result<std::optional<assistance::Beneficiary>> FindBeneficiaryByToken(Connection& c,
                                                                      int64_t distribution_id,
                                                                      const std::string& token);
// Marks the household collected by `collection_id`, only while it is not: false when it already
// is (nothing changes).
Result<bool> MarkCollected(Connection& c, int64_t distribution_id, int64_t household_id,
                           int64_t collection_id);
Status ClearCollected(Connection& c, int64_t distribution_id, int64_t household_id);

struct BeneficiaryFilter {
  int64_t distribution_id = 0;
  std::vector<std::string> terms;  // normalised words, each in the household's search text
  std::string token;               // or this token ("" = none)
  std::string status;              // listed, collected, "" = both
  int limit = 25;
  int offset = 0;
};
// In list order, with live members and collections filled.
Result<std::vector<assistance::Beneficiary>> ListBeneficiaries(Connection& c,
                                                               const BeneficiaryFilter& f);
Result<int64_t> CountBeneficiaries(Connection& c, const BeneficiaryFilter& f);
// Every entitlement of the list (for the report).
Result<std::vector<assistance::Entitlement>> ListEntitlements(Connection& c,
                                                              int64_t distribution_id);

// Fills c->id.
Status InsertCollection(Connection& c, assistance::Collection* col);
// NotFound when the round has no such collection.
Result<assistance::Collection> GetCollection(Connection& c, int64_t distribution_id, int64_t id);
// Newest first.
Result<std::vector<assistance::Collection>> ListCollections(Connection& c, int64_t distribution_id,
                                                            int limit, int offset);
Result<int64_t> CountCollections(Connection& c, int64_t distribution_id);
// Live collections of the round by collector (head, member, proxy), and the people reached.
struct Reach {
  int64_t households = 0;
  int64_t people = 0;
  int64_t by_head = 0;
  int64_t by_member = 0;
  int64_t by_proxy = 0;
};
Result<Reach> CountReach(Connection& c, int64_t distribution_id);
Status MarkVoided(Connection& c, const assistance::Collection& col);

// Every non-archived member of the household, merged ones included.
Result<std::vector<int64_t>> ListHouseholdPeople(Connection& c, int64_t household_id);
// `people` and everyone linked to them through merged_into, in either direction, transitively.
Result<std::vector<int64_t>> LinkedPeople(Connection& c, std::vector<int64_t> people);
Status InsertClaim(Connection& c, int64_t distribution_id, int64_t person_id,
                   int64_t collection_id);
// The collection holding a claim of the round on any of `people`; nullopt when none does.
Result<std::optional<int64_t>> FindClaim(Connection& c, int64_t distribution_id,
                                         const std::vector<int64_t>& people);
Status DeleteClaims(Connection& c, int64_t collection_id);

// What the round's collections issued and what voids returned, per item (positive numbers).
struct RoundMovements {
  int64_t item_id = 0;
  int64_t issued = 0;
  int64_t returned = 0;
};
Result<std::vector<RoundMovements>> SumRoundMovements(Connection& c, int64_t distribution_id);

// Cash transfers, the creation side (the cash service owns their life after the plan).
struct NewTransfer {
  int64_t organisation_id = 0;
  int64_t distribution_id = 0;
  int64_t household_id = 0;
  int64_t recipient_id = 0;
  int64_t amount = 0;
  std::string currency;
  std::string mechanism;
};
Status InsertPendingTransfer(Connection& c, const NewTransfer& t, int64_t now);
Status DeleteTransfers(Connection& c, int64_t distribution_id);
// A cancelled round's pending transfers: failed with `reason` (never sent to anyone).
Status FailPendingTransfers(Connection& c, int64_t distribution_id, const std::string& reason,
                            int64_t now);
// The household's transfer paid in hand at a collection (pending → paid, reference
// COL-<collection id>) and back to pending when it is voided. Changes nothing when the transfer
// is not in the expected state.
Status PayTransferInHand(Connection& c, int64_t distribution_id, int64_t household_id,
                         int64_t collection_id, const std::string& paid_on, int64_t now);
Status UnpayTransferInHand(Connection& c, int64_t distribution_id, int64_t household_id,
                           int64_t collection_id, int64_t now);
// Amount due (sum), per status: pending, paid (with paid_amount), failed, returned.
struct CashTotals {
  std::string currency;
  int64_t due = 0;
  int64_t paid = 0;  // paid amounts
  int64_t failed = 0;
  int64_t pending = 0;
  int64_t returned = 0;
  int64_t transfers = 0;
};
Result<CashTotals> SumTransfers(Connection& c, int64_t distribution_id);

}  // namespace sanad::store
