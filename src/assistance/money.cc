#include "assistance/money.h"

namespace sanad::assistance {
namespace {

int64_t Scale(int decimals) {
  int64_t s = 1;
  for (int i = 0; i < decimals; ++i) s *= 10;
  return s;
}

int DecimalsOf(std::string_view currency) { return MinorUnitDecimals(currency).value_or(0); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

std::optional<int> MinorUnitDecimals(std::string_view currency) {
  if (currency == "IQD") return 0;
  if (currency == "USD" || currency == "EUR") return 2;
  return std::nullopt;
}

bool IsCurrency(std::string_view currency) { return currency == "IQD" || currency == "USD"; }

std::string CurrencyChoices() { return "is IQD or USD"; }

bool IsBudgetCurrency(std::string_view currency) { return MinorUnitDecimals(currency).has_value(); }

std::string BudgetCurrencyChoices() { return "must be IQD, USD or EUR"; }

Result<int64_t> ParseAmount(std::string_view text, std::string_view currency) {
  const auto decimals = MinorUnitDecimals(currency);
  if (!decimals) return Status::InvalidArgument("has an unknown currency: " + CurrencyChoices());
  text = Trim(text);
  if (text.empty()) return Status::InvalidArgument("is empty: an amount is required");
  const size_t dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  std::string_view fraction = dot == std::string_view::npos ? "" : text.substr(dot + 1);
  if (whole.empty() || !AllDigits(whole) || !AllDigits(fraction) ||
      (dot != std::string_view::npos && fraction.empty())) {
    return Status::InvalidArgument("is not an amount: write digits and at most one '.' (\"" +
                                   std::string(text.substr(0, 40)) + "\")");
  }
  while (fraction.size() > static_cast<size_t>(*decimals) && fraction.back() == '0') {
    fraction.remove_suffix(1);
  }
  if (fraction.size() > static_cast<size_t>(*decimals)) {
    return Status::InvalidArgument("has more than " + std::to_string(*decimals) + " decimals for " +
                                   std::string(currency));
  }
  while (whole.size() > 1 && whole.front() == '0') whole.remove_prefix(1);
  // kMaxMinorAmount has 19 digits; anything longer overflows before the check.
  if (whole.size() > 18) return Status::InvalidArgument("is too large");
  int64_t minor = 0;
  for (char c : whole) minor = minor * 10 + (c - '0');
  int64_t frac = 0;
  for (size_t i = 0; i < static_cast<size_t>(*decimals); ++i) {
    frac = frac * 10 + (i < fraction.size() ? fraction[i] - '0' : 0);
  }
  const int64_t scale = Scale(*decimals);
  if (minor > (kMaxMinorAmount - frac) / scale) return Status::InvalidArgument("is too large");
  return minor * scale + frac;
}

std::string FormatAmount(int64_t minor, std::string_view currency) {
  const int decimals = DecimalsOf(currency);
  const bool negative = minor < 0;
  const uint64_t abs = negative ? 0 - static_cast<uint64_t>(minor) : static_cast<uint64_t>(minor);
  const auto scale = static_cast<uint64_t>(Scale(decimals));
  std::string out = (negative ? "-" : "") + std::to_string(abs / scale);
  if (decimals > 0) {
    std::string frac = std::to_string(abs % scale);
    out += "." + std::string(static_cast<size_t>(decimals) - frac.size(), '0') + frac;
  }
  return out;
}

std::string FormatMoney(int64_t minor, std::string_view currency) {
  const std::string plain = FormatAmount(minor, currency);
  const size_t sign = plain.starts_with('-') ? 1 : 0;
  const size_t dot = plain.find('.');
  const size_t end = dot == std::string::npos ? plain.size() : dot;
  std::string out = plain.substr(0, sign);
  for (size_t i = sign; i < end; ++i) {
    if (i > sign && (end - i) % 3 == 0) out += ',';
    out += plain[i];
  }
  out += plain.substr(end);
  return out + " " + std::string(currency);
}

double MajorUnits(int64_t minor, std::string_view currency) {
  return static_cast<double>(minor) / static_cast<double>(Scale(DecimalsOf(currency)));
}

}  // namespace sanad::assistance
