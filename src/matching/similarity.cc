#include "matching/similarity.h"

#include <algorithm>
#include <array>
#include <cstdlib>

namespace sanad::matching {

double JaroWinkler(std::string_view a, std::string_view b) {
  constexpr size_t kMax = 64;
  if (a.empty() || b.empty()) return a.empty() && b.empty() ? 1.0 : 0.0;
  if (a == b) return 1.0;
  a = a.substr(0, kMax);
  b = b.substr(0, kMax);
  const size_t window = std::max<size_t>(std::max(a.size(), b.size()) / 2, 1) - 1;
  std::array<bool, kMax> a_match{};
  std::array<bool, kMax> b_match{};
  size_t matches = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    const size_t lo = i > window ? i - window : 0;
    const size_t hi = std::min(i + window + 1, b.size());
    for (size_t j = lo; j < hi; ++j) {
      if (b_match[j] || a[i] != b[j]) continue;
      a_match[i] = b_match[j] = true;
      ++matches;
      break;
    }
  }
  if (matches == 0) return 0.0;
  size_t transpositions = 0;
  size_t k = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    if (!a_match[i]) continue;
    while (!b_match[k]) ++k;
    if (a[i] != b[k]) ++transpositions;
    ++k;
  }
  const double m = static_cast<double>(matches);
  const double jaro =
      (m / a.size() + m / b.size() + (m - static_cast<double>(transpositions) / 2) / m) / 3.0;
  size_t prefix = 0;
  while (prefix < 4 && prefix < a.size() && prefix < b.size() && a[prefix] == b[prefix]) {
    ++prefix;
  }
  return jaro + static_cast<double>(prefix) * 0.1 * (1.0 - jaro);
}

int BoundedEditDistance(std::string_view a, std::string_view b, int bound) {
  constexpr size_t kMax = 64;
  if (std::abs(static_cast<int>(a.size()) - static_cast<int>(b.size())) > bound) return bound + 1;
  a = a.substr(0, kMax);
  b = b.substr(0, kMax);
  std::array<int, kMax + 1> before{};  // row i - 2, for transpositions
  std::array<int, kMax + 1> prev{};
  std::array<int, kMax + 1> cur{};
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    int row_min = cur[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const int sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        cur[j] = std::min(cur[j], before[j - 2] + 1);
      }
      row_min = std::min(row_min, cur[j]);
    }
    if (row_min > bound) return bound + 1;
    before = prev;
    prev = cur;
  }
  return std::min(prev[b.size()], bound + 1);
}

}  // namespace sanad::matching
