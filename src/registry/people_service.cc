#include "registry/people_service.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "store/people_store.h"

namespace sanad::registry {
namespace {

// Characters (code points) of UTF-8 text, not bytes: limits are what a person typed.
size_t Characters(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

std::string_view Trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

void CheckLimit(int limit, std::vector<FieldError>* bad) {
  if (limit < 1 || limit > PeopleService::kMaxLimit) {
    bad->push_back({"limit", "must be between 1 and " + std::to_string(PeopleService::kMaxLimit)});
  }
}

std::vector<FieldError> CheckMatchQuery(const MatchQuery& q) {
  std::vector<FieldError> bad;
  const std::pair<const char*, const std::string*> names[] = {
      {"given_name", &q.given_name},
      {"father_name", &q.father_name},
      {"grandfather_name", &q.grandfather_name},
      {"family_name", &q.family_name},
      {"name_latin", &q.name_latin}};
  bool any_name = false;
  for (const auto& [field, value] : names) {
    any_name = any_name || !Trimmed(*value).empty();
    if (Characters(*value) > PeopleService::kMaxQueryCharacters) {
      bad.push_back({field, "must be at most 200 characters"});
    }
  }
  if (!any_name) bad.push_back({"given_name", "is required (or another part of the name)"});
  if (!q.sex.empty() && q.sex != "female" && q.sex != "male") {
    bad.push_back({"sex", "must be female or male"});
  }
  if (!q.birth_date.empty()) {
    std::string why;
    if (!ParsePartialDate(q.birth_date, &why)) bad.push_back({"birth_date", why});
  }
  for (const auto& [field, value] :
       {std::pair{"location_pcode", &q.location_pcode}, std::pair{"phone", &q.phone},
        std::pair{"document_number", &q.document_number}}) {
    if (Characters(*value) > PeopleService::kMaxQueryCharacters) {
      bad.push_back({field, "must be at most 200 characters"});
    }
  }
  CheckLimit(q.limit, &bad);
  return bad;
}

}  // namespace

Result<std::vector<PersonHit>> PeopleService::Search(const access::Actor& actor,
                                                     const PeopleQuery& q) {
  if (!actor.Can(access::Permission::kReadHouseholds)) {
    return Status::PermissionDenied("your role may not read households");
  }
  std::vector<FieldError> bad;
  const std::string_view text = Trimmed(q.text);
  if (text.empty()) {
    bad.push_back({"q", "is required"});
  } else if (Characters(text) > kMaxQueryCharacters) {
    bad.push_back({"q", "must be at most 200 characters"});
  }
  CheckLimit(q.limit, &bad);
  if (!bad.empty()) return Status::InvalidArgument("bad people search", std::move(bad));
  const auto own = static_cast<uint64_t>(actor.organisation_id);
  auto hits = index_.index().Search(text, static_cast<size_t>(q.limit),
                                    [own](uint64_t group) { return group == own; });
  return Details(actor.organisation_id, std::move(hits));
}

Result<MatchReport> PeopleService::Matches(const access::Actor& actor, const MatchQuery& q) {
  if (!actor.Can(access::Permission::kWriteHouseholds)) {
    return Status::PermissionDenied("your role may not register households");
  }
  if (auto bad = CheckMatchQuery(q); !bad.empty()) {
    return Status::InvalidArgument("bad match query", std::move(bad));
  }
  Household h{.organisation_id = actor.organisation_id,
              .location_pcode = q.location_pcode,
              .phone = q.phone};
  Member m{.given_name = q.given_name,
           .father_name = q.father_name,
           .grandfather_name = q.grandfather_name,
           .family_name = q.family_name,
           .name_latin = q.name_latin,
           .sex = q.sex,
           .birth_date = q.birth_date};
  if (!q.document_number.empty()) m.documents.push_back({"other", q.document_number});
  const matching::PersonRecord record = ToPersonRecord(h, m);
  const double threshold = matching::kSuggestThreshold;

  const std::vector<int64_t> own_members =
      q.household_id > 0 ? index_.MembersOf(q.household_id) : std::vector<int64_t>{};
  const std::unordered_set<uint64_t> skip(own_members.begin(), own_members.end());
  const auto own = static_cast<uint64_t>(actor.organisation_id);
  auto hits = index_.index().FindMatches(record, threshold, q.limit + skip.size(),
                                         [own](uint64_t group) { return group == own; });
  std::erase_if(hits, [&](const matching::SearchHit& hit) { return skip.contains(hit.key); });
  if (hits.size() > static_cast<size_t>(q.limit)) hits.resize(q.limit);

  MatchReport report;
  SANAD_ASSIGN_OR_RETURN(report.matches, Details(actor.organisation_id, std::move(hits)));
  report.other_organisations =
      static_cast<int>(index_.index()
                           .FindMatches(record, threshold, kMaxOtherOrganisationMatches,
                                        [own](uint64_t group) { return group != own; })
                           .size());
  return report;
}

Result<std::vector<PersonHit>> PeopleService::Details(int64_t organisation_id,
                                                      std::vector<matching::SearchHit> hits) {
  std::vector<int64_t> ids;
  ids.reserve(hits.size());
  for (const auto& hit : hits) ids.push_back(static_cast<int64_t>(hit.key));
  std::vector<store::PersonInHousehold> people;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(people, store::GetLivePeople(c, organisation_id, ids));
    return Status::Ok();
  }));
  std::unordered_map<int64_t, store::PersonInHousehold*> by_id;
  for (auto& p : people) by_id[p.member.id] = &p;
  std::vector<PersonHit> out;
  out.reserve(hits.size());
  for (auto& hit : hits) {
    // A person the store no longer has (archived meanwhile) is left out.
    const auto it = by_id.find(static_cast<int64_t>(hit.key));
    if (it == by_id.end()) continue;
    out.push_back({.household = std::move(it->second->household),
                   .member = std::move(it->second->member),
                   .score = hit.score,
                   .reasons = std::move(hit.reasons)});
  }
  return out;
}

}  // namespace sanad::registry
