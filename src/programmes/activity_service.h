// ActivityService: the activities of the actor's organisation and their attendance
// (docs/programmes.md, "Activities and attendance"). Every role of the organisation reads;
// admins, supervisors, M&E officers, caseworkers and registration clerks (kRecordActivities)
// record them. Another organisation's activity is NotFound. Every change is one write
// transaction with its audit entry, and keeps the activity's service records (source
// "activity") in step: written from the attendance of a done activity, rewritten when what
// they copy changes, removed when it is no longer done. Thread-safe: it holds references to a
// thread-safe Database, PlaceDirectory and Clock.
#pragma once

#include <cstdint>

#include "access/actor.h"
#include "base/clock.h"
#include "base/status.h"
#include "programmes/programme.h"
#include "programmes/programme_requests.h"
#include "registry/place_directory.h"
#include "store/database.h"

namespace sanad::programmes {

class ActivityService {
 public:
  ActivityService(store::Database& db, const registry::PlaceDirectory& places, const Clock& clock)
      : db_(db), places_(places), clock_(clock) {}

  // Newest start first. InvalidArgument naming each bad query parameter.
  Result<Page<Activity>> List(const access::Actor& actor, const ActivityQuery& q) const;
  Result<Activity> Get(const access::Actor& actor, int64_t id) const;
  // PermissionDenied without kRecordActivities; InvalidArgument naming every bad field
  // (`project_id`, `office_id` not the organisation's; `sector` not one of the project's).
  // The status defaults to planned.
  Result<Activity> Create(const access::Actor& actor, const ActivityEdit& edit);
  // As Create; NotFound for another organisation's activity; Conflict when `edit.version` is
  // stale.
  Result<Activity> Update(const access::Actor& actor, int64_t id, const ActivityEdit& edit);

  Result<AttendanceSheet> GetAttendance(const access::Actor& actor, int64_t id) const;
  // Replaces the whole attendance and bumps the activity's version; returns both as they now
  // are. InvalidArgument naming `status` (not done), `people[i].person_id` (not a live
  // person of the organisation, or listed twice) and every other bad field; Conflict when
  // `edit.version` is stale.
  Result<AttendanceSheet> PutAttendance(const access::Actor& actor, int64_t id,
                                        const AttendanceEdit& edit);

 private:
  // Applies the edit and checks the result, its project and office.
  Status Check(store::Connection& c, const ActivityEdit& edit, Activity* a) const;

  store::Database& db_;
  const registry::PlaceDirectory& places_;
  const Clock& clock_;
};

}  // namespace sanad::programmes
