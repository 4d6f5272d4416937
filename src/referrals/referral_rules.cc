#include "referrals/referral_rules.h"

#include <algorithm>

namespace sanad::referrals {

using access::Role;

std::string_view ActionName(ReferralAction a) {
  switch (a) {
    case ReferralAction::kAccept:
      return "accept";
    case ReferralAction::kDecline:
      return "decline";
    case ReferralAction::kService:
      return "service";
    case ReferralAction::kCancel:
      return "cancel";
  }
  return "";
}

ReferralStatus ActionTarget(ReferralAction a) {
  switch (a) {
    case ReferralAction::kAccept:
      return ReferralStatus::kAccepted;
    case ReferralAction::kDecline:
      return ReferralStatus::kDeclined;
    case ReferralAction::kService:
      return ReferralStatus::kCompleted;
    case ReferralAction::kCancel:
      return ReferralStatus::kCancelled;
  }
  return ReferralStatus::kSent;
}

std::vector<ReferralStatus> NextStatuses(ReferralStatus from) {
  switch (from) {
    case ReferralStatus::kSent:
      return {ReferralStatus::kAccepted, ReferralStatus::kDeclined, ReferralStatus::kCancelled};
    case ReferralStatus::kAccepted:
      return {ReferralStatus::kCompleted};
    case ReferralStatus::kDeclined:
    case ReferralStatus::kCancelled:
    case ReferralStatus::kCompleted:
      return {};
  }
  return {};
}

std::string JoinStatuses(const std::vector<ReferralStatus>& statuses) {
  std::string out;
  for (ReferralStatus s : statuses) {
    if (!out.empty()) out += ", ";
    out += ReferralStatusName(s);
  }
  return out.empty() ? "none" : out;
}

bool SeesAsSender(const access::Actor& actor, const Referral& r) {
  if (actor.organisation_id != r.from_organisation_id) return false;
  switch (actor.role) {
    case Role::kCaseworker:
    case Role::kRegistration:
      return actor.user_id == r.from_user_id;
    case Role::kSupervisor: {
      if (actor.user_id == r.from_user_id || r.case_id == 0) return true;
      // Like the case itself: a supervisor sees a case's referrals only in modules they hold.
      const auto module = access::ParseCaseModule(r.case_module);
      return module.has_value() && actor.modules.Has(*module);
    }
    case Role::kAdmin:
    case Role::kMeOfficer:
    case Role::kViewer:
    case Role::kLogistics:
      return false;
  }
  return false;
}

bool SeesAsReceiver(const access::Actor& actor, const Referral& r) {
  return actor.organisation_id == r.to_organisation_id &&
         (actor.role == Role::kSupervisor || actor.role == Role::kCaseworker);
}

Status CheckAction(const access::Actor& actor, const Referral& r, ReferralAction a) {
  const bool sender_action = a == ReferralAction::kCancel;
  if (sender_action ? !SeesAsSender(actor, r) : !SeesAsReceiver(actor, r)) {
    return Status::PermissionDenied(
        sender_action ? "only the sending side cancels a referral"
                      : "only the receiving organisation's supervisors and caseworkers answer a "
                        "referral and record its service");
  }
  const ReferralStatus to = ActionTarget(a);
  const auto next = NextStatuses(r.status);
  if (std::find(next.begin(), next.end(), to) == next.end()) {
    return Status(StatusCode::kConflict,
                  "a referral that is " + std::string(ReferralStatusName(r.status)) +
                      " cannot become " + std::string(ReferralStatusName(to)),
                  {{"status", "allowed next steps: " + JoinStatuses(next)}});
  }
  return Status::Ok();
}

std::vector<ReferralStatus> AllowedNext(const access::Actor& actor, const Referral& r) {
  std::vector<ReferralStatus> out;
  for (ReferralAction a : {ReferralAction::kAccept, ReferralAction::kDecline,
                           ReferralAction::kService, ReferralAction::kCancel}) {
    if (CheckAction(actor, r, a).ok()) out.push_back(ActionTarget(a));
  }
  return out;
}

bool MaySendFromCase(const access::Actor& actor) {
  return actor.role == Role::kCaseworker || actor.role == Role::kSupervisor;
}

bool MaySendFromHousehold(const access::Actor& actor) {
  return MaySendFromCase(actor) || actor.role == Role::kRegistration;
}

Status CheckBox(const access::Actor& actor, ReferralBox box) {
  if (box == ReferralBox::kInbox) {
    if (actor.role == Role::kSupervisor || actor.role == Role::kCaseworker) return Status::Ok();
    return Status::PermissionDenied(
        "only supervisors and caseworkers receive referrals for their organisation");
  }
  if (MaySendFromHousehold(actor)) return Status::Ok();
  return Status::PermissionDenied("your role sends no referrals");
}

}  // namespace sanad::referrals
