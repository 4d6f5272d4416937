#include "assistance/cash_transfer.h"

#include <array>
#include <charconv>
#include <cstdio>

namespace sanad::assistance {
namespace {

struct Step {
  std::string_view from;
  std::string_view to;
};

constexpr std::array<Step, 4> kSteps = {
    {{"pending", "paid"}, {"pending", "failed"}, {"failed", "pending"}, {"paid", "returned"}}};

}  // namespace

std::string TransferReference(int64_t id) {
  std::array<char, 32> buf{};
  std::snprintf(buf.data(), buf.size(), "TR-%06lld", static_cast<long long>(id));
  return buf.data();
}

std::optional<int64_t> ParseTransferReference(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  if (text.size() < 4 || (text[0] != 'T' && text[0] != 't') || (text[1] != 'R' && text[1] != 'r') ||
      text[2] != '-') {
    return std::nullopt;
  }
  text.remove_prefix(3);
  if (text.size() > 18) return std::nullopt;
  int64_t id = 0;
  const auto [p, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc() || p != text.data() + text.size() || id <= 0) return std::nullopt;
  return id;
}

bool IsTransferStatus(std::string_view status) {
  return status == "pending" || status == "paid" || status == "failed" || status == "returned";
}

std::vector<std::string> NextTransferStatuses(std::string_view status) {
  std::vector<std::string> out;
  for (const Step& s : kSteps) {
    if (s.from == status) out.emplace_back(s.to);
  }
  return out;
}

bool TransferMayMove(std::string_view from, std::string_view to) {
  for (const Step& s : kSteps) {
    if (s.from == from && s.to == to) return true;
  }
  return false;
}

std::string AllowedNextReason(std::string_view status) {
  std::string out;
  for (const auto& s : NextTransferStatuses(status)) out += (out.empty() ? "" : ", ") + s;
  return "allowed next steps: " + (out.empty() ? std::string("none") : out);
}

bool IsIsoDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return false;
  int y = 0;
  int m = 0;
  int d = 0;
  const auto num = [&t](size_t at, size_t n, int* out) {
    const auto [p, ec] = std::from_chars(t.data() + at, t.data() + at + n, *out);
    return ec == std::errc() && p == t.data() + at + n;
  };
  if (!num(0, 4, &y) || !num(5, 2, &m) || !num(8, 2, &d)) return false;
  if (y < 1900 || m < 1 || m > 12 || d < 1) return false;
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[static_cast<size_t>(m - 1)] + (m == 2 && leap ? 1 : 0);
}

}  // namespace sanad::assistance
