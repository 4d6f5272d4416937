#include "programmes/office_service.h"

#include <cstdio>

#include "matching/normalise.h"
#include "programmes/programme_rules.h"
#include "programmes/programmes_internal.h"
#include "store/audit_store.h"
#include "store/office_store.h"

namespace sanad::programmes {
namespace {

using internal::Diff;
using internal::Entry;

std::string Coordinate(const std::optional<double>& v) {
  if (!v) return "";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6f", *v);
  return buf;
}

internal::Fields Fields(const Office& o) {
  return {{"name", o.name},
          {"name_ar", o.name_ar},
          {"pcode", o.pcode},
          {"lat", Coordinate(o.lat)},
          {"lon", Coordinate(o.lon)},
          {"public", o.is_public ? "true" : "false"},
          {"active", o.active ? "true" : "false"}};
}

void Apply(const OfficeEdit& e, Office* o) {
  for (auto [field, value] :
       {std::pair{&o->name, &e.name}, {&o->name_ar, &e.name_ar}, {&o->pcode, &e.pcode}}) {
    if (value->has_value()) *field = **value;
  }
  if (e.lat.has_value()) o->lat = *e.lat;
  if (e.lon.has_value()) o->lon = *e.lon;
  if (e.is_public.has_value()) o->is_public = *e.is_public;
  if (e.active.has_value()) o->active = *e.active;
}

// Checks the name is free, then writes the office.
Status Save(store::Connection& c, Office* o, int64_t expected_version, int64_t now) {
  const std::string key = OfficeNameKey(o->name);
  SANAD_ASSIGN_OR_RETURN(auto same, store::FindOfficeByNameKey(c, o->organisation_id, key));
  if (same && *same != o->id) return internal::Taken("name", "the office of this name", *same);
  const std::string search_text = OfficeSearchText(*o);
  if (o->id == 0) return store::InsertOffice(c, o, key, search_text, now);
  return store::UpdateOffice(c, o, expected_version, key, search_text, now);
}

}  // namespace

Result<Page<Office>> OfficeService::List(const access::Actor& actor, const OfficeQuery& q) const {
  if (!internal::MayRead(actor)) return internal::DenyRead();
  std::vector<FieldError> bad;
  const int offset = internal::CheckPage(q.page, q.limit, &bad);
  const auto active = internal::BoolFilter("active", q.active, false, &bad);
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  const store::OfficeFilter f{.organisation_id = actor.organisation_id,
                              .terms = matching::NormalisedWords(q.text),
                              .active = active,
                              .limit = q.limit,
                              .offset = offset};
  Page<Office> page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListOffices(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountOffices(c, f));
    return Status::Ok();
  }));
  return page;
}

Result<Office> OfficeService::Get(const access::Actor& actor, int64_t id) const {
  if (!internal::MayRead(actor)) return internal::DenyRead();
  std::optional<Office> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::GetOffice(c, actor.organisation_id, id));
    return Status::Ok();
  }));
  if (!out) return Status::NotFound("office not found");
  return std::move(*out);
}

Result<Office> OfficeService::Create(const access::Actor& actor, const OfficeEdit& edit) {
  if (!internal::MayManage(actor)) return internal::DenyManage();
  Office office{.organisation_id = actor.organisation_id};
  Apply(edit, &office);
  std::vector<FieldError> bad;
  CheckOffice(places_, &office, &bad);
  if (!bad.empty()) return Status::InvalidArgument("office is invalid", std::move(bad));
  const int64_t now = clock_.NowSeconds();
  Office out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    out = office;
    SANAD_RETURN_IF_ERROR(Save(c, &out, 0, now));
    return store::AppendAudit(
        c, Entry(actor, now, "create", "office", out.id, Diff(nullptr, Fields(out))));
  }));
  return out;
}

Result<Office> OfficeService::Update(const access::Actor& actor, int64_t id,
                                     const OfficeEdit& edit) {
  if (!internal::MayManage(actor)) return internal::DenyManage();
  const int64_t now = clock_.NowSeconds();
  Office out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const auto before, store::GetOffice(c, actor.organisation_id, id));
    if (!before) return Status::NotFound("office not found");
    out = *before;
    Apply(edit, &out);
    std::vector<FieldError> bad;
    CheckOffice(places_, &out, &bad);
    if (!bad.empty()) return Status::InvalidArgument("office is invalid", std::move(bad));
    SANAD_RETURN_IF_ERROR(Save(c, &out, edit.version, now));
    const auto was = Fields(*before);
    const auto changes = Diff(&was, Fields(out));
    if (changes.empty()) return Status::Ok();
    return store::AppendAudit(c, Entry(actor, now, "update", "office", out.id, changes));
  }));
  return out;
}

}  // namespace sanad::programmes
