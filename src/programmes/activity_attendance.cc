// Attendance of ActivityService and the activity's service records.
#include <set>

#include "programmes/activity_records_internal.h"
#include "programmes/activity_rules.h"
#include "programmes/activity_service.h"
#include "programmes/programmes_internal.h"
#include "store/activity_store.h"
#include "store/audit_store.h"
#include "store/people_store.h"
#include "store/project_ref_store.h"
#include "store/service_record_store.h"

namespace sanad::programmes {

Status WriteActivityRecords(store::Connection& c, const Activity& a, const Attendance& attendance) {
  SANAD_RETURN_IF_ERROR(store::DeleteServiceRecords(c, "activity", a.id).status());
  if (a.status != "done") return Status::Ok();
  int64_t office_id = a.office_id;
  if (office_id == 0 && a.project_id > 0) {
    SANAD_ASSIGN_OR_RETURN(const auto project,
                           store::FindProjectRef(c, a.organisation_id, a.project_id));
    if (project) office_id = project->office_id;
  }
  const store::ServiceRecordBase base{.organisation_id = a.organisation_id,
                                      .project_id = a.project_id,
                                      .office_id = office_id,
                                      .sector = a.sector,
                                      .source = "activity",
                                      .source_id = a.id,
                                      .kind = a.type,
                                      .pcode = a.pcode,
                                      .served_on = a.starts_on};
  std::vector<int64_t> people;
  people.reserve(attendance.people.size());
  for (const auto& p : attendance.people) people.push_back(p.person_id);
  SANAD_RETURN_IF_ERROR(store::InsertPeopleRecords(c, base, people));
  for (const auto& n : attendance.counts) {
    SANAD_RETURN_IF_ERROR(
        store::InsertCountedRecord(c, base, n.sex, n.age_group, n.population_group, n.count));
  }
  return Status::Ok();
}

Result<AttendanceSheet> ActivityService::GetAttendance(const access::Actor& actor,
                                                       int64_t id) const {
  if (!internal::MayRead(actor)) return internal::DenyRead();
  AttendanceSheet out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const auto activity, store::GetActivity(c, actor.organisation_id, id));
    if (!activity) return Status::NotFound("activity not found");
    out.activity = *activity;
    SANAD_ASSIGN_OR_RETURN(out.attendance, store::GetAttendance(c, id));
    return Status::Ok();
  }));
  return out;
}

Result<AttendanceSheet> ActivityService::PutAttendance(const access::Actor& actor, int64_t id,
                                                       const AttendanceEdit& edit) {
  if (!internal::MayRecord(actor)) return internal::DenyRecord();
  const int64_t now = clock_.NowSeconds();
  AttendanceSheet out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const auto before, store::GetActivity(c, actor.organisation_id, id));
    if (!before) return Status::NotFound("activity not found");
    std::vector<FieldError> bad;
    const Attendance attendance = CheckAttendance(*before, edit, &bad);
    // Only live people of the organisation: not another organisation's, not archived, not
    // merged into someone else (their survivor is who should be listed).
    std::vector<int64_t> ids;
    for (const auto& p : edit.people) {
      if (p.person_id > 0) ids.push_back(p.person_id);
    }
    SANAD_ASSIGN_OR_RETURN(const auto live, store::GetLivePeople(c, actor.organisation_id, ids));
    std::set<int64_t> known;
    for (const auto& p : live) known.insert(p.member.id);
    for (size_t i = 0; i < edit.people.size(); ++i) {
      const int64_t person = edit.people[i].person_id;
      if (person > 0 && !known.contains(person)) {
        bad.push_back({"people[" + std::to_string(i) + "].person_id",
                       "is not a registered person of your organisation (or was archived or "
                       "merged into another record)"});
      }
    }
    if (!bad.empty()) return Status::InvalidArgument("attendance is invalid", std::move(bad));
    SANAD_RETURN_IF_ERROR(
        store::TouchActivity(c, actor.organisation_id, id, edit.version, actor.user_id, now)
            .status());
    SANAD_RETURN_IF_ERROR(store::ReplaceAttendance(c, id, attendance));
    SANAD_ASSIGN_OR_RETURN(const auto after, store::GetActivity(c, actor.organisation_id, id));
    if (!after) return Status::Internal("activity vanished while its attendance was saved");
    out.activity = *after;
    SANAD_ASSIGN_OR_RETURN(out.attendance, store::GetAttendance(c, id));
    SANAD_RETURN_IF_ERROR(WriteActivityRecords(c, out.activity, out.attendance));
    // Names stay out of the log: the attendance is there for whoever may read it.
    const auto& was = before->attendance;
    const auto& is = out.activity.attendance;
    return store::AppendAudit(
        c, internal::Entry(
               actor, now, "update", "activity", id,
               {{"attendance.registered", std::to_string(was.registered),
                 std::to_string(is.registered)},
                {"attendance.counted", std::to_string(was.counted), std::to_string(is.counted)}}));
  }));
  return out;
}

}  // namespace sanad::programmes
