#include "registry/demo_generator.h"

#include <algorithm>
#include <array>
#include <cassert>

#include "registry/demo_names.h"
#include "registry/demo_sites.h"

namespace sanad::registry {
namespace {

constexpr int64_t kSecondsPerDay = 86400;
constexpr int64_t kDefaultToday = 20454;  // 2026-01-01 in days since 1970-01-01
constexpr int kDaysPerYear = 365;
constexpr int kAdultAge = 18;
constexpr int kDisabilityMinAge = 5;  // the Washington Group short set is asked from age 5
constexpr size_t kMaxMembers = 10;
constexpr int kMinDocumentAge = 2;  // babies are on their parents' papers
// Household sizes 1..10, weights in percent: aiming at a mean of about 5, as in IDP household
// surveys.
constexpr std::array<int, 10> kSizeWeights = {3, 7, 11, 14, 16, 16, 13, 10, 6, 4};
// Iraqi mobile prefixes after +964 7: Korek 75x, Asiacell 77x, Zain 78x/79x.
constexpr std::array<char, 4> kMobileOperators = {'5', '7', '8', '9'};
constexpr std::array<std::string_view, 6> kDisabilityDomains = {
    "seeing", "hearing", "mobility", "cognition", "self_care", "communication"};

struct Civil {
  int year, month, day;
};

// Howard Hinnant's civil_from_days: days since 1970-01-01 to a proleptic Gregorian date.
Civil CivilFromDays(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {static_cast<int>(yoe + era * 400 + (m <= 2)), m, d};
}

void AppendPadded(std::string& out, int value, int width) {
  char buf[8];
  for (int i = width - 1; i >= 0; --i, value /= 10) buf[i] = static_cast<char>('0' + value % 10);
  out.append(buf, static_cast<size_t>(width));
}

// The name parts of one person; family may be null (many Kurdish and Yazidi documents have
// none). Father and grandfather are given names, as Iraqi documents chain them.
struct NameChain {
  const DemoName* given = nullptr;
  const DemoName* father = nullptr;
  const DemoName* grandfather = nullptr;
  const DemoName* family = nullptr;
};

}  // namespace

// Everything one call of Next() works with: the generator's random state, the name lists, the
// household being built and the community its names come from.
struct DemoGenerator::State {
  State(uint64_t& rng_state, const DemoNames& name_lists, int64_t today_days)
      : rng(rng_state), names(name_lists), today(today_days) {}

  uint64_t& rng;
  const DemoNames& names;
  int64_t today;  // days since 1970-01-01
  Community community = Community::kArab;
  Household h;
  std::array<int, kMaxMembers> ages{};  // of h.members, in years

  bool Room(int size) const { return static_cast<int>(h.members.size()) < size; }

  // splitmix64: fast, good enough for synthetic data, identical on every platform.
  uint64_t Bits() {
    uint64_t z = (rng += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int Uniform(int lo, int hi) { return lo + static_cast<int>(Bits() % (hi - lo + 1)); }
  bool Percent(int p) { return static_cast<int>(Bits() % 100) < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Bits() % v.size()];
  }

  const DemoName& Given(bool female) {
    Community from = community;
    // Kurds and Yazidis also carry names shared with their neighbours.
    if (community == Community::kKurdish && Percent(45)) from = Community::kArab;
    if (community == Community::kYazidi && Percent(15)) from = Community::kKurdish;
    return Pick(names.Given(from, female));
  }
  // A given name not yet used by another member, so brothers are not namesakes.
  const DemoName& FreshGiven(bool female) {
    const DemoName* name = &Given(female);
    for (int tries = 0; tries < 3 && Used(name->arabic); ++tries) name = &Given(female);
    return *name;
  }
  bool Used(std::string_view arabic) const {
    return std::any_of(h.members.begin(), h.members.end(),
                       [&](const Member& m) { return m.given_name == arabic; });
  }
  const DemoName* Family() {
    static constexpr std::array<int, kCommunityCount> kHasFamily = {75, 95, 60, 40};
    if (!Percent(kHasFamily[static_cast<size_t>(community)])) return nullptr;
    return &Pick(names.Family(community));
  }
  // Someone from outside the household's father line; no name repeats in the chain.
  NameChain Stranger(bool female) {
    NameChain n{&Given(female), &Given(false), &Given(false), Family()};
    for (int tries = 0; tries < 3 && n.father->arabic == n.given->arabic; ++tries) {
      n.father = &Given(false);
    }
    for (int tries = 0; tries < 3 && n.grandfather->arabic == n.father->arabic; ++tries) {
      n.grandfather = &Given(false);
    }
    return n;
  }

  std::string_view Latin(const DemoName& n) {
    return n.latin_count > 1 && Percent(15) ? n.latin[1 + Bits() % (n.latin_count - 1)]
                                            : n.latin[0];
  }

  std::string BirthDate(int age) {
    const int64_t days = today - age * kDaysPerYear - Uniform(0, kDaysPerYear - 1);
    const Civil c = CivilFromDays(std::min(days, today));
    std::string out;
    out.reserve(10);
    AppendPadded(out, c.year, 4);
    const int roll = Uniform(0, 99);
    // Adults' dates are often known to the year, or set to 1 July by the civil registry.
    if (age >= kAdultAge ? roll < 50 : roll < 4) return out;
    out += '-';
    if (age >= kAdultAge ? roll < 60 : roll < 8) {
      AppendPadded(out, c.month, 2);
      return out;
    }
    if (age >= kAdultAge && roll < 75 && c.year < CivilFromDays(today).year) {
      out += "07-01";
      return out;
    }
    AppendPadded(out, c.month, 2);
    out += '-';
    AppendPadded(out, c.day, 2);
    return out;
  }

  std::string Digits(int n) {
    std::string out;
    out.reserve(static_cast<size_t>(n));
    out.push_back(static_cast<char>('1' + Bits() % 9));
    for (int i = 1; i < n; ++i) out.push_back(static_cast<char>('0' + Bits() % 10));
    return out;
  }
  std::string Phone() {
    std::string out = "+9647";
    out.push_back(kMobileOperators[Bits() % kMobileOperators.size()]);
    for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>('0' + Bits() % 10));
    return out;
  }

  // Number formats look right (12-digit national card, 8-digit civil ID, Iraqi passport
  // A + 8 digits, UNHCR case numbers) but carry no check digits and belong to nobody.
  void AddDocuments(Member& m, int age) {
    const bool refugee = h.displacement_status == "refugee";
    const bool migrant = h.displacement_status == "migrant";
    if (refugee) {  // UNHCR registration, e.g. 345-14C01234
      m.documents.push_back({"other", "345-" + std::to_string(12 + Bits() % 12) + "C" + Digits(5)});
    }
    if (migrant && age >= kAdultAge) m.documents.push_back({"passport", "A" + Digits(8)});
    if (refugee || migrant || age < kMinDocumentAge) return;
    if (Percent(age >= kAdultAge ? 8 : 45)) return;  // lost, never issued, or not shown
    const int roll = Uniform(0, 99);
    if (roll < 55) {
      m.documents.push_back({"national_id", Digits(12)});
    } else if (roll < 75) {
      m.documents.push_back({"unified_card", Digits(12)});
    } else if (age >= kAdultAge) {
      m.documents.push_back({"civil_id", Digits(8)});
    }
    if (m.relationship == "head" && Percent(70)) m.documents.push_back({"pds_card", Digits(7)});
    if (age >= kAdultAge && Percent(10)) m.documents.push_back({"passport", "A" + Digits(8)});
  }

  void AddDisability(Member& m, int age) {
    for (std::string_view domain : kDisabilityDomains) {
      std::string_view answer = "no_difficulty";
      const int roll = Uniform(0, 999);
      // Difficulty grows with age: about 1% a domain at 5, 6% at 40, 11% at 70.
      if (roll < 5 + age * 3 / 2) {
        answer = roll % 10 < 6   ? "some_difficulty"
                 : roll % 10 < 9 ? "a_lot_of_difficulty"
                                 : "cannot_do_at_all";
      } else if (roll >= 995) {
        answer = "dont_know";
      }
      m.disability.emplace(domain, answer);
    }
  }

  Member& Add(const NameChain& n, bool female, int age, std::string_view relationship) {
    ages[h.members.size()] = age;
    Member& m = h.members.emplace_back();
    m.given_name = n.given->arabic;
    m.father_name = n.father->arabic;
    m.grandfather_name = n.grandfather->arabic;
    if (n.family) m.family_name = n.family->arabic;
    for (const DemoName* part : {n.given, n.father, n.grandfather, n.family}) {
      if (!part) continue;
      if (!m.name_latin.empty()) m.name_latin += ' ';
      m.name_latin += Latin(*part);
    }
    m.sex = female ? "female" : "male";
    m.relationship = relationship;
    m.birth_date = BirthDate(age);
    if (age >= 16 && Percent(relationship == "head" ? 90 : 35)) m.phone = Phone();
    AddDocuments(m, age);
    return m;
  }
};

DemoGenerator::DemoGenerator(const PlaceDirectory& places, DemoOptions options)
    : options_(options), rng_(options.seed) {
  // The site table names shipped COD-AB P-codes; a directory without them is a wiring mistake.
  assert(std::all_of(DemoSites().begin(), DemoSites().end(),
                     [&](const DemoSite& s) { return places.Exists(s.pcode); }));
  (void)places;  // only read by the assertion
}

Household DemoGenerator::Next() {
  static const auto kCumulative = [] {
    std::vector<int> sums;
    int total = 0;
    for (const DemoSite& s : DemoSites()) sums.push_back(total += s.weight);
    return sums;
  }();
  const int64_t today =
      options_.today_seconds > 0 ? options_.today_seconds / kSecondsPerDay : kDefaultToday;
  State s(rng_, DemoNames::Shipped(), today);
  const int pick = static_cast<int>(s.Bits() % kCumulative.back());
  const DemoSite& site =
      DemoSites()[std::upper_bound(kCumulative.begin(), kCumulative.end(), pick) -
                  kCumulative.begin()];
  s.community = site.community;
  Household& h = s.h;
  h.displacement_status = site.status;
  h.location_pcode = site.pcode;
  h.location_site = site.site;
  const auto origins = std::count_if(site.origins.begin(), site.origins.end(),
                                     [](std::string_view o) { return !o.empty(); });
  if (origins > 0) h.origin_pcode = site.origins[s.Bits() % origins];

  int size = 1;
  for (int roll = s.Uniform(0, 99); roll >= kSizeWeights[size - 1]; ++size) {
    roll -= kSizeWeights[size - 1];
  }
  const bool female_head = s.Percent(20);
  const int head_age = 19 + s.Uniform(0, 25) + s.Uniform(0, 25) + (female_head ? 3 : 0);
  h.members.reserve(static_cast<size_t>(size) + 2);
  const NameChain head = s.Stranger(female_head);
  h.phone = s.Add(head, female_head, head_age, "head").phone;

  // Children's father: the head, or for a female head her (absent or late) husband.
  NameChain father = female_head ? s.Stranger(false) : head;
  int mother_age = female_head ? head_age : head_age - s.Uniform(0, 10);
  if (!female_head && size > 1 && s.Percent(head_age < 25 ? 70 : 92)) {
    mother_age = std::max(mother_age, 17);
    s.Add(s.Stranger(true), true, mother_age, "spouse");
  }
  if (head_age < 50 && s.Room(size) && s.Percent(12)) {
    const bool mother = s.Percent(70);
    const int age = head_age + s.Uniform(18, 32);
    const NameChain parent =
        mother ? s.Stranger(true)
               : NameChain{head.father, head.grandfather, &s.Given(false), head.family};
    s.Add(parent, mother, age, "parent");
  }
  if (s.Room(size) && s.Percent(6)) {
    const bool sister = s.Percent(50);
    const NameChain sibling{&s.FreshGiven(sister), head.father, head.grandfather, head.family};
    s.Add(sibling, sister, std::max(10, head_age - s.Uniform(1, 12)), "sibling");
  }
  // Children oldest first, born when the mother was 17 to about 45, one to four years apart.
  bool son_married = false;
  for (int age = mother_age - s.Uniform(17, 24); age >= 0 && s.Room(size); age -= s.Uniform(1, 4)) {
    if (age >= 25 && s.Percent(60)) continue;  // grown children have mostly left
    const bool daughter = s.Percent(49);
    const NameChain child{&s.FreshGiven(daughter), father.given, father.father, father.family};
    s.Add(child, daughter, age, "child");
    if (daughter || age < 22 || son_married || !s.Room(size) || !s.Percent(40)) continue;
    // A married son living with his parents: his wife and their children.
    son_married = true;
    const int wife_age = std::max(kAdultAge, age - s.Uniform(0, 6));
    s.Add(s.Stranger(true), true, wife_age, "other");
    for (int g = wife_age - s.Uniform(17, 20); g >= 0 && s.Room(size); g -= s.Uniform(1, 3)) {
      const bool girl = s.Percent(49);
      s.Add({&s.FreshGiven(girl), child.given, child.father, child.family}, girl, g, "grandchild");
    }
  }
  if (s.Percent(12)) {  // the household was asked the Washington Group short set
    for (size_t i = 0; i < h.members.size(); ++i) {
      if (s.ages[i] >= kDisabilityMinAge) s.AddDisability(h.members[i], s.ages[i]);
    }
  }
  return std::move(s.h);
}

std::vector<Household> DemoGenerator::Generate(size_t n) {
  std::vector<Household> out;
  out.reserve(n);
  for (size_t i = 0; i < n; ++i) out.push_back(Next());
  return out;
}

}  // namespace sanad::registry
