// Activities of ActivityService; attendance and service records are in activity_attendance.cc.
#include "programmes/activity_service.h"

#include "matching/normalise.h"
#include "programmes/activity_records_internal.h"
#include "programmes/activity_rules.h"
#include "programmes/programme_rules.h"
#include "programmes/programmes_internal.h"
#include "store/activity_store.h"
#include "store/audit_store.h"
#include "store/office_store.h"
#include "store/project_store.h"

namespace sanad::programmes {
namespace {

using internal::Diff;
using internal::Entry;

internal::Fields Fields(const Activity& a) {
  auto id = [](int64_t v) { return v ? std::to_string(v) : std::string(); };
  return {{"project_id", id(a.project_id)},
          {"office_id", id(a.office_id)},
          {"type", a.type},
          {"sector", a.sector},
          {"title", a.title},
          {"pcode", a.pcode},
          {"site", a.site},
          {"starts_on", a.starts_on},
          {"ends_on", a.ends_on},
          {"status", a.status},
          {"facilitator", a.facilitator},
          {"sessions", std::to_string(a.sessions)},
          {"units", a.units ? std::to_string(a.units) : ""},
          {"unit_kind", a.unit_kind},
          {"trainee_organisation", a.trainee_organisation},
          {"note", a.note}};
}

void Apply(const ActivityEdit& e, Activity* a) {
  if (e.project_id.has_value()) a->project_id = std::max<int64_t>(*e.project_id, 0);
  if (e.office_id.has_value()) a->office_id = std::max<int64_t>(*e.office_id, 0);
  for (auto [field, value] : {std::pair{&a->type, &e.type},
                              {&a->sector, &e.sector},
                              {&a->title, &e.title},
                              {&a->pcode, &e.pcode},
                              {&a->site, &e.site},
                              {&a->starts_on, &e.starts_on},
                              {&a->ends_on, &e.ends_on},
                              {&a->status, &e.status},
                              {&a->facilitator, &e.facilitator},
                              {&a->unit_kind, &e.unit_kind},
                              {&a->trainee_organisation, &e.trainee_organisation},
                              {&a->note, &e.note}}) {
    if (value->has_value()) *field = **value;
  }
  if (e.sessions.has_value()) a->sessions = *e.sessions;
  if (e.units.has_value()) a->units = *e.units;
}

}  // namespace

Status ActivityService::Check(store::Connection& c, const ActivityEdit& edit, Activity* a) const {
  Apply(edit, a);
  std::vector<FieldError> bad;
  std::optional<std::vector<std::string>> sectors;
  a->project_code.clear();
  a->project_name.clear();
  if (a->project_id > 0) {
    SANAD_ASSIGN_OR_RETURN(auto project, store::GetProject(c, a->organisation_id, a->project_id));
    if (!project) {
      bad.push_back({"project_id", "is not a project of your organisation"});
    } else {
      sectors = project->sectors;
      a->project_code = project->code;
      a->project_name = project->name;
    }
  }
  a->office_name.clear();
  if (a->office_id > 0) {
    SANAD_ASSIGN_OR_RETURN(auto office, store::GetOffice(c, a->organisation_id, a->office_id));
    if (!office) {
      bad.push_back({"office_id", "is not an office of your organisation"});
    } else {
      a->office_name = office->name;
    }
  }
  CheckActivity(places_, a, sectors, &bad);
  if (!bad.empty()) return Status::InvalidArgument("activity is invalid", std::move(bad));
  return Status::Ok();
}

Result<Page<Activity>> ActivityService::List(const access::Actor& actor,
                                             const ActivityQuery& q) const {
  if (!internal::MayRead(actor)) return internal::DenyRead();
  std::vector<FieldError> bad;
  const int offset = internal::CheckPage(q.page, q.limit, &bad);
  if (!q.type.empty() && !OneOf(kActivityTypes, q.type)) {
    bad.push_back({"type", ChoicesOf(kActivityTypes)});
  }
  if (!q.sector.empty() && !OneOf(kSectors, q.sector)) {
    bad.push_back({"sector", ChoicesOf(kSectors)});
  }
  if (!q.status.empty() && !OneOf(kActivityStatuses, q.status)) {
    bad.push_back({"status", ChoicesOf(kActivityStatuses)});
  }
  if (!q.pcode.empty() && !places_.Exists(q.pcode)) {
    bad.push_back({"pcode", "is not a known P-code"});
  }
  CheckDate("from", q.from, true, &bad);
  CheckDate("to", q.to, true, &bad);
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  const store::ActivityListFilter f{.organisation_id = actor.organisation_id,
                                    .terms = matching::NormalisedWords(q.text),
                                    .type = q.type,
                                    .sector = q.sector,
                                    .project_id = q.project_id,
                                    .office_id = q.office_id,
                                    .pcode = q.pcode,
                                    .from = q.from,
                                    .to = q.to,
                                    .status = q.status,
                                    .limit = q.limit,
                                    .offset = offset};
  Page<Activity> page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListActivities(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountActivities(c, f));
    return Status::Ok();
  }));
  return page;
}

Result<Activity> ActivityService::Get(const access::Actor& actor, int64_t id) const {
  if (!internal::MayRead(actor)) return internal::DenyRead();
  std::optional<Activity> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::GetActivity(c, actor.organisation_id, id));
    return Status::Ok();
  }));
  if (!out) return Status::NotFound("activity not found");
  return std::move(*out);
}

Result<Activity> ActivityService::Create(const access::Actor& actor, const ActivityEdit& edit) {
  if (!internal::MayRecord(actor)) return internal::DenyRecord();
  const int64_t now = clock_.NowSeconds();
  Activity out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    out = Activity{
        .organisation_id = actor.organisation_id, .status = "planned", .created_by = actor.user_id};
    SANAD_RETURN_IF_ERROR(Check(c, edit, &out));
    SANAD_RETURN_IF_ERROR(store::InsertActivity(c, &out, ActivitySearchText(out), now));
    return store::AppendAudit(
        c, Entry(actor, now, "create", "activity", out.id, Diff(nullptr, Fields(out))));
  }));
  return out;
}

Result<Activity> ActivityService::Update(const access::Actor& actor, int64_t id,
                                         const ActivityEdit& edit) {
  if (!internal::MayRecord(actor)) return internal::DenyRecord();
  const int64_t now = clock_.NowSeconds();
  Activity out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const auto before, store::GetActivity(c, actor.organisation_id, id));
    if (!before) return Status::NotFound("activity not found");
    out = *before;
    out.updated_by = actor.user_id;
    SANAD_RETURN_IF_ERROR(Check(c, edit, &out));
    // Written first so that a stale edit is told so (409) before anything else; an error
    // below rolls it back.
    SANAD_RETURN_IF_ERROR(
        store::UpdateActivity(c, &out, edit.version, ActivitySearchText(out), now));
    const bool fewer_sessions = out.sessions < before->sessions;
    const bool no_longer_training = before->type == "training" && out.type != "training";
    if (fewer_sessions || no_longer_training || ChangesServiceRecords(*before, out)) {
      SANAD_ASSIGN_OR_RETURN(const Attendance attendance, store::GetAttendance(c, out.id));
      std::vector<FieldError> bad;
      CheckKeepsAttendance(out, attendance, &bad);
      if (!bad.empty()) return Status::InvalidArgument("activity is invalid", std::move(bad));
      if (ChangesServiceRecords(*before, out)) {
        SANAD_RETURN_IF_ERROR(WriteActivityRecords(c, out, attendance));
      }
    }
    const auto was = Fields(*before);
    const auto changes = Diff(&was, Fields(out));
    if (changes.empty()) return Status::Ok();
    return store::AppendAudit(c, Entry(actor, now, "update", "activity", out.id, changes));
  }));
  return out;
}

}  // namespace sanad::programmes
