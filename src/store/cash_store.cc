#include "store/cash_store.h"

#include <algorithm>

#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

using assistance::CashTransfer;

// IN lists are cut into chunks of this many parameters, well under both backends' limits.
constexpr size_t kInChunk = 500;

constexpr std::string_view kInsertTransfer =
    "INSERT INTO cash_transfers (organisation_id, distribution_id, household_id, recipient_id, "
    "version, amount, currency, mechanism, status, provider_reference, paid_amount, paid_at, "
    "failure_reason, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kTransferColumns =
    "SELECT t.id, t.organisation_id, t.distribution_id, d.name, t.household_id, t.recipient_id, "
    "p.given_name, p.father_name, p.grandfather_name, p.family_name, p.phone, h.phone, "
    "t.version, t.amount, t.currency, t.mechanism, t.status, t.provider_reference, "
    "t.paid_amount, t.paid_at, t.failure_reason, t.created_at, t.updated_at "
    "FROM cash_transfers t JOIN distributions d ON d.id = t.distribution_id "
    "JOIN households h ON h.id = t.household_id LEFT JOIN people p ON p.id = t.recipient_id ";
constexpr std::string_view kCountTransfers =
    "SELECT COUNT(*) FROM cash_transfers t JOIN households h ON h.id = t.household_id ";
constexpr std::string_view kUpdateStatus =
    "UPDATE cash_transfers SET status = ?, provider_reference = ?, paid_amount = ?, paid_at = ?, "
    "failure_reason = ?, version = version + 1, updated_at = ? "
    "WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kCurrentVersion =
    "SELECT version FROM cash_transfers WHERE id = ? AND organisation_id = ?";
constexpr std::string_view kGetRound =
    "SELECT id, name, kind, status FROM distributions WHERE id = ? AND organisation_id = ?";

CashTransfer ToTransfer(const Row& r) {
  std::string name;
  for (size_t i = 6; i <= 9; ++i) {
    std::string part = r.Text(i);
    if (part.empty()) continue;
    name += (name.empty() ? "" : " ") + part;
  }
  std::string phone = r.Text(10);
  if (phone.empty()) phone = r.Text(11);
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .distribution_id = r.Int(2),
          .distribution_name = r.Text(3),
          .household_id = r.Int(4),
          .recipient_id = r.Int(5),
          .recipient_name = std::move(name),
          .recipient_phone = std::move(phone),
          .version = r.Int(12),
          .amount = r.Int(13),
          .currency = r.Text(14),
          .mechanism = r.Text(15),
          .status = r.Text(16),
          .provider_reference = r.Text(17),
          .paid_amount = r.IsNull(18) ? std::nullopt : std::optional<int64_t>(r.Int(18)),
          .paid_at = r.Text(19),
          .failure_reason = r.Text(20),
          .created_at = r.Int(21),
          .updated_at = r.Int(22)};
}

Value OptionalInt(const std::optional<int64_t>& v) { return v ? Value(*v) : Value(); }

std::string FilterWhere(const CashTransferFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE t.organisation_id = ?";
  params->push_back(f.organisation_id);
  if (f.distribution_id != 0) {
    where += " AND t.distribution_id = ?";
    params->push_back(f.distribution_id);
  }
  if (!f.status.empty()) {
    where += " AND t.status = ?";
    params->push_back(f.status);
  }
  std::vector<std::string> any;  // the text matches any of these
  if (f.id != 0) {
    any.emplace_back("t.id = ?");
    params->push_back(f.id);
  }
  if (!f.provider_reference.empty()) {
    any.emplace_back("t.provider_reference = ?");
    params->push_back(f.provider_reference);
  }
  if (!f.terms.empty()) {
    std::string all;
    for (const auto& t : f.terms) {
      all += (all.empty() ? "" : " AND ") + std::string("h.search_text LIKE ? ESCAPE '\\'");
      params->push_back("%" + EscapeLike(t) + "%");
    }
    any.push_back("(" + all + ")");
  }
  if (!any.empty()) {
    std::string joined;
    for (const auto& a : any) joined += (joined.empty() ? "" : " OR ") + a;
    where += " AND (" + joined + ")";
  }
  return where;
}

Result<std::vector<CashTransfer>> Select(Connection& c, const std::string& sql,
                                         std::span<const Value> params) {
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<CashTransfer> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToTransfer(r));
  return out;
}

std::string Marks(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i == 0 ? "?" : ", ?";
  return out;
}

}  // namespace

Status InsertCashTransfer(Connection& c, CashTransfer* t, int64_t now) {
  const Value p[] = {t->organisation_id,
                     t->distribution_id,
                     t->household_id,
                     t->recipient_id == 0 ? Value() : Value(t->recipient_id),
                     t->amount,
                     t->currency,
                     t->mechanism,
                     t->status,
                     t->provider_reference,
                     OptionalInt(t->paid_amount),
                     t->paid_at,
                     t->failure_reason,
                     now,
                     now};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertTransfer, p));
  t->id = rows.front().Int(0);
  t->version = 1;
  t->created_at = t->updated_at = now;
  return Status::Ok();
}

Result<CashTransfer> GetCashTransfer(Connection& c, int64_t organisation_id, int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      auto found,
      Select(c, std::string(kTransferColumns) + "WHERE t.id = ? AND t.organisation_id = ?", p));
  if (found.empty()) return Status::NotFound("cash transfer not found");
  return std::move(found.front());
}

Result<std::vector<CashTransfer>> ListCashTransfers(Connection& c, const CashTransferFilter& f) {
  std::vector<Value> params;
  const std::string sql = std::string(kTransferColumns) + FilterWhere(f, &params) +
                          " ORDER BY t.distribution_id DESC, t.id LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  return Select(c, sql, params);
}

Result<int64_t> CountCashTransfers(Connection& c, const CashTransferFilter& f) {
  std::vector<Value> params;
  const std::string sql = std::string(kCountTransfers) + FilterWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

Result<std::vector<CashTransfer>> ListRoundTransfers(Connection& c, int64_t organisation_id,
                                                     int64_t distribution_id) {
  const Value p[] = {organisation_id, distribution_id};
  return Select(c,
                std::string(kTransferColumns) +
                    "WHERE t.organisation_id = ? AND t.distribution_id = ? ORDER BY t.id",
                p);
}

Result<std::vector<CashTransfer>> FindCashTransfers(
    Connection& c, int64_t organisation_id, const std::vector<int64_t>& ids,
    const std::vector<std::string>& provider_references) {
  std::vector<CashTransfer> out;
  const auto run = [&](std::string_view column, std::vector<Value> keys) -> Status {
    for (size_t at = 0; at < keys.size(); at += kInChunk) {
      const size_t n = std::min(kInChunk, keys.size() - at);
      std::vector<Value> params{organisation_id};
      params.insert(params.end(), keys.begin() + static_cast<std::ptrdiff_t>(at),
                    keys.begin() + static_cast<std::ptrdiff_t>(at + n));
      SANAD_ASSIGN_OR_RETURN(
          auto found, Select(c,
                             std::string(kTransferColumns) + "WHERE t.organisation_id = ? AND " +
                                 std::string(column) + " IN (" + Marks(n) + ") ORDER BY t.id",
                             params));
      for (auto& t : found) out.push_back(std::move(t));
    }
    return Status::Ok();
  };
  SANAD_RETURN_IF_ERROR(run("t.id", {ids.begin(), ids.end()}));
  SANAD_RETURN_IF_ERROR(
      run("t.provider_reference", {provider_references.begin(), provider_references.end()}));
  return out;
}

Status UpdateCashTransferStatus(Connection& c, CashTransfer* t, int64_t expected_version,
                                int64_t now) {
  const Value p[] = {t->status,  t->provider_reference, OptionalInt(t->paid_amount),
                     t->paid_at, t->failure_reason,     now,
                     t->id,      t->organisation_id,    expected_version};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kUpdateStatus, p));
  if (changed == 0) {
    const Value q[] = {t->id, t->organisation_id};
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kCurrentVersion, q));
    if (rows.empty()) return Status::NotFound("cash transfer not found");
    const std::string current = std::to_string(rows.front().Int(0));
    return Status(StatusCode::kConflict,
                  "cash transfer " + std::to_string(t->id) +
                      " was changed by someone else: version " + std::to_string(expected_version) +
                      " is stale, the current version is " + current,
                  {{"version", "is stale: the current version is " + current}});
  }
  t->version = expected_version + 1;
  t->updated_at = now;
  return Status::Ok();
}

Result<assistance::CashRound> GetCashRound(Connection& c, int64_t organisation_id,
                                           int64_t distribution_id) {
  const Value p[] = {distribution_id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kGetRound, p));
  if (rows.empty()) return Status::NotFound("distribution round not found");
  const Row& r = rows.front();
  return assistance::CashRound{
      .id = r.Int(0), .name = r.Text(1), .kind = r.Text(2), .status = r.Text(3)};
}

}  // namespace sanad::store
