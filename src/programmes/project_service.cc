// Projects of ProjectService; expenditures are in project_expenditures.cc.
#include "programmes/project_service.h"

#include "assistance/money.h"
#include "matching/normalise.h"
#include "programmes/programme_rules.h"
#include "programmes/programmes_internal.h"
#include "store/audit_store.h"
#include "store/office_store.h"
#include "store/project_store.h"

namespace sanad::programmes {
namespace {

using internal::Diff;
using internal::Entry;

internal::Fields Fields(const Project& p) {
  return {{"code", p.code},
          {"name", p.name},
          {"name_ar", p.name_ar},
          {"description", p.description},
          {"donor", p.donor},
          {"sectors", internal::JoinedForAudit(p.sectors)},
          {"status", p.status},
          {"starts_on", p.starts_on},
          {"ends_on", p.ends_on},
          {"office_id", p.office_id ? std::to_string(p.office_id) : ""},
          {"places", internal::JoinedForAudit(p.places)},
          {"currency", p.currency},
          {"budget", assistance::FormatAmount(p.budget, p.currency)},
          {"public", p.is_public ? "true" : "false"}};
}

void Apply(const ProjectEdit& e, Project* p) {
  for (auto [field, value] : {std::pair{&p->code, &e.code},
                              {&p->name, &e.name},
                              {&p->name_ar, &e.name_ar},
                              {&p->description, &e.description},
                              {&p->donor, &e.donor},
                              {&p->status, &e.status},
                              {&p->starts_on, &e.starts_on},
                              {&p->ends_on, &e.ends_on},
                              {&p->currency, &e.currency}}) {
    if (value->has_value()) *field = **value;
  }
  if (e.sectors.has_value()) p->sectors = *e.sectors;
  if (e.places.has_value()) p->places = *e.places;
  if (e.office_id.has_value()) p->office_id = std::max<int64_t>(*e.office_id, 0);
  if (e.is_public.has_value()) p->is_public = *e.is_public;
}

int64_t Scale(int decimals) {
  int64_t s = 1;
  for (int i = 0; i < decimals; ++i) s *= 10;
  return s;
}

// The budget kept in major units when only the currency changes (250,000 IQD becomes
// 250,000.00 USD); nullopt when it does not convert exactly (cents into dinars).
std::optional<int64_t> Rescaled(int64_t budget, const std::string& from, const std::string& to) {
  const int d0 = assistance::MinorUnitDecimals(from).value_or(0);
  const int d1 = assistance::MinorUnitDecimals(to).value_or(0);
  if (d1 >= d0) {
    const int64_t s = Scale(d1 - d0);
    if (budget > assistance::kMaxMinorAmount / s) return std::nullopt;
    return budget * s;
  }
  const int64_t s = Scale(d0 - d1);
  if (budget % s != 0) return std::nullopt;
  return budget / s;
}

// Checks the code is free, then writes the project.
Status Save(store::Connection& c, Project* p, int64_t expected_version, int64_t now) {
  SANAD_ASSIGN_OR_RETURN(auto same, store::FindProjectByCode(c, p->organisation_id, p->code));
  if (same && *same != p->id) return internal::Taken("code", "the project of this code", *same);
  const std::string search = ProjectSearchText(*p);
  if (p->id == 0) return store::InsertProject(c, p, search, now);
  return store::UpdateProject(c, p, expected_version, search, now);
}

}  // namespace

Status ProjectService::Check(store::Connection& c, const ProjectEdit& edit, const Project* before,
                             Project* p) const {
  Apply(edit, p);
  std::vector<FieldError> bad;
  const bool new_currency = before != nullptr && p->currency != before->currency;
  if (new_currency && before->has_expenditures) {
    bad.push_back(
        {"currency", "cannot change once expenditures are recorded in " + before->currency});
  }
  CheckProject(places_, p, &bad);
  if (assistance::IsBudgetCurrency(p->currency)) {
    if (edit.budget.has_value()) {
      auto minor = assistance::ParseAmount(*edit.budget, p->currency);
      if (!minor.ok()) {
        bad.push_back(
            {"budget", "must be an amount of " + p->currency + ": " + minor.status().message()});
      } else {
        p->budget = *minor;
      }
    } else if (new_currency && assistance::IsBudgetCurrency(before->currency)) {
      const auto rescaled = Rescaled(p->budget, before->currency, p->currency);
      if (!rescaled) {
        bad.push_back({"budget", "is required in " + p->currency + " when the currency changes"});
      } else {
        p->budget = *rescaled;
      }
    }
  }
  const bool office_changed = before == nullptr || p->office_id != before->office_id;
  if (p->office_id > 0 && office_changed) {
    SANAD_ASSIGN_OR_RETURN(auto office, store::GetOffice(c, p->organisation_id, p->office_id));
    if (!office) {
      bad.push_back({"office_id", "is not an office of your organisation"});
    } else {
      p->office_name = office->name;
    }
  }
  if (p->office_id == 0) p->office_name.clear();
  if (!bad.empty()) return Status::InvalidArgument("project is invalid", std::move(bad));
  return Status::Ok();
}

Result<Page<Project>> ProjectService::List(const access::Actor& actor,
                                           const ProjectQuery& q) const {
  if (!internal::MayRead(actor)) return internal::DenyRead();
  std::vector<FieldError> bad;
  const int offset = internal::CheckPage(q.page, q.limit, &bad);
  if (!q.status.empty() && !OneOf(kProjectStatuses, q.status)) {
    bad.push_back({"status", ChoicesOf(kProjectStatuses)});
  }
  if (!q.sector.empty() && !OneOf(kSectors, q.sector)) {
    bad.push_back({"sector", ChoicesOf(kSectors)});
  }
  std::vector<std::string> above;
  if (!q.pcode.empty()) {
    if (!places_.Exists(q.pcode)) bad.push_back({"pcode", "is not a known P-code"});
    for (const auto& place : places_.Path(q.pcode)) {
      if (place.pcode != q.pcode) above.push_back(place.pcode);
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  const store::ProjectFilter f{.organisation_id = actor.organisation_id,
                               .terms = matching::NormalisedWords(q.text),
                               .status = q.status,
                               .sector = q.sector,
                               .office_id = q.office_id,
                               .pcode = q.pcode,
                               .pcode_above = std::move(above),
                               .limit = q.limit,
                               .offset = offset};
  Page<Project> page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListProjects(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountProjects(c, f));
    return Status::Ok();
  }));
  return page;
}

Result<Project> ProjectService::Get(const access::Actor& actor, int64_t id) const {
  if (!internal::MayRead(actor)) return internal::DenyRead();
  std::optional<Project> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::GetProject(c, actor.organisation_id, id));
    return Status::Ok();
  }));
  if (!out) return Status::NotFound("project not found");
  return std::move(*out);
}

Result<Project> ProjectService::Create(const access::Actor& actor, const ProjectEdit& edit) {
  if (!internal::MayManage(actor)) return internal::DenyManage();
  const int64_t now = clock_.NowSeconds();
  Project out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    out = Project{.organisation_id = actor.organisation_id, .created_by = actor.user_id};
    SANAD_RETURN_IF_ERROR(Check(c, edit, nullptr, &out));
    SANAD_RETURN_IF_ERROR(Save(c, &out, 0, now));
    return store::AppendAudit(
        c, Entry(actor, now, "create", "project", out.id, Diff(nullptr, Fields(out))));
  }));
  return out;
}

Result<Project> ProjectService::Update(const access::Actor& actor, int64_t id,
                                       const ProjectEdit& edit) {
  if (!internal::MayManage(actor)) return internal::DenyManage();
  const int64_t now = clock_.NowSeconds();
  Project out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const auto before, store::GetProject(c, actor.organisation_id, id));
    if (!before) return Status::NotFound("project not found");
    out = *before;
    out.updated_by = actor.user_id;
    SANAD_RETURN_IF_ERROR(Check(c, edit, &*before, &out));
    SANAD_RETURN_IF_ERROR(Save(c, &out, edit.version, now));
    // The records of what the project served follow its office (docs/programmes.md, "Service
    // records": an activity's office, else the project's).
    if (out.office_id != before->office_id) {
      SANAD_RETURN_IF_ERROR(store::ReassignProjectOffice(c, out.id, out.office_id));
    }
    const auto was = Fields(*before);
    const auto changes = Diff(&was, Fields(out));
    if (changes.empty()) return Status::Ok();
    return store::AppendAudit(c, Entry(actor, now, "update", "project", out.id, changes));
  }));
  return out;
}

}  // namespace sanad::programmes
