#include "registry/household_import.h"

#include <cctype>
#include <charconv>
#include <map>
#include <unordered_map>

#include "io/table_reader.h"
#include "registry/household_diff.h"
#include "registry/household_rows.h"
#include "registry/household_service.h"
#include "store/audit_store.h"
#include "store/household_store.h"
#include "store/people_store.h"

namespace sanad::registry {
namespace {

// Matches shown per person: enough to judge, few enough to read.
constexpr size_t kMatchesPerPerson = 3;

std::string PersonName(const Member& m) {
  std::string out;
  for (const std::string* part :
       {&m.given_name, &m.father_name, &m.grandfather_name, &m.family_name}) {
    if (!part->empty()) out += (out.empty() ? "" : " ") + *part;
  }
  if (!m.name_latin.empty()) out += out.empty() ? m.name_latin : " (" + m.name_latin + ")";
  return out;
}

Status Insert(store::Connection& c, const access::Actor& actor, int64_t now, Household* h) {
  h->id = 0;
  h->organisation_id = actor.organisation_id;
  h->organisation_name = actor.organisation_name;
  for (auto& m : h->members) m.id = 0;
  SANAD_RETURN_IF_ERROR(
      store::InsertHousehold(c, h,
                             {.actor_id = actor.user_id,
                              .now = now,
                              .search_text = HouseholdService::BuildSearchText(*h)}));
  return store::AppendAudit(c, {.at = now,
                                .organisation_id = actor.organisation_id,
                                .user_id = actor.user_id,
                                .username = actor.username,
                                .action = "create",
                                .entity = "household",
                                .entity_id = h->id,
                                .changes = DiffFields({}, FlattenHousehold(*h))});
}

}  // namespace

std::string FormatProblem(std::string_view source, const ImportProblem& p) {
  std::string out(source);
  if (p.row > 0) out += ":" + std::to_string(p.row);
  if (p.character > 0) {
    out += ":" + std::to_string(p.character);
  } else if (!p.column.empty()) {
    out += ":" + p.column;
  }
  return out + ": " + p.reason;
}

double HouseholdImporter::ProbableDuplicateScore() { return matching::kSuggestThreshold; }

Result<ImportReport> HouseholdImporter::Import(const access::Actor& actor,
                                               const ImportRequest& request) const {
  if (!actor.Can(access::Permission::kImportHouseholds)) {
    return Status::PermissionDenied("your role may not import households");
  }
  ImportReport report{.dry_run = request.dry_run};
  auto table = io::ReadTable(request.source, request.bytes, {.sheet = request.sheet});
  if (!table.ok()) {
    report.problems.push_back(ReadingProblem(request.source, table.status()));
    return report;
  }
  if (table->rows.size() > static_cast<size_t>(kMaxRows)) {
    report.problems.push_back({.reason = "has more than " + std::to_string(kMaxRows) +
                                         " rows: split it into smaller files"});
    return report;
  }
  const int64_t now = clock_.NowSeconds();
  std::vector<FileHousehold> households =
      HouseholdsFromRows(*table,
                         {.place_exists = [this](std::string_view p) { return places_.Exists(p); },
                          .today = LatestToday(now)},
                         &report.problems);
  report.households = static_cast<int>(households.size());
  for (const auto& h : households) report.people += static_cast<int>(h.rows.size());
  if (!table->rows.empty() && report.households == 0 && report.problems.empty()) {
    report.problems.push_back({.reason = "has no household rows"});
  }
  if (table->header.empty()) report.problems.push_back({.reason = "is empty"});

  // Probable duplicates: among the organisation's registered people, then the file's own
  // earlier rows (a household sent twice from the field).
  const double threshold = ProbableDuplicateScore();
  const auto own = [org = actor.organisation_id](uint64_t group) {
    return group == static_cast<uint64_t>(org);
  };
  matching::PersonIndex earlier_rows;
  std::vector<std::pair<size_t, matching::SearchHit>> registry_hits;  // household index, hit
  std::vector<int64_t> member_ids;
  std::vector<int> hit_rows;
  std::vector<std::string> hit_names;
  for (size_t i = 0; i < households.size(); ++i) {
    FileHousehold& fh = households[i];
    if (!fh.valid) continue;
    std::vector<matching::PersonRecord> records;
    for (size_t m = 0; m < fh.household.members.size(); ++m) {
      const Member& member = fh.household.members[m];
      records.push_back(ToPersonRecord(fh.household, member));
      for (auto& hit :
           people_.index().FindMatches(records.back(), threshold, kMatchesPerPerson, own)) {
        member_ids.push_back(static_cast<int64_t>(hit.key));
        hit_rows.push_back(fh.rows[m]);
        hit_names.push_back(PersonName(member));
        registry_hits.emplace_back(i, std::move(hit));
      }
      for (auto& hit : earlier_rows.FindMatches(records.back(), threshold, kMatchesPerPerson)) {
        fh.duplicate = true;
        report.duplicates.push_back({.row = fh.rows[m],
                                     .name = PersonName(member),
                                     .other_row = static_cast<int>(hit.key),
                                     .score = hit.score,
                                     .reasons = std::move(hit.reasons)});
      }
    }
    for (size_t m = 0; m < records.size(); ++m) {
      earlier_rows.Upsert(static_cast<uint64_t>(fh.rows[m]), 0, records[m]);
    }
  }
  if (!member_ids.empty()) {
    std::unordered_map<int64_t, store::PersonInHousehold> people;
    SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
      SANAD_ASSIGN_OR_RETURN(auto found,
                             store::GetLivePeople(c, actor.organisation_id, member_ids));
      people.clear();
      for (auto& p : found) people.emplace(p.member.id, std::move(p));
      return Status::Ok();
    }));
    for (size_t k = 0; k < registry_hits.size(); ++k) {
      auto& [i, hit] = registry_hits[k];
      const auto it = people.find(static_cast<int64_t>(hit.key));
      if (it == people.end()) continue;  // archived since the index saw it
      households[i].duplicate = true;
      report.duplicates.push_back({.row = hit_rows[k],
                                   .name = hit_names[k],
                                   .household_id = it->second.household.id,
                                   .member_id = it->second.member.id,
                                   .other_name = PersonName(it->second.member),
                                   .score = hit.score,
                                   .reasons = std::move(hit.reasons)});
    }
  }
  std::stable_sort(report.duplicates.begin(), report.duplicates.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
  for (auto& fh : households) {
    if (fh.duplicate && request.duplicates == DuplicatePolicy::kSkip) fh.skip = true;
    report.households_skipped += fh.skip;
  }
  for (auto& d : report.duplicates) {
    d.skipped = request.duplicates == DuplicatePolicy::kSkip;
  }

  const bool refused_duplicates =
      request.duplicates == DuplicatePolicy::kRefuse && !report.duplicates.empty();
  if (request.dry_run || !report.problems.empty() || refused_duplicates) return report;

  std::vector<Household> written;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    written.clear();
    for (const auto& fh : households) {
      if (fh.skip) continue;
      written.push_back(fh.household);
      SANAD_RETURN_IF_ERROR(Insert(c, actor, now, &written.back()));
    }
    return Status::Ok();
  }));
  report.imported = true;
  for (const Household& h : written) {
    if (observer_ != nullptr) observer_->HouseholdSaved(h);
    report.household_ids.push_back(h.id);
    ++report.households_imported;
    report.people_imported += static_cast<int>(h.members.size());
  }
  return report;
}

ImportProblem ReadingProblem(const std::string& source, const Status& s) {
  std::string_view m = s.message();
  ImportProblem p{.reason = std::string(m)};
  if (!m.starts_with(source + ":")) return p;
  m.remove_prefix(source.size() + 1);
  while (!m.empty() && m.front() == ' ') m.remove_prefix(1);
  int line = 0;
  int character = 0;
  auto [a, ea] = std::from_chars(m.data(), m.data() + m.size(), line);
  if (ea != std::errc() || a == m.data() + m.size() || *a != ':') {
    p.reason = std::string(m);
    return p;
  }
  auto [b, eb] = std::from_chars(a + 1, m.data() + m.size(), character);
  if (eb != std::errc() || b + 1 >= m.data() + m.size() || *b != ':') {
    p.reason = std::string(m);
    return p;
  }
  return {.row = line, .character = character, .reason = std::string(b + 2, m.data() + m.size())};
}

std::string ImportHeaderName(std::string_view cell) {
  const auto first = cell.find_first_not_of(" \t");
  if (first == std::string_view::npos) return "";
  cell = cell.substr(first, cell.find_last_not_of(" \t") - first + 1);
  std::string out(cell);
  for (char& ch : out) {
    ch = (ch == ' ' || ch == '-') ? '_'
                                  : static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  return out;
}

}  // namespace sanad::registry
