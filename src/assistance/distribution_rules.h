// The pure rules of distribution rounds (docs/assistance.md): the workflow, what a valid round
// is, money in minor units, who meets the criteria, what a household is entitled to, drawing
// the list without duplicate registrations, and beneficiary tokens. No storage; thread-safe.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "assistance/distribution.h"
#include "base/status.h"
#include "registry/household.h"
#include "registry/place_directory.h"

namespace sanad::assistance {

// The statuses a round may move to from `from`.
std::vector<DistributionStatus> AllowedNext(DistributionStatus from);
// Conflict with field `status` ("allowed next steps: open, draft") when `to` is not allowed.
Status CheckStep(DistributionStatus from, DistributionStatus to);

// Every problem of a round that needs nothing stored to find, by field (`basket[1].quantity`,
// `criteria.pcode`, `cash.currency`). Items and the warehouse are checked by the service.
std::vector<FieldError> ValidateDistribution(const Distribution& d,
                                             const registry::PlaceDirectory& places);

// The sector the round's service records count under (docs/programmes.md, "Service records"):
// its own `sector`, else cash → mpca, else from the category of the basket's first item.
std::string_view RoundSector(const Distribution& d);

// Whether the household (its live members) meets the criteria that need only the household:
// everything but not_assisted_days and max_households. `starts_on` is the date ages are
// counted on.
bool MeetsCriteria(const Criteria& c, const registry::Household& h, std::string_view starts_on);

// What a household of `size` live members is given by the round.
Entitlement EntitlementFor(const Distribution& d, int64_t size);

// A household that may be drawn: its live members, and the identities of its people — the
// root of every member (merged ones included) in the forest of merged_into links, so two
// registrations of the same person share an identity.
struct Candidate {
  registry::Household household;
  std::vector<int64_t> identities;
  bool assisted_recently = false;  // for not_assisted_days
};

struct Draw {
  std::vector<size_t> chosen;  // indexes into the candidates, in order
  int64_t duplicates_skipped = 0;
};

// The beneficiary list: the candidates (oldest registration first) meeting the criteria, without
// those sharing an identity with a household already drawn (counted), at most max_households.
Draw DrawList(const std::vector<Candidate>& candidates, const Criteria& c,
              std::string_view starts_on);

// Union-find over merged_into links: Identity(person) is the same for every registration of one
// person.
class Identities {
 public:
  // `links`: (member, merged_into) pairs.
  explicit Identities(const std::vector<std::pair<int64_t, int64_t>>& links);
  int64_t Of(int64_t person) const;

 private:
  std::vector<std::pair<int64_t, int64_t>> parent_;  // sorted by person
};

inline constexpr size_t kTokenLength = 8;
// A token of kTokenLength Crockford base-32 characters; `uniform(n)` returns a uniformly random
// value below n (libsodium's randombytes_uniform in the product).
std::string MakeToken(const std::function<uint32_t(uint32_t)>& uniform);
// "7KQ4-9XM2" for "7KQ49XM2".
std::string FormatToken(std::string_view token);
// What a person typed or a scanner read, as a stored token: dashes and spaces dropped, any case,
// Crockford's look-alikes (I, L → 1; O → 0) read as digits; nullopt when it cannot be a token.
std::optional<std::string> ParseToken(std::string_view text);

// "given father grandfather family", the parts that are known.
std::string FullName(const registry::Member& m);

}  // namespace sanad::assistance
