// The collection half of distribution_store.h: collections, the claims that keep one per person
// per round, the links between registrations of the same people, and the cash transfers a
// round creates and pays in hand.
#include <algorithm>
#include <set>

#include "store/distribution_store.h"
#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

using assistance::Collection;

constexpr std::string_view kInsertCollection =
    "INSERT INTO collections (distribution_id, organisation_id, household_id, collector, "
    "person_id, proxy_name, proxy_document, note, at, created_by, created_by_name) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kCollectionColumns =
    "SELECT c.id, c.distribution_id, c.organisation_id, c.household_id, b.token, c.collector, "
    "c.person_id, c.proxy_name, c.proxy_document, c.note, c.at, c.created_by, "
    "c.created_by_name, c.voided_at, c.void_reason, c.voided_by_name FROM collections c "
    "LEFT JOIN distribution_beneficiaries b ON b.distribution_id = c.distribution_id AND "
    "b.household_id = c.household_id ";
constexpr std::string_view kVoid =
    "UPDATE collections SET voided_at = ?, void_reason = ?, voided_by_name = ? "
    "WHERE id = ? AND voided_at IS NULL";
constexpr std::string_view kReach =
    "SELECT c.collector, COUNT(*), SUM(b.size) FROM collections c JOIN "
    "distribution_beneficiaries b ON b.distribution_id = c.distribution_id AND b.household_id = "
    "c.household_id WHERE c.distribution_id = ? AND c.voided_at IS NULL GROUP BY c.collector";
constexpr std::string_view kHouseholdPeople =
    "SELECT id FROM people WHERE household_id = ? AND archived_at IS NULL ORDER BY position";
constexpr std::string_view kInsertClaim =
    "INSERT INTO collection_claims (distribution_id, person_id, collection_id) VALUES (?, ?, ?)";
constexpr std::string_view kInsertTransfer =
    "INSERT INTO cash_transfers (organisation_id, distribution_id, household_id, recipient_id, "
    "version, amount, currency, mechanism, status, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, 1, ?, ?, ?, 'pending', ?, ?)";
constexpr std::string_view kPayInHand =
    "UPDATE cash_transfers SET status = 'paid', paid_amount = amount, paid_at = ?, "
    "provider_reference = ?, version = version + 1, updated_at = ? "
    "WHERE distribution_id = ? AND household_id = ? AND status = 'pending'";
constexpr std::string_view kUnpayInHand =
    "UPDATE cash_transfers SET status = 'pending', paid_amount = NULL, paid_at = '', "
    "provider_reference = '', version = version + 1, updated_at = ? "
    "WHERE distribution_id = ? AND household_id = ? AND status = 'paid' AND "
    "provider_reference = ?";
constexpr std::string_view kSumTransfers =
    "SELECT status, currency, COUNT(*), SUM(amount), SUM(COALESCE(paid_amount, 0)) "
    "FROM cash_transfers WHERE distribution_id = ? GROUP BY status, currency";

Collection ToCollection(const Row& r) {
  return {.id = r.Int(0),
          .distribution_id = r.Int(1),
          .organisation_id = r.Int(2),
          .household_id = r.Int(3),
          .token = r.Text(4),
          .collector = r.Text(5),
          .person_id = r.Int(6),
          .proxy_name = r.Text(7),
          .proxy_document = r.Text(8),
          .note = r.Text(9),
          .at = r.Int(10),
          .created_by = r.Int(11),
          .created_by_name = r.Text(12),
          .voided_at = r.Int(13),
          .void_reason = r.Text(14),
          .voided_by_name = r.Text(15)};
}

std::string InHandReference(int64_t collection_id) {
  return "COL-" + std::to_string(collection_id);
}

}  // namespace

Status InsertCollection(Connection& c, Collection* col) {
  const Value p[] = {col->distribution_id,
                     col->organisation_id,
                     col->household_id,
                     col->collector,
                     col->person_id == 0 ? Value() : Value(col->person_id),
                     col->proxy_name,
                     col->proxy_document,
                     col->note,
                     col->at,
                     col->created_by,
                     col->created_by_name};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertCollection, p));
  col->id = rows.front().Int(0);
  return Status::Ok();
}

Result<Collection> GetCollection(Connection& c, int64_t distribution_id, int64_t id) {
  const Value p[] = {distribution_id, id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query(std::string(kCollectionColumns) + "WHERE c.distribution_id = ? AND c.id = ?", p));
  if (rows.empty()) return Status::NotFound("collection not found");
  return ToCollection(rows.front());
}

Result<std::vector<Collection>> ListCollections(Connection& c, int64_t distribution_id, int limit,
                                                int offset) {
  const Value p[] = {distribution_id, int64_t{limit}, int64_t{offset}};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(std::string(kCollectionColumns) +
                                                "WHERE c.distribution_id = ? ORDER BY c.id DESC "
                                                "LIMIT ? OFFSET ?",
                                            p));
  std::vector<Collection> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToCollection(r));
  return out;
}

Result<int64_t> CountCollections(Connection& c, int64_t distribution_id) {
  const Value p[] = {distribution_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows,
                         c.Query("SELECT COUNT(*) FROM collections WHERE distribution_id = ?", p));
  return rows.front().Int(0);
}

Result<Reach> CountReach(Connection& c, int64_t distribution_id) {
  const Value p[] = {distribution_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kReach, p));
  Reach out;
  for (const Row& r : rows) {
    const std::string who = r.Text(0);
    out.households += r.Int(1);
    out.people += r.Int(2);
    if (who == "head") out.by_head += r.Int(1);
    if (who == "member") out.by_member += r.Int(1);
    if (who == "proxy") out.by_proxy += r.Int(1);
  }
  return out;
}

Status MarkVoided(Connection& c, const Collection& col) {
  const Value p[] = {col.voided_at, col.void_reason, col.voided_by_name, col.id};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kVoid, p));
  if (changed == 0) return Status::Conflict("the collection is already void");
  return Status::Ok();
}

Result<std::vector<int64_t>> ListHouseholdPeople(Connection& c, int64_t household_id) {
  const Value p[] = {household_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kHouseholdPeople, p));
  std::vector<int64_t> out;
  for (const Row& r : rows) out.push_back(r.Int(0));
  return out;
}

Result<std::vector<int64_t>> LinkedPeople(Connection& c, std::vector<int64_t> people) {
  std::set<int64_t> known(people.begin(), people.end());
  std::vector<int64_t> frontier(known.begin(), known.end());
  // Each round follows one hop of merged_into both ways; chains of merges are short.
  while (!frontier.empty()) {
    std::vector<Value> params;
    for (const int64_t id : frontier) params.emplace_back(id);
    const std::string in = Placeholders(frontier.size());
    // Two queries, each served by an index (people_merged_into, the primary key): one OR of
    // both made SQLite read the whole registry.
    SANAD_ASSIGN_OR_RETURN(Rows into, c.Query("SELECT id, merged_into FROM people WHERE "
                                              "merged_into IN (" +
                                                  in + ") AND archived_at IS NULL",
                                              params));
    SANAD_ASSIGN_OR_RETURN(Rows from,
                           c.Query("SELECT id, merged_into FROM people WHERE id IN (" + in +
                                       ") AND merged_into IS NOT NULL AND "
                                       "archived_at IS NULL",
                                   params));
    frontier.clear();
    for (const Rows* rows : {&into, &from}) {
      for (const Row& r : *rows) {
        for (const int64_t id : {r.Int(0), r.Int(1)}) {
          if (known.insert(id).second) frontier.push_back(id);
        }
      }
    }
  }
  return std::vector<int64_t>(known.begin(), known.end());
}

Status InsertClaim(Connection& c, int64_t distribution_id, int64_t person_id,
                   int64_t collection_id) {
  const Value p[] = {distribution_id, person_id, collection_id};
  return c.Execute(kInsertClaim, p).status();
}

Result<std::optional<int64_t>> FindClaim(Connection& c, int64_t distribution_id,
                                         const std::vector<int64_t>& people) {
  if (people.empty()) return std::optional<int64_t>();
  std::vector<Value> params = {distribution_id};
  for (const int64_t id : people) params.emplace_back(id);
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query("SELECT collection_id FROM collection_claims WHERE distribution_id = ? "
                         "AND person_id IN (" +
                             Placeholders(people.size()) + ") ORDER BY collection_id LIMIT 1",
                         params));
  if (rows.empty()) return std::optional<int64_t>();
  return std::optional<int64_t>(rows.front().Int(0));
}

Status DeleteClaims(Connection& c, int64_t collection_id) {
  const Value p[] = {collection_id};
  return c.Execute("DELETE FROM collection_claims WHERE collection_id = ?", p).status();
}

Result<std::vector<RoundMovements>> SumRoundMovements(Connection& c, int64_t distribution_id) {
  const Value p[] = {distribution_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query("SELECT item_id, kind, SUM(quantity) FROM stock_movements WHERE "
                         "distribution_id = ? AND kind IN ('issue', 'return') GROUP BY item_id, "
                         "kind ORDER BY item_id",
                         p));
  std::vector<RoundMovements> out;
  for (const Row& r : rows) {
    if (out.empty() || out.back().item_id != r.Int(0)) out.push_back({.item_id = r.Int(0)});
    if (r.Text(1) == "issue") out.back().issued = -r.Int(2);
    if (r.Text(1) == "return") out.back().returned = r.Int(2);
  }
  return out;
}

Status InsertPendingTransfer(Connection& c, const NewTransfer& t, int64_t now) {
  const Value p[] = {t.organisation_id,
                     t.distribution_id,
                     t.household_id,
                     t.recipient_id == 0 ? Value() : Value(t.recipient_id),
                     t.amount,
                     t.currency,
                     t.mechanism,
                     now,
                     now};
  return c.Execute(kInsertTransfer, p).status();
}

Status DeleteTransfers(Connection& c, int64_t distribution_id) {
  const Value p[] = {distribution_id};
  return c.Execute("DELETE FROM cash_transfers WHERE distribution_id = ?", p).status();
}

Status FailPendingTransfers(Connection& c, int64_t distribution_id, const std::string& reason,
                            int64_t now) {
  const Value p[] = {reason, now, distribution_id};
  return c
      .Execute(
          "UPDATE cash_transfers SET status = 'failed', failure_reason = ?, "
          "version = version + 1, updated_at = ? WHERE distribution_id = ? AND "
          "status = 'pending'",
          p)
      .status();
}

Status PayTransferInHand(Connection& c, int64_t distribution_id, int64_t household_id,
                         int64_t collection_id, const std::string& paid_on, int64_t now) {
  const Value p[] = {paid_on, InHandReference(collection_id), now, distribution_id, household_id};
  return c.Execute(kPayInHand, p).status();
}

Status UnpayTransferInHand(Connection& c, int64_t distribution_id, int64_t household_id,
                           int64_t collection_id, int64_t now) {
  const Value p[] = {now, distribution_id, household_id, InHandReference(collection_id)};
  return c.Execute(kUnpayInHand, p).status();
}

Result<CashTotals> SumTransfers(Connection& c, int64_t distribution_id) {
  const Value p[] = {distribution_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kSumTransfers, p));
  CashTotals out;
  for (const Row& r : rows) {
    const std::string status = r.Text(0);
    out.currency = r.Text(1);
    out.transfers += r.Int(2);
    out.due += r.Int(3);
    if (status == "paid") out.paid += r.Int(4);
    if (status == "pending") out.pending += r.Int(3);
    if (status == "failed") out.failed += r.Int(3);
    if (status == "returned") out.returned += r.Int(3);
  }
  return out;
}

}  // namespace sanad::store
