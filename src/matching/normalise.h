// Text normalisation for search and matching across Arabic, Kurdish (Sorani) and Latin
// script. Stateless and thread-safe (ICU's normaliser instances are shared and immutable).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sanad::matching {

// Folds `text` so that spellings people treat as the same compare equal:
// NFKD; diacritics of every script (Arabic tashkeel, Latin accents), tatweel, hamza and alef
// forms removed or unified; ta marbuta → ha, alef maqsura and Persian/Kurdish yeh → ya,
// Persian kaf → kaf, Sorani ە ڕ ڵ ۆ ێ → ه ر ل و ي; Arabic-Indic digits → ASCII; Latin lower
// case; apostrophes dropped; hyphens and other punctuation → one space; trimmed.
// Invalid UTF-8 is replaced, never rejected.
std::string NormaliseText(std::string_view text);

// The words of NormaliseText(text).
std::vector<std::string> NormalisedWords(std::string_view text);

// Keeps only the digits (ASCII after folding Arabic-Indic ones): phones and document numbers.
std::string DigitsOnly(std::string_view text);

}  // namespace sanad::matching
