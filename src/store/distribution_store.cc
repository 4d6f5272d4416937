#include "store/distribution_store.h"

#include <nlohmann/json.hpp>

#include "store/row_values_internal.h"

namespace sanad::store {
namespace {

using assistance::BasketLine;
using assistance::CashPlan;
using assistance::Criteria;
using assistance::Distribution;
using nlohmann::json;

constexpr std::string_view kInsert =
    "INSERT INTO distributions (organisation_id, version, name, kind, status, project, "
    "project_id, sector, pcode, site, warehouse_id, starts_on, ends_on, plan, created_at, "
    "created_by, updated_at, updated_by) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "?, ?) RETURNING id";
constexpr std::string_view kColumns =
    "SELECT d.id, d.organisation_id, d.version, d.name, d.kind, d.status, d.project, d.pcode, "
    "d.site, d.warehouse_id, w.name, d.starts_on, d.ends_on, d.plan, d.cancel_reason, "
    "d.households, d.people, d.duplicates_skipped, d.planned_at, d.opened_at, d.closed_at, "
    "d.created_at, d.updated_at, (SELECT COUNT(*) FROM collections c WHERE c.distribution_id = "
    "d.id AND c.voided_at IS NULL), d.project_id, p.code, p.name, p.office_id, d.sector "
    "FROM distributions d LEFT JOIN warehouses w ON w.id = d.warehouse_id "
    "LEFT JOIN projects p ON p.id = d.project_id ";
constexpr std::string_view kSave =
    "UPDATE distributions SET version = version + 1, name = ?, kind = ?, status = ?, project = ?, "
    "project_id = ?, sector = ?, pcode = ?, site = ?, warehouse_id = ?, starts_on = ?, ends_on = "
    "?, plan = ?, "
    "cancel_reason = ?, households = ?, people = ?, duplicates_skipped = ?, planned_at = ?, "
    "opened_at = ?, closed_at = ?, updated_at = ?, updated_by = ? "
    "WHERE id = ? AND organisation_id = ? AND version = ?";
constexpr std::string_view kVersion =
    "SELECT version FROM distributions WHERE id = ? AND organisation_id = ?";
constexpr std::string_view kItemNames =
    "SELECT id, code, name_en, unit, name_ar, name_ckb, category FROM items WHERE "
    "organisation_id = ? AND id = ?";
constexpr std::string_view kItemExists =
    "SELECT COUNT(*) FROM items WHERE organisation_id = ? AND id = ?";
constexpr std::string_view kWarehouseExists =
    "SELECT COUNT(*) FROM warehouses WHERE organisation_id = ? AND id = ? AND active = 1";

json OptionalInt(const std::optional<int64_t>& v) { return v ? json(*v) : json(nullptr); }
std::optional<int64_t> ReadOptional(const json& j, const char* key) {
  const auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<int64_t>();
}
Value OptionalTime(int64_t t) { return t == 0 ? Value() : Value(t); }
using row_values::IdOrNull;

std::string EncodePlan(const Distribution& d) {
  json basket = json::array();
  for (const BasketLine& l : d.basket) {
    basket.push_back({{"item_id", l.item_id},
                      {"quantity", l.quantity},
                      {"per_member", l.per_member},
                      {"max_quantity", OptionalInt(l.max_quantity)}});
  }
  json cash = nullptr;
  if (d.cash) {
    cash = {{"amount", d.cash->amount},
            {"currency", d.cash->currency},
            {"per_member", d.cash->per_member},
            {"max_amount", OptionalInt(d.cash->max_amount)},
            {"mechanism", d.cash->mechanism}};
  }
  const Criteria& c = d.criteria;
  json criteria = {{"displacement_status", c.displacement_status},
                   {"pcode", c.pcode},
                   {"min_size", OptionalInt(c.min_size)},
                   {"max_size", OptionalInt(c.max_size)},
                   {"female_headed", c.female_headed},
                   {"disability", c.disability},
                   {"elderly", c.elderly},
                   {"child_under_5", c.child_under_5},
                   {"not_assisted_days", OptionalInt(c.not_assisted_days)},
                   {"max_households", OptionalInt(c.max_households)}};
  return json{{"basket", basket}, {"cash", cash}, {"criteria", criteria}}.dump();
}

void DecodePlan(const std::string& text, Distribution* d) {
  const json j = json::parse(text, nullptr, false);
  if (!j.is_object()) return;
  for (const json& l : j.value("basket", json::array())) {
    d->basket.push_back({.item_id = l.value("item_id", int64_t{0}),
                         .quantity = l.value("quantity", int64_t{0}),
                         .per_member = l.value("per_member", false),
                         .max_quantity = ReadOptional(l, "max_quantity")});
  }
  if (const auto it = j.find("cash"); it != j.end() && it->is_object()) {
    d->cash = CashPlan{.amount = it->value("amount", int64_t{0}),
                       .currency = it->value("currency", ""),
                       .per_member = it->value("per_member", false),
                       .max_amount = ReadOptional(*it, "max_amount"),
                       .mechanism = it->value("mechanism", "")};
  }
  const json c = j.value("criteria", json::object());
  d->criteria = {.displacement_status = c.value("displacement_status", std::vector<std::string>{}),
                 .pcode = c.value("pcode", ""),
                 .min_size = ReadOptional(c, "min_size"),
                 .max_size = ReadOptional(c, "max_size"),
                 .female_headed = c.value("female_headed", false),
                 .disability = c.value("disability", false),
                 .elderly = c.value("elderly", false),
                 .child_under_5 = c.value("child_under_5", false),
                 .not_assisted_days = ReadOptional(c, "not_assisted_days"),
                 .max_households = ReadOptional(c, "max_households")};
}

Distribution ToDistribution(const Row& r) {
  Distribution d;
  d.id = r.Int(0);
  d.organisation_id = r.Int(1);
  d.version = r.Int(2);
  d.name = r.Text(3);
  d.kind = r.Text(4);
  d.status = assistance::ParseDistributionStatus(r.Text(5)).value_or(
      assistance::DistributionStatus::kDraft);
  d.project = r.Text(6);
  d.pcode = r.Text(7);
  d.site = r.Text(8);
  d.warehouse_id = r.Int(9);
  d.warehouse_name = r.Text(10);
  d.starts_on = r.Text(11);
  d.ends_on = r.Text(12);
  DecodePlan(r.Text(13), &d);
  d.cancel_reason = r.Text(14);
  d.households = r.Int(15);
  d.people = r.Int(16);
  d.duplicates_skipped = r.Int(17);
  d.planned_at = r.Int(18);
  d.opened_at = r.Int(19);
  d.closed_at = r.Int(20);
  d.created_at = r.Int(21);
  d.updated_at = r.Int(22);
  d.collected = r.Int(23);
  d.project_id = r.Int(24);
  d.project_code = r.Text(25);
  d.project_name = r.Text(26);
  d.project_office_id = r.Int(27);
  d.sector = r.Text(28);
  return d;
}

Status FillItemNames(Connection& c, Distribution* d) {
  for (BasketLine& l : d->basket) {
    const Value p[] = {d->organisation_id, l.item_id};
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kItemNames, p));
    if (rows.empty()) continue;
    l.item_code = rows.front().Text(1);
    l.item_name_en = rows.front().Text(2);
    l.item_unit = rows.front().Text(3);
    l.item_name_ar = rows.front().Text(4);
    l.item_name_ckb = rows.front().Text(5);
    l.item_category = rows.front().Text(6);
  }
  return Status::Ok();
}

std::string FilterWhere(const DistributionFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE d.organisation_id = ?";
  params->push_back(f.organisation_id);
  if (!f.status.empty()) {
    where += " AND d.status = ?";
    params->push_back(f.status);
  }
  if (!f.kind.empty()) {
    where += " AND d.kind = ?";
    params->push_back(f.kind);
  }
  return where;
}

}  // namespace

Status InsertDistribution(Connection& c, Distribution* d, int64_t actor_id, int64_t now) {
  const Value p[] = {d->organisation_id,
                     d->name,
                     d->kind,
                     std::string(assistance::DistributionStatusName(d->status)),
                     d->project,
                     IdOrNull(d->project_id),
                     d->sector,
                     d->pcode,
                     d->site,
                     d->warehouse_id == 0 ? Value() : Value(d->warehouse_id),
                     d->starts_on,
                     d->ends_on,
                     EncodePlan(*d),
                     now,
                     actor_id,
                     now,
                     actor_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsert, p));
  d->id = rows.front().Int(0);
  d->version = 1;
  d->created_at = d->updated_at = now;
  return Status::Ok();
}

Result<Distribution> GetDistribution(Connection& c, int64_t organisation_id, int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query(std::string(kColumns) + "WHERE d.id = ? AND d.organisation_id = ?", p));
  if (rows.empty()) return Status::NotFound("distribution not found");
  Distribution d = ToDistribution(rows.front());
  SANAD_RETURN_IF_ERROR(FillItemNames(c, &d));
  return d;
}

Status SaveDistribution(Connection& c, Distribution* d, int64_t expected_version, int64_t actor_id,
                        int64_t now) {
  const Value p[] = {d->name,
                     d->kind,
                     std::string(assistance::DistributionStatusName(d->status)),
                     d->project,
                     IdOrNull(d->project_id),
                     d->sector,
                     d->pcode,
                     d->site,
                     d->warehouse_id == 0 ? Value() : Value(d->warehouse_id),
                     d->starts_on,
                     d->ends_on,
                     EncodePlan(*d),
                     d->cancel_reason,
                     d->households,
                     d->people,
                     d->duplicates_skipped,
                     OptionalTime(d->planned_at),
                     OptionalTime(d->opened_at),
                     OptionalTime(d->closed_at),
                     now,
                     actor_id,
                     d->id,
                     d->organisation_id,
                     expected_version};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kSave, p));
  if (changed == 0) {
    const Value q[] = {d->id, d->organisation_id};
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kVersion, q));
    if (rows.empty()) return Status::NotFound("distribution not found");
    const std::string current = std::to_string(rows.front().Int(0));
    return {StatusCode::kConflict,
            "the distribution was changed by someone else: version " +
                std::to_string(expected_version) + " is stale, the current version is " + current,
            {{"version", "is stale: the current version is " + current}}};
  }
  d->version = expected_version + 1;
  d->updated_at = now;
  return Status::Ok();
}

Result<std::vector<Distribution>> ListDistributions(Connection& c, const DistributionFilter& f) {
  std::vector<Value> params;
  std::string sql =
      std::string(kColumns) + FilterWhere(f, &params) + " ORDER BY d.id DESC LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<Distribution> out;
  for (const Row& r : rows) {
    out.push_back(ToDistribution(r));
    SANAD_RETURN_IF_ERROR(FillItemNames(c, &out.back()));
  }
  return out;
}

Result<int64_t> CountDistributions(Connection& c, const DistributionFilter& f) {
  std::vector<Value> params;
  const std::string sql = "SELECT COUNT(*) FROM distributions d " + FilterWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

Result<bool> ItemExists(Connection& c, int64_t organisation_id, int64_t item_id) {
  const Value p[] = {organisation_id, item_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kItemExists, p));
  return rows.front().Int(0) > 0;
}

Result<bool> WarehouseExists(Connection& c, int64_t organisation_id, int64_t warehouse_id) {
  const Value p[] = {organisation_id, warehouse_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kWarehouseExists, p));
  return rows.front().Int(0) > 0;
}

}  // namespace sanad::store
