// PeopleIndex: the registry's people in a matching::PersonIndex, for search in any script and
// spelling and for "possibly already registered" checks. Loaded from the store at start, then
// kept current as a HouseholdObserver of HouseholdService. Keys are member ids, groups are
// organisation ids. Thread-safe: writes are serialised by a mutex; searches go straight to the
// PersonIndex (shared lock) and may run from many threads.
//
// Writes are applied by household version, so a late or out-of-order notice (two edits of one
// household racing, or a notice arriving while Load streams an older snapshot) never brings
// back an older state, and an archived household comes back only when restored (a merge undone).
#pragma once

#include <cstdint>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "matching/person_matcher.h"
#include "registry/household.h"
#include "registry/household_observer.h"
#include "store/database.h"

namespace sanad::registry {

// The matcher's view of one registered member: names as typed, sex as 'f'/'m', the birth date
// with its precision, the household's location as place, the member's phone or else the
// household's, and the number of one identity document (unified card first, then national ID,
// civil ID, passport, other; never the PDS ration card, which the whole household shares).
// Used by the index and by the bulk import.
matching::PersonRecord ToPersonRecord(const Household& household, const Member& member);

class PeopleIndex final : public HouseholdObserver {
 public:
  PeopleIndex() = default;

  // Adds every live person of `db` (one consistent snapshot, streamed); may run while the
  // server already accepts writes. Returns how many people were read.
  Result<size_t> Load(store::Database& db);

  void HouseholdSaved(const Household& h) override;
  void HouseholdArchived(int64_t organisation_id, int64_t household_id) override;

  // The member ids of a household as indexed (empty when unknown or archived).
  std::vector<int64_t> MembersOf(int64_t household_id) const;
  size_t size() const { return index_.size(); }
  const matching::PersonIndex& index() const { return index_; }

 private:
  struct Entry {
    int64_t version = 0;
    std::vector<int64_t> members;
    // Archived after `version`: out of the index until a save at least two versions later
    // (archiving takes version + 1; only a later restore, such as undoing a merge, goes past it).
    bool archived = false;
  };
  // Makes the entry of `h` hold `version`: false when the index already has a newer one;
  // when it had an older one, its members leave the index.
  bool Advance(Entry* e, int64_t version);

  mutable std::mutex mu_;
  std::unordered_map<int64_t, Entry> households_;  // by household id
  matching::PersonIndex index_;
};

}  // namespace sanad::registry
