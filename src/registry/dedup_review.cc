// DedupService: reviewing groups — deciding same person (merge) or different people, and
// undoing a decision. Each runs in one write transaction with its audit entries and the rewrite
// of the service records' person_key (docs/programmes.md, "Service records").
#include <algorithm>
#include <map>
#include <optional>

#include "registry/dedup_service.h"
#include "registry/household_diff.h"
#include "registry/household_service.h"
#include "store/audit_store.h"
#include "store/dedup_store.h"
#include "store/household_store.h"
#include "store/merge_store.h"
#include "store/service_record_store.h"

namespace sanad::registry {
namespace {

constexpr std::string_view kSamePerson = "same_person";
constexpr std::string_view kDifferentPeople = "different_people";

access::AuditEntry Entry(const access::Actor& a, int64_t now, std::string action,
                         std::string entity, int64_t id, std::vector<access::FieldChange> changes) {
  return {.at = now,
          .organisation_id = a.organisation_id,
          .user_id = a.user_id,
          .username = a.username,
          .action = std::move(action),
          .entity = std::move(entity),
          .entity_id = id,
          .changes = std::move(changes)};
}

Status CheckVersion(const DedupGroup& g, int64_t expected) {
  if (g.version == expected) return Status::Ok();
  return Status(StatusCode::kConflict,
                "the group was decided or undone by someone else meanwhile: reload it",
                {{"version", "is stale: the current version is " + std::to_string(g.version)}});
}

// Conflict when a member is no longer what the run compared.
Status CheckUnchanged(const DedupGroup& g) {
  for (const DedupGroupMember& m : g.members) {
    std::string why;
    if (m.archived) why = "was archived";
    if (m.merged_into != 0) why = "was merged into another person";
    if (why.empty() && DedupFingerprint(m.household, m.member) != m.fingerprint) {
      why = "was edited";
    }
    if (!why.empty()) {
      return Status(StatusCode::kConflict,
                    "member " + std::to_string(m.member.id) + " " + why +
                        " since the run: run deduplication again",
                    {{"members", "changed since the run"}});
    }
  }
  return Status::Ok();
}

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (const int64_t id : ids) out += (out.empty() ? "" : ", ") + std::to_string(id);
  return out;
}

// The household's audit entry for a merge or undo: what its member list became.
Status AuditHousehold(store::Connection& c, const access::Actor& actor, int64_t now,
                      const std::string& action, int64_t id, const Household& before,
                      const std::optional<Household>& after) {
  auto changes =
      DiffFields(before.id == 0 ? std::map<std::string, std::string>{} : FlattenHousehold(before),
                 after ? FlattenHousehold(*after) : std::map<std::string, std::string>{});
  if (before.id == 0) changes.push_back({"archived", "merged", std::nullopt});
  if (!after) changes.push_back({"archived", std::nullopt, "merged"});
  return store::AppendAudit(c, Entry(actor, now, action, "household", id, std::move(changes)));
}

// The live household `id`, or nullopt when archived.
Result<std::optional<Household>> LiveHousehold(store::Connection& c, int64_t organisation_id,
                                               int64_t id) {
  auto h = store::GetHousehold(c, organisation_id, id);
  if (h.ok()) return std::optional<Household>(std::move(h).value());
  if (h.status().code() == StatusCode::kNotFound) return std::optional<Household>();
  return h.status();
}

// Merges every member of `g` but the kept one into it; archives households left empty.
Status Merge(store::Connection& c, const access::Actor& actor, int64_t now, const DedupGroup& g,
             std::vector<int64_t>* touched) {
  std::map<int64_t, std::vector<int64_t>> merged;  // household → its members merged
  for (const DedupGroupMember& m : g.members) {
    if (m.member.id != g.kept_member_id) merged[m.household.id].push_back(m.member.id);
  }
  std::map<int64_t, Household> before;
  for (const auto& [hid, members] : merged) {
    SANAD_ASSIGN_OR_RETURN(before[hid], store::GetHousehold(c, actor.organisation_id, hid));
  }
  std::vector<int64_t> people = {g.kept_member_id};
  for (const auto& [hid, members] : merged) {
    for (const int64_t id : members) {
      SANAD_RETURN_IF_ERROR(store::MergeMember(c, id, g.kept_member_id));
      people.push_back(id);
    }
  }
  // Whoever was served as one of them is now the kept person in every count of people reached.
  SANAD_RETURN_IF_ERROR(store::RekeyServiceRecords(c, people));
  for (const auto& [hid, members] : merged) {
    SANAD_ASSIGN_OR_RETURN(const int64_t live, store::CountLiveMembers(c, hid));
    const bool archived = live == 0;
    std::optional<Household> after;
    if (archived) {
      SANAD_RETURN_IF_ERROR(store::SetHouseholdArchivedByMerge(c, hid, true, now, actor.user_id));
    } else {
      SANAD_ASSIGN_OR_RETURN(after, store::GetHousehold(c, actor.organisation_id, hid));
      SANAD_RETURN_IF_ERROR(store::SetHouseholdSearchText(
          c, hid, HouseholdService::BuildSearchText(*after), now, actor.user_id));
    }
    for (const int64_t id : members) {
      SANAD_RETURN_IF_ERROR(store::InsertMergeRecord(
          c, g.id, {.member_id = id, .household_id = hid, .household_archived = archived}));
    }
    SANAD_RETURN_IF_ERROR(AuditHousehold(c, actor, now, "merge", hid, before[hid], after));
    touched->push_back(hid);
  }
  return Status::Ok();
}

// Restores what Merge did for group `g`.
Status Unmerge(store::Connection& c, const access::Actor& actor, int64_t now, const DedupGroup& g,
               std::vector<int64_t>* touched) {
  SANAD_ASSIGN_OR_RETURN(const auto records, store::ListMergeRecords(c, g.id));
  std::map<int64_t, std::vector<store::MergeRecord>> by_household;
  std::vector<int64_t> people = {g.kept_member_id};
  for (const auto& r : records) {
    by_household[r.household_id].push_back(r);
    people.push_back(r.member_id);
  }
  for (const auto& [hid, recs] : by_household) {
    SANAD_ASSIGN_OR_RETURN(const std::optional<Household> before,
                           LiveHousehold(c, actor.organisation_id, hid));
    for (const auto& r : recs) {
      SANAD_RETURN_IF_ERROR(store::UnmergeMember(c, r.member_id, g.kept_member_id));
    }
    if (recs.front().household_archived) {
      SANAD_RETURN_IF_ERROR(store::SetHouseholdArchivedByMerge(c, hid, false, now, actor.user_id));
    }
    SANAD_ASSIGN_OR_RETURN(const std::optional<Household> after,
                           LiveHousehold(c, actor.organisation_id, hid));
    if (after) {
      SANAD_RETURN_IF_ERROR(store::SetHouseholdSearchText(
          c, hid, HouseholdService::BuildSearchText(*after), now, actor.user_id));
    }
    SANAD_RETURN_IF_ERROR(
        AuditHousehold(c, actor, now, "unmerge", hid, before.value_or(Household{}), after));
    touched->push_back(hid);
  }
  // Each of them (and whoever was merged into them) is counted as themselves again.
  SANAD_RETURN_IF_ERROR(store::RekeyServiceRecords(c, people));
  return store::DeleteMergeRecords(c, g.id);
}

// Every pair of the group's members, by member id (a < b).
std::vector<std::pair<int64_t, int64_t>> AllPairs(const DedupGroup& g) {
  std::vector<std::pair<int64_t, int64_t>> out;
  for (size_t i = 0; i < g.members.size(); ++i) {
    for (size_t j = i + 1; j < g.members.size(); ++j) {
      const int64_t a = g.members[i].member.id;
      const int64_t b = g.members[j].member.id;
      out.emplace_back(std::min(a, b), std::max(a, b));
    }
  }
  return out;
}

}  // namespace

Result<DedupGroup> DedupService::GetGroup(const access::Actor& actor, int64_t id) {
  SANAD_RETURN_IF_ERROR(Authorise(actor));
  DedupGroup out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::GetDedupGroup(c, actor.organisation_id, id));
    return Status::Ok();
  }));
  return out;
}

Result<DedupGroup> DedupService::Decide(const access::Actor& actor, int64_t group_id,
                                        const DedupDecision& d) {
  SANAD_RETURN_IF_ERROR(Authorise(actor));
  const bool same = d.decision == kSamePerson;
  if (!same && d.decision != kDifferentPeople) {
    return Status::InvalidArgument("bad decision",
                                   {{"decision", "must be same_person or different_people"}});
  }
  const int64_t now = clock_.NowSeconds();
  std::vector<int64_t> touched;
  DedupGroup out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    touched.clear();  // the transaction may be retried
    SANAD_ASSIGN_OR_RETURN(DedupGroup g, store::GetDedupGroup(c, actor.organisation_id, group_id));
    SANAD_RETURN_IF_ERROR(CheckVersion(g, d.version));
    if (g.state != "open") {
      return Status(StatusCode::kConflict, "the group was already decided: undo that first",
                    {{"decision", "was already made: " + g.state}});
    }
    SANAD_RETURN_IF_ERROR(CheckUnchanged(g));
    const bool keep_is_member =
        std::any_of(g.members.begin(), g.members.end(),
                    [&](const DedupGroupMember& m) { return m.member.id == d.keep; });
    if (same && !keep_is_member) {
      return Status::InvalidArgument("keep one of the group's members",
                                     {{"keep", "is not a member of the group"}});
    }
    g.state = d.decision;
    g.kept_member_id = same ? d.keep : 0;
    g.decided_at = now;
    g.decided_by = actor.user_id;
    g.decided_by_name = actor.username;
    SANAD_RETURN_IF_ERROR(store::UpdateDedupGroupDecision(c, &g, d.version));
    std::vector<access::FieldChange> changes = {{"decision", std::nullopt, d.decision}};
    if (same) {
      SANAD_RETURN_IF_ERROR(Merge(c, actor, now, g, &touched));
      std::vector<int64_t> merged;
      for (const auto& m : g.members) {
        if (m.member.id != d.keep) merged.push_back(m.member.id);
      }
      changes.push_back({"keep", std::nullopt, std::to_string(d.keep)});
      changes.push_back({"merged", std::nullopt, JoinIds(merged)});
    } else {
      SANAD_RETURN_IF_ERROR(
          store::InsertDifferentPairs(c, actor.organisation_id, g.id, AllPairs(g)));
    }
    SANAD_RETURN_IF_ERROR(store::AppendAudit(
        c, Entry(actor, now, "decide", "dedup_group", g.id, std::move(changes))));
    SANAD_ASSIGN_OR_RETURN(out, store::GetDedupGroup(c, actor.organisation_id, group_id));
    return Status::Ok();
  }));
  Notify(actor.organisation_id, touched);
  return out;
}

Result<DedupGroup> DedupService::Undo(const access::Actor& actor, int64_t group_id,
                                      int64_t expected_version) {
  SANAD_RETURN_IF_ERROR(Authorise(actor));
  const int64_t now = clock_.NowSeconds();
  std::vector<int64_t> touched;
  DedupGroup out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    touched.clear();
    SANAD_ASSIGN_OR_RETURN(DedupGroup g, store::GetDedupGroup(c, actor.organisation_id, group_id));
    SANAD_RETURN_IF_ERROR(CheckVersion(g, expected_version));
    if (g.state == "open") {
      return Status(StatusCode::kConflict, "the group is not decided: nothing to undo",
                    {{"decision", "was not made"}});
    }
    std::vector<access::FieldChange> changes = {{"decision", g.state, std::nullopt}};
    if (g.state == kSamePerson) {
      SANAD_RETURN_IF_ERROR(Unmerge(c, actor, now, g, &touched));
      changes.push_back({"keep", std::to_string(g.kept_member_id), std::nullopt});
    } else {
      SANAD_RETURN_IF_ERROR(store::DeleteDifferentPairs(c, g.id));
    }
    g.state = "open";
    g.kept_member_id = 0;
    g.decided_at = 0;
    g.decided_by = 0;
    g.decided_by_name.clear();
    SANAD_RETURN_IF_ERROR(store::UpdateDedupGroupDecision(c, &g, expected_version));
    SANAD_RETURN_IF_ERROR(
        store::AppendAudit(c, Entry(actor, now, "undo", "dedup_group", g.id, std::move(changes))));
    SANAD_ASSIGN_OR_RETURN(out, store::GetDedupGroup(c, actor.organisation_id, group_id));
    return Status::Ok();
  }));
  Notify(actor.organisation_id, touched);
  return out;
}

void DedupService::Notify(int64_t organisation_id, const std::vector<int64_t>& household_ids) {
  if (observer_ == nullptr || household_ids.empty()) return;
  std::vector<Household> live;
  std::vector<int64_t> archived;
  const Status st = db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    live.clear();
    archived.clear();
    for (const int64_t id : household_ids) {
      SANAD_ASSIGN_OR_RETURN(std::optional<Household> h, LiveHousehold(c, organisation_id, id));
      if (h) {
        live.push_back(std::move(*h));
      } else {
        archived.push_back(id);
      }
    }
    return Status::Ok();
  });
  if (!st.ok()) return;  // the write is durable; views catch up at the next change or start
  for (const Household& h : live) observer_->HouseholdSaved(h);
  for (const int64_t id : archived) observer_->HouseholdArchived(organisation_id, id);
}

}  // namespace sanad::registry
