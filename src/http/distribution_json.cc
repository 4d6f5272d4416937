#include "http/distribution_json.h"

#include <algorithm>

#include "assistance/distribution_rules.h"
#include "assistance/money.h"
#include "base/clock.h"
#include "http/case_json.h"

namespace sanad::http {
namespace {

using assistance::BasketLine;
using assistance::CashPlan;
using assistance::Criteria;
using assistance::Distribution;

constexpr std::string_view kReadOnly[] = {
    "id",         "version",    "status",       "warehouse",       "counts",
    "created_at", "updated_at", "allowed_next", "cancel_reason",   "planned_at",
    "opened_at",  "closed_at",  "project_ref",  "effective_sector"};

Json OptionalInt(const std::optional<int64_t>& v) { return v ? Json(*v) : Json(nullptr); }
Json IdOrNull(int64_t id) { return id == 0 ? Json(nullptr) : Json(id); }

Json Money(int64_t minor, const std::string& currency) {
  if (assistance::MinorUnitDecimals(currency).value_or(0) == 0) return minor;
  return assistance::MajorUnits(minor, currency);
}

Json ItemJson(const BasketLine& l) {
  return {{"id", l.item_id},           {"code", l.item_code},         {"name_en", l.item_name_en},
          {"name_ar", l.item_name_ar}, {"name_ckb", l.item_name_ckb}, {"unit", l.item_unit}};
}

Json CriteriaJson(const Criteria& c) {
  return {{"displacement_status", c.displacement_status},
          {"pcode", c.pcode.empty() ? Json(nullptr) : Json(c.pcode)},
          {"min_size", OptionalInt(c.min_size)},
          {"max_size", OptionalInt(c.max_size)},
          {"female_headed", c.female_headed},
          {"disability", c.disability},
          {"elderly", c.elderly},
          {"child_under_5", c.child_under_5},
          {"not_assisted_days", OptionalInt(c.not_assisted_days)},
          {"max_households", OptionalInt(c.max_households)}};
}

// Reads JSON fields into values, naming every problem with its path.
class Reader {
 public:
  explicit Reader(std::vector<FieldError>* bad) : bad_(bad) {}

  std::optional<std::string> Text(const Json& j, const std::string& key, const std::string& at) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (it->is_string()) return it->get<std::string>();
    bad_->push_back({at, "must be text"});
    return std::nullopt;
  }
  std::optional<int64_t> Int(const Json& j, const std::string& key, const std::string& at) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (it->is_number_integer()) return it->get<int64_t>();
    if (it->is_number_float()) {
      const double v = it->get<double>();
      if (v == std::floor(v) && std::fabs(v) < 1e15) return static_cast<int64_t>(v);
    }
    bad_->push_back({at, "must be a whole number"});
    return std::nullopt;
  }
  bool Bool(const Json& j, const std::string& key, const std::string& at) {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return false;
    if (it->is_boolean()) return it->get<bool>();
    bad_->push_back({at, "must be true or false"});
    return false;
  }
  std::vector<FieldError>* bad() { return bad_; }

 private:
  std::vector<FieldError>* bad_;
};

std::vector<BasketLine> BasketFromJson(const Json& j, Reader& r) {
  std::vector<BasketLine> out;
  if (!j.is_array()) {
    r.bad()->push_back({"basket", "must be a list of items"});
    return out;
  }
  for (size_t i = 0; i < j.size(); ++i) {
    const std::string at = "basket[" + std::to_string(i) + "]";
    const Json& l = j[i];
    if (!l.is_object()) {
      r.bad()->push_back({at, "must be an object"});
      continue;
    }
    BasketLine line;
    // item_id, or the item object a read returns.
    if (const auto it = l.find("item");
        l.find("item_id") == l.end() && it != l.end() && it->is_object()) {
      line.item_id = r.Int(*it, "id", at + ".item_id").value_or(0);
    } else {
      line.item_id = r.Int(l, "item_id", at + ".item_id").value_or(0);
    }
    line.quantity = r.Int(l, "quantity", at + ".quantity").value_or(0);
    line.per_member = r.Bool(l, "per_member", at + ".per_member");
    line.max_quantity = r.Int(l, "max_quantity", at + ".max_quantity");
    out.push_back(line);
  }
  return out;
}

std::optional<CashPlan> CashFromJson(const Json& j, Reader& r) {
  if (j.is_null()) return std::nullopt;
  if (!j.is_object()) {
    r.bad()->push_back({"cash", "must be an object or null"});
    return std::nullopt;
  }
  CashPlan c{.currency = r.Text(j, "currency", "cash.currency").value_or(""),
             .per_member = r.Bool(j, "per_member", "cash.per_member"),
             .mechanism = r.Text(j, "mechanism", "cash.mechanism").value_or("")};
  const bool known = assistance::IsCurrency(c.currency);
  const auto money = [&](const char* key, const std::string& at) -> std::optional<int64_t> {
    const auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::nullopt;
    if (!it->is_number()) {
      r.bad()->push_back({at, "must be a number"});
      return std::nullopt;
    }
    if (!known) return 0;  // the currency is named as the problem
    // The number's own text ("100.5"), read exactly: a double is never rounded into money.
    auto minor = assistance::ParseAmount(it->dump(), c.currency);
    if (!minor.ok()) {
      r.bad()->push_back(
          {at, "must be a positive amount of " + c.currency + ": " + minor.status().message()});
      return std::nullopt;
    }
    return *minor;
  };
  c.amount = money("amount", "cash.amount").value_or(0);
  c.max_amount = money("max_amount", "cash.max_amount");
  return c;
}

Criteria CriteriaFromJson(const Json& j, Reader& r) {
  Criteria c;
  if (!j.is_object()) {
    if (!j.is_null()) r.bad()->push_back({"criteria", "must be an object"});
    return c;
  }
  if (const auto it = j.find("displacement_status"); it != j.end() && !it->is_null()) {
    const Json list = it->is_string() ? Json::array({*it}) : *it;
    if (!list.is_array()) {
      r.bad()->push_back({"criteria.displacement_status", "must be a list of statuses"});
    } else {
      for (size_t i = 0; i < list.size(); ++i) {
        if (list[i].is_string()) {
          c.displacement_status.push_back(list[i].get<std::string>());
        } else {
          r.bad()->push_back(
              {"criteria.displacement_status[" + std::to_string(i) + "]", "must be text"});
        }
      }
    }
  }
  c.pcode = r.Text(j, "pcode", "criteria.pcode").value_or("");
  c.min_size = r.Int(j, "min_size", "criteria.min_size");
  c.max_size = r.Int(j, "max_size", "criteria.max_size");
  c.female_headed = r.Bool(j, "female_headed", "criteria.female_headed");
  c.disability = r.Bool(j, "disability", "criteria.disability");
  c.elderly = r.Bool(j, "elderly", "criteria.elderly");
  c.child_under_5 = r.Bool(j, "child_under_5", "criteria.child_under_5");
  c.not_assisted_days = r.Int(j, "not_assisted_days", "criteria.not_assisted_days");
  c.max_households = r.Int(j, "max_households", "criteria.max_households");
  constexpr std::string_view kKnown[] = {
      "displacement_status", "pcode",   "min_size",      "max_size",          "female_headed",
      "disability",          "elderly", "child_under_5", "not_assisted_days", "max_households"};
  for (const auto& [key, value] : j.items()) {
    if (std::find(std::begin(kKnown), std::end(kKnown), key) == std::end(kKnown)) {
      r.bad()->push_back({"criteria." + key, "is not a criterion"});
    }
  }
  return c;
}

}  // namespace

Json DistributionToJson(const Distribution& d, const access::Actor& actor) {
  Json basket = Json::array();
  for (const BasketLine& l : d.basket) {
    basket.push_back({{"item", ItemJson(l)},
                      {"quantity", l.quantity},
                      {"per_member", l.per_member},
                      {"max_quantity", OptionalInt(l.max_quantity)}});
  }
  Json cash = nullptr;
  if (d.cash) {
    cash = {{"amount", Money(d.cash->amount, d.cash->currency)},
            {"currency", d.cash->currency},
            {"per_member", d.cash->per_member},
            {"max_amount",
             d.cash->max_amount ? Money(*d.cash->max_amount, d.cash->currency) : Json(nullptr)},
            {"mechanism", d.cash->mechanism}};
  }
  Json next = Json::array();
  if (actor.Can(access::Permission::kPlanDistributions)) {
    for (const auto s : assistance::AllowedNext(d.status)) {
      next.push_back(assistance::DistributionStatusName(s));
    }
  }
  return {
      {"id", d.id},
      {"version", d.version},
      {"name", d.name},
      {"kind", d.kind},
      {"status", assistance::DistributionStatusName(d.status)},
      {"project", d.project},
      {"project_id", IdOrNull(d.project_id)},
      // `project` is the round's own free-text reference (docs/assistance.md); the programme
      // project it counts for is `project_ref`.
      {"project_ref",
       d.project_id == 0
           ? Json(nullptr)
           : Json{{"id", d.project_id}, {"code", d.project_code}, {"name", d.project_name}}},
      {"sector", d.sector.empty() ? Json(nullptr) : Json(d.sector)},
      {"effective_sector", assistance::RoundSector(d)},
      {"pcode", d.pcode},
      {"site", d.site},
      {"warehouse", d.warehouse_id == 0 ? Json(nullptr)
                                        : Json{{"id", d.warehouse_id}, {"name", d.warehouse_name}}},
      {"starts_on", d.starts_on},
      {"ends_on", d.ends_on},
      {"basket", basket},
      {"cash", cash},
      {"criteria", CriteriaJson(d.criteria)},
      {"counts",
       {{"households", d.households},
        {"people", d.people},
        {"collected", d.collected},
        {"duplicates_skipped", d.duplicates_skipped}}},
      {"cancel_reason", d.cancel_reason.empty() ? Json(nullptr) : Json(d.cancel_reason)},
      {"planned_at", TimeOrNull(d.planned_at)},
      {"opened_at", TimeOrNull(d.opened_at)},
      {"closed_at", TimeOrNull(d.closed_at)},
      {"created_at", FormatUtc(d.created_at)},
      {"updated_at", FormatUtc(d.updated_at)},
      {"allowed_next", next}};
}

Json PreviewToJson(const Distribution& d, const assistance::Preview& p) {
  Json items = Json::array();
  for (const auto& l : p.items) {
    items.push_back({{"item", ItemJson(l.item)},
                     {"need", l.need},
                     {"available", l.available},
                     {"shortfall", l.shortfall}});
  }
  Json cash = nullptr;
  if (d.cash) {
    cash = {{"total", Money(p.cash_total, d.cash->currency)}, {"currency", d.cash->currency}};
  }
  return {{"households", p.households},
          {"people", p.people},
          {"duplicates_skipped", p.duplicates_skipped},
          {"items", items},
          {"cash", cash}};
}

Json CollectionSummaryToJson(const assistance::Collection& c) {
  return {{"id", c.id},
          {"distribution_id", c.distribution_id},
          {"household_id", c.household_id},
          {"token", assistance::FormatToken(c.token)},
          {"collector", c.collector},
          {"person_id", IdOrNull(c.person_id)},
          {"proxy_name", c.proxy_name.empty() ? Json(nullptr) : Json(c.proxy_name)},
          {"proxy_document", c.proxy_document.empty() ? Json(nullptr) : Json(c.proxy_document)},
          {"note", c.note},
          {"at", FormatUtc(c.at)},
          {"by", c.created_by_name},
          {"voided_at", TimeOrNull(c.voided_at)},
          {"void_reason", c.void_reason.empty() ? Json(nullptr) : Json(c.void_reason)}};
}

Json CollectionToJson(const assistance::CollectionRecord& r) {
  Json j = CollectionSummaryToJson(r.collection);
  Json issued = Json::array();
  Json returned = Json::array();
  for (const auto& m : r.issued) {
    Json line = {{"item",
                  {{"id", m.item_id},
                   {"code", m.item_code},
                   {"name_en", m.item_name_en},
                   {"unit", m.item_unit}}},
                 {"lot",
                  {{"id", m.lot_id},
                   {"number", m.lot_number},
                   {"expiry", m.lot_expiry.empty() ? Json(nullptr) : Json(m.lot_expiry)}}},
                 {"quantity", m.quantity < 0 ? -m.quantity : m.quantity}};
    (m.kind == stock::MovementKind::kIssue ? issued : returned).push_back(line);
  }
  j["issued"] = issued;
  j["returned"] = returned;
  return j;
}

Json BeneficiaryToJson(const Distribution& d, const assistance::Beneficiary& b) {
  Json members = Json::array();
  Json head = nullptr;
  for (const auto& m : b.members) {
    members.push_back({{"id", m.id}, {"name", m.name}, {"relationship", m.relationship}});
    if (head.is_null() && m.relationship == "head") {
      head = {{"id", m.id}, {"name", m.name}, {"name_latin", m.name_latin}};
    }
  }
  Json entitlement = Json::array();
  for (const auto& l : b.entitlement.items) {
    entitlement.push_back({{"item_id", l.item_id}, {"quantity", l.quantity}});
  }
  Json collection = nullptr;
  if (b.collection) {
    collection = {{"id", b.collection->id},
                  {"at", FormatUtc(b.collection->at)},
                  {"by", b.collection->created_by_name},
                  {"collector", b.collection->collector}};
  }
  return {{"household_id", b.household_id},
          {"position", b.position},
          {"token", assistance::FormatToken(b.token)},
          {"status", b.collection_id != 0 ? "collected" : "listed"},
          {"head", head},
          {"size", b.size},
          {"members", members},
          {"entitlement", entitlement},
          {"cash", d.cash ? Json{{"amount", Money(b.entitlement.cash, d.cash->currency)},
                                 {"currency", d.cash->currency}}
                          : Json(nullptr)},
          {"collection", collection}};
}

Json ReportToJson(const assistance::RoundReport& r) {
  const Distribution& d = r.distribution;
  Json items = Json::array();
  for (const auto& l : r.items) {
    items.push_back({{"item", ItemJson(l.item)},
                     {"planned", l.planned},
                     {"reserved", l.reserved},
                     {"issued", l.issued},
                     {"returned", l.returned},
                     {"still_reserved", l.still_reserved},
                     {"released", l.released}});
  }
  Json cash = nullptr;
  if (r.cash) {
    const std::string& cur = r.cash->currency;
    cash = {{"currency", cur},
            {"due", Money(r.cash->due, cur)},
            {"paid", Money(r.cash->paid, cur)},
            {"failed", Money(r.cash->failed, cur)},
            {"pending", Money(r.cash->pending, cur)},
            {"returned", Money(r.cash->returned, cur)}};
  }
  return {{"distribution",
           {{"id", d.id},
            {"name", d.name},
            {"kind", d.kind},
            {"status", assistance::DistributionStatusName(d.status)}}},
          {"planned", {{"households", d.households}, {"people", d.people}}},
          {"duplicates_skipped", d.duplicates_skipped},
          {"reached",
           {{"households", r.reached_households},
            {"people", r.reached_people},
            {"by_head", r.by_head},
            {"by_member", r.by_member},
            {"by_proxy", r.by_proxy}}},
          {"items", items},
          {"cash", cash}};
}

Result<assistance::DistributionEdit> DistributionEditFromJson(const Json& j) {
  std::vector<FieldError> bad;
  Reader r(&bad);
  assistance::DistributionEdit e;
  const std::pair<const char*, std::optional<std::string>*> texts[] = {
      {"name", &e.name}, {"kind", &e.kind},           {"project", &e.project}, {"pcode", &e.pcode},
      {"site", &e.site}, {"starts_on", &e.starts_on}, {"ends_on", &e.ends_on}};
  for (const auto& [key, value] : j.items()) {
    bool known = false;
    for (const auto& [name, field] : texts) {
      if (key != name) continue;
      known = true;
      *field = r.Text(j, key, key);
    }
    if (key == "warehouse_id") {
      known = true;
      e.warehouse_id = r.Int(j, key, key);
    } else if (key == "project_id") {
      known = true;
      e.project_id = r.Int(j, key, key).value_or(0);  // null: no project
    } else if (key == "sector") {
      known = true;
      e.sector = r.Text(j, key, key).value_or("");  // null: from the basket
    } else if (key == "basket") {
      known = true;
      if (!value.is_null()) e.basket = BasketFromJson(value, r);
    } else if (key == "cash") {
      known = true;
      e.cash = CashFromJson(value, r);
    } else if (key == "criteria") {
      known = true;
      e.criteria = CriteriaFromJson(value, r);
    }
    for (std::string_view ro : kReadOnly) known = known || key == ro;
    if (!known) bad.push_back({key, "is not a field of a distribution"});
  }
  if (!bad.empty()) return Status::InvalidArgument("the distribution has problems", bad);
  return e;
}

Distribution NewDistribution(const assistance::DistributionEdit& e) {
  Distribution d{.name = e.name.value_or(""),
                 .kind = e.kind.value_or(""),
                 .project = e.project.value_or(""),
                 .project_id = e.project_id.value_or(0),
                 .sector = e.sector.value_or(""),
                 .pcode = e.pcode.value_or(""),
                 .site = e.site.value_or(""),
                 .warehouse_id = e.warehouse_id.value_or(0),
                 .starts_on = e.starts_on.value_or(""),
                 .ends_on = e.ends_on.value_or(""),
                 .basket = e.basket.value_or(std::vector<BasketLine>{}),
                 .criteria = e.criteria.value_or(Criteria{})};
  if (e.cash) d.cash = *e.cash;
  return d;
}

Result<assistance::NewCollection> NewCollectionFromJson(const Json& j) {
  std::vector<FieldError> bad;
  Reader r(&bad);
  assistance::NewCollection n{
      .household_id = r.Int(j, "household_id", "household_id").value_or(0),
      .token = r.Text(j, "token", "token").value_or(""),
      .collector = r.Text(j, "collector", "collector").value_or(""),
      .person_id = r.Int(j, "person_id", "person_id").value_or(0),
      .proxy_name = r.Text(j, "proxy_name", "proxy_name").value_or(""),
      .proxy_document = r.Text(j, "proxy_document", "proxy_document").value_or(""),
      .note = r.Text(j, "note", "note").value_or("")};
  if (!bad.empty()) return Status::InvalidArgument("the collection has problems", bad);
  return n;
}

Response DistributionErrorResponse(const Status& s,
                                   const assistance::PreviousCollection* previous) {
  Response r = CaseErrorResponse(s);
  if (previous == nullptr || previous->collection_id == 0 || s.code() != StatusCode::kConflict) {
    return r;
  }
  Json body = Json::parse(r.body);
  body["error"]["previous"] = {{"collection_id", previous->collection_id},
                               {"at", FormatUtc(previous->at)},
                               {"by", previous->by},
                               {"token", assistance::FormatToken(previous->token)},
                               {"household_id", previous->household_id}};
  r.body = body.dump();
  return r;
}

}  // namespace sanad::http
