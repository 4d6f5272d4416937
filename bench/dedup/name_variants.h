// The spelling side of the generator's error model: how a clerk may write a name differently
// from one registration to the next. Each function returns a changed copy of one name part (or
// the same text when no change applies) and draws only from `rng`, so runs are reproducible.
// Stateless and thread-safe given separate generators. Rates live in synthetic.h.
#pragma once

#include <random>
#include <string>
#include <string_view>

namespace sanad::bench::dedup {

// One Latin transliteration rule applied where it fits: kh/x, ou/u, ee/i, q/k/g, dh/th/z/d,
// aa/a, ei/ay/ai, doubled consonants, Abdul/Abd al-/Abdel, e/a vowels.
std::string LatinVariant(std::string_view name, std::mt19937_64& rng);

// Article of a family name: Al-Jubouri / Al Jubouri / Aljubouri / El-Jubouri / Jubouri, and
// الجبوري / جبوري; the other way round for names without one. Non-family parts unchanged.
std::string ArticleVariant(std::string_view name, std::mt19937_64& rng);

// Arabic orthographic variants people write interchangeably: ة/ه, ى/ي, أ إ آ/ا, ك/ک, ي/ی,
// and the space inside compounds (عبد الله / عبدالله).
std::string ArabicVariant(std::string_view name, std::mt19937_64& rng);

// One typo on code points: insertion, deletion, substitution or transposition of neighbours,
// with letters of the word's own script.
std::string Typo(std::string_view name, std::mt19937_64& rng);

// True when `text` holds an Arabic-script letter.
bool IsArabicScript(std::string_view text);

}  // namespace sanad::bench::dedup
