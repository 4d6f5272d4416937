#include "matching/prepared_person.h"

#include <array>
#include <atomic>
#include <functional>

#include "matching/name_keys.h"
#include "matching/normalise.h"

namespace sanad::matching {

uint32_t Interner::Intern(std::string_view s) {
  if (s.empty()) return 0;
  auto it = ids_.find(s);
  if (it != ids_.end()) return it->second;
  const auto id = static_cast<uint32_t>(strings_.size());
  strings_.emplace_back(s);
  ids_.emplace(strings_.back(), id);
  return id;
}

uint32_t Interner::Find(std::string_view s) const {
  auto it = ids_.find(s);
  return it == ids_.end() ? 0 : it->second;
}

NameTable::NameTable() {
  static std::atomic<uint32_t> next_uid{1};
  uid_ = next_uid.fetch_add(1);
}

uint32_t NameTable::Intern(std::string_view spelling, std::string_view canonical, bool known,
                           bool arabic) {
  if (spelling.empty()) return 0;
  const size_t before = spellings_.size();
  const uint32_t id =
      arabic ? spellings_.Intern(std::string(spelling) + kArabicMark) : spellings_.Intern(spelling);
  if (spellings_.size() != before) {
    canonical_of_.push_back(canonicals_.Intern(canonical));
    skeleton_of_.push_back(skeletons_.Intern(SkeletonOfCanonical(canonical)));
    known_.push_back(known ? 1 : 0);
  }
  return id;
}

const Preparer::Tokens& Preparer::Tokenise(std::string_view text, bool family) {
  auto& cache = cache_[family ? 1 : 0];
  auto it = cache.find(std::string(text));
  if (it != cache.end()) return it->second;
  Tokens t;
  const std::vector<NameToken> words =
      NameTokens(text, family ? NamePart::kFamily : NamePart::kAny);
  for (size_t i = 0; i < words.size(); ++i) {
    t.ids.push_back(
        names_->Intern(words[i].spelling, words[i].canonical, words[i].known, words[i].arabic));
    t.article.push_back(words[i].article);
    if (i < 8 && words[i].arabic) t.arabic |= static_cast<uint8_t>(1U << i);
  }
  return cache.emplace(std::string(text), std::move(t)).first->second;
}

uint32_t Preparer::FamilyWord(uint32_t id, bool arabic) {
  // A Latin family name from name_latin was read as any word: its glued article (Aljubouri)
  // is dropped now that it is known to be the family name.
  if (arabic || id == 0) return id;
  const std::string_view spelling = names_->Spelling(id);
  if (spelling.size() <= 4 || !(spelling.starts_with("al") || spelling.starts_with("el"))) {
    return id;
  }
  const Tokens& t = Tokenise(spelling, true);
  return t.ids.size() == 1 ? t.ids[0] : id;
}

namespace {

void Set(PreparedPerson* p, int slot, int alt, uint32_t id, bool arabic) {
  p->name[slot][alt] = id;
  const int bit = slot * kAlternatives + alt;
  if (arabic) p->arabic_mask |= static_cast<uint8_t>(1U << bit);
}

}  // namespace

PreparedPerson Preparer::Prepare(const PersonRecord& r) {
  PreparedPerson p;
  // A whole name chain in one field: given, father, grandfather; the family name last when
  // there are four words or more, or when the last word carried an article.
  auto assign_chain = [&](const Tokens& t, int alt) {
    const size_t n = t.ids.size();
    if (n == 0) return;
    size_t family = n;
    if (n >= 4 || (n >= 2 && t.article[n - 1])) family = n - 1;
    int slot = 0;
    for (size_t i = 0; i < n && slot < kFamily; ++i) {
      if (i == family) continue;
      Set(&p, slot++, alt, t.ids[i], t.Arabic(i));
    }
    if (family < n) {
      const bool arabic = t.Arabic(family);
      Set(&p, kFamily, alt, FamilyWord(t.ids[family], arabic), arabic);
    }
  };
  const bool only_given =
      r.father_name.empty() && r.grandfather_name.empty() && r.family_name.empty();
  const Tokens& given = Tokenise(r.given_name, false);
  if (only_given && given.ids.size() >= 2) {
    assign_chain(given, 0);
  } else {
    const std::string* fields[kSlots] = {&r.given_name, &r.father_name, &r.grandfather_name,
                                         &r.family_name};
    for (int s = 0; s < kSlots; ++s) {
      const Tokens& t = s == kGiven ? given : Tokenise(*fields[s], s == kFamily);
      if (t.ids.empty()) continue;
      const size_t i = s == kFamily ? t.ids.size() - 1 : 0;
      Set(&p, s, 0, t.ids[i], t.Arabic(i));
    }
  }
  if (!r.name_latin.empty()) {
    // Beside the parts, name_latin is usually those parts in Latin letters: as many words as
    // filled parts go to those parts in order (a missing grandfather leaves "given father
    // family"); otherwise it is read as a chain of its own.
    const Tokens& latin = Tokenise(r.name_latin, false);
    std::array<int, kSlots> filled{};
    size_t nfilled = 0;
    for (int s = 0; s < kSlots; ++s) {
      if (p.name[s][0] != 0) filled[nfilled++] = s;
    }
    if (nfilled >= 2 && latin.ids.size() == nfilled) {
      for (size_t i = 0; i < nfilled; ++i) {
        const bool arabic = latin.Arabic(i);
        const uint32_t id = filled[i] == kFamily ? FamilyWord(latin.ids[i], arabic) : latin.ids[i];
        Set(&p, filled[i], 1, id, arabic);
      }
    } else {
      assign_chain(latin, 1);
    }
  }
  p.sex = r.sex == 'f' || r.sex == 'm' ? r.sex : 0;
  if (r.birth_date) {
    p.year = static_cast<int16_t>(r.birth_date->year);
    p.month = static_cast<uint8_t>(r.birth_date->month);
    p.day = static_cast<uint8_t>(r.birth_date->day);
    p.date_precision = r.birth_date->precision == DatePrecision::kYear    ? 1
                       : r.birth_date->precision == DatePrecision::kMonth ? 2
                                                                          : 3;
  }
  p.pcode = pcodes_->Intern(r.pcode);
  p.phone = PhoneKey(r.phone);
  p.document = DocumentKey(r.document_number);
  return p;
}

uint64_t PhoneKey(std::string_view phone) {
  constexpr size_t kDigits = 9;
  constexpr size_t kMinDigits = 7;
  std::string digits;
  for (char c : phone) {
    if (c >= '0' && c <= '9') digits.push_back(c);
  }
  if (digits.size() != phone.size() || digits.empty()) digits = DigitsOnly(phone);
  if (digits.size() < kMinDigits) return 0;
  if (digits.size() > kDigits) digits = digits.substr(digits.size() - kDigits);
  return std::stoull(digits) + 1;
}

uint64_t DocumentKey(std::string_view document) {
  bool ascii = true;
  for (char c : document) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  const std::string folded = ascii ? std::string(document) : NormaliseText(document);
  std::string key;
  for (char c : folded) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')) key.push_back(c);
    if (c >= 'A' && c <= 'Z') key.push_back(static_cast<char>(c - 'A' + 'a'));
  }
  if (key.empty()) return 0;
  const uint64_t h = std::hash<std::string>{}(key);
  return h == 0 ? 1 : h;
}

}  // namespace sanad::matching
