#include "reports/indicator_service.h"

#include <algorithm>
#include <optional>

#include "reports/indicator_definition.h"
#include "reports/reports_internal.h"
#include "store/audit_store.h"
#include "store/indicator_store.h"
#include "store/project_store.h"

namespace sanad::reports {
namespace {

constexpr size_t kMaxCode = 32;
constexpr size_t kMaxName = 200;

bool IsCode(const std::string& code) {
  if (code.empty() || code.size() > kMaxCode) return false;
  return std::all_of(code.begin(), code.end(), [](char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
           ch == '-' || ch == '_' || ch == '.' || ch == '/';
  });
}

bool IsMeasure(const std::string& m) {
  return std::find(kMeasures.begin(), kMeasures.end(), m) != kMeasures.end();
}

internal::Fields AuditFields(const Indicator& i) {
  return {{"project_id", std::to_string(i.project_id)},
          {"code", i.code},
          {"name", i.name},
          {"name_ar", i.name_ar},
          {"measure", i.measure},
          {"definition", DefinitionToJson(i.definition).dump()},
          {"target", std::to_string(i.target)},
          {"active", i.active ? "true" : "false"}};
}

// A stored indicator as the domain sees it; the stored definition was checked when written,
// so one that no longer reads is an internal error.
Result<Indicator> FromRecord(const store::IndicatorRecord& r) {
  Indicator out{.id = r.id,
                .organisation_id = r.organisation_id,
                .project_id = r.project_id,
                .version = r.version,
                .code = r.code,
                .name = r.name,
                .name_ar = r.name_ar,
                .measure = r.measure,
                .target = r.target,
                .active = r.active,
                .created_at = r.created_at,
                .updated_at = r.updated_at};
  const auto j = nlohmann::json::parse(r.definition, nullptr, false);
  auto d = ParseDefinition(j, r.measure);
  if (!d.ok())
    return Status::Internal("indicator " + std::to_string(r.id) + " has a bad definition");
  out.definition = std::move(d).value();
  return out;
}

store::IndicatorRecord ToRecord(const Indicator& i) {
  return {.id = i.id,
          .organisation_id = i.organisation_id,
          .project_id = i.project_id,
          .version = i.version,
          .code = i.code,
          .name = i.name,
          .name_ar = i.name_ar,
          .measure = i.measure,
          .definition = DefinitionToJson(i.definition).dump(),
          .target = i.target,
          .active = i.active};
}

// Applies the fields present in `edit` to *out and checks the result.
Status Apply(const IndicatorEdit& edit, const registry::PlaceDirectory& places, Indicator* out) {
  std::vector<FieldError> bad;
  if (edit.code) out->code = *edit.code;
  if (edit.name) out->name = *edit.name;
  if (edit.name_ar) out->name_ar = *edit.name_ar;
  if (edit.measure) out->measure = *edit.measure;
  if (edit.target) out->target = *edit.target;
  if (edit.active) out->active = *edit.active;
  if (!IsCode(out->code)) {
    bad.push_back({"code", "is required: up to 32 letters, digits or - _ . /"});
  }
  if (out->name.empty() || out->name.size() > kMaxName) {
    bad.push_back({"name", "is required, up to 200 characters"});
  }
  if (out->name_ar.size() > kMaxName) bad.push_back({"name_ar", "is longer than 200 characters"});
  if (out->target < 0) bad.push_back({"target", "must be 0 or more"});
  if (!IsMeasure(out->measure)) {
    bad.push_back({"measure",
                   "must be people_reached, households_reached, services_delivered, "
                   "activities_held, units_rehabilitated or trainees_improved"});
  } else {
    // A new measure re-checks the stored definition against it.
    const nlohmann::json def =
        edit.definition ? *edit.definition : DefinitionToJson(out->definition);
    auto d = ParseDefinition(def, out->measure);
    if (!d.ok()) {
      for (const auto& f : d.status().fields()) bad.push_back(f);
    } else if (!d->pcode.empty() && !places.Exists(d->pcode)) {
      bad.push_back({"definition.pcode", "is not a known place"});
    } else {
      out->definition = std::move(d).value();
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("the indicator is not valid", std::move(bad));
  return Status::Ok();
}

Status CodeTaken(store::Connection& c, const Indicator& i) {
  SANAD_ASSIGN_OR_RETURN(bool taken, store::IndicatorCodeTaken(c, i.project_id, i.code, i.id));
  if (!taken) return Status::Ok();
  return Status(StatusCode::kAlreadyExists, "the project already has an indicator " + i.code,
                {{"code", "is already used by another indicator of the project"}});
}

Result<Indicator> Load(store::Connection& c, int64_t organisation_id, int64_t id) {
  SANAD_ASSIGN_OR_RETURN(auto rec, store::GetIndicator(c, organisation_id, id));
  if (!rec) return Status::NotFound("indicator not found");
  return FromRecord(*rec);
}

Result<programmes::Project> LoadProject(store::Connection& c, int64_t organisation_id, int64_t id) {
  SANAD_ASSIGN_OR_RETURN(auto p, store::GetProject(c, organisation_id, id));
  if (!p) return Status::NotFound("project not found");
  return std::move(*p);
}

}  // namespace

Period ProjectPeriod(const programmes::Project& project, const Period& asked,
                     const std::string& today) {
  Period p = asked;
  if (p.from.empty()) p.from = project.starts_on;
  if (p.to.empty()) {
    p.to = project.ends_on.empty() ? today : std::min(project.ends_on, today);
  }
  if (p.to < p.from) p.to = p.from;  // a project that has not started: an empty month
  return p;
}

Result<IndicatorPage> IndicatorService::List(const access::Actor& actor,
                                             const IndicatorQuery& q) const {
  SANAD_RETURN_IF_ERROR(internal::CheckRead(actor));
  std::vector<FieldError> bad;
  const int offset = internal::CheckPage(q.page, q.limit, &bad);
  if (q.project_id < 0) bad.push_back({"project_id", "must be a project id"});
  if (!bad.empty()) return Status::InvalidArgument("bad query", std::move(bad));
  IndicatorPage out{.page = q.page, .limit = q.limit};
  const store::IndicatorFilter f{.organisation_id = actor.organisation_id,
                                 .project_id = q.project_id,
                                 .limit = q.limit,
                                 .offset = offset};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(auto rows, store::ListIndicators(c, f));
    out.items.clear();
    for (const auto& r : rows) {
      SANAD_ASSIGN_OR_RETURN(Indicator i, FromRecord(r));
      out.items.push_back(std::move(i));
    }
    SANAD_ASSIGN_OR_RETURN(out.total, store::CountIndicators(c, f));
    return Status::Ok();
  }));
  return out;
}

Result<Indicator> IndicatorService::Get(const access::Actor& actor, int64_t id) const {
  SANAD_RETURN_IF_ERROR(internal::CheckRead(actor));
  Indicator out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, Load(c, actor.organisation_id, id));
    return Status::Ok();
  }));
  return out;
}

Result<Indicator> IndicatorService::Create(const access::Actor& actor, const IndicatorEdit& edit) {
  SANAD_RETURN_IF_ERROR(internal::CheckManage(actor));
  Indicator out{.organisation_id = actor.organisation_id,
                .project_id = edit.project_id.value_or(0)};
  std::vector<FieldError> bad;
  if (out.project_id <= 0) bad.push_back({"project_id", "is required"});
  if (!edit.measure) bad.push_back({"measure", "is required"});
  if (Status s = Apply(edit, places_, &out); !s.ok()) {
    for (const auto& f : s.fields()) {
      if (!(f.field == "measure" && !edit.measure)) bad.push_back(f);
    }
  }
  if (!bad.empty()) return Status::InvalidArgument("the indicator is not valid", std::move(bad));
  const int64_t now = clock_.NowSeconds();
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(auto project,
                           store::GetProject(c, actor.organisation_id, out.project_id));
    if (!project) {
      return Status::InvalidArgument("no such project",
                                     {{"project_id", "is not a project of your organisation"}});
    }
    SANAD_RETURN_IF_ERROR(CodeTaken(c, out));
    store::IndicatorRecord rec = ToRecord(out);
    SANAD_RETURN_IF_ERROR(store::InsertIndicator(c, &rec, now));
    out.id = rec.id;
    out.version = rec.version;
    out.created_at = out.updated_at = now;
    const internal::Fields after = AuditFields(out);
    return store::AppendAudit(c, internal::Entry(actor, now, "create", "indicator", out.id,
                                                 internal::Diff(nullptr, after)));
  }));
  return out;
}

Result<Indicator> IndicatorService::Update(const access::Actor& actor, int64_t id,
                                           const IndicatorEdit& edit) {
  SANAD_RETURN_IF_ERROR(internal::CheckManage(actor));
  const int64_t now = clock_.NowSeconds();
  Indicator out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(Indicator before, Load(c, actor.organisation_id, id));
    out = before;
    if (edit.project_id && *edit.project_id != before.project_id) {
      return Status::InvalidArgument("an indicator stays with its project",
                                     {{"project_id", "cannot change"}});
    }
    SANAD_RETURN_IF_ERROR(Apply(edit, places_, &out));
    SANAD_RETURN_IF_ERROR(CodeTaken(c, out));
    store::IndicatorRecord rec = ToRecord(out);
    SANAD_RETURN_IF_ERROR(store::UpdateIndicator(c, &rec, edit.version, now));
    out.version = rec.version;
    out.updated_at = now;
    const internal::Fields was = AuditFields(before);
    return store::AppendAudit(c, internal::Entry(actor, now, "update", "indicator", id,
                                                 internal::Diff(&was, AuditFields(out))));
  }));
  return out;
}

Result<Progress> IndicatorService::GetProgress(const access::Actor& actor, int64_t id,
                                               const Period& period, SeriesBy by) const {
  SANAD_RETURN_IF_ERROR(internal::CheckRead(actor));
  SANAD_RETURN_IF_ERROR(CheckPeriod(period.from, period.to));
  const std::string today = FormatUtcDate(clock_.NowSeconds());
  Progress out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(Indicator i, Load(c, actor.organisation_id, id));
    SANAD_ASSIGN_OR_RETURN(programmes::Project p,
                           LoadProject(c, actor.organisation_id, i.project_id));
    SANAD_ASSIGN_OR_RETURN(out,
                           ComputeProgress(c, i, p, ProjectPeriod(p, period, today), by, places_));
    return Status::Ok();
  }));
  return out;
}

Result<std::vector<Progress>> IndicatorService::ProjectProgress(const access::Actor& actor,
                                                                int64_t project_id,
                                                                const Period& period) const {
  SANAD_RETURN_IF_ERROR(internal::CheckRead(actor));
  SANAD_RETURN_IF_ERROR(CheckPeriod(period.from, period.to));
  const std::string today = FormatUtcDate(clock_.NowSeconds());
  std::vector<Progress> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    out.clear();
    SANAD_ASSIGN_OR_RETURN(programmes::Project p,
                           LoadProject(c, actor.organisation_id, project_id));
    const Period span = ProjectPeriod(p, period, today);
    SANAD_ASSIGN_OR_RETURN(auto rows,
                           store::ListIndicators(c, {.organisation_id = actor.organisation_id,
                                                     .project_id = project_id,
                                                     .active_only = true,
                                                     .limit = 1000}));
    for (const auto& r : rows) {
      SANAD_ASSIGN_OR_RETURN(Indicator i, FromRecord(r));
      SANAD_ASSIGN_OR_RETURN(Progress pr, ComputeProgress(c, i, p, span, SeriesBy::kNone, places_));
      out.push_back(std::move(pr));
    }
    return Status::Ok();
  }));
  return out;
}

}  // namespace sanad::reports
