// Distribution rounds, their beneficiary lists and collections (docs/assistance.md, "Distribution
// rounds"): plain values. The rules live in distribution_rules.h (pure) and
// distribution_service.h (stored). Quantities are whole numbers of an item's unit; money is an
// integer of the currency's minor unit.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sanad::assistance {

enum class DistributionStatus { kDraft, kPlanned, kOpen, kClosed, kCancelled };

inline constexpr std::array<std::string_view, 5> kDistributionStatusNames = {
    "draft", "planned", "open", "closed", "cancelled"};

constexpr std::string_view DistributionStatusName(DistributionStatus s) {
  return kDistributionStatusNames.at(static_cast<size_t>(s));
}
constexpr std::optional<DistributionStatus> ParseDistributionStatus(std::string_view name) {
  for (size_t i = 0; i < kDistributionStatusNames.size(); ++i) {
    if (kDistributionStatusNames.at(i) == name) return static_cast<DistributionStatus>(i);
  }
  return std::nullopt;
}

inline constexpr std::array<std::string_view, 4> kCashMechanisms = {"mobile_money", "bank_transfer",
                                                                    "cash_in_hand", "e_voucher"};
inline constexpr std::array<std::string_view, 3> kCollectors = {"head", "member", "proxy"};

// The sectors (global clusters and areas of responsibility) a round may be counted under:
// docs/programmes.md, "Sectors".
inline constexpr std::array<std::string_view, 13> kSectors = {
    "protection",  "gbv",  "child_protection", "health", "mhpss",       "food_security",
    "shelter_nfi", "wash", "education",        "cccm",   "livelihoods", "logistics",
    "mpca"};

// One line of an in-kind basket: `quantity` of the item per household, or per member (capped at
// `max_quantity`) with `per_member`.
struct BasketLine {
  int64_t item_id = 0;
  int64_t quantity = 0;
  bool per_member = false;
  std::optional<int64_t> max_quantity;
  // Filled by reads for display, not written.
  std::string item_code;
  std::string item_name_en;
  std::string item_name_ar;
  std::string item_name_ckb;
  std::string item_unit;
  std::string item_category;  // the catalogue's: what the round's sector defaults from
};

// The transfer of a cash round; amounts in minor units of `currency`.
struct CashPlan {
  int64_t amount = 0;
  std::string currency;  // IQD, USD
  bool per_member = false;
  std::optional<int64_t> max_amount;
  std::string mechanism;
};

// Who a round is for; every criterion that is set must hold.
struct Criteria {
  std::vector<std::string> displacement_status;  // any of; empty = any
  std::string pcode;                             // the place or under it; "" = anywhere
  std::optional<int64_t> min_size;
  std::optional<int64_t> max_size;
  bool female_headed = false;
  bool disability = false;
  bool elderly = false;
  bool child_under_5 = false;
  std::optional<int64_t> not_assisted_days;
  std::optional<int64_t> max_households;
};

struct Distribution {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t version = 0;
  std::string name;
  std::string kind;  // in_kind, cash
  DistributionStatus status = DistributionStatus::kDraft;
  std::string project;     // the organisation's own reference, free text
  int64_t project_id = 0;  // the programme project it counts for; 0 = none
  std::string sector;      // "" = from the basket (RoundSector)
  std::string pcode;
  std::string site;
  int64_t warehouse_id = 0;  // 0 = none (cash rounds)
  std::string warehouse_name;
  std::string starts_on;  // YYYY-MM-DD
  std::string ends_on;
  std::vector<BasketLine> basket;
  std::optional<CashPlan> cash;
  Criteria criteria;
  std::string cancel_reason;
  int64_t households = 0;
  int64_t people = 0;
  int64_t duplicates_skipped = 0;
  int64_t collected = 0;  // live collections (read, not written)
  // The project's, filled by reads.
  std::string project_code;
  std::string project_name;
  int64_t project_office_id = 0;
  int64_t planned_at = 0;
  int64_t opened_at = 0;
  int64_t closed_at = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// What an edit changes; unset fields stay as they are.
struct DistributionEdit {
  int64_t version = 0;
  std::optional<std::string> name;
  std::optional<std::string> kind;
  std::optional<std::string> project;
  std::optional<int64_t> project_id;  // 0 = none
  std::optional<std::string> sector;  // "" = from the basket
  std::optional<std::string> pcode;
  std::optional<std::string> site;
  std::optional<int64_t> warehouse_id;
  std::optional<std::string> starts_on;
  std::optional<std::string> ends_on;
  std::optional<std::vector<BasketLine>> basket;
  std::optional<std::optional<CashPlan>> cash;  // set to nullopt inside: no cash
  std::optional<Criteria> criteria;
};

// What one household is given: items, or a cash amount (minor units).
struct Entitlement {
  struct Line {
    int64_t item_id = 0;
    int64_t quantity = 0;
  };
  std::vector<Line> items;
  int64_t cash = 0;
};

// A member as the beneficiary list shows them.
struct ListedMember {
  int64_t id = 0;
  std::string name;
  std::string name_latin;
  std::string relationship;
};

// One live collection, or a voided one.
struct Collection {
  int64_t id = 0;
  int64_t distribution_id = 0;
  int64_t organisation_id = 0;
  int64_t household_id = 0;
  std::string token;
  std::string collector;  // head, member, proxy
  int64_t person_id = 0;  // 0 = none
  std::string proxy_name;
  std::string proxy_document;
  std::string note;
  int64_t at = 0;
  int64_t created_by = 0;
  std::string created_by_name;
  int64_t voided_at = 0;  // 0 = live
  std::string void_reason;
  std::string voided_by_name;
};

// A household on a round's list.
struct Beneficiary {
  int64_t household_id = 0;
  int64_t position = 0;
  std::string token;  // 8 characters, no dash
  int64_t size = 0;
  Entitlement entitlement;
  int64_t collection_id = 0;  // 0 = not collected
  // Filled by list reads.
  std::vector<ListedMember> members;  // live members, head first as registered
  std::optional<Collection> collection;
};

}  // namespace sanad::assistance
