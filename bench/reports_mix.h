// The mix of the reports benchmark's service records (written by reports_records.cc as
// store/service_record_store.cc's callers write them, day by day in date order as they would
// accumulate), the four sources in fixed shares of the rows:
// - collection (68 %): every member of a household, one row each, the round's sector (cash
//   rounds mpca), in_kind or cash, the round's place (the household's district, or its
//   governorate for one round in ten). Half the collections go to a "caseload" of 15 % of the
//   households, so collections per person are skewed.
// - activity (17 %): a done activity at a subdistrict, its registered attendees from there (half
//   of them from a fifth of its people who come again and again) and for half the activities
//   1–3 rows of counted people; 4 % are a partner's, with counted people only. The activities
//   and their attendance are written too.
// - case_service (9 %): a service of a case (new or already open) to its 1–3 people; a GBV case
//   writes one counted row of unknown sex, age and group at the district.
// - referral (the rest): one person, served by the receiving organisation (mostly partners),
//   at the district; a GBV safe-space referral is one counted unknown row.
// Days weigh from half to one and a half of the mean over the period (programmes grow), Fridays
// a third. Constants, a seeded random source and the calendar; not thread-safe (Rng).
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sanad::bench {

inline constexpr double kCollectionShare = 0.68;
inline constexpr double kActivityShare = 0.17;
inline constexpr double kCaseShare = 0.09;
inline constexpr size_t kGovernorateChars = 5;
inline constexpr size_t kDistrictChars = 8;

struct Weighted {
  std::string_view value;
  double weight;
};

inline constexpr Weighted kRoundSectors[] = {{"food_security", 40}, {"mpca", 20}, {"wash", 15},
                                             {"shelter_nfi", 15},   {"gbv", 5},   {"health", 5}};
inline constexpr Weighted kModules[] = {{"gbv", 30},   {"child_protection", 25},
                                        {"mhpss", 15}, {"legal", 10},
                                        {"hlp", 10},   {"special_needs", 10}};

struct ActivityKind {
  std::string_view type;
  std::string_view sector;
  std::string_view other_sector;  // "" = always `sector`
  double weight;
};
inline constexpr ActivityKind kActivityKinds[] = {
    {"awareness_session", "protection", "health", 25},
    {"pfa_group", "mhpss", "", 12},
    {"training", "protection", "education", 8},
    {"door_to_door", "health", "wash", 15},
    {"class", "education", "", 14},
    {"recreational_event", "child_protection", "", 14},
    {"social_cohesion_event", "protection", "livelihoods", 12}};

enum class Receiver { kOwn, kHealthPartner, kLegalPartner };
struct ReferralKind {
  std::string_view type;
  std::string_view sector;  // as referral_service.cc maps the type
  Receiver receiver;
  double weight;
};
inline constexpr ReferralKind kReferralKinds[] = {
    {"health", "health", Receiver::kHealthPartner, 30},
    {"mhpss", "mhpss", Receiver::kHealthPartner, 10},
    {"legal_aid", "protection", Receiver::kLegalPartner, 15},
    {"livelihoods", "livelihoods", Receiver::kLegalPartner, 8},
    {"cash", "mpca", Receiver::kLegalPartner, 7},
    {"shelter", "shelter_nfi", Receiver::kLegalPartner, 5},
    {"education", "education", Receiver::kOwn, 8},
    {"food", "food_security", Receiver::kOwn, 7},
    {"wash", "wash", Receiver::kOwn, 5},
    {"child_protection", "child_protection", Receiver::kOwn, 3},
    {"gbv_safe_space", "gbv", Receiver::kOwn, 2}};

inline constexpr std::array<std::string_view, 2> kCountSexes = {"female", "male"};
inline constexpr std::array<std::string_view, 4> kCountAges = {"0-5", "6-17", "18-59", "60+"};
inline constexpr std::array<std::string_view, 4> kCountGroups = {"idp", "returnee", "refugee",
                                                                 "host"};

inline const std::vector<std::string> kRecordColumns = {
    "organisation_id", "project_id", "office_id",  "sector",
    "source",          "source_id",  "kind",       "pcode",
    "served_on",       "person_key", "person_id",  "household_id",
    "count",           "sex",        "birth_year", "age_group",
    "population_group"};

class Rng {
 public:
  explicit Rng(uint64_t seed) : gen_(seed) {}
  size_t Below(size_t n) { return static_cast<size_t>(gen_() % n); }
  double Unit() { return static_cast<double>(gen_() >> 11) * 0x1.0p-53; }
  bool Chance(double p) { return Unit() < p; }
  template <typename T>
  const T& Pick(std::span<const T> items) {
    double total = 0;
    for (const T& i : items) total += i.weight;
    double at = Unit() * total;
    for (const T& i : items) {
      if ((at -= i.weight) < 0) return i;
    }
    return items.back();
  }

 private:
  std::mt19937_64 gen_;
};

// Every day of the period and its share of the work: growing from half to one and a half of
// the mean over the period as programmes scale up, and a third on Fridays.
struct Calendar {
  std::vector<std::string> days;
  std::vector<double> cumulative;  // share of all work done by the end of each day
};

Calendar MakeCalendar();

}  // namespace sanad::bench
