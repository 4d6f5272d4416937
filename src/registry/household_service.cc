#include "registry/household_service.h"

#include "matching/normalise.h"
#include "registry/household_diff.h"
#include "registry/household_validator.h"
#include "store/audit_store.h"
#include "store/household_store.h"

namespace sanad::registry {
namespace {

constexpr int kMaxLimit = 200;
// Dates of birth are checked against the latest calendar date anywhere on earth (UTC+14), so
// a child born today in Iraq (UTC+3) is never refused as "in the future".
constexpr int64_t kLatestTimeZoneSeconds = 14 * 3600;

Status Deny(const char* what) {
  return Status::PermissionDenied(std::string("your role may not ") + what);
}

access::AuditEntry Entry(const access::Actor& a, int64_t now, std::string action, int64_t id,
                         std::vector<access::FieldChange> changes) {
  return {.at = now,
          .organisation_id = a.organisation_id,
          .user_id = a.user_id,
          .username = a.username,
          .action = std::move(action),
          .entity = "household",
          .entity_id = id,
          .changes = std::move(changes)};
}

void AddWords(std::string* out, std::string_view text) {
  const std::vector<std::string> words = matching::NormalisedWords(text);
  for (const auto& w : words) *out += w + " ";
  if (words.size() > 1) {
    for (const auto& w : words) *out += w;
    *out += " ";
  }
}

}  // namespace

std::string HouseholdService::BuildSearchText(const Household& h) {
  std::string out = " ";
  for (const Member& m : h.members) {
    for (const std::string* part :
         {&m.given_name, &m.father_name, &m.grandfather_name, &m.family_name, &m.name_latin}) {
      AddWords(&out, *part);
    }
    if (!m.phone.empty()) out += matching::DigitsOnly(m.phone) + " ";
    for (const auto& d : m.documents) {
      std::string number;
      for (const auto& w : matching::NormalisedWords(d.number)) number += w;
      out += number + " ";
    }
    out += "| ";
  }
  if (!h.phone.empty()) out += matching::DigitsOnly(h.phone) + " ";
  return out;
}

Status HouseholdService::Validate(Household* h) const {
  std::string why;
  const auto today =
      ParsePartialDate(FormatUtcDate(clock_.NowSeconds() + kLatestTimeZoneSeconds), &why);
  return ValidateHousehold(
      h,
      {.place_exists = [this](std::string_view p) { return places_.Exists(p); }, .today = *today});
}

Result<Household> HouseholdService::Create(const access::Actor& actor, Household h) {
  if (!actor.Can(access::Permission::kWriteHouseholds)) return Deny("register households");
  SANAD_RETURN_IF_ERROR(Validate(&h));
  h.id = 0;
  h.organisation_id = actor.organisation_id;
  h.organisation_name = actor.organisation_name;
  for (auto& m : h.members) m.id = 0;
  const int64_t now = clock_.NowSeconds();
  const store::HouseholdWrite w{
      .actor_id = actor.user_id, .now = now, .search_text = BuildSearchText(h)};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_RETURN_IF_ERROR(store::InsertHousehold(c, &h, w));
    return store::AppendAudit(
        c, Entry(actor, now, "create", h.id, DiffFields({}, FlattenHousehold(h))));
  }));
  if (observer_) observer_->HouseholdSaved(h);
  return h;
}

Result<Household> HouseholdService::Get(const access::Actor& actor, int64_t id) {
  if (!actor.Can(access::Permission::kReadHouseholds)) return Deny("read households");
  std::optional<Household> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(Household h, store::GetHousehold(c, actor.organisation_id, id));
    out = std::move(h);
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<Household> HouseholdService::Update(const access::Actor& actor, Household h,
                                           int64_t expected_version) {
  if (!actor.Can(access::Permission::kWriteHouseholds)) return Deny("edit households");
  SANAD_RETURN_IF_ERROR(Validate(&h));
  h.organisation_id = actor.organisation_id;
  h.organisation_name = actor.organisation_name;
  const int64_t now = clock_.NowSeconds();
  const store::HouseholdWrite w{
      .actor_id = actor.user_id, .now = now, .search_text = BuildSearchText(h)};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(Household before, store::GetHousehold(c, actor.organisation_id, h.id));
    SANAD_RETURN_IF_ERROR(store::UpdateHousehold(c, &h, expected_version, w));
    h.created_at = before.created_at;
    auto changes = DiffFields(FlattenHousehold(before), FlattenHousehold(h));
    return store::AppendAudit(c, Entry(actor, now, "update", h.id, std::move(changes)));
  }));
  if (observer_) observer_->HouseholdSaved(h);
  return h;
}

Status HouseholdService::Archive(const access::Actor& actor, int64_t id,
                                 std::optional<int64_t> expected_version) {
  if (!actor.Can(access::Permission::kArchiveHouseholds)) return Deny("archive households");
  const int64_t now = clock_.NowSeconds();
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(Household before, store::GetHousehold(c, actor.organisation_id, id));
    if (expected_version && *expected_version != before.version) {
      return Status(
          StatusCode::kConflict, "household was changed by someone else",
          {{"version", "is stale: the current version is " + std::to_string(before.version)}});
    }
    SANAD_RETURN_IF_ERROR(store::ArchiveHousehold(c, actor.organisation_id, id, now));
    return store::AppendAudit(c, Entry(actor, now, "delete", id, {}));
  }));
  if (observer_) observer_->HouseholdArchived(actor.organisation_id, id);
  return Status::Ok();
}

Result<HouseholdPage> HouseholdService::List(const access::Actor& actor, const HouseholdQuery& q) {
  if (!actor.Can(access::Permission::kReadHouseholds)) return Deny("read households");
  std::vector<FieldError> bad;
  if (q.page < 1) bad.push_back({"page", "must be 1 or more"});
  if (q.limit < 1 || q.limit > kMaxLimit) bad.push_back({"limit", "must be between 1 and 200"});
  if (!q.status.empty() && !IsDisplacementStatus(q.status)) {
    bad.push_back({"status", "is not a displacement status"});
  }
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  store::HouseholdFilter f{.organisation_id = actor.organisation_id,
                           .terms = matching::NormalisedWords(q.text),
                           .pcode = q.pcode,
                           .status = q.status,
                           .limit = q.limit,
                           .offset = (q.page - 1) * q.limit};
  HouseholdPage page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListHouseholds(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountHouseholds(c, f));
    return Status::Ok();
  }));
  return page;
}

Result<std::vector<access::AuditEntry>> HouseholdService::History(const access::Actor& actor,
                                                                  int64_t id) {
  if (!actor.Can(access::Permission::kReadHouseholds)) return Deny("read households");
  std::vector<access::AuditEntry> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_RETURN_IF_ERROR(store::GetHousehold(c, actor.organisation_id, id).status());
    SANAD_ASSIGN_OR_RETURN(out, store::ListAudit(c, {.organisation_id = actor.organisation_id,
                                                     .entity = "household",
                                                     .entity_id = id,
                                                     .oldest_first = true,
                                                     .limit = 1000}));
    return Status::Ok();
  }));
  return out;
}

}  // namespace sanad::registry
