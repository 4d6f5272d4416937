#include "registry/people_index.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "store/people_store.h"

namespace sanad::registry {
namespace {

// Identity documents by how surely they name one person; pds_card is absent on purpose.
constexpr std::array<std::string_view, 5> kIdentityDocuments = {"unified_card", "national_id",
                                                                "civil_id", "passport", "other"};

std::string IdentityDocument(const Member& m) {
  for (const std::string_view type : kIdentityDocuments) {
    for (const Document& d : m.documents) {
      if (d.type == type && !d.number.empty()) return d.number;
    }
  }
  return "";
}

}  // namespace

matching::PersonRecord ToPersonRecord(const Household& household, const Member& member) {
  matching::PersonRecord r{.id = std::to_string(member.id),
                           .given_name = member.given_name,
                           .father_name = member.father_name,
                           .grandfather_name = member.grandfather_name,
                           .family_name = member.family_name,
                           .name_latin = member.name_latin,
                           .pcode = household.location_pcode,
                           .phone = member.phone.empty() ? household.phone : member.phone,
                           .document_number = IdentityDocument(member)};
  if (member.sex == "female") r.sex = 'f';
  if (member.sex == "male") r.sex = 'm';
  if (!member.birth_date.empty()) {
    std::string why;
    r.birth_date = ParsePartialDate(member.birth_date, &why);
  }
  return r;
}

bool PeopleIndex::Advance(Entry* e, int64_t version) {
  if (e->version > version) return false;
  if (e->version < version) {
    for (const int64_t id : e->members) index_.Remove(static_cast<uint64_t>(id));
    e->members.clear();
    e->version = version;
  }
  return true;
}

void PeopleIndex::HouseholdSaved(const Household& h) {
  const std::lock_guard lock(mu_);
  Entry& e = households_[h.id];
  if (e.archived) {
    if (h.version < e.version + 2) return;  // a save from before the archive, arriving late
    e.archived = false;
  }
  if (e.version >= h.version) return;  // a newer (or this very) state is already indexed
  Advance(&e, h.version);
  for (const Member& m : h.members) {
    index_.Upsert(static_cast<uint64_t>(m.id), static_cast<uint64_t>(h.organisation_id),
                  ToPersonRecord(h, m));
    e.members.push_back(m.id);
  }
}

void PeopleIndex::HouseholdArchived(int64_t /*organisation_id*/, int64_t household_id) {
  const std::lock_guard lock(mu_);
  Entry& e = households_[household_id];
  for (const int64_t id : e.members) index_.Remove(static_cast<uint64_t>(id));
  e.members.clear();
  e.archived = true;
}

std::vector<int64_t> PeopleIndex::MembersOf(int64_t household_id) const {
  const std::lock_guard lock(mu_);
  const auto it = households_.find(household_id);
  if (it == households_.end()) return {};
  return it->second.members;
}

Result<size_t> PeopleIndex::Load(store::Database& db) {
  size_t read = 0;
  SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    read = 0;  // the transaction may be retried
    return store::ForEachLivePerson(c, [&](const store::PersonInHousehold& p) {
      ++read;
      const std::lock_guard lock(mu_);
      Entry& e = households_[p.household.id];
      if (!Advance(&e, p.household.version)) return;
      if (std::find(e.members.begin(), e.members.end(), p.member.id) != e.members.end()) return;
      index_.Upsert(static_cast<uint64_t>(p.member.id),
                    static_cast<uint64_t>(p.household.organisation_id),
                    ToPersonRecord(p.household, p.member));
      e.members.push_back(p.member.id);
    });
  }));
  return read;
}

}  // namespace sanad::registry
