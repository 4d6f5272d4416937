// Money (docs/assistance.md, "Quantities and money"; docs/programmes.md, "Money"): IQD (no
// decimals in use), USD and EUR (2 decimals), held as integers of the currency's minor unit so
// sums are exact. Cash assistance is paid in IQD or USD only; budgets may also be in EUR.
// Amounts are read from decimal text (a CSV cell, a JSON number's text) and written back as
// text or as a JSON-friendly major-unit number. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sanad::assistance {

// The largest amount accepted, in minor units: far above any transfer, far below overflow.
inline constexpr int64_t kMaxMinorAmount = 1'000'000'000'000'000;

// The decimals of a currency code ("IQD" 0, "USD" and "EUR" 2); nullopt for any other code.
std::optional<int> MinorUnitDecimals(std::string_view currency);
// A currency cash assistance is paid in: IQD or USD (rounds, transfers, reconciliation files).
bool IsCurrency(std::string_view currency);
// "is IQD or USD" — the reason given for an unknown cash currency.
std::string CurrencyChoices();
// A currency of a project's budget and expenditures: IQD, USD or EUR (donors such as ECHO
// fund in euros).
bool IsBudgetCurrency(std::string_view currency);
// "must be IQD, USD or EUR".
std::string BudgetCurrencyChoices();

// Parses a non-negative decimal ("150000", "100.5", " 100.50 ") into minor units of
// `currency`. Digits beyond the currency's decimals are refused unless they are zeros
// ("150000.00" IQD is 150000; "100.505" USD is refused): a provider's file never rounds
// silently. No sign, exponent, thousands separator or comma decimal. InvalidArgument whose
// message is the reason ("has more than 2 decimals for USD"), without a field name: the
// caller names the field or cell.
Result<int64_t> ParseAmount(std::string_view text, std::string_view currency);

// "150000", "100.50" — minor units as major-unit text with exactly the currency's decimals.
std::string FormatAmount(int64_t minor, std::string_view currency);
// "150,000 IQD", "1,250.50 USD" — for people: messages and exports.
std::string FormatMoney(int64_t minor, std::string_view currency);
// The major-unit value as a double for JSON (100.5); exact for whole amounts, and the nearest
// double otherwise, which prints back as the same decimal.
double MajorUnits(int64_t minor, std::string_view currency);

}  // namespace sanad::assistance
