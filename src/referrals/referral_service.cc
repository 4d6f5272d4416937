#include "referrals/referral_service.h"

#include <algorithm>
#include <functional>
#include <optional>

#include "base/partial_date.h"
#include "base/utf8.h"
#include "referrals/referral_content.h"
#include "referrals/referral_records.h"
#include "referrals/referral_rules.h"
#include "referrals/referral_share.h"
#include "store/audit_store.h"
#include "store/referral_store.h"
#include "store/service_store.h"

namespace sanad::referrals {
namespace {

using access::FieldChange;

// Dates people type are checked against the span of calendar days on earth at that instant
// (UTC-12 to UTC+14), so no time zone sees its own today refused.
constexpr int64_t kEarliestZoneSeconds = -12 * 3600;
constexpr int64_t kLatestZoneSeconds = 14 * 3600;
// Ages are counted on Iraq's calendar day (UTC+3), as the case service counts them.
constexpr int64_t kLocalOffsetSeconds = 3 * 3600;
constexpr std::string_view kEncrypted = "(encrypted)";

Status NoKey() {
  return Status::Unavailable(
      "referrals need the data key: start the server with --key-file (see docs/operations.md)");
}

Status NotFound() { return Status::NotFound("referral not found"); }

std::string Context(int64_t id) {
  return access::FieldCipher::SealContext("referrals", "content", id);
}

std::string Trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// Appends a problem when the text is missing (if required) or too long.
void CheckText(const char* field, const std::string& text, bool required,
               std::vector<FieldError>* bad) {
  if (required && text.empty()) {
    bad->push_back({field, "is required"});
  } else if (Utf8Chars(text) > kMaxReasonChars) {
    bad->push_back({field, "is longer than " + std::to_string(kMaxReasonChars) + " characters"});
  }
}

access::AuditEntry Entry(const access::Actor& a, int64_t now, std::string action, int64_t id,
                         std::vector<FieldChange> changes) {
  return {.at = now,
          .organisation_id = a.organisation_id,
          .user_id = a.user_id,
          .username = a.username,
          .action = std::move(action),
          .entity = "referral",
          .entity_id = id,
          .changes = std::move(changes)};
}

FieldChange Sealed(std::string field) {
  return {.field = std::move(field), .after = std::string(kEncrypted)};
}

// What a create writes to the audit log: plain facts by value, sealed ones by name only.
std::vector<FieldChange> CreateChanges(const Referral& r, const std::vector<std::string>& share) {
  std::vector<FieldChange> out = {
      {.field = "status", .after = std::string(ReferralStatusName(r.status))},
      {.field = "service_id", .after = std::to_string(r.service_id)},
      {.field = "urgency", .after = r.urgency}};
  if (r.case_id != 0) out.push_back({.field = "case_id", .after = std::to_string(r.case_id)});
  if (r.household_id != 0) {
    out.push_back({.field = "household_id", .after = std::to_string(r.household_id)});
  }
  out.push_back(Sealed("reason"));
  for (const auto& f : share) out.push_back(Sealed("shared." + f));
  return out;
}

Status OpenContent(const access::FieldCipher& cipher, Referral* r) {
  SANAD_ASSIGN_OR_RETURN(const std::string plain, cipher.Open(r->sealed_content, Context(r->id)));
  SANAD_ASSIGN_OR_RETURN(r->content, DecodeContent(plain));
  return Status::Ok();
}

// The problems of a request that need nothing stored to find.
std::vector<FieldError> CheckRequest(const NewReferral& n) {
  std::vector<FieldError> bad;
  if (n.case_id != 0 && (n.household_id != 0 || n.person_id != 0)) {
    bad.push_back({"case_id", "give case_id, or household_id and person_id, not both"});
  } else if (n.case_id == 0) {
    if (n.household_id == 0) bad.push_back({"household_id", "is required without case_id"});
    if (n.person_id == 0) bad.push_back({"person_id", "is required with household_id"});
    if (!n.consent) {
      bad.push_back({"consent", "must be true: the person agreed to this referral"});
    }
  }
  if (n.service_id == 0) bad.push_back({"service_id", "is required"});
  if (!DueSeconds(n.urgency)) {
    bad.push_back({"urgency", "must be one of normal, urgent, emergency"});
  }
  CheckText("reason", Trimmed(n.reason), true, &bad);
  CheckShareList(n.share, &bad);
  return bad;
}

}  // namespace

// One state change: the action, and what it writes beyond the status.
struct ReferralService::Move {
  ReferralAction action;
  // Fills the action's fields on the opened referral; may refuse (InvalidArgument).
  std::function<Status(Referral*, int64_t now)> fill;
  std::vector<std::string> sealed_fields;  // audited by name
  // Writes what else the change records, in its transaction, once the referral is saved.
  std::function<Status(store::Connection&, const Referral&)> after;
};

Status ReferralService::TakeSnapshot(const access::Actor& actor, const NewReferral& n, Referral* r,
                                     std::vector<FieldError>* bad) {
  if (n.case_id != 0) {
    // NotFound (404) when the actor may not see the case; the read is audited on the case.
    SANAD_ASSIGN_OR_RETURN(const cases::ReferralSource source,
                           cases_.GetReferralSource(actor, n.case_id));
    CheckConsent(source, n.share, r->to_organisation_id, bad);
    r->case_module = source.module;
    r->content.shared = SharedFromCase(source, n.share);
    return Status::Ok();
  }
  SANAD_ASSIGN_OR_RETURN(const registry::Household h, households_.Get(actor, n.household_id));
  const auto member = std::find_if(h.members.begin(), h.members.end(),
                                   [&](const registry::Member& m) { return m.id == n.person_id; });
  if (member == h.members.end()) {
    bad->push_back({"person_id", "is not a member of this household"});
    return Status::Ok();
  }
  r->content.person_id = member->id;
  r->content.shared =
      SharedFromMember(h, *member, n.share, FormatUtcDate(r->sent_at + kLocalOffsetSeconds), bad);
  return Status::Ok();
}

Result<Referral> ReferralService::Create(const access::Actor& actor, const NewReferral& n) {
  if (!cipher_) return NoKey();
  const bool from_case = n.case_id != 0;
  if (from_case ? !MaySendFromCase(actor) : !MaySendFromHousehold(actor)) {
    return Status::PermissionDenied(
        MaySendFromHousehold(actor)
            ? "registration clerks refer from households; referrals from cases are for "
              "caseworkers and supervisors"
            : "your role sends no referrals");
  }
  std::vector<FieldError> bad = CheckRequest(n);
  const auto due = DueSeconds(n.urgency);

  std::optional<Service> service;
  if (n.service_id != 0) {
    SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
      auto s = store::GetService(c, n.service_id);
      if (!s.ok()) return s.status().code() == StatusCode::kNotFound ? Status::Ok() : s.status();
      service = std::move(s).value();
      return Status::Ok();
    }));
    if (!service) {
      bad.push_back({"service_id", "no such service"});
    } else if (!service->active) {
      bad.push_back({"service_id", "the service is no longer offered"});
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("referral is invalid", std::move(bad));

  const int64_t now = clock_.NowSeconds();
  Referral r{.from_organisation_id = actor.organisation_id,
             .from_organisation_name = actor.organisation_name,
             .from_user_id = actor.user_id,
             .from_username = actor.username,
             .case_id = n.case_id,
             .household_id = n.household_id,
             .service_id = service->id,
             .service_type = service->type,
             .service_name = service->name,
             .to_organisation_id = service->organisation_id,
             .to_organisation_name = service->organisation_name,
             .urgency = n.urgency,
             .status = ReferralStatus::kSent,
             .sent_at = now,
             .due_at = now + *due};
  r.content.reason = Trimmed(n.reason);
  SANAD_RETURN_IF_ERROR(TakeSnapshot(actor, n, &r, &bad));
  if (!bad.empty()) return Status::InvalidArgument("referral is invalid", std::move(bad));

  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(r.id, store::InsertReferral(c, r));
    r.version = 1;
    // The seal names the row, so the content is written once the id is known.
    r.sealed_content = cipher_->Seal(EncodeContent(r.content), Context(r.id));
    SANAD_RETURN_IF_ERROR(store::SetReferralContent(c, r.id, r.sealed_content));
    if (from_case) {
      // The line on the case's timeline commits with the referral, or neither does.
      SANAD_RETURN_IF_ERROR(cases_.NoteReferral(
          c, actor, n.case_id,
          "referral " + std::to_string(r.id) + " sent to " + r.to_organisation_name + ": " +
              r.service_name + " (" + r.service_type + ", " + r.urgency + ")"));
    }
    return store::AppendAudit(c, Entry(actor, now, "create", r.id, CreateChanges(r, n.share)));
  }));
  r.overdue = IsOverdue(r, now);
  return r;
}

Result<Referral> ReferralService::Get(const access::Actor& actor, int64_t id) {
  if (!cipher_) return NoKey();
  std::optional<Referral> out;
  const int64_t now = clock_.NowSeconds();
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    auto r = store::GetReferral(c, id);
    if (!r.ok()) return r.status().code() == StatusCode::kNotFound ? NotFound() : r.status();
    if (!Sees(actor, *r)) return NotFound();
    SANAD_RETURN_IF_ERROR(OpenContent(*cipher_, &*r));
    r->overdue = IsOverdue(*r, now);
    SANAD_RETURN_IF_ERROR(
        store::AppendAudit(c, Entry(actor, now, "read", id, {{.field = "content"}})));
    out = std::move(r).value();
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<ReferralPage> ReferralService::List(const access::Actor& actor, const ReferralQuery& q) {
  std::vector<FieldError> bad;
  if (q.box != "inbox" && q.box != "outbox") bad.push_back({"box", "must be inbox or outbox"});
  if (!q.status.empty() && !ParseReferralStatus(q.status)) {
    bad.push_back({"status", "must be one of sent, accepted, declined, cancelled, completed"});
  }
  if (q.page < 1) bad.push_back({"page", "must be 1 or more"});
  if (q.limit < 1 || q.limit > kMaxLimit) bad.push_back({"limit", "must be between 1 and 200"});
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  const ReferralBox box = q.box == "inbox" ? ReferralBox::kInbox : ReferralBox::kOutbox;
  SANAD_RETURN_IF_ERROR(CheckBox(actor, box));
  store::ReferralFilter f{.box = box,
                          .organisation_id = actor.organisation_id,
                          .status = q.status,
                          .overdue = q.overdue,
                          .now = clock_.NowSeconds(),
                          .limit = q.limit,
                          .offset = (q.page - 1) * q.limit};
  if (box == ReferralBox::kOutbox) {
    if (actor.role == access::Role::kSupervisor) {
      f.limit_case_modules = true;
      f.own_user_id = actor.user_id;
      for (access::CaseModule m : actor.modules.List()) {
        f.case_modules.emplace_back(access::CaseModuleName(m));
      }
    } else {
      f.from_user_id = actor.user_id;
    }
  }
  ReferralPage page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListReferrals(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountReferrals(c, f));
    return Status::Ok();
  }));
  for (auto& r : page.items) r.overdue = IsOverdue(r, f.now);
  return page;
}

Result<Referral> ReferralService::Apply(const access::Actor& actor, int64_t id, int64_t version,
                                        const Move& move) {
  if (!cipher_) return NoKey();
  std::optional<Referral> out;
  const int64_t now = clock_.NowSeconds();
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    auto stored = store::GetReferral(c, id);
    if (!stored.ok()) {
      return stored.status().code() == StatusCode::kNotFound ? NotFound() : stored.status();
    }
    Referral r = std::move(stored).value();
    if (!Sees(actor, r)) return NotFound();
    // Whose move it is comes first, then a stale version, then the order of the workflow.
    Status allowed = CheckAction(actor, r, move.action);
    if (allowed.code() == StatusCode::kPermissionDenied) return allowed;
    if (r.version != version) {
      const std::string current = std::to_string(r.version);
      return Status(StatusCode::kConflict,
                    "referral " + std::to_string(id) + " was changed by someone else: version " +
                        std::to_string(version) + " is stale, the current version is " + current,
                    {{"version", "is stale: the current version is " + current}});
    }
    SANAD_RETURN_IF_ERROR(allowed);
    SANAD_RETURN_IF_ERROR(OpenContent(*cipher_, &r));
    const ReferralStatus before = r.status;
    r.status = ActionTarget(move.action);
    SANAD_RETURN_IF_ERROR(move.fill(&r, now));
    r.sealed_content = cipher_->Seal(EncodeContent(r.content), Context(r.id));
    SANAD_RETURN_IF_ERROR(store::UpdateReferral(c, r, version));
    if (move.after) {
      SANAD_RETURN_IF_ERROR(move.after(c, r));
    }
    r.version = version + 1;
    r.overdue = IsOverdue(r, now);
    std::vector<FieldChange> changes = {{.field = "status",
                                         .before = std::string(ReferralStatusName(before)),
                                         .after = std::string(ReferralStatusName(r.status))}};
    for (const auto& f : move.sealed_fields) changes.push_back(Sealed(f));
    SANAD_RETURN_IF_ERROR(store::AppendAudit(c, Entry(actor, now, "update", id, changes)));
    out = std::move(r);
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<Referral> ReferralService::Accept(const access::Actor& actor, int64_t id, int64_t version) {
  return Apply(actor, id, version,
               {.action = ReferralAction::kAccept, .fill = [&actor](Referral* r, int64_t now) {
                  r->responded_at = now;
                  r->responded_by = actor.user_id;
                  return Status::Ok();
                }});
}

Result<Referral> ReferralService::Decline(const access::Actor& actor, int64_t id, int64_t version,
                                          const std::string& reason) {
  const std::string text = Trimmed(reason);
  std::vector<FieldError> bad;
  CheckText("reason", text, true, &bad);
  if (!bad.empty()) return Status::InvalidArgument("a decline needs its reason", std::move(bad));
  return Apply(actor, id, version,
               {.action = ReferralAction::kDecline,
                .fill =
                    [&](Referral* r, int64_t now) {
                      r->responded_at = now;
                      r->responded_by = actor.user_id;
                      r->content.decline_reason = text;
                      return Status::Ok();
                    },
                .sealed_fields = {"decline_reason"}});
}

Result<Referral> ReferralService::RecordService(const access::Actor& actor, int64_t id,
                                                int64_t version, const std::string& note,
                                                const std::string& date) {
  const std::string text = Trimmed(note);
  std::vector<FieldError> bad;
  CheckText("note", text, false, &bad);
  std::string why;
  const auto day = ParsePartialDate(date, &why);
  if (date.empty()) {
    bad.push_back({"date", "is required"});
  } else if (!day || day->precision != DatePrecision::kDay) {
    bad.push_back({"date", "must be a date YYYY-MM-DD"});
  } else if (date > FormatUtcDate(clock_.NowSeconds() + kLatestZoneSeconds)) {
    bad.push_back({"date", "is in the future"});
  }
  if (!bad.empty()) return Status::InvalidArgument("service record is invalid", std::move(bad));
  return Apply(actor, id, version,
               {.action = ReferralAction::kService,
                .fill =
                    [&](Referral* r, int64_t now) {
                      if (date < FormatUtcDate(r->sent_at + kEarliestZoneSeconds)) {
                        return Status::InvalidArgument(
                            "service record is invalid",
                            {{"date", "is before the referral was sent"}});
                      }
                      r->service_given_at = now;
                      r->content.feedback = text;
                      r->content.service_date = date;
                      return Status::Ok();
                    },
                .sealed_fields = {"feedback", "service_date"},
                .after = WriteReferralRecords});
}

Result<Referral> ReferralService::Cancel(const access::Actor& actor, int64_t id, int64_t version,
                                         const std::string& reason) {
  const std::string text = Trimmed(reason);
  std::vector<FieldError> bad;
  CheckText("reason", text, false, &bad);
  if (!bad.empty()) return Status::InvalidArgument("cancellation is invalid", std::move(bad));
  std::vector<std::string> sealed;
  if (!text.empty()) sealed.emplace_back("cancel_reason");
  return Apply(actor, id, version,
               {.action = ReferralAction::kCancel,
                .fill =
                    [&](Referral* r, int64_t) {
                      r->content.cancel_reason = text;
                      return Status::Ok();
                    },
                .sealed_fields = sealed});
}

}  // namespace sanad::referrals
