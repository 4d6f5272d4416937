// Cash transfers in the store, on both backends: a transfer reads back with its round and
// recipient, lists filter by round, status and the search text (our reference, the
// provider's, a name or phone of the household), a stale or foreign status change changes
// nothing, and references are found across the organisation's rounds only.
#include "store/cash_store.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "store/household_store_test_data.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using assistance::CashTransfer;
using ::testing::ElementsAre;

class CashStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<Value> p) { Exec(sql, std::move(p)); });
    round_ = Round(kOrgA, "Winter cash — Qaraqosh", "cash", "open");
    other_round_ = Round(kOrgA, "Autumn cash", "cash", "closed");
    foreign_round_ = Round(kOrgB, "Their round", "cash", "open");
    jubouri_ =
        Household(kOrgA, " محمد الجبوري mohammed jubouri 9647501234567 | ", "+9647501234567");
    head_ = Person(jubouri_, kOrgA, "محمد", "الجبوري", "07501234567");
    obaidi_ = Household(kOrgA, " خالد العبيدي khalid obaidi 07701112233 | ", "07701112233");
    theirs_ = Household(kOrgB, " someone else ", "");
  }

  int64_t Round(int64_t org, const std::string& name, const std::string& kind,
                const std::string& status) {
    const Rows rows = Returning(
        "INSERT INTO distributions (organisation_id, version, name, kind, status, pcode, "
        "starts_on, ends_on, plan, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, "
        "'2026-12-01', '2026-12-03', '{}', 0, 0) RETURNING id",
        {org, name, kind, status, std::string(kMarkazHamdaniya)});
    return rows.empty() ? 0 : rows.front().Int(0);
  }
  int64_t Household(int64_t org, const std::string& search_text, const std::string& phone) {
    const Rows rows = Returning(
        "INSERT INTO households (organisation_id, version, displacement_status, location_pcode, "
        "phone, search_text, created_at, updated_at) VALUES (?, 1, 'idp_in_camp', ?, ?, ?, 0, 0) "
        "RETURNING id",
        {org, std::string(kMarkazHamdaniya), phone, search_text});
    return rows.empty() ? 0 : rows.front().Int(0);
  }
  int64_t Person(int64_t household, int64_t org, const std::string& given,
                 const std::string& family, const std::string& phone) {
    const Rows rows = Returning(
        "INSERT INTO people (household_id, organisation_id, position, given_name, family_name, "
        "sex, relationship, phone) VALUES (?, ?, 0, ?, ?, 'male', 'head', ?) RETURNING id",
        {household, org, given, family, phone});
    return rows.empty() ? 0 : rows.front().Int(0);
  }
  Rows Returning(const std::string& sql, std::vector<Value> params) {
    Rows rows;
    SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(rows, c.Query(sql, params));
      return Status::Ok();
    }));
    return rows;
  }

  CashTransfer Insert(int64_t org, int64_t round, int64_t household, int64_t recipient,
                      int64_t amount = 150000, const std::string& provider_reference = "") {
    CashTransfer t{.organisation_id = org,
                   .distribution_id = round,
                   .household_id = household,
                   .recipient_id = recipient,
                   .amount = amount,
                   .currency = "IQD",
                   .mechanism = "mobile_money",
                   .status = "pending",
                   .provider_reference = provider_reference};
    SANAD_EXPECT_OK(Write([&](Connection& c) { return InsertCashTransfer(c, &t, 100); }));
    return t;
  }

  std::vector<int64_t> Ids(CashTransferFilter f) {
    f.organisation_id = f.organisation_id == 0 ? kOrgA : f.organisation_id;
    std::vector<int64_t> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(auto list, ListCashTransfers(c, f));
      SANAD_ASSIGN_OR_RETURN(const int64_t total, CountCashTransfers(c, f));
      if (f.offset == 0 && static_cast<int>(list.size()) < f.limit) {
        EXPECT_EQ(total, static_cast<int64_t>(list.size()));
      }
      for (const auto& t : list) out.push_back(t.id);
      return Status::Ok();
    }));
    return out;
  }

  int64_t round_ = 0, other_round_ = 0, foreign_round_ = 0;
  int64_t jubouri_ = 0, head_ = 0, obaidi_ = 0, theirs_ = 0;
};

TEST_P(CashStoreTest, TransferReadsBackWithItsRoundAndRecipient) {
  const CashTransfer t = Insert(kOrgA, round_, jubouri_, head_);
  EXPECT_GT(t.id, 0);
  EXPECT_EQ(t.version, 1);
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(const CashTransfer got, GetCashTransfer(c, kOrgA, t.id));
    EXPECT_EQ(got.distribution_name, "Winter cash — Qaraqosh");
    EXPECT_EQ(got.recipient_name, "محمد الجبوري");
    EXPECT_EQ(got.recipient_phone, "07501234567");
    EXPECT_EQ(got.amount, 150000);
    EXPECT_EQ(got.status, "pending");
    EXPECT_FALSE(got.paid_amount.has_value());
    EXPECT_EQ(got.paid_at, "");
    // Another organisation does not see it.
    EXPECT_EQ(GetCashTransfer(c, kOrgB, t.id).status().code(), StatusCode::kNotFound);
    SANAD_ASSIGN_OR_RETURN(const auto round, GetCashRound(c, kOrgA, round_));
    EXPECT_EQ(round.kind, "cash");
    EXPECT_EQ(round.status, "open");
    EXPECT_EQ(GetCashRound(c, kOrgB, round_).status().code(), StatusCode::kNotFound);
    return Status::Ok();
  }));
  // Without a recipient the household's phone is the one to call.
  const CashTransfer bare = Insert(kOrgA, round_, obaidi_, 0);
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(const CashTransfer got, GetCashTransfer(c, kOrgA, bare.id));
    EXPECT_EQ(got.recipient_id, 0);
    EXPECT_EQ(got.recipient_phone, "07701112233");
    return Status::Ok();
  }));
}

TEST_P(CashStoreTest, StatusChangeWritesOverTheCurrentVersionOnly) {
  CashTransfer t = Insert(kOrgA, round_, jubouri_, head_);
  CashTransfer paid = t;
  paid.status = "paid";
  paid.paid_amount = 140000;
  paid.paid_at = "2026-12-02";
  paid.provider_reference = "ZC-99812";
  SANAD_EXPECT_OK(Write([&](Connection& c) { return UpdateCashTransferStatus(c, &paid, 1, 200); }));
  EXPECT_EQ(paid.version, 2);

  CashTransfer stale = t;
  stale.status = "failed";
  const Status s =
      Write([&](Connection& c) { return UpdateCashTransferStatus(c, &stale, 1, 300); });
  EXPECT_EQ(s.code(), StatusCode::kConflict);
  ASSERT_EQ(s.fields().size(), 1u);
  EXPECT_EQ(s.fields()[0].field, "version");
  CashTransfer foreign = paid;
  foreign.organisation_id = kOrgB;
  EXPECT_EQ(
      Write([&](Connection& c) { return UpdateCashTransferStatus(c, &foreign, 2, 300); }).code(),
      StatusCode::kNotFound);

  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(const CashTransfer got, GetCashTransfer(c, kOrgA, t.id));
    EXPECT_EQ(got.status, "paid");
    EXPECT_EQ(got.paid_amount, 140000);
    EXPECT_EQ(got.paid_at, "2026-12-02");
    EXPECT_EQ(got.provider_reference, "ZC-99812");
    EXPECT_EQ(got.version, 2);
    EXPECT_EQ(got.updated_at, 200);
    return Status::Ok();
  }));
}

TEST_P(CashStoreTest, ListsFilterByRoundStatusAndSearchText) {
  const int64_t a = Insert(kOrgA, round_, jubouri_, head_, 150000, "ZC-1").id;
  const int64_t b = Insert(kOrgA, round_, obaidi_, 0).id;
  const int64_t c = Insert(kOrgA, other_round_, jubouri_, head_).id;
  Insert(kOrgB, foreign_round_, theirs_, 0);
  Exec("UPDATE cash_transfers SET status = 'failed' WHERE id = ?", {b});

  // Newest round first (the other round was planned later), then id; never another
  // organisation's.
  EXPECT_THAT(Ids({}), ElementsAre(c, a, b));
  EXPECT_THAT(Ids({.distribution_id = round_}), ElementsAre(a, b));
  EXPECT_THAT(Ids({.status = "failed"}), ElementsAre(b));
  EXPECT_THAT(Ids({.id = c}), ElementsAre(c));
  EXPECT_THAT(Ids({.provider_reference = "ZC-1", .terms = {"zc", "1"}}), ElementsAre(a));
  EXPECT_THAT(Ids({.provider_reference = "khalid", .terms = {"khalid"}}), ElementsAre(b));
  EXPECT_THAT(Ids({.provider_reference = "0770", .terms = {"0770"}}), ElementsAre(b));
  EXPECT_THAT(Ids({.distribution_id = round_, .terms = {"jubouri", "mohammed"}}), ElementsAre(a));
  EXPECT_THAT(Ids({.terms = {"jubouri", "khalid"}}), ElementsAre());
  EXPECT_THAT(Ids({.limit = 1, .offset = 1}), ElementsAre(a));
  EXPECT_THAT(Ids({.organisation_id = kOrgB, .id = a}), ElementsAre());
}

TEST_P(CashStoreTest, RoundTransfersAndReferencesAcrossTheOrganisationsRounds) {
  const int64_t a = Insert(kOrgA, round_, jubouri_, head_).id;
  const int64_t b = Insert(kOrgA, round_, obaidi_, 0).id;
  const int64_t c = Insert(kOrgA, other_round_, jubouri_, head_, 150000, "ZC-OLD").id;
  const int64_t d = Insert(kOrgB, foreign_round_, theirs_, 0, 150000, "ZC-THEIRS").id;
  SANAD_EXPECT_OK(Read([&](Connection& conn) -> Status {
    SANAD_ASSIGN_OR_RETURN(const auto round, ListRoundTransfers(conn, kOrgA, round_));
    std::vector<int64_t> ids;
    for (const auto& t : round) ids.push_back(t.id);
    EXPECT_THAT(ids, ElementsAre(a, b));
    SANAD_ASSIGN_OR_RETURN(const auto found,
                           FindCashTransfers(conn, kOrgA, {c, d, 9999}, {"ZC-OLD", "ZC-THEIRS"}));
    std::vector<std::pair<int64_t, int64_t>> rounds;
    for (const auto& t : found) rounds.emplace_back(t.id, t.distribution_id);
    // Another organisation's transfer is not found, by id nor by provider reference.
    EXPECT_THAT(rounds, ElementsAre(std::pair{c, other_round_}, std::pair{c, other_round_}));
    return Status::Ok();
  }));
}

SANAD_STORE_TEST_BACKENDS(CashStoreTest);

}  // namespace
}  // namespace sanad::store
