// String similarity of short keys (canonical names, skeletons): Jaro-Winkler and a bounded
// optimal-string-alignment edit distance. Byte-wise, no allocation for keys up to 64 bytes. Pure
// functions.
#pragma once

#include <string_view>

namespace sanad::matching {

// Jaro-Winkler similarity in [0, 1] with the usual prefix scale 0.1 over up to 4 characters.
double JaroWinkler(std::string_view a, std::string_view b);

// Edit distance (insertions, deletions, substitutions, transpositions of neighbours) if it is
// at most `bound`, else bound + 1.
int BoundedEditDistance(std::string_view a, std::string_view b, int bound);

}  // namespace sanad::matching
