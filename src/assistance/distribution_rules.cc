#include "assistance/distribution_rules.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>
#include <unordered_set>
#include <utility>

#include "assistance/money.h"
#include "base/partial_date.h"
#include "base/utf8.h"

namespace sanad::assistance {
namespace {

using DS = DistributionStatus;

constexpr std::string_view kCrockford = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
constexpr size_t kMaxNameChars = 200;
constexpr size_t kMaxTextChars = 500;
constexpr int64_t kMaxQuantity = 1'000'000;
// Amounts up to 10^12 minor units: far beyond any transfer, far below int64 and a double's
// exact integers.
constexpr int kElderlyAge = 60;
constexpr int kChildAge = 5;
constexpr std::array<std::string_view, 6> kDisplacementStatuses = {
    "idp_in_camp", "idp_out_of_camp", "returnee", "refugee", "host_community", "migrant"};

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

template <size_t N>
std::string Choices(const std::array<std::string_view, N>& set) {
  std::string out = "must be one of ";
  for (size_t i = 0; i < N; ++i) out += (i ? ", " : "") + std::string(set.at(i));
  return out;
}

bool IsDay(const std::string& s) {
  std::string why;
  const auto d = ParsePartialDate(s, &why);
  return d.has_value() && d->precision == DatePrecision::kDay;
}

void CheckBasket(const Distribution& d, std::vector<FieldError>* bad) {
  if (d.basket.empty()) bad->push_back({"basket", "an in-kind round needs at least one item"});
  std::set<int64_t> seen;
  for (size_t i = 0; i < d.basket.size(); ++i) {
    const BasketLine& l = d.basket[i];
    const std::string at = "basket[" + std::to_string(i) + "]";
    if (l.item_id <= 0) {
      bad->push_back({at + ".item_id", "is required"});
    } else if (!seen.insert(l.item_id).second) {
      bad->push_back({at + ".item_id", "is already in the basket"});
    }
    if (l.quantity <= 0 || l.quantity > kMaxQuantity) {
      bad->push_back({at + ".quantity", "must be a whole number from 1 to 1000000"});
    }
    if (l.max_quantity.has_value()) {
      if (!l.per_member) {
        bad->push_back({at + ".max_quantity", "applies only to a per_member line"});
      } else if (*l.max_quantity < l.quantity || *l.max_quantity > kMaxQuantity) {
        bad->push_back({at + ".max_quantity", "must be at least the quantity"});
      }
    }
  }
}

void CheckCash(const CashPlan& c, std::vector<FieldError>* bad) {
  if (!IsCurrency(c.currency)) {
    bad->push_back({"cash.currency", "must be IQD or USD"});
  } else if (c.amount <= 0) {
    bad->push_back({"cash.amount", "must be more than 0"});
  }
  if (c.max_amount.has_value()) {
    if (!c.per_member) {
      bad->push_back({"cash.max_amount", "applies only to a per_member amount"});
    } else if (*c.max_amount < c.amount) {
      bad->push_back({"cash.max_amount", "must be at least the amount"});
    }
  }
  if (!OneOf(kCashMechanisms, c.mechanism)) {
    bad->push_back({"cash.mechanism", Choices(kCashMechanisms)});
  }
}

void CheckCriteria(const Criteria& c, const registry::PlaceDirectory& places,
                   std::vector<FieldError>* bad) {
  for (size_t i = 0; i < c.displacement_status.size(); ++i) {
    if (!OneOf(kDisplacementStatuses, c.displacement_status[i])) {
      bad->push_back({"criteria.displacement_status[" + std::to_string(i) + "]",
                      Choices(kDisplacementStatuses)});
    }
  }
  if (!c.pcode.empty() && !places.Exists(c.pcode)) {
    bad->push_back({"criteria.pcode", "is not a known P-code"});
  }
  const std::pair<const char*, const std::optional<int64_t>*> positive[] = {
      {"criteria.min_size", &c.min_size},
      {"criteria.max_size", &c.max_size},
      {"criteria.not_assisted_days", &c.not_assisted_days},
      {"criteria.max_households", &c.max_households}};
  for (const auto& [field, value] : positive) {
    if (value->has_value() && (**value < 1 || **value > kMaxQuantity)) {
      bad->push_back({field, "must be a whole number from 1 to 1000000"});
    }
  }
  if (c.min_size && c.max_size && *c.min_size > *c.max_size) {
    bad->push_back({"criteria.max_size", "must be at least min_size"});
  }
}

}  // namespace

std::vector<DistributionStatus> AllowedNext(DistributionStatus from) {
  switch (from) {
    case DS::kDraft:
      return {DS::kPlanned, DS::kCancelled};
    case DS::kPlanned:
      return {DS::kOpen, DS::kDraft, DS::kCancelled};
    case DS::kOpen:
      return {DS::kClosed};
    case DS::kClosed:
    case DS::kCancelled:
      return {};
  }
  return {};
}

Status CheckStep(DistributionStatus from, DistributionStatus to) {
  const auto next = AllowedNext(from);
  if (std::find(next.begin(), next.end(), to) != next.end()) return Status::Ok();
  std::string steps;
  for (const DS s : next)
    steps += (steps.empty() ? "" : ", ") + std::string(DistributionStatusName(s));
  if (steps.empty()) steps = "none";
  return {StatusCode::kConflict,
          "a " + std::string(DistributionStatusName(from)) + " round cannot become " +
              std::string(DistributionStatusName(to)),
          {{"status", "allowed next steps: " + steps}}};
}

std::vector<FieldError> ValidateDistribution(const Distribution& d,
                                             const registry::PlaceDirectory& places) {
  std::vector<FieldError> bad;
  if (d.name.empty()) {
    bad.push_back({"name", "is required"});
  } else if (Utf8Chars(d.name) > kMaxNameChars) {
    bad.push_back({"name", "is longer than 200 characters"});
  }
  for (const auto& [field, text] : {std::pair{"project", &d.project}, {"site", &d.site}}) {
    if (Utf8Chars(*text) > kMaxTextChars) bad.push_back({field, "is longer than 500 characters"});
  }
  if (d.pcode.empty()) {
    bad.push_back({"pcode", "is required"});
  } else if (!places.Exists(d.pcode)) {
    bad.push_back({"pcode", "is not a known P-code"});
  }
  const bool starts = IsDay(d.starts_on);
  const bool ends = IsDay(d.ends_on);
  if (!starts) bad.push_back({"starts_on", "must be a date YYYY-MM-DD"});
  if (!ends) bad.push_back({"ends_on", "must be a date YYYY-MM-DD"});
  if (starts && ends && d.ends_on < d.starts_on) {
    bad.push_back({"ends_on", "must not be before starts_on"});
  }
  if (d.kind == "in_kind") {
    if (d.warehouse_id <= 0) bad.push_back({"warehouse_id", "an in-kind round needs a warehouse"});
    CheckBasket(d, &bad);
    if (d.cash) bad.push_back({"cash", "only a cash round has a cash transfer"});
  } else if (d.kind == "cash") {
    if (!d.cash) {
      bad.push_back({"cash", "a cash round needs amount, currency and mechanism"});
    } else {
      CheckCash(*d.cash, &bad);
    }
    if (!d.basket.empty()) bad.push_back({"basket", "only an in-kind round has a basket"});
  } else {
    bad.push_back({"kind", "must be in_kind or cash"});
  }
  if (!d.sector.empty() && !OneOf(kSectors, d.sector)) bad.push_back({"sector", Choices(kSectors)});
  CheckCriteria(d.criteria, places, &bad);
  return bad;
}

std::string_view RoundSector(const Distribution& d) {
  if (!d.sector.empty()) return d.sector;
  if (d.kind == "cash") return "mpca";
  // Item categories (stock/stock.h) to sectors; nfi, shelter and other are shelter and NFI.
  constexpr std::pair<std::string_view, std::string_view> kByCategory[] = {
      {"food", "food_security"},
      {"wash", "wash"},
      {"hygiene", "wash"},
      {"dignity_kit", "gbv"},
      {"medicine", "health"}};
  // Both arms string_view: with "" on one side the conditional would be a temporary std::string
  // that the view outlives.
  const std::string_view category =
      d.basket.empty() ? std::string_view() : std::string_view(d.basket.front().item_category);
  for (const auto& [from, to] : kByCategory) {
    if (from == category) return to;
  }
  return "shelter_nfi";
}

bool MeetsCriteria(const Criteria& c, const registry::Household& h, std::string_view starts_on) {
  if (!c.displacement_status.empty() &&
      std::find(c.displacement_status.begin(), c.displacement_status.end(),
                h.displacement_status) == c.displacement_status.end()) {
    return false;
  }
  if (!c.pcode.empty() && !h.location_pcode.starts_with(c.pcode)) return false;
  const auto size = static_cast<int64_t>(h.members.size());
  if (size == 0) return false;
  if (c.min_size && size < *c.min_size) return false;
  if (c.max_size && size > *c.max_size) return false;
  if (c.female_headed) {
    const auto head = std::find_if(h.members.begin(), h.members.end(),
                                   [](const auto& m) { return m.relationship == "head"; });
    if (head == h.members.end() || head->sex != "female") return false;
  }
  const auto any = [&](const std::function<bool(const registry::Member&)>& f) {
    return std::any_of(h.members.begin(), h.members.end(), f);
  };
  if (c.disability && !any([](const registry::Member& m) {
        return std::any_of(m.disability.begin(), m.disability.end(), [](const auto& kv) {
          return kv.second == "a_lot_of_difficulty" || kv.second == "cannot_do_at_all";
        });
      })) {
    return false;
  }
  if (c.elderly && !any([&](const registry::Member& m) {
        return AgeOn(m.birth_date, starts_on) >= kElderlyAge;
      })) {
    return false;
  }
  if (c.child_under_5 && !any([&](const registry::Member& m) {
        const int age = AgeOn(m.birth_date, starts_on);
        return age >= 0 && age < kChildAge;
      })) {
    return false;
  }
  return true;
}

Entitlement EntitlementFor(const Distribution& d, int64_t size) {
  Entitlement e;
  for (const BasketLine& l : d.basket) {
    int64_t q = l.per_member ? l.quantity * size : l.quantity;
    if (l.per_member && l.max_quantity) q = std::min(q, *l.max_quantity);
    e.items.push_back({.item_id = l.item_id, .quantity = q});
  }
  if (d.cash) {
    int64_t a = d.cash->per_member ? d.cash->amount * size : d.cash->amount;
    if (d.cash->per_member && d.cash->max_amount) a = std::min(a, *d.cash->max_amount);
    e.cash = a;
  }
  return e;
}

Draw DrawList(const std::vector<Candidate>& candidates, const Criteria& c,
              std::string_view starts_on) {
  Draw out;
  std::unordered_set<int64_t> drawn;
  for (size_t i = 0; i < candidates.size(); ++i) {
    if (c.max_households && static_cast<int64_t>(out.chosen.size()) >= *c.max_households) break;
    const Candidate& cand = candidates[i];
    if (!MeetsCriteria(c, cand.household, starts_on)) continue;
    if (c.not_assisted_days && cand.assisted_recently) continue;
    const bool duplicate = std::any_of(cand.identities.begin(), cand.identities.end(),
                                       [&](int64_t id) { return drawn.contains(id); });
    if (duplicate) {
      ++out.duplicates_skipped;
      continue;
    }
    drawn.insert(cand.identities.begin(), cand.identities.end());
    out.chosen.push_back(i);
  }
  return out;
}

Identities::Identities(const std::vector<std::pair<int64_t, int64_t>>& links) : parent_(links) {
  std::sort(parent_.begin(), parent_.end());
}

int64_t Identities::Of(int64_t person) const {
  // Follows merged_into to the end; a bound guards against a cycle in bad data.
  for (size_t hops = 0; hops <= parent_.size(); ++hops) {
    const auto it = std::lower_bound(parent_.begin(), parent_.end(),
                                     std::pair<int64_t, int64_t>{person, INT64_MIN});
    if (it == parent_.end() || it->first != person) return person;
    person = it->second;
  }
  return person;
}

std::string MakeToken(const std::function<uint32_t(uint32_t)>& uniform) {
  std::string out;
  for (size_t i = 0; i < kTokenLength; ++i) out += kCrockford.at(uniform(kCrockford.size()));
  return out;
}

std::string FormatToken(std::string_view token) {
  if (token.size() != kTokenLength) return std::string(token);
  return std::string(token.substr(0, 4)) + "-" + std::string(token.substr(4));
}

std::optional<std::string> ParseToken(std::string_view text) {
  std::string out;
  for (char ch : text) {
    if (ch == '-' || ch == ' ') continue;
    ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (ch == 'I' || ch == 'L') ch = '1';
    if (ch == 'O') ch = '0';
    if (kCrockford.find(ch) == std::string_view::npos) return std::nullopt;
    out += ch;
    if (out.size() > kTokenLength) return std::nullopt;
  }
  if (out.size() != kTokenLength) return std::nullopt;
  return out;
}

std::string FullName(const registry::Member& m) {
  std::string out;
  for (const std::string* part :
       {&m.given_name, &m.father_name, &m.grandfather_name, &m.family_name}) {
    if (part->empty()) continue;
    if (!out.empty()) out += " ";
    out += *part;
  }
  return out;
}

}  // namespace sanad::assistance
