// The keys a name is compared by (design in README.md): canonical tokens, one per name word
// after compounds are joined and articles dropped, in one Latin alphabet for every script; and
// skeletons, a coarse consonant key of a canonical token. Stateless and thread-safe.
// For use inside the matching module; CanonicalName and NameSkeleton in person_matcher.h are
// the public face.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sanad::matching {

// Which part of a name chain the text is, when known: family names lose a glued Latin article
// ("Aljubouri" → "jubouri"), which would be too risky for given names ("Alaa", "Alwan").
enum class NamePart { kAny, kFamily };

// One name word as compared: its canonical form (spellings of a known name share it), its own
// spelling in the same alphabet (for telling typos from other names), whether it carried an
// al-/el-/ال article, and whether it was written in Arabic script.
struct NameToken {
  std::string canonical;
  std::string spelling;
  bool article = false;
  bool arabic = false;
  // The spelling is listed in the known-names table (not merely folded onto a known form:
  // Latin "Amer" folds to Ammar's canonical "amar" but is another name).
  bool known = false;
};

// One token per name word of `text`: normalised, transliterated from Arabic script, compounds
// joined (abd/abu/-allah/-din), articles and bin/ibn dropped, Latin spelling variants folded.
// `use_known` maps spellings of the known-names table to its one canonical form (off only while
// that table is built).
std::vector<NameToken> NameTokens(std::string_view text, NamePart part, bool use_known = true);

// The canonical forms of NameTokens(text, part).
std::vector<std::string> CanonicalTokens(std::string_view text, NamePart part);

// The skeleton of one canonical token: first sound kept (any vowel as 'a'), later vowels and
// glides dropped, similar consonants merged, doubles collapsed, a final h dropped.
std::string SkeletonOfCanonical(std::string_view canonical);

}  // namespace sanad::matching
