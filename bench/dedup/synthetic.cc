#include "synthetic.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <map>
#include <optional>
#include <utility>

#include "base/embedded_files.h"
#include "name_variants.h"

namespace sanad::bench::dedup {
namespace {

using matching::PersonRecord;
constexpr int kThisYear = 2024;

// The truth about one person.
struct Person {
  const NameEntry* given = nullptr;
  const NameEntry* father = nullptr;
  const NameEntry* grandfather = nullptr;
  const NameEntry* family = nullptr;
  char sex = 'm';
  PartialDate birth;  // always to the day, days up to 28 so that year +-1 stays valid
  uint32_t place = 0;
  std::string phone;         // 11 digits or empty
  std::string document;      // 12 digits or empty
  bool latin_parts = false;  // how the first registration wrote the names
  bool latin_only = false;
  uint32_t household = 0;
};

enum class Script { kArabicParts, kLatinParts, kLatinOnly };

bool Chance(double p, std::mt19937_64& rng) {
  return std::uniform_real_distribution<double>(0, 1)(rng) < p;
}

int Uniform(int lo, int hi, std::mt19937_64& rng) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

std::string RandomDigits(int n, std::mt19937_64& rng) {
  std::string s;
  for (int i = 0; i < n; ++i) s.push_back(static_cast<char>('0' + Uniform(0, 9, rng)));
  return s;
}

// 07[5789]x xxx xxxx: Korek 075, Asiacell 077, Zain 078/079.
std::string RandomPhone(std::mt19937_64& rng) {
  constexpr std::array<char, 4> kOperators = {'5', '7', '8', '9'};
  return std::string("07") + kOperators[Uniform(0, 3, rng)] + RandomDigits(8, rng);
}

// As clerks type it: 07701234567, 0770 123 4567, +9647701234567, 964 770 123 4567.
std::string FormatPhone(const std::string& p, std::mt19937_64& rng) {
  const int r = Uniform(0, 19, rng);
  if (r < 10) return p;
  if (r < 14) return p.substr(0, 4) + " " + p.substr(4, 3) + " " + p.substr(7);
  if (r < 17) return "+964" + p.substr(1);
  return "964 " + p.substr(1, 3) + " " + p.substr(4, 3) + " " + p.substr(7);
}

// Born `age` years before mid-2024, the time the registrations are made.
PartialDate RandomBirth(int age, std::mt19937_64& rng) {
  const int year = kThisYear - std::max(age, 0);
  return PartialDate{.year = year,
                     .month = Uniform(1, year == kThisYear ? 6 : 12, rng),
                     .day = Uniform(1, 28, rng),
                     .precision = DatePrecision::kDay};
}

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

}  // namespace

struct RegistrationGenerator::Impl {
  const NameTable& names;
  std::vector<Place> places;
  std::map<std::string, std::vector<uint32_t>> places_by_governorate;
  SyntheticOptions options;
  std::vector<Person> persons;

  const NameEntry& DrawGiven(Community c, char sex, std::mt19937_64& rng) const {
    // Kurdish families give about half their children Arabic names, Yazidi families some
    // Kurdish and Arabic ones, Christian families some Arabic ones.
    const int r = Uniform(0, 99, rng);
    Community list = c;
    if (c == Community::kKurdish && r < 50) list = Community::kArab;
    if (c == Community::kYazidi && r < 30) list = Community::kKurdish;
    if (c == Community::kYazidi && r >= 30 && r < 50) list = Community::kArab;
    if (c == Community::kChristian && r < 20) list = Community::kArab;
    return names.Given(list, sex).Draw(rng);
  }

  uint32_t DrawPlace(Community c, std::mt19937_64& rng) const {
    const int r = Uniform(0, 99, rng);
    const char* gov = nullptr;
    switch (c) {
      case Community::kKurdish:
        gov = r < 35 ? "Erbil" : r < 65 ? "Al-Sulaymaniyah" : r < 90 ? "Duhok" : nullptr;
        break;
      case Community::kYazidi:
        gov = r < 60 ? "Ninewa" : "Duhok";
        break;
      case Community::kChristian:
        gov = r < 50 ? "Ninewa" : r < 80 ? "Erbil" : "Duhok";
        break;
      case Community::kArab:
        break;
    }
    if (gov != nullptr) {
      const auto& in = places_by_governorate.at(gov);
      return in[Uniform(0, static_cast<int>(in.size()) - 1, rng)];
    }
    return static_cast<uint32_t>(Uniform(0, static_cast<int>(places.size()) - 1, rng));
  }

  uint32_t MovedPlace(uint32_t from, std::mt19937_64& rng) const {
    if (Chance(0.5, rng)) {
      const auto& in = places_by_governorate.at(places[from].governorate);
      return in[Uniform(0, static_cast<int>(in.size()) - 1, rng)];
    }
    return static_cast<uint32_t>(Uniform(0, static_cast<int>(places.size()) - 1, rng));
  }

  void MakeHousehold(std::mt19937_64& rng, const Person* previous_head);

  PersonRecord Register(const Person& p, bool copy, std::mt19937_64& rng) const;
};

void RegistrationGenerator::Impl::MakeHousehold(std::mt19937_64& rng, const Person* previous_head) {
  // `previous_head` points into `persons`, which grows below: copy what is needed first.
  const std::optional<Person> previous =
      previous_head != nullptr ? std::optional<Person>(*previous_head) : std::nullopt;
  static constexpr std::array<double, 10> kSizeWeights = {6, 8, 11, 13, 15, 14, 12, 9, 7, 5};
  std::discrete_distribution<int> size_dist(kSizeWeights.begin(), kSizeWeights.end());
  const int size = size_dist(rng) + 1;
  const int cr = Uniform(0, 99, rng);
  Community community = cr < 72   ? Community::kArab
                        : cr < 90 ? Community::kKurdish
                        : cr < 94 ? Community::kChristian
                                  : Community::kYazidi;
  const std::string household_phone = Chance(0.8, rng) ? RandomPhone(rng) : "";
  const NameList& family_names = names.Family(community);

  auto adult = [&](Person p, int age) {
    p.birth = RandomBirth(age, rng);
    p.phone = Chance(0.3, rng) ? RandomPhone(rng) : household_phone;
    if (Chance(0.5, rng)) p.document = "1" + RandomDigits(11, rng);
    return p;
  };

  // The head: a man in most households, sometimes the brother of the previous household's
  // head (same father, grandfather and family: cousins are the hardest non-duplicates).
  Person head;
  head.sex = Chance(0.85, rng) ? 'm' : 'f';
  const bool brother = previous && previous->sex == 'm' && head.sex == 'm' && Chance(0.15, rng);
  if (brother) {
    head.father = previous->father;
    head.grandfather = previous->grandfather;
    head.family = previous->family;
    head.place = Chance(0.7, rng) ? previous->place : DrawPlace(community, rng);
  } else {
    head.father = &DrawGiven(community, 'm', rng);
    head.grandfather = &DrawGiven(community, 'm', rng);
    head.family = &family_names.Draw(rng);
    head.place = DrawPlace(community, rng);
  }
  head.given = &DrawGiven(community, head.sex, rng);
  const int head_age = Uniform(20, 70, rng);
  head = adult(head, head_age);
  const uint32_t place = head.place;
  persons.push_back(head);
  int members = 1;

  // The children's father: the head, or the late husband of a woman heading the household.
  Person father = head;
  if (head.sex == 'f') {
    father.given = &DrawGiven(community, 'm', rng);
    father.father = &DrawGiven(community, 'm', rng);
    father.family = &family_names.Draw(rng);
  }
  int mother_age = head_age;
  if (head.sex == 'm' && members < size && Chance(0.85, rng)) {
    Person wife;
    wife.sex = 'f';
    wife.given = &DrawGiven(community, 'f', rng);
    wife.father = &DrawGiven(community, 'm', rng);
    wife.grandfather = &DrawGiven(community, 'm', rng);
    wife.family = Chance(0.25, rng) ? head.family : &family_names.Draw(rng);  // cousins marry
    wife.place = place;
    mother_age = std::max(18, head_age - Uniform(0, 10, rng));
    persons.push_back(adult(wife, mother_age));
    ++members;
  }
  if (size - members >= 3 && Chance(0.1, rng)) {  // the head's widowed mother
    Person mother;
    mother.sex = 'f';
    mother.given = &DrawGiven(community, 'f', rng);
    mother.father = &DrawGiven(community, 'm', rng);
    mother.grandfather = &DrawGiven(community, 'm', rng);
    mother.family = &family_names.Draw(rng);
    mother.place = place;
    persons.push_back(adult(mother, head_age + Uniform(18, 35, rng)));
    ++members;
  }
  std::vector<const NameEntry*> taken;
  std::optional<PartialDate> previous_birth;
  for (; members < size; ++members) {
    Person child;
    child.sex = Chance(0.5, rng) ? 'm' : 'f';
    for (int attempt = 0; attempt < 5; ++attempt) {  // siblings rarely share a given name
      child.given = &DrawGiven(community, child.sex, rng);
      if (std::find(taken.begin(), taken.end(), child.given) == taken.end()) break;
    }
    taken.push_back(child.given);
    child.father = father.given;
    child.grandfather = father.father;
    child.family = father.family;
    child.place = place;
    const int age = Uniform(0, std::max(0, std::min(mother_age - 16, 30)), rng);
    child.birth = RandomBirth(age, rng);
    if (previous_birth && Chance(0.02, rng)) child.birth = *previous_birth;  // twins
    child.phone = age >= 18 && Chance(0.3, rng) ? RandomPhone(rng) : household_phone;
    if (Chance(age >= 18 ? 0.5 : 0.15, rng)) child.document = "1" + RandomDigits(11, rng);
    previous_birth = child.birth;
    persons.push_back(child);
  }
}

PersonRecord RegistrationGenerator::Impl::Register(const Person& p, bool copy,
                                                   std::mt19937_64& rng) const {
  const ErrorModel& e = options.errors;
  Script script = p.latin_only    ? Script::kLatinOnly
                  : p.latin_parts ? Script::kLatinParts
                                  : Script::kArabicParts;
  if (copy && Chance(e.script_switch, rng)) {
    const int r = Uniform(0, 3, rng);
    switch (script) {
      case Script::kArabicParts:
        script = r < 3 ? Script::kLatinParts : Script::kLatinOnly;
        break;
      case Script::kLatinParts:
      case Script::kLatinOnly:
        script = r < 3                           ? Script::kArabicParts
                 : script == Script::kLatinParts ? Script::kLatinOnly
                                                 : Script::kLatinParts;
        break;
    }
  }
  std::array<const NameEntry*, 4> entries = {p.given, p.father, p.grandfather, p.family};
  constexpr double kOriginalDrop = 0.05;
  if (Chance(copy ? e.drop_grandfather : kOriginalDrop, rng)) entries[2] = nullptr;
  if (Chance(copy ? e.drop_family : kOriginalDrop, rng)) entries[3] = nullptr;

  const bool arabic_parts = script == Script::kArabicParts;
  const bool arabic_variants = copy && Chance(e.arabic_variant, rng);
  std::array<std::string, 4> parts;
  for (size_t i = 0; i < 4; ++i) {
    if (entries[i] == nullptr) continue;
    if (arabic_parts) {
      parts[i] = entries[i]->arabic;
      if (arabic_variants && Chance(e.arabic_variant_per_part, rng)) {
        parts[i] = ArabicVariant(parts[i], rng);
      }
    } else {
      parts[i] = DrawLatin(*entries[i], rng);
      if (copy && Chance(e.latin_rule_per_part, rng)) parts[i] = LatinVariant(parts[i], rng);
    }
  }
  if (copy && !parts[3].empty() && Chance(e.family_article, rng)) {
    parts[3] = ArticleVariant(parts[3], rng);
  }
  auto present = [&] {
    std::vector<size_t> idx;
    for (size_t i = 0; i < 4; ++i) {
      if (!parts[i].empty()) idx.push_back(i);
    }
    return idx;
  };
  if (copy && Chance(e.typo, rng)) {
    const auto idx = present();
    const size_t first = idx[Uniform(0, static_cast<int>(idx.size()) - 1, rng)];
    parts[first] = Typo(parts[first], rng);
    if (Chance(e.second_typo / e.typo, rng) && idx.size() > 1) {
      size_t second = first;
      while (second == first) second = idx[Uniform(0, static_cast<int>(idx.size()) - 1, rng)];
      parts[second] = Typo(parts[second], rng);
    }
  }
  if (copy && Chance(e.swap_parts, rng)) {
    const auto idx = present();
    if (idx.size() >= 2) {
      const int k = Uniform(0, static_cast<int>(idx.size()) - 2, rng);
      std::swap(parts[idx[k]], parts[idx[k + 1]]);
    }
  }
  const bool upper = Chance(e.upper_case_latin, rng);
  PersonRecord r;
  if (script == Script::kLatinOnly) {
    for (const std::string& part : parts) {
      if (part.empty()) continue;
      if (!r.name_latin.empty()) r.name_latin += ' ';
      r.name_latin += part;
    }
  } else {
    r.given_name = std::move(parts[0]);
    r.father_name = std::move(parts[1]);
    r.grandfather_name = std::move(parts[2]);
    r.family_name = std::move(parts[3]);
    if (arabic_parts && Chance(e.name_latin_with_arabic, rng)) {
      for (const NameEntry* entry : entries) {
        if (entry == nullptr) continue;
        if (!r.name_latin.empty()) r.name_latin += ' ';
        r.name_latin += DrawLatin(*entry, rng);
      }
    }
  }
  if (upper) {
    r.name_latin = Upper(r.name_latin);
    if (!arabic_parts) {
      for (std::string* s : {&r.given_name, &r.father_name, &r.grandfather_name, &r.family_name}) {
        *s = Upper(*s);
      }
    }
  }

  r.sex = p.sex;
  if (Chance(e.sex_missing, rng)) r.sex = 0;
  if (copy && Chance(e.sex_wrong, rng)) r.sex = p.sex == 'm' ? 'f' : 'm';

  if (!Chance(e.birth_missing, rng)) {
    PartialDate d = p.birth;
    if (copy && Chance(e.birth_year_off, rng)) {
      d.year = std::min(kThisYear - 1, d.year + (Chance(0.5, rng) ? 1 : -1));
    }
    if (copy && d.day <= 12 && Chance(e.birth_day_month_swap, rng)) std::swap(d.day, d.month);
    const double u = std::uniform_real_distribution<double>(0, 1)(rng);
    if (u < e.birth_year_only) {
      d = PartialDate{.year = d.year, .precision = DatePrecision::kYear};
    } else if (u < e.birth_year_only + e.birth_month_only) {
      d = PartialDate{.year = d.year, .month = d.month, .precision = DatePrecision::kMonth};
    } else if (Chance(e.default_new_year, rng)) {
      d.month = 1;
      d.day = 1;
    }
    r.birth_date = d;
  }
  r.pcode = places[copy && Chance(e.moved, rng) ? MovedPlace(p.place, rng) : p.place].pcode;
  if (!p.phone.empty() && Chance(e.phone_shown, rng)) {
    r.phone = FormatPhone(copy && Chance(e.phone_changed, rng) ? RandomPhone(rng) : p.phone, rng);
  }
  if (!p.document.empty() && Chance(e.document_shown, rng)) r.document_number = p.document;
  return r;
}

std::vector<Place> LoadSubdistricts() {
  std::vector<Place> out;
  const auto text = FindEmbeddedFile("data/iraq/irq_admin_pcodes.csv");
  if (!text) return out;
  size_t pos = 0;
  while (pos < text->size()) {
    size_t end = text->find('\n', pos);
    if (end == std::string_view::npos) end = text->size();
    const std::string_view line = text->substr(pos, end - pos);
    pos = end + 1;
    if (!line.starts_with("3,")) continue;
    std::vector<std::string_view> cols;
    size_t start = 0;
    while (true) {
      const size_t comma = line.find(',', start);
      cols.push_back(line.substr(start, comma == std::string_view::npos ? comma : comma - start));
      if (comma == std::string_view::npos) break;
      start = comma + 1;
    }
    if (cols.size() > 7) out.push_back(Place{std::string(cols[1]), std::string(cols[7])});
  }
  return out;
}

RegistrationGenerator::RegistrationGenerator(const NameTable& names, std::vector<Place> places,
                                             const SyntheticOptions& options)
    : impl_(new Impl{.names = names, .places = std::move(places), .options = options}) {
  for (uint32_t i = 0; i < impl_->places.size(); ++i) {
    impl_->places_by_governorate[impl_->places[i].governorate].push_back(i);
  }
}

RegistrationGenerator::~RegistrationGenerator() = default;

SyntheticData RegistrationGenerator::Generate() {
  Impl& m = *impl_;
  std::mt19937_64 rng(m.options.seed);
  const ErrorModel& e = m.options.errors;
  SyntheticData data;
  std::discrete_distribution<int> extra(std::begin(e.extra_copies_weight),
                                        std::end(e.extra_copies_weight));
  // Registrations per person is 1 + duplicate_rate * mean extra copies; make people until the
  // registrations reach the target, then cut the surplus.
  std::vector<std::pair<uint32_t, bool>> plan;  // person, is a re-registration
  plan.reserve(m.options.records + 64);
  m.persons.clear();
  size_t previous_head = SIZE_MAX;
  while (plan.size() < m.options.records) {
    const size_t first = m.persons.size();
    m.MakeHousehold(rng, previous_head == SIZE_MAX ? nullptr : &m.persons[previous_head]);
    previous_head = first;
    for (size_t i = first; i < m.persons.size(); ++i) {
      Person& p = m.persons[i];
      p.household = static_cast<uint32_t>(data.households);
      const double u = std::uniform_real_distribution<double>(0, 1)(rng);
      p.latin_only = u < e.original_latin_only;
      p.latin_parts = !p.latin_only && u < e.original_latin_only + e.original_latin_parts;
      plan.emplace_back(static_cast<uint32_t>(i), false);
      if (Chance(e.duplicate_rate, rng)) {
        for (int k = extra(rng) + 1; k > 0; --k) plan.emplace_back(static_cast<uint32_t>(i), true);
      }
    }
    ++data.households;
  }
  plan.resize(m.options.records);
  std::shuffle(plan.begin(), plan.end(), rng);
  data.persons = m.persons.size();
  data.records.reserve(plan.size());
  data.person_of.reserve(plan.size());
  char id[24];
  for (size_t i = 0; i < plan.size(); ++i) {
    PersonRecord r = m.Register(m.persons[plan[i].first], plan[i].second, rng);
    std::snprintf(id, sizeof id, "R%07zu", i + 1);
    r.id = id;
    data.records.push_back(std::move(r));
    data.person_of.push_back(plan[i].first);
  }
  return data;
}

PersonRecord RegistrationGenerator::Reregister(uint32_t person, std::mt19937_64& rng) const {
  return impl_->Register(impl_->persons.at(person), true, rng);
}

const std::string& RegistrationGenerator::PhoneOf(uint32_t person) const {
  return impl_->persons.at(person).phone;
}

std::string RegistrationGenerator::Relation(uint32_t a, uint32_t b) const {
  const Person& x = impl_->persons.at(a);
  const Person& y = impl_->persons.at(b);
  if (a == b) return "same person";
  const bool lineage =
      x.father == y.father && x.grandfather == y.grandfather && x.family == y.family;
  const bool given = x.given == y.given;
  const bool year = x.birth.year == y.birth.year;
  std::string r = x.household == y.household ? "same household"
                  : lineage                  ? "same father, grandfather, family"
                                             : "unrelated";
  if (given && lineage)
    r += ", same four names";
  else if (given)
    r += ", same given name";
  if (year) r += ", same birth year";
  return r;
}

namespace {

void CsvField(std::ofstream& out, const std::string& s) {
  if (s.find_first_of(",\"\n") == std::string::npos) {
    out << s;
    return;
  }
  out << '"';
  for (const char c : s) {
    if (c == '"') out << '"';
    out << c;
  }
  out << '"';
}

}  // namespace

bool WriteCsv(const SyntheticData& data, const std::string& csv_path, const std::string& truth_path,
              std::string* error) {
  std::ofstream csv(csv_path, std::ios::binary);
  std::ofstream truth(truth_path, std::ios::binary);
  if (!csv || !truth) {
    *error = "cannot write " + (csv ? truth_path : csv_path);
    return false;
  }
  csv << "id,given_name,father_name,grandfather_name,family_name,name_latin,sex,birth_date,pcode,"
         "phone,document_number\n";
  truth << "id,person\n";
  for (size_t i = 0; i < data.records.size(); ++i) {
    const PersonRecord& r = data.records[i];
    for (const std::string* s : {&r.id, &r.given_name, &r.father_name, &r.grandfather_name,
                                 &r.family_name, &r.name_latin}) {
      CsvField(csv, *s);
      csv << ',';
    }
    if (r.sex != 0) csv << r.sex;
    csv << ',' << (r.birth_date ? r.birth_date->ToString() : "") << ',' << r.pcode << ',' << r.phone
        << ',' << r.document_number << '\n';
    truth << r.id << ',' << data.person_of[i] << '\n';
  }
  csv.flush();
  truth.flush();
  if (!csv || !truth) {
    *error = "error writing " + csv_path;
    return false;
  }
  return true;
}

}  // namespace sanad::bench::dedup
