#include "programmes/staff_service.h"

#include "matching/normalise.h"
#include "programmes/programme_rules.h"
#include "programmes/programmes_internal.h"
#include "store/audit_store.h"
#include "store/office_store.h"
#include "store/staff_store.h"

namespace sanad::programmes {
namespace {

using internal::Diff;
using internal::Entry;

internal::Fields Fields(const StaffMember& s) {
  return {{"office_id", std::to_string(s.office_id)},
          {"kind", s.kind},
          {"name", s.name},
          {"sex", s.sex},
          {"position", s.position},
          {"phone", s.phone},
          {"languages", internal::JoinedForAudit(s.languages)},
          {"skills", s.skills},
          {"deployable", s.deployable ? "true" : "false"},
          {"active", s.active ? "true" : "false"}};
}

void Apply(const StaffEdit& e, StaffMember* s) {
  if (e.office_id.has_value()) s->office_id = *e.office_id;
  for (auto [field, value] : {std::pair{&s->kind, &e.kind},
                              {&s->name, &e.name},
                              {&s->sex, &e.sex},
                              {&s->position, &e.position},
                              {&s->phone, &e.phone},
                              {&s->skills, &e.skills}}) {
    if (value->has_value()) *field = **value;
  }
  if (e.languages.has_value()) s->languages = *e.languages;
  if (e.deployable.has_value()) s->deployable = *e.deployable;
  if (e.active.has_value()) s->active = *e.active;
}

// Checks the member and their office (one of the organisation's); fills the office's name.
Status Check(store::Connection& c, StaffMember* s) {
  std::vector<FieldError> bad;
  CheckStaffMember(s, &bad);
  if (s->office_id <= 0) {
    bad.push_back({"office_id", "is required"});
  } else {
    SANAD_ASSIGN_OR_RETURN(auto office, store::GetOffice(c, s->organisation_id, s->office_id));
    if (!office) {
      bad.push_back({"office_id", "is not an office of your organisation"});
    } else {
      s->office_name = office->name;
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("staff member is invalid", std::move(bad));
  return Status::Ok();
}

}  // namespace

Result<Page<StaffMember>> StaffService::List(const access::Actor& actor,
                                             const StaffQuery& q) const {
  if (!internal::MayManage(actor)) return internal::DenyManage();
  std::vector<FieldError> bad;
  const int offset = internal::CheckPage(q.page, q.limit, &bad);
  const auto active = internal::BoolFilter("active", q.active, false, &bad);
  const auto deployable = internal::BoolFilter("deployable", q.deployable, true, &bad);
  if (!q.kind.empty() && !OneOf(kStaffKinds, q.kind)) {
    bad.push_back({"kind", ChoicesOf(kStaffKinds)});
  }
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  const store::StaffFilter f{.organisation_id = actor.organisation_id,
                             .office_id = q.office_id,
                             .kind = q.kind,
                             .deployable = deployable,
                             .active = active,
                             .terms = matching::NormalisedWords(q.text),
                             .limit = q.limit,
                             .offset = offset};
  Page<StaffMember> page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListStaffMembers(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountStaffMembers(c, f));
    return Status::Ok();
  }));
  return page;
}

Result<StaffMember> StaffService::Get(const access::Actor& actor, int64_t id) const {
  if (!internal::MayManage(actor)) return internal::DenyManage();
  std::optional<StaffMember> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::GetStaffMember(c, actor.organisation_id, id));
    return Status::Ok();
  }));
  if (!out) return Status::NotFound("staff member not found");
  return std::move(*out);
}

Result<StaffMember> StaffService::Create(const access::Actor& actor, const StaffEdit& edit) {
  if (!internal::MayManage(actor)) return internal::DenyManage();
  const int64_t now = clock_.NowSeconds();
  StaffMember out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    out = StaffMember{.organisation_id = actor.organisation_id};
    Apply(edit, &out);
    SANAD_RETURN_IF_ERROR(Check(c, &out));
    SANAD_RETURN_IF_ERROR(store::InsertStaffMember(c, &out, StaffSearchText(out), now));
    return store::AppendAudit(
        c, Entry(actor, now, "create", "staff_member", out.id, Diff(nullptr, Fields(out))));
  }));
  return out;
}

Result<StaffMember> StaffService::Update(const access::Actor& actor, int64_t id,
                                         const StaffEdit& edit) {
  if (!internal::MayManage(actor)) return internal::DenyManage();
  const int64_t now = clock_.NowSeconds();
  StaffMember out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const auto before, store::GetStaffMember(c, actor.organisation_id, id));
    if (!before) return Status::NotFound("staff member not found");
    out = *before;
    Apply(edit, &out);
    SANAD_RETURN_IF_ERROR(Check(c, &out));
    SANAD_RETURN_IF_ERROR(
        store::UpdateStaffMember(c, &out, edit.version, StaffSearchText(out), now));
    const auto was = Fields(*before);
    const auto changes = Diff(&was, Fields(out));
    if (changes.empty()) return Status::Ok();
    return store::AppendAudit(c, Entry(actor, now, "update", "staff_member", out.id, changes));
  }));
  return out;
}

}  // namespace sanad::programmes
