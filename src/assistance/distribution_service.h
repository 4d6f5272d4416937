// DistributionService: distribution rounds of the actor's organisation — plan, beneficiary
// list, reservations, collections with the one-collection-per-household rule, the round's
// report (docs/assistance.md). Every write runs in one write transaction with its audit entry;
// a round of another organisation is NotFound. Thread-safe: it holds references to thread-safe
// parts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "access/actor.h"
#include "assistance/distribution.h"
#include "base/clock.h"
#include "base/status.h"
#include "registry/place_directory.h"
#include "stock/stock.h"
#include "store/database.h"

namespace sanad::assistance {

struct DistributionQuery {
  std::string status;  // "" = any
  std::string kind;    // "" = any
  int page = 1;
  int limit = 25;
};

struct DistributionPage {
  std::vector<Distribution> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

// What a plan would draw now, and what it needs.
struct Preview {
  int64_t households = 0;
  int64_t people = 0;
  int64_t duplicates_skipped = 0;
  struct Line {
    BasketLine item;
    int64_t need = 0;
    int64_t available = 0;
    int64_t shortfall = 0;
  };
  std::vector<Line> items;
  int64_t cash_total = 0;  // minor units
};

struct BeneficiaryQuery {
  std::string text;    // names in any script, a token, a document number or a phone
  std::string status;  // listed, collected, "" = both
  int page = 1;
  int limit = 25;
};

struct BeneficiaryPage {
  std::vector<Beneficiary> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

// A collection at the distribution point: by household_id or token.
struct NewCollection {
  int64_t household_id = 0;
  std::string token;
  std::string collector;  // head, member, proxy
  int64_t person_id = 0;
  std::string proxy_name;
  std::string proxy_document;
  std::string note;
};

// A collection and what it handed out.
struct CollectionRecord {
  Collection collection;
  std::vector<stock::Movement> issued;  // issue movements (returns too once voided)
};

struct CollectionPage {
  std::vector<Collection> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

// The collection that already served the same people in the round.
struct PreviousCollection {
  int64_t collection_id = 0;
  int64_t at = 0;
  std::string by;
  std::string token;
  int64_t household_id = 0;
};

struct RoundReport {
  Distribution distribution;
  int64_t reached_households = 0;
  int64_t reached_people = 0;
  int64_t by_head = 0;
  int64_t by_member = 0;
  int64_t by_proxy = 0;
  struct ItemLine {
    BasketLine item;
    int64_t planned = 0;
    int64_t reserved = 0;  // what the plan reserved
    int64_t issued = 0;
    int64_t returned = 0;
    int64_t still_reserved = 0;
    int64_t released = 0;
  };
  std::vector<ItemLine> items;
  struct Cash {
    std::string currency;
    int64_t due = 0, paid = 0, failed = 0, pending = 0, returned = 0;
  };
  std::optional<Cash> cash;
};

class DistributionService {
 public:
  DistributionService(store::Database& db, const registry::PlaceDirectory& places,
                      const Clock& clock)
      : db_(db), places_(places), clock_(clock) {}

  // InvalidArgument naming every bad field; PermissionDenied without kPlanDistributions.
  Result<Distribution> Create(const access::Actor& actor, Distribution d);
  // NotFound for another organisation's round.
  Result<Distribution> Get(const access::Actor& actor, int64_t id);
  Result<DistributionPage> List(const access::Actor& actor, const DistributionQuery& q);
  // Only in draft (Conflict naming `status` otherwise); Conflict naming `version` when stale.
  Result<Distribution> Update(const access::Actor& actor, int64_t id, const DistributionEdit& e);
  // Nothing is written.
  Result<Preview> PreviewPlan(const access::Actor& actor, int64_t id);

  // Workflow steps; each takes the version the caller saw. Conflict naming `status` (with the
  // allowed next steps) out of order, `version` when stale.
  Result<Distribution> Plan(const access::Actor& actor, int64_t id, int64_t version);
  Result<Distribution> BackToDraft(const access::Actor& actor, int64_t id, int64_t version);
  Result<Distribution> Open(const access::Actor& actor, int64_t id, int64_t version);
  Result<Distribution> Close(const access::Actor& actor, int64_t id, int64_t version);
  // `reason` is required.
  Result<Distribution> Cancel(const access::Actor& actor, int64_t id, int64_t version,
                              const std::string& reason);

  Result<BeneficiaryPage> Beneficiaries(const access::Actor& actor, int64_t id,
                                        const BeneficiaryQuery& q);
  // The whole list in order, for printing; audited as one export.
  // `round`, when given, receives the round as read in the same transaction.
  Result<std::vector<Beneficiary>> ExportBeneficiaries(const access::Actor& actor, int64_t id,
                                                       const std::string& format,
                                                       Distribution* round = nullptr);
  // The printed list (assistance/beneficiary_pdf.h) in `language` (en, ar, ckb), audited as an
  // export like ExportBeneficiaries.
  Result<std::string> PrintBeneficiaries(const access::Actor& actor, int64_t id,
                                         const std::string& language);

  // Records a collection: Conflict when the round is not open, when the household (or a
  // registration of the same people) already collected — then *previous names that
  // collection — or when the stock cannot cover the entitlement (`issued[<item_id>]`, nothing
  // is handed out); InvalidArgument naming `household_id`/`token` when not on the list.
  Result<CollectionRecord> Collect(const access::Actor& actor, int64_t id, const NewCollection& n,
                                   PreviousCollection* previous);
  // Undoes a collection while the round is open; `reason` is required.
  Result<CollectionRecord> Void(const access::Actor& actor, int64_t id, int64_t collection_id,
                                const std::string& reason);
  Result<CollectionRecord> GetCollection(const access::Actor& actor, int64_t id,
                                         int64_t collection_id);
  Result<CollectionPage> Collections(const access::Actor& actor, int64_t id, int page, int limit);

  Result<RoundReport> Report(const access::Actor& actor, int64_t id);

  static constexpr int kMaxLimit = 200;

 private:
  Result<Distribution> Move(const access::Actor& actor, int64_t id, int64_t version,
                            DistributionStatus to, const std::string& reason);
  // Problems of a round that need the store: its items and warehouse.
  Status CheckStored(store::Connection& c, const Distribution& d) const;

  store::Database& db_;
  const registry::PlaceDirectory& places_;
  const Clock& clock_;
};

}  // namespace sanad::assistance
