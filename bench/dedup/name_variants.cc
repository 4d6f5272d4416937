#include "name_variants.h"

#include <array>
#include <cctype>
#include <utility>
#include <vector>

namespace sanad::bench::dedup {
namespace {

std::u32string Decode(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = 1;
    char32_t cp = c;
    if (c >= 0xF0) {
      len = 4;
      cp = c & 0x07;
    } else if (c >= 0xE0) {
      len = 3;
      cp = c & 0x0F;
    } else if (c >= 0xC0) {
      len = 2;
      cp = c & 0x1F;
    }
    for (int k = 1; k < len && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string Encode(const std::u32string& s) {
  std::string out;
  for (const char32_t cp : s) {
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

size_t Pick(size_t n, std::mt19937_64& rng) {
  return std::uniform_int_distribution<size_t>(0, n - 1)(rng);
}

// Replaces the occurrence number `which` of `from` in `s` by `to`.
std::string ReplaceNth(std::string_view s, std::string_view from, std::string_view to,
                       size_t which) {
  size_t pos = s.find(from);
  for (size_t k = 0; k < which && pos != std::string_view::npos; ++k) pos = s.find(from, pos + 1);
  std::string out(s);
  if (pos != std::string_view::npos) out.replace(pos, from.size(), to);
  return out;
}

size_t Count(std::string_view s, std::string_view what) {
  size_t n = 0;
  for (size_t pos = s.find(what); pos != std::string_view::npos; pos = s.find(what, pos + 1)) ++n;
  return n;
}

// Rewrite rules as a clerk's ear and habits apply them; matched case-insensitively on the
// lower-case name, the first letter's case restored afterwards.
constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kLatinRules = {{
    {"kh", "x"},         {"kh", "h"},         {"ou", "u"},          {"u", "ou"},
    {"oo", "u"},         {"ee", "i"},         {"i", "ee"},          {"q", "k"},
    {"q", "g"},          {"k", "q"},          {"dh", "th"},         {"dh", "z"},
    {"dh", "d"},         {"th", "dh"},        {"aa", "a"},          {"a", "aa"},
    {"ei", "ay"},        {"ai", "ei"},        {"ay", "ai"},         {"ss", "s"},
    {"mm", "m"},         {"s", "ss"},         {"abdul", "abd al-"}, {"abdul", "abdel"},
    {"abdul", "abdul "}, {"abd al", "abdul"}, {"e", "a"},           {"a", "e"},
    {"y", "i"},          {"ie", "iy"},        {"w", "u"},           {"j", "dj"},
    {"ch", "sh"},        {"o", "u"},
}};

constexpr std::array<std::u32string_view, 28> kArabicLetters = {
    U"ا", U"ب", U"ت", U"ث", U"ج", U"ح", U"خ", U"د", U"ذ", U"ر", U"ز", U"س", U"ش", U"ص",
    U"ض", U"ط", U"ظ", U"ع", U"غ", U"ف", U"ق", U"ك", U"ل", U"م", U"ن", U"ه", U"و", U"ي"};

}  // namespace

bool IsArabicScript(std::string_view text) {
  for (const char32_t cp : Decode(text)) {
    if (cp >= 0x0600 && cp <= 0x06FF) return true;
  }
  return false;
}

std::string LatinVariant(std::string_view name, std::mt19937_64& rng) {
  std::string lower(name);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::vector<size_t> fitting;
  for (size_t i = 0; i < kLatinRules.size(); ++i) {
    if (lower.find(kLatinRules[i].first) != std::string::npos) fitting.push_back(i);
  }
  if (fitting.empty()) return std::string(name);
  const auto& [from, to] = kLatinRules[fitting[Pick(fitting.size(), rng)]];
  std::string out = ReplaceNth(lower, from, to, Pick(Count(lower, from), rng));
  // Restore capitals at word starts as the input had them.
  bool start = true;
  for (char& c : out) {
    if (start) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    start = c == ' ' || c == '-';
  }
  return out;
}

std::string ArticleVariant(std::string_view name, std::mt19937_64& rng) {
  if (IsArabicScript(name)) {
    if (name.starts_with("ال")) return std::string(name.substr(std::string_view("ال").size()));
    if (name.starts_with("آل ")) return std::string(name.substr(std::string_view("آل ").size()));
    return "ال" + std::string(name);
  }
  std::string_view rest = name;
  for (std::string_view article : {"Al-", "Al ", "El-", "Al"}) {
    if (name.starts_with(article) && name.size() > article.size() + 1) {
      rest = name.substr(article.size());
      break;
    }
  }
  std::string base(rest);
  if (rest.size() == name.size()) return "Al-" + base;  // add an article
  switch (Pick(5, rng)) {
    case 0:
      return "Al " + base;
    case 1: {
      for (char& c : base) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      return "Al" + base;
    }
    case 2:
      return "El-" + base;
    case 3:
      return "al-" + base;
    default:
      return base;
  }
}

std::string ArabicVariant(std::string_view name, std::mt19937_64& rng) {
  std::u32string s = Decode(name);
  std::vector<std::pair<size_t, char32_t>> options;
  for (size_t i = 0; i < s.size(); ++i) {
    switch (s[i]) {
      case U'ة':
        options.emplace_back(i, U'ه');
        break;
      case U'ه':
        if (i + 1 == s.size()) options.emplace_back(i, U'ة');
        break;
      case U'ى':
        options.emplace_back(i, U'ي');
        break;
      case U'ي':
        options.emplace_back(i, i + 1 == s.size() ? U'ى' : U'ی');
        break;
      case U'أ':
      case U'إ':
      case U'آ':
        options.emplace_back(i, U'ا');
        break;
      case U'ا':
        if (i == 0) options.emplace_back(i, U'أ');
        break;
      case U'ك':
        options.emplace_back(i, U'ک');
        break;
      case U'ک':
        options.emplace_back(i, U'ك');
        break;
      case U' ':
        options.emplace_back(i, 0);  // عبد الله → عبدالله
        break;
      default:
        break;
    }
  }
  if (s.starts_with(U"عبدال")) options.emplace_back(2, U' ');  // عبدالله → عبد الله
  if (options.empty()) return std::string(name);
  const auto [at, to] = options[Pick(options.size(), rng)];
  if (to == 0) {
    s.erase(at, 1);
  } else if (to == U' ') {
    s.insert(at + 1, 1, U' ');
  } else {
    s[at] = to;
  }
  return Encode(s);
}

std::string Typo(std::string_view name, std::mt19937_64& rng) {
  std::u32string s = Decode(name);
  if (s.size() < 3) return std::string(name);
  const bool arabic = IsArabicScript(name);
  auto random_letter = [&]() -> std::u32string {
    if (arabic) return std::u32string(kArabicLetters[Pick(kArabicLetters.size(), rng)]);
    return std::u32string(1, static_cast<char32_t>(U'a' + Pick(26, rng)));
  };
  // Keep the first letter: typos at the start are rarer, and it keeps Latin capitals.
  const size_t at = 1 + Pick(s.size() - 1, rng);
  switch (Pick(4, rng)) {
    case 0:
      s.insert(at, random_letter());
      break;
    case 1:
      s.erase(at, 1);
      break;
    case 2:
      s.replace(at, 1, random_letter());
      break;
    default:
      if (at + 1 < s.size()) {
        std::swap(s[at], s[at + 1]);
      } else {
        std::swap(s[at - 1], s[at]);
      }
      break;
  }
  return Encode(s);
}

}  // namespace sanad::bench::dedup
