// The reconciliation of a provider's file, without a database: every problem is named by line
// and column, the workflow decides which lines may change a transfer, and every difference
// between what was due and what the provider reports is listed.
#include "assistance/cash_reconciliation.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace sanad::assistance {
namespace {

using ::testing::ElementsAre;

constexpr char kToday[] = "2026-12-05";

CashTransfer Transfer(int64_t id, std::string status, int64_t amount = 150000,
                      std::string currency = "IQD") {
  return {.id = id,
          .organisation_id = 1,
          .distribution_id = 13,
          .household_id = 90 + id,
          .version = 1,
          .amount = amount,
          .currency = std::move(currency),
          .mechanism = "mobile_money",
          .status = std::move(status)};
}

// Transfers 40–43 of round 13: three pending, one already paid (provider reference ZC-1).
std::vector<CashTransfer> Round() {
  CashTransfer paid = Transfer(43, "paid");
  paid.provider_reference = "ZC-1";
  paid.paid_amount = 150000;
  paid.paid_at = "2026-12-01";
  return {Transfer(40, "pending"), Transfer(41, "pending"), Transfer(42, "failed"), paid};
}

ReconciliationCheck Check(const std::string& csv, const ForeignTransfers& foreign = {}) {
  return CheckReconciliation(ReadReconciliationCsv("zain.csv", csv), Round(), foreign, kToday);
}

// "3:reference: reason" for each problem, in order.
std::vector<std::string> Problems(const ReconciliationCheck& c) {
  std::vector<std::string> out;
  for (const auto& p : c.problems) {
    out.push_back(std::to_string(p.row) + ":" + p.column + ": " + p.reason);
  }
  return out;
}

std::vector<std::string> Differences(const ReconciliationCheck& c) {
  std::vector<std::string> out;
  for (const auto& d : c.differences) out.push_back(d.kind + " " + d.message);
  return out;
}

TEST(ReconciliationTest, AGoodFileChangesTransfersAndListsEveryDifference) {
  const auto c = Check(
      "Reference,Provider Reference,AMOUNT,currency,status,date,reason,msisdn\n"
      "TR-000040,ZC-99812,150000,IQD,paid,2026-12-02,,07501234567\n"
      "tr-41,ZC-99813,140000.00,iqd,PAID,,,07701112233\n"
      ",ZC-1,150000,IQD,paid,2026-12-01,,\n");
  EXPECT_THAT(Problems(c), ElementsAre());
  ASSERT_EQ(c.changes.size(), 2u);
  EXPECT_EQ(c.changes[0].line, 2);
  EXPECT_EQ(c.changes[0].from, "pending");
  EXPECT_EQ(c.changes[0].after.status, "paid");
  EXPECT_EQ(c.changes[0].after.paid_amount, 150000);
  EXPECT_EQ(c.changes[0].after.paid_at, "2026-12-02");
  EXPECT_EQ(c.changes[0].after.provider_reference, "ZC-99812");
  EXPECT_EQ(c.changes[1].after.paid_amount, 140000);
  EXPECT_EQ(c.changes[1].after.paid_at, kToday);  // no date: the day of the import
  EXPECT_EQ(c.unchanged, 1);                      // ZC-1 was already paid
  EXPECT_THAT(
      Differences(c),
      ElementsAre("amount_differs TR-000041: paid 140,000 IQD of 150,000 IQD due (10,000 "
                  "IQD less)",
                  "not_in_file TR-000042: not in the file, still failed (150,000 IQD due)"));
}

TEST(ReconciliationTest, EveryProblemIsNamedByLineAndColumnAndNothingChanges) {
  ForeignTransfers foreign;
  foreign.round_of_id[77] = 12;
  foreign.round_of_provider_reference["ZC-OLD"] = 12;
  const auto c = Check(
      "reference,provider_reference,amount,currency,status,date,reason\n"
      "TR-000999,,150000,IQD,paid,,\n"       // 2: unknown reference
      "TR-000040,,150000,IQD,paid,,\n"       // 3: fine
      "TR-000040,,150000,IQD,paid,,\n"       // 4: the same transfer again
      "TR-000041,,150000,USD,paid,,\n"       // 5: wrong currency
      "TR-000041,,15O000,IQD,paid,,\n"       // 6: bad amount text, and a repeat
      ",,150000,IQD,paid,,\n"                // 7: no reference at all
      "TR-000043,,150000,IQD,settled,,\n"    // 8: bad status word
      "TR-000042,,150000,IQD,paid,,\n"       // 9: failed → paid is not a step
      "TR-000077,,150000,IQD,paid,,\n"       // 10: another round
      ",ZC-OLD,150000,IQD,paid,,\n"          // 11: another round, by provider reference
      "TR-000043,,150000,IQD,returned,,\n"   // 12: returned without reason (and a repeat)
      "X-40,,150000,IQD,paid,2026-02-30,\n"  // 13: not our reference; not a date
      ",ZC-NONE,,IQD,paid,,\n",              // 14: unknown provider reference, no amount
      foreign);
  EXPECT_THAT(
      Problems(c),
      ElementsAre(
          "2:reference: is unknown: \"TR-000999\" is not a transfer of your organisation",
          "4:reference: repeats TR-000040 of line 3",
          "5:currency: is USD but TR-000041 is due in IQD",
          "6:amount: is not an amount: write digits and at most one '.' (\"15O000\")",
          "6:reference: repeats TR-000041 of line 5",
          "7:reference: is required: our reference (TR-000040) or the provider's",
          "8:status: is \"settled\": write paid, failed or returned",
          "9:status: TR-000042 is failed: it cannot become paid (allowed next steps: pending)",
          "10:reference: is a transfer of another distribution round (12)",
          "11:provider_reference: is a transfer of another distribution round (12)",
          "12:reason: is required for a returned transfer",
          "12:reference: repeats TR-000043 of line 8",
          "13:reference: is not one of our references (like TR-000040)",
          "13:date: is not a date (YYYY-MM-DD)",
          "14:provider_reference: is unknown: no transfer of the round has provider reference "
          "\"ZC-NONE\"",
          "14:amount: is required for a paid transfer"));
}

TEST(ReconciliationTest, TheWorkflowDecidesWhichLinesMayChangeATransfer) {
  // pending → failed and paid → returned are steps; paid → failed and pending → returned are not.
  const auto ok = Check(
      "reference,amount,status,reason\n"
      "TR-000040,0,failed,wallet closed\n"
      "TR-000043,150000,returned,recipient unreachable\n"
      "TR-000042,0,failed,\n");  // already failed: confirmed, no change
  EXPECT_THAT(Problems(ok), ElementsAre());
  ASSERT_EQ(ok.changes.size(), 2u);
  EXPECT_EQ(ok.changes[0].after.failure_reason, "wallet closed");
  EXPECT_EQ(ok.changes[1].after.status, "returned");
  EXPECT_EQ(ok.changes[1].after.paid_amount, 150000);  // what was paid is what came back
  EXPECT_EQ(ok.unchanged, 1);
  EXPECT_THAT(Differences(ok),
              ElementsAre("failed TR-000040: failed, 150,000 IQD not paid (wallet closed)",
                          "returned TR-000043: 150,000 IQD returned (recipient unreachable)",
                          "failed TR-000042: failed, 150,000 IQD not paid",
                          "not_in_file TR-000041: not in the file, still pending (150,000 IQD "
                          "due)"));

  const auto bad = Check(
      "reference,amount,status,reason\n"
      "TR-000043,0,failed,\n"
      "TR-000040,150000,returned,lost\n");
  EXPECT_THAT(Problems(bad),
              ElementsAre("2:status: TR-000043 is paid: it cannot become failed (allowed next "
                          "steps: returned)",
                          "3:status: TR-000040 is pending: it cannot become returned (allowed "
                          "next steps: paid, failed)"));
  EXPECT_THAT(bad.changes, ElementsAre());
}

TEST(ReconciliationTest, AmountsAreReadInTheTransfersCurrency) {
  std::vector<CashTransfer> round = {Transfer(50, "pending", 10050, "USD")};
  const auto c = CheckReconciliation(
      ReadReconciliationCsv("f.csv", "reference,amount,status\nTR-000050,100.5,paid\n"), round, {},
      kToday);
  EXPECT_THAT(Problems(c), ElementsAre());
  ASSERT_EQ(c.changes.size(), 1u);
  EXPECT_EQ(c.changes[0].after.paid_amount, 10050);
  EXPECT_THAT(c.differences, ElementsAre());  // paid in full

  const auto refused = CheckReconciliation(
      ReadReconciliationCsv("f.csv", "reference,amount,status\nTR-000050,100.505,paid\n"), round,
      {}, kToday);
  EXPECT_THAT(Problems(refused), ElementsAre("2:amount: has more than 2 decimals for USD"));
}

TEST(ReconciliationTest, TheFilesShapeIsCheckedBeforeItsLines) {
  EXPECT_THAT(Problems(Check("")),
              ElementsAre("0:: is empty: the first line must name the columns (reference or "
                          "provider_reference, amount, currency, status, date, reason)"));
  EXPECT_THAT(Problems(Check("reference,status,status\n")),
              ElementsAre("1:status: appears twice", "1:amount: is missing"));
  EXPECT_THAT(Problems(Check("msisdn,amount,status\n")),
              ElementsAre("1:reference: is missing: name the transfer by reference (ours, "
                          "TR-000040) or provider_reference"));
  EXPECT_THAT(Problems(Check("reference,amount,status\nTR-000040,150000,paid,extra\n")),
              ElementsAre("2:: has 4 cells but the header names 3 columns"));
  const auto malformed = ReadReconciliationCsv("f.csv", "reference,amount,status\n\"TR-1,1,paid\n");
  ASSERT_EQ(malformed.problems.size(), 1u);
  EXPECT_EQ(malformed.problems[0].row, 2);
  EXPECT_GT(malformed.problems[0].character, 0);
}

TEST(ReconciliationTest, UnmatchedReferencesAreThoseToLookUpElsewhere) {
  const auto file =
      ReadReconciliationCsv("f.csv",
                            "reference,provider_reference,amount,status\nTR-000040,,1,paid\n"
                            "TR-000077,,1,paid\n,ZC-1,1,paid\n,ZC-OLD,1,paid\nnonsense,,1,paid\n");
  const UnmatchedReferences u = FindUnmatched(file, Round());
  EXPECT_THAT(u.ids, ElementsAre(77));
  EXPECT_THAT(u.provider_references, ElementsAre("ZC-OLD"));
}

TEST(ReconciliationTest, TheRoundsReportListsEveryTransferNotPaidInFull) {
  std::vector<CashTransfer> round = Round();
  round[1].status = "paid";
  round[1].paid_amount = 160000;
  std::vector<std::string> kinds;
  for (const auto& d : RoundDifferences(round)) kinds.push_back(d.kind + " " + d.message);
  EXPECT_THAT(kinds,
              ElementsAre("pending TR-000040: pending, 150,000 IQD not paid yet",
                          "amount_differs TR-000041: paid 160,000 IQD of 150,000 IQD due (10,000 "
                          "IQD more)",
                          "failed TR-000042: failed, 150,000 IQD not paid"));
}

TEST(CashTransferTest, ReferencesAndTheWorkflow) {
  EXPECT_EQ(TransferReference(40), "TR-000040");
  EXPECT_EQ(TransferReference(1234567), "TR-1234567");
  EXPECT_EQ(ParseTransferReference(" tr-000040 "), 40);
  EXPECT_EQ(ParseTransferReference("TR-40"), 40);
  for (const char* bad :
       {"TR-", "TR-0", "TR--4", "TR-4x", "TX-40", "40", "TR-99999999999999999999"}) {
    EXPECT_FALSE(ParseTransferReference(bad).has_value()) << bad;
  }
  EXPECT_THAT(NextTransferStatuses("pending"), ElementsAre("paid", "failed"));
  EXPECT_THAT(NextTransferStatuses("failed"), ElementsAre("pending"));
  EXPECT_THAT(NextTransferStatuses("paid"), ElementsAre("returned"));
  EXPECT_THAT(NextTransferStatuses("returned"), ElementsAre());
  EXPECT_EQ(AllowedNextReason("returned"), "allowed next steps: none");
  EXPECT_TRUE(IsIsoDate("2028-02-29"));
  EXPECT_FALSE(IsIsoDate("2026-02-29"));
  EXPECT_FALSE(IsIsoDate("2026-13-01"));
  EXPECT_FALSE(IsIsoDate("02/12/2026"));
}

}  // namespace
}  // namespace sanad::assistance
