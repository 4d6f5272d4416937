// PeopleService: finding people in the registry by any spelling in any script (search), and
// checking a person being registered against everyone already registered (probable matches).
// It applies the household list's access rules — an actor sees people of their own
// organisation only — and reads the details it shows from the store, so a hit never reveals
// more than the household list would. Thread-safe, like its PeopleIndex and Database.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "access/actor.h"
#include "base/status.h"
#include "matching/person_matcher.h"
#include "registry/household.h"
#include "registry/people_index.h"
#include "store/database.h"

namespace sanad::registry {

// One person found, with their household (no members, no organisation name), the score of the
// match and the reasons for it.
struct PersonHit {
  Household household;
  Member member;
  double score = 0;
  std::vector<matching::MatchReason> reasons;
};

struct PeopleQuery {
  std::string text;  // names in any script and order, a phone or a document number
  int limit = 20;
};

// A person being registered, as typed so far (the fields of Member and Household it uses).
struct MatchQuery {
  std::string given_name;
  std::string father_name;
  std::string grandfather_name;
  std::string family_name;
  std::string name_latin;
  std::string sex;         // female, male or ""
  std::string birth_date;  // "", YYYY, YYYY-MM or YYYY-MM-DD
  std::string location_pcode;
  std::string phone;
  std::string document_number;
  int64_t household_id = 0;  // the household being edited: its own members are not matches
  int limit = 10;
};

struct MatchReport {
  std::vector<PersonHit> matches;  // in the actor's organisation, best first
  // Probable matches registered by other organisations: a count only (least access), at most
  // kMaxOtherOrganisationMatches.
  int other_organisations = 0;
};

class PeopleService {
 public:
  static constexpr int kMaxQueryCharacters = 200;
  static constexpr int kMaxLimit = 50;
  static constexpr int kMaxOtherOrganisationMatches = 20;

  PeopleService(store::Database& db, const PeopleIndex& index) : db_(db), index_(index) {}

  // Best first. InvalidArgument naming `q` or `limit`; PermissionDenied without read access.
  Result<std::vector<PersonHit>> Search(const access::Actor& actor, const PeopleQuery& query);
  // Probable matches (score at least matching::kSuggestThreshold), best first.
  // InvalidArgument naming each bad field; PermissionDenied for roles that cannot register.
  Result<MatchReport> Matches(const access::Actor& actor, const MatchQuery& query);

 private:
  // The hits' people of `organisation_id` from the store, in the order of `hits`.
  Result<std::vector<PersonHit>> Details(int64_t organisation_id,
                                         std::vector<matching::SearchHit> hits);

  store::Database& db_;
  const PeopleIndex& index_;
};

}  // namespace sanad::registry
