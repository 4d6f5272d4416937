#include "store/expenditure_store.h"

#include "store/row_values_internal.h"

namespace sanad::store {
namespace {

using programmes::Expenditure;
using row_values::IdOrNull;

constexpr std::string_view kInsertExpenditure =
    "INSERT INTO expenditures (organisation_id, project_id, spent_on, amount, category, "
    "description, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kExpenditureColumns =
    "SELECT e.id, e.organisation_id, e.project_id, e.spent_on, e.amount, e.category, "
    "e.description, e.created_at, e.created_by, u.username, e.voided_at, e.void_reason, "
    "p.currency FROM expenditures e JOIN projects p ON p.id = e.project_id "
    "LEFT JOIN users u ON u.id = e.created_by ";
constexpr std::string_view kVoid =
    "UPDATE expenditures SET voided_at = ?, void_reason = ? "
    "WHERE id = ? AND organisation_id = ? AND voided_at IS NULL";

Expenditure ToExpenditure(const Row& r) {
  return {.id = r.Int(0),
          .organisation_id = r.Int(1),
          .project_id = r.Int(2),
          .spent_on = r.Text(3),
          .amount = r.Int(4),
          .category = r.Text(5),
          .description = r.Text(6),
          .created_at = r.Int(7),
          .created_by = r.Int(8),
          .voided_at = r.Int(10),
          .void_reason = r.Text(11),
          .created_by_name = r.Text(9),
          .currency = r.Text(12)};
}

}  // namespace

Status InsertExpenditure(Connection& c, Expenditure* e) {
  const Value p[] = {e->organisation_id, e->project_id,  e->spent_on,   e->amount,
                     e->category,        e->description, e->created_at, IdOrNull(e->created_by)};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertExpenditure, p));
  e->id = rows.front().Int(0);
  return Status::Ok();
}

Result<std::optional<Expenditure>> GetExpenditure(Connection& c, int64_t organisation_id,
                                                  int64_t project_id, int64_t id) {
  const Value p[] = {id, organisation_id, project_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query(std::string(kExpenditureColumns) +
                             "WHERE e.id = ? AND e.organisation_id = ? AND e.project_id = ?",
                         p));
  if (rows.empty()) return std::optional<Expenditure>();
  return std::optional<Expenditure>(ToExpenditure(rows.front()));
}

Status VoidExpenditure(Connection& c, int64_t organisation_id, int64_t id, int64_t now,
                       const std::string& reason) {
  const Value p[] = {now, reason, id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kVoid, p));
  if (changed == 0) {
    return Status(StatusCode::kConflict, "expenditure " + std::to_string(id) + " is already voided",
                  {{"voided_at", "is already set"}});
  }
  return Status::Ok();
}

Result<std::vector<Expenditure>> ListExpenditures(Connection& c, int64_t organisation_id,
                                                  int64_t project_id, int limit, int offset) {
  const Value p[] = {organisation_id, project_id, int64_t{limit}, int64_t{offset}};
  SANAD_ASSIGN_OR_RETURN(Rows rows,
                         c.Query(std::string(kExpenditureColumns) +
                                     "WHERE e.organisation_id = ? AND e.project_id = ? "
                                     "ORDER BY e.spent_on DESC, e.id DESC LIMIT ? OFFSET ?",
                                 p));
  std::vector<Expenditure> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToExpenditure(r));
  return out;
}

Result<int64_t> CountExpenditures(Connection& c, int64_t organisation_id, int64_t project_id) {
  const Value p[] = {organisation_id, project_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query("SELECT COUNT(*) FROM expenditures WHERE organisation_id = ? AND project_id = ?", p));
  return rows.front().Int(0);
}

}  // namespace sanad::store
