// A person reduced to compact, comparable keys once, so that scoring a pair allocates nothing:
// name chains as interned canonical-token ids, a birth date, an interned pcode, phone and
// document keys. NameTable interns the strings; Preparer builds PreparedPersons with a cache of
// name fields already seen. Not thread-safe: one Preparer (and its tables) per writer.
#pragma once

#include <array>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "matching/person_matcher.h"

namespace sanad::matching {

// Slots of a name chain, in the order Iraqi names are written.
inline constexpr int kGiven = 0;
inline constexpr int kFather = 1;
inline constexpr int kGrandfather = 2;
inline constexpr int kFamily = 3;
inline constexpr int kSlots = 4;
// Alternatives per slot: 0 from the part fields, 1 from name_latin.
inline constexpr int kAlternatives = 2;
// The governorate's P-code is the first characters of any P-code below it: IQG01 of IQG01Q01N01.
inline constexpr size_t kGovernoratePcodeLength = 5;

struct PreparedPerson {
  std::array<std::array<uint32_t, kAlternatives>, kSlots> name{};  // spelling ids; 0 = none
  uint8_t arabic_mask = 0;  // bit slot * kAlternatives + alt: the word was in Arabic script
  char sex = 0;
  uint8_t date_precision = 0;  // 0 none, 1 year, 2 month, 3 day
  uint8_t month = 0;
  uint8_t day = 0;
  int16_t year = 0;
  uint32_t pcode = 0;     // interned; 0 = none
  uint64_t phone = 0;     // last 9 digits + 1; 0 = none
  uint64_t document = 0;  // hash of the letters and digits; 0 = none

  bool Arabic(int slot, int alt) const {
    return ((arabic_mask >> (slot * kAlternatives + alt)) & 1) != 0;
  }
};

// Interned strings with dense ids from 1 (0 means none).
class Interner {
 public:
  uint32_t Intern(std::string_view s);
  // 0 when not interned.
  uint32_t Find(std::string_view s) const;
  std::string_view Get(uint32_t id) const { return strings_[id]; }
  size_t size() const { return strings_.size(); }

 private:
  std::deque<std::string> strings_{std::string()};  // stable addresses for ids_' keys
  std::unordered_map<std::string_view, uint32_t> ids_;
};

// Name spellings (ids in PreparedPerson) with their canonical form, skeleton and whether they
// are spellings of a known name. Two spellings agree exactly when their canonical ids are equal.
class NameTable {
 public:
  NameTable();
  // Distinguishes tables in caches keyed by spelling ids.
  uint32_t uid() const { return uid_; }
  // A spelling is interned per script (the same letters from Arabic and from Latin may be
  // different names) with whether the known-names table lists it.
  uint32_t Intern(std::string_view spelling, std::string_view canonical, bool known, bool arabic);
  uint32_t FindCanonical(std::string_view canonical) const { return canonicals_.Find(canonical); }
  std::string_view Spelling(uint32_t id) const {
    std::string_view s = spellings_.Get(id);
    if (!s.empty() && s.back() == kArabicMark) s.remove_suffix(1);
    return s;
  }
  uint32_t CanonicalId(uint32_t id) const { return canonical_of_[id]; }
  std::string_view Canonical(uint32_t id) const { return canonicals_.Get(canonical_of_[id]); }
  uint32_t SkeletonId(uint32_t id) const { return skeleton_of_[id]; }
  std::string_view Skeleton(uint32_t skeleton_id) const { return skeletons_.Get(skeleton_id); }
  uint32_t FindSkeleton(std::string_view skeleton) const { return skeletons_.Find(skeleton); }
  size_t skeleton_count() const { return skeletons_.size(); }
  bool Known(uint32_t id) const { return known_[id] != 0; }

 private:
  static constexpr char kArabicMark = '\x01';  // ends the interned key of an Arabic spelling
  Interner spellings_;
  Interner canonicals_;
  Interner skeletons_;
  std::vector<uint32_t> canonical_of_{0};
  std::vector<uint32_t> skeleton_of_{0};
  std::vector<uint8_t> known_{0};
  uint32_t uid_;
};

// Builds PreparedPersons into the given tables. Name fields repeat a lot in a registry, so
// their tokens are cached by text.
class Preparer {
 public:
  Preparer(NameTable* names, Interner* pcodes) : names_(names), pcodes_(pcodes) {}
  PreparedPerson Prepare(const PersonRecord& record);

 private:
  struct Tokens {
    std::vector<uint32_t> ids;
    std::vector<bool> article;
    uint8_t arabic = 0;  // bit i: token i was Arabic script (first 8)
    bool Arabic(size_t i) const { return i < 8 && ((arabic >> i) & 1) != 0; }
  };
  const Tokens& Tokenise(std::string_view text, bool family);
  uint32_t FamilyWord(uint32_t id, bool arabic);

  NameTable* names_;
  Interner* pcodes_;
  std::unordered_map<std::string, Tokens> cache_[2];
};

// The last nine digits of a phone number + 1, or 0 when it has fewer than seven digits.
uint64_t PhoneKey(std::string_view phone);
// A hash of a document number's letters and digits, or 0 when it has none.
uint64_t DocumentKey(std::string_view document);

}  // namespace sanad::matching
