// Referral: a person sent from a case or a household to a service of the directory, with its
// state (sent → accepted | declined | cancelled, accepted → completed), its times and its
// sealed content (the reason, the snapshot of what the consent let it share, the feedback).
// Plain values and constexpr rules; header-only because the store reads and writes them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace sanad::referrals {

enum class ReferralStatus { kSent, kAccepted, kDeclined, kCancelled, kCompleted };
inline constexpr std::array<std::string_view, 5> kReferralStatusNames = {
    "sent", "accepted", "declined", "cancelled", "completed"};

constexpr std::string_view ReferralStatusName(ReferralStatus s) {
  return kReferralStatusNames.at(static_cast<size_t>(s));
}
constexpr std::optional<ReferralStatus> ParseReferralStatus(std::string_view name) {
  for (size_t i = 0; i < kReferralStatusNames.size(); ++i) {
    if (kReferralStatusNames.at(i) == name) return static_cast<ReferralStatus>(i);
  }
  return std::nullopt;
}

inline constexpr int64_t kDaySeconds = 24 * 3600;

// How soon the receiving organisation should answer, by urgency (docs/cases.md).
struct UrgencyRule {
  std::string_view name;
  int64_t due_seconds;
};
inline constexpr std::array<UrgencyRule, 3> kUrgencies = {{
    {"normal", 7 * kDaySeconds},
    {"urgent", 3 * kDaySeconds},
    {"emergency", 1 * kDaySeconds},
}};
// An accepted referral is overdue when no service is recorded this long after acceptance.
inline constexpr int64_t kServiceDueSeconds = 30 * kDaySeconds;

// Seconds from sending to the due time; nullopt for an unknown urgency.
constexpr std::optional<int64_t> DueSeconds(std::string_view urgency) {
  for (const auto& u : kUrgencies) {
    if (u.name == urgency) return u.due_seconds;
  }
  return std::nullopt;
}

// The sealed part of a referral, opened.
struct ReferralContent {
  std::string reason;
  nlohmann::json shared = nlohmann::json::object();  // field → value at sending
  int64_t person_id = 0;                             // household referrals: the member
  std::string decline_reason;
  std::string cancel_reason;
  std::string feedback;      // the service note the sender sees
  std::string service_date;  // YYYY-MM-DD: when the service was given, as recorded
};

struct Referral {
  int64_t id = 0;
  int64_t version = 0;
  int64_t from_organisation_id = 0;
  std::string from_organisation_name;
  int64_t from_user_id = 0;
  std::string from_username;
  int64_t case_id = 0;       // 0 for a household referral
  std::string case_module;   // the case's module ("" for a household referral)
  int64_t household_id = 0;  // 0 for a case referral
  int64_t service_id = 0;
  std::string service_type;
  std::string service_name;
  int64_t to_organisation_id = 0;
  std::string to_organisation_name;
  std::string urgency;
  ReferralStatus status = ReferralStatus::kSent;
  int64_t sent_at = 0;
  int64_t due_at = 0;
  int64_t responded_at = 0;  // 0 until accepted or declined
  int64_t responded_by = 0;
  int64_t service_given_at = 0;  // 0 until the service is recorded
  bool overdue = false;          // IsOverdue when the referral service read it
  std::string sealed_content;    // as stored (FieldCipher text)
  ReferralContent content;       // filled by the referral service when it opens the content
};

// True while a referral is unanswered past its due time, or accepted without a service
// kServiceDueSeconds after acceptance. The store's `overdue` filter is the same rule in SQL.
inline bool IsOverdue(const Referral& r, int64_t now) {
  if (r.status == ReferralStatus::kSent) return now > r.due_at;
  if (r.status == ReferralStatus::kAccepted) return now > r.responded_at + kServiceDueSeconds;
  return false;
}

// The two sides of the referral list: received by the actor's organisation, or sent by it.
enum class ReferralBox { kInbox, kOutbox };

struct ReferralQuery {
  std::string box;     // "inbox" or "outbox" (required)
  std::string status;  // a status name, "" = any
  bool overdue = false;
  int page = 1;
  int limit = 25;
};

struct ReferralPage {
  std::vector<Referral> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

}  // namespace sanad::referrals
