#include "matching/name_keys.h"

#include <array>
#include <cstdint>

#include "matching/known_names.h"
#include "matching/normalise.h"

namespace sanad::matching {
namespace {

// Decodes one UTF-8 code point at `i` (advancing it); invalid bytes come back as U+FFFD.
char32_t NextCodePoint(std::string_view s, size_t* i) {
  const auto b0 = static_cast<unsigned char>(s[*i]);
  if (b0 < 0x80) {
    ++*i;
    return b0;
  }
  int len = 0;
  char32_t cp = 0;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2;
    cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3;
    cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4;
    cp = b0 & 0x07;
  } else {
    ++*i;
    return 0xFFFD;
  }
  if (*i + len > s.size()) {
    *i = s.size();
    return 0xFFFD;
  }
  for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[*i + k]) & 0x3F);
  *i += len;
  return cp;
}

std::u32string Decode(std::string_view s) {
  std::u32string out;
  size_t i = 0;
  while (i < s.size()) out.push_back(NextCodePoint(s, &i));
  return out;
}

bool IsArabicLetter(char32_t c) { return c >= 0x0600 && c <= 0x06FF; }

constexpr char32_t kAlef = 0x0627;
constexpr char32_t kLam = 0x0644;
constexpr char32_t kAyn = 0x0639;
constexpr char32_t kHa = 0x0647;

// Arabic-script letter (after NormaliseText) → canonical Latin. Medial/final waw and ya are
// long vowels; at the start of a word they are consonants. Ayn is a vowel carrier.
std::string_view ArabicLetter(char32_t c, bool initial) {
  switch (c) {
    case 0x0627:  // alef
      return "a";
    case 0x0628:
      return "b";
    case 0x062A:
      return "t";
    case 0x062B:
      return "th";
    case 0x062C:
      return "j";
    case 0x062D:
      return "h";
    case 0x062E:
      return "x";  // kha
    case 0x062F:
      return "d";
    case 0x0630:
      return "z";  // dhal: dh folds to z
    case 0x0631:
      return "r";
    case 0x0632:
      return "z";
    case 0x0633:
      return "s";
    case 0x0634:
      return "sh";
    case 0x0635:
      return "s";
    case 0x0636:
      return "z";  // dad: Iraqi Latin writes dh
    case 0x0637:
      return "t";
    case 0x0638:
      return "z";
    case 0x0639:
      return initial ? "a" : "";  // ayn
    case 0x063A:
      return "k";  // ghain: gh folds to k with q and g
    case 0x0641:
      return "f";
    case 0x0642:
      return "k";
    case 0x0643:
      return "k";
    case 0x0644:
      return "l";
    case 0x0645:
      return "m";
    case 0x0646:
      return "n";
    case 0x0647:
      return "h";
    case 0x0648:
      return initial ? "w" : "u";
    case 0x064A:
      return initial ? "y" : "i";
    case 0x067E:
      return "b";  // peh
    case 0x0686:
      return "ch";  // tcheh
    case 0x0698:
      return "zh";  // jeh (Sorani Latin zh)
    case 0x06A4:
      return "f";  // veh
    case 0x06AF:
      return "k";  // gaf
    default:
      return "";
  }
}

// Given names that start with the letters of the article but are not "al" + a name.
bool ArticleException(const std::u32string& w) {
  static const std::array<std::u32string, 5> kExceptions = {U"الياس", U"الهام", U"الفت", U"الماس",
                                                            U"الطاف"};
  for (const auto& e : kExceptions) {
    if (w == e) return true;
  }
  return false;
}

// Transliterates one normalised Arabic-script word; strips a leading article into *article.
std::string TransliterateArabic(std::u32string w, bool* article) {
  std::string out;
  static const std::u32string kAllah = U"الله";
  static const std::u32string kDin = U"الدين";
  const bool ends_allah = w.size() >= kAllah.size() && w.ends_with(kAllah);
  if (ends_allah) w.resize(w.size() - kAllah.size());
  const bool ends_din = w.size() > kDin.size() && w.ends_with(kDin);
  if (ends_din) w.resize(w.size() - kDin.size());
  if (w.size() >= 4 && w[0] == kAlef && w[1] == kLam && !ArticleException(w)) {
    w = w.substr(2);
    *article = true;
  }
  for (size_t i = 0; i < w.size(); ++i) {
    std::string_view letter = ArabicLetter(w[i], i == 0);
    // A ta marbuta (NormaliseText made it ha) after alef is read t (حياة Hayat, نجاة Najat);
    // elsewhere it is the h of a final -a (فاطمة Fatima).
    if (w[i] == kHa && i + 1 == w.size() && w.size() >= 4 && w[i - 1] == kAlef) letter = "t";
    // س+ح is not ش: keep Latin digraphs (sh, kh, th, dh, zh, ch, gh) from forming by accident.
    if (letter == "h" && !out.empty() &&
        std::string_view("sctdzkgp").find(out.back()) != std::string_view::npos) {
      out.push_back('\'');
    }
    out += letter;
    // Ayn and alef at the start are a long a, not one vowel: عامر (Amer) is not عمر (Omar).
    // The apostrophe keeps CollapseDoubles from merging them.
    if (i == 0 && w[0] == kAyn && w.size() > 1 && w[1] == kAlef) out.push_back('\'');
  }
  if (ends_allah) out += "allah";
  if (ends_din) out += "din";
  return out;
}

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Folds Latin spelling variants: kh→x, gh/q/g→k, dh→z, ph/v→f, p→b, ou/oo/o→u,
// ee/ie→i, ei/ai/ey→ay, e→a (i at the start), doubled letters once, a final h after a vowel.
std::string CollapseDoubles(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

std::string FoldLatin(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const char n = i + 1 < s.size() ? s[i + 1] : '\0';
    std::string_view piece;
    bool pair = true;
    if (c == 'k' && n == 'h') {
      piece = "x";
    } else if (c == 'g' && n == 'h') {
      piece = "k";
    } else if (c == 'd' && n == 'h') {
      piece = "z";
    } else if (c == 'p' && n == 'h') {
      piece = "f";
    } else if ((c == 'o' && (n == 'u' || n == 'o'))) {
      piece = "u";
    } else if ((c == 'e' && n == 'e') || (c == 'i' && n == 'e' && i + 2 < s.size())) {
      piece = "i";
    } else if ((c == 'e' || c == 'a') && (n == 'i' || n == 'y')) {
      piece = "ay";
    } else {
      pair = false;
      switch (c) {
        case 'q':
        case 'g':
          piece = "k";
          break;
        case 'v':
          piece = "f";
          break;
        case 'p':
          piece = "b";
          break;
        case 'o':
          piece = "u";
          break;
        case 'e':
          piece = i == 0 ? "i" : "a";
          break;
        default:
          piece = std::string_view(&s[i], 1);
      }
    }
    if (pair) ++i;
    for (char p : piece) {
      if (!out.empty() && out.back() == p) continue;
      out.push_back(p);
    }
  }
  if (out.size() > 2 && out.back() == 'h' && IsVowel(out[out.size() - 2])) out.pop_back();
  return out;
}

bool IsArticle(std::string_view t) { return t == "al" || t == "el" || t == "ul" || t == "il"; }

bool IsParticle(std::string_view t) {
  return t == "bin" || t == "ibn" || t == "ben" || t == "bn" || t == "abn" || t == "bint" ||
         t == "bnt";
}

bool IsAbu(std::string_view t) {
  return t == "abu" || t == "abo" || t == "abou" || t == "aboo" || t == "abi";
}

constexpr std::array<std::string_view, 9> kAbdPrefixes = {
    "abdoul", "abdul", "abdel", "abdal", "abdil", "abdol", "abdou", "abdu", "abd"};

// "abdulrahman" → "abdrahman"; empty when `t` is not an abd- compound with a remainder.
std::string SplitAbd(std::string_view t) {
  for (std::string_view p : kAbdPrefixes) {
    if (t.size() > p.size() + 1 && t.starts_with(p)) return "abd" + std::string(t.substr(p.size()));
  }
  return {};
}

// Strips a leading article glued to `t` ("allah" → "lah", "aldin" → "din").
std::string_view StripGlued(std::string_view t) {
  for (std::string_view a : {"al", "el", "ul", "il"}) {
    if (t.size() > a.size() + 1 && t.starts_with(a)) return t.substr(a.size());
  }
  return t;
}

bool IsDin(std::string_view t) {
  return t == "din" || t == "deen" || t == "aldin" || t == "eldin" || t == "uddin" ||
         t == "addin" || t == "ad din" || t == "eddin" || t == "aldeen" || t == "eldeen";
}

bool IsAllah(std::string_view t) {
  return t == "allah" || t == "alla" || t == "ullah" || t == "ulla" || t == "illah" || t == "lah";
}

// Sun-letter assimilated article: "ar" before "rahman", "as" before "sayed", "ad" before "din".
bool IsAssimilatedArticle(std::string_view t, std::string_view next) {
  constexpr std::string_view kSunLetters = "tdrzsln";
  if (t == "ash" || t == "ath" || t == "adh") return next.starts_with(t.substr(1));
  return t.size() == 2 && t[0] == 'a' && kSunLetters.find(t[1]) != std::string_view::npos &&
         !next.empty() && next[0] == t[1];
}

}  // namespace

std::vector<NameToken> NameTokens(std::string_view text, NamePart part, bool use_known) {
  // A Kurdish word-initial hamza seat (ئ) carries a vowel, not a ya; Sorani ە is the vowel
  // e/a (NormaliseText folds it to ha, which would read as a consonant here).
  std::string pre(text);
  for (size_t i = 0; i + 1 < pre.size(); ++i) {
    if (static_cast<unsigned char>(pre[i]) == 0xDB &&
        static_cast<unsigned char>(pre[i + 1]) == 0x95) {
      pre[i] = static_cast<char>(0xD8);
      pre[i + 1] = static_cast<char>(0xA7);
    }
    if (static_cast<unsigned char>(pre[i]) == 0xD8 &&
        static_cast<unsigned char>(pre[i + 1]) == 0xA6 &&
        (i == 0 || pre[i - 1] == ' ' || pre[i - 1] == '-')) {
      pre[i + 1] = static_cast<char>(0xA7);
    }
  }
  struct Raw {
    std::string text;
    bool article = false;
    bool arabic = false;
  };
  std::vector<Raw> raw;
  for (const std::string& word : NormalisedWords(pre)) {
    std::u32string cps = Decode(word);
    bool arabic = false;
    for (char32_t c : cps) arabic = arabic || IsArabicLetter(c);
    Raw r;
    r.arabic = arabic;
    if (arabic) {
      r.text = TransliterateArabic(std::move(cps), &r.article);
    } else {
      r.text = word;
    }
    if (!r.text.empty()) raw.push_back(std::move(r));
  }
  std::vector<std::string> tokens;
  std::vector<bool> articles;
  std::vector<bool> arabics;
  bool pending_article = false;
  for (size_t i = 0; i < raw.size(); ++i) {
    std::string t = raw[i].text;
    const std::string_view next = i + 1 < raw.size() ? std::string_view(raw[i + 1].text) : "";
    if ((IsArticle(t) || IsAssimilatedArticle(t, next)) && i + 1 < raw.size()) {
      pending_article = true;
      continue;
    }
    if (IsParticle(t) && i + 1 < raw.size()) continue;
    const bool article = pending_article || raw[i].article;
    pending_article = false;
    // Suffix compounds join the previous word: "nur al-din", "fadl allah".
    if (!tokens.empty() && (IsDin(t) || (IsAllah(t) && tokens.back() != "abd") ||
                            (article && (t == "din" || t == "lah" || t == "llah")))) {
      tokens.back() += IsDin(t) || t == "din" ? "din" : "allah";
      continue;
    }
    // Prefix compounds take the next word: "abd al-rahman", "abu bakr".
    const bool abd = t == "abd" || t == "abdul" || t == "abdel" || t == "abdal" || t == "abdu" ||
                     t == "abdil" || t == "abdol";
    if ((abd || IsAbu(t)) && i + 1 < raw.size()) {
      size_t j = i + 1;
      if (j + 1 < raw.size() &&
          (IsArticle(raw[j].text) || IsAssimilatedArticle(raw[j].text, raw[j + 1].text))) {
        ++j;
      }
      std::string rest(StripGlued(raw[j].text));
      t = (abd ? "abd" : "abu") + rest;
      i = j;
    } else if (std::string split = SplitAbd(t); !split.empty()) {
      t = split;
    }
    if (part == NamePart::kFamily) t = std::string(StripGlued(t));
    tokens.push_back(std::move(t));
    articles.push_back(article);
    arabics.push_back(raw[i].arabic);
  }
  std::vector<NameToken> out(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) {
    NameToken& t = out[i];
    // Transliterated Arabic is already in the canonical alphabet; Latin vowel rules would
    // misread it (إيمان "aiman" is not أيمن "ayman").
    t.spelling = arabics[i] ? CollapseDoubles(tokens[i]) : FoldLatin(tokens[i]);
    t.article = articles[i];
    t.arabic = arabics[i];
    std::string_view known =
        use_known ? KnownCanonical(KnownKey(t.spelling, t.arabic)) : std::string_view();
    t.canonical = known.empty() ? t.spelling : std::string(known);
    t.known = !known.empty();
  }
  return out;
}

std::vector<std::string> CanonicalTokens(std::string_view text, NamePart part) {
  std::vector<std::string> out;
  for (NameToken& t : NameTokens(text, part)) out.push_back(std::move(t.canonical));
  return out;
}

std::string SkeletonOfCanonical(std::string_view c) {
  // A final h is a ta marbuta or a Latin ending (Fatimah): dropped before anything else, unless
  // it ends th, sh, ch or zh (Muath معاذ, Ghaith غيث).
  if (c.size() > 1 && c.back() == 'h' &&
      std::string_view("tscz").find(c[c.size() - 2]) == std::string_view::npos) {
    c.remove_suffix(1);
  }
  if (!c.empty() && c.back() == '\'') c.remove_suffix(1);
  std::string out;
  // Consonants of one class merge only when adjacent (a doubled letter, "dh"+"d"); with a
  // vowel between they are two consonants: Ziyad is "dd", not "d".
  bool vowel_between = false;
  auto emit = [&out, &vowel_between](char k) {
    if (out.empty() || out.back() != k || vowel_between) out.push_back(k);
    vowel_between = false;
  };
  for (size_t i = 0; i < c.size(); ++i) {
    const char ch = c[i];
    const char n = i + 1 < c.size() ? c[i + 1] : '\0';
    if (i == 0 && IsVowel(ch)) {
      out.push_back('a');
      continue;
    }
    if ((ch == 's' || ch == 'c') && n == 'h') {
      emit('c');
      ++i;
      continue;
    }
    if ((ch == 't' || ch == 'z') && n == 'h') {
      emit(ch == 't' ? 'd' : 'j');  // th with dh/z/d (ث ذ ظ ض); zh with j (ژ, Kurmanji j)
      ++i;
      continue;
    }
    switch (ch) {
      case 'a':
      case 'e':
      case 'i':
      case 'o':
      case 'u':
        vowel_between = true;
        break;
      case 'y':
      case 'w':
        if (i == 0) {
          emit(ch);
        } else {
          vowel_between = true;
        }
        break;
      case 'b':
      case 'p':
        emit('b');
        break;
      case 'd':
      case 'z':
        emit('d');
        break;
      case 'k':
      case 'q':
      case 'g':
      case 'c':
        emit('k');
        break;
      case 'f':
      case 'v':
        emit('f');
        break;
      case 'x':
      case 'h':
        emit('h');  // kh is often written h (Khalil, Halil)
        break;
      default:
        if (ch >= 'a' && ch <= 'z') emit(ch);
    }
  }
  return out;
}

}  // namespace sanad::matching
