// Money as integers of minor units: what a provider's file or a JSON body may say, and how
// amounts read back to people.
#include "assistance/money.h"

#include <gtest/gtest.h>

namespace sanad::assistance {
namespace {

struct Parse {
  const char* text;
  const char* currency;
  int64_t minor;  // -1: refused
};

TEST(MoneyTest, ParsesAmountsIntoMinorUnitsAndRefusesWhatWouldRound) {
  const Parse cases[] = {
      {"150000", "IQD", 150000},
      {" 150000 ", "IQD", 150000},
      {"150000.00", "IQD", 150000},
      {"0", "IQD", 0},
      {"007", "IQD", 7},
      {"100.5", "USD", 10050},
      {"100.50", "USD", 10050},
      {"100.500", "USD", 10050},
      {"0.07", "USD", 7},
      {"100", "USD", 10000},
      {"150000.5", "IQD", -1},
      {"100.505", "USD", -1},
      {"-5", "IQD", -1},
      {"+5", "IQD", -1},
      {"1e5", "IQD", -1},
      {"150,000", "IQD", -1},
      {"100,50", "USD", -1},
      {"", "IQD", -1},
      {".5", "USD", -1},
      {"5.", "USD", -1},
      {"1.2.3", "USD", -1},
      {"abc", "USD", -1},
      {"100", "EUR", 10000},
      {"80312.5", "EUR", 8031250},
      {"0.001", "EUR", -1},
      {"100", "GBP", -1},
      {"99999999999999999999", "IQD", -1},
      {"1000000000000000", "IQD", 1'000'000'000'000'000},
      {"1000000000000001", "IQD", -1},
      {"10000000000000.00", "USD", 1'000'000'000'000'000},
      {"10000000000000.01", "USD", -1},
  };
  for (const auto& c : cases) {
    const auto got = ParseAmount(c.text, c.currency);
    if (c.minor < 0) {
      EXPECT_FALSE(got.ok()) << c.text << " " << c.currency << " gave " << *got;
      if (!got.ok()) {
        EXPECT_EQ(got.status().code(), StatusCode::kInvalidArgument);
      }
    } else {
      ASSERT_TRUE(got.ok()) << c.text << " " << c.currency << ": " << got.status().ToString();
      EXPECT_EQ(*got, c.minor) << c.text << " " << c.currency;
    }
  }
}

TEST(MoneyTest, TooManyDecimalsSaysHowManyTheCurrencyHas) {
  EXPECT_EQ(ParseAmount("100.505", "USD").status().message(), "has more than 2 decimals for USD");
  EXPECT_EQ(ParseAmount("10.5", "IQD").status().message(), "has more than 0 decimals for IQD");
}

TEST(MoneyTest, CurrenciesAreIqdWithoutDecimalsAndUsdAndEurWithTwo) {
  EXPECT_EQ(MinorUnitDecimals("IQD"), 0);
  EXPECT_EQ(MinorUnitDecimals("USD"), 2);
  EXPECT_EQ(MinorUnitDecimals("EUR"), 2);
  EXPECT_FALSE(MinorUnitDecimals("usd").has_value());  // codes are upper case
  // Cash is paid in dinars or dollars; a budget may also be in euros.
  EXPECT_FALSE(IsCurrency("EUR"));
  EXPECT_TRUE(IsBudgetCurrency("EUR"));
  EXPECT_TRUE(IsBudgetCurrency("IQD"));
  EXPECT_FALSE(IsBudgetCurrency("GBP"));
}

TEST(MoneyTest, FormatsMinorUnitsBackForFilesAndPeople) {
  EXPECT_EQ(FormatAmount(150000, "IQD"), "150000");
  EXPECT_EQ(FormatAmount(10050, "USD"), "100.50");
  EXPECT_EQ(FormatAmount(7, "USD"), "0.07");
  EXPECT_EQ(FormatAmount(-7, "USD"), "-0.07");
  EXPECT_EQ(FormatMoney(150000, "IQD"), "150,000 IQD");
  EXPECT_EQ(FormatMoney(125050, "USD"), "1,250.50 USD");
  EXPECT_EQ(FormatMoney(-1000000, "IQD"), "-1,000,000 IQD");
  EXPECT_EQ(FormatMoney(999, "IQD"), "999 IQD");
  EXPECT_EQ(FormatMoney(25000000, "EUR"), "250,000.00 EUR");
  EXPECT_DOUBLE_EQ(MajorUnits(10050, "USD"), 100.5);
  EXPECT_DOUBLE_EQ(MajorUnits(150000, "IQD"), 150000.0);
}

TEST(MoneyTest, EveryFormattedAmountParsesBackToItself) {
  for (int64_t minor : {0LL, 1LL, 9LL, 10LL, 99LL, 100LL, 12345LL, 1'000'000'000'000LL}) {
    for (const char* currency : {"IQD", "USD", "EUR"}) {
      const auto back = ParseAmount(FormatAmount(minor, currency), currency);
      ASSERT_TRUE(back.ok()) << minor << " " << currency;
      EXPECT_EQ(*back, minor) << currency;
    }
  }
}

}  // namespace
}  // namespace sanad::assistance
