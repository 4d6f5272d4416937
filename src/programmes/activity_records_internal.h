// The service records of an activity (docs/programmes.md, "Service records", source
// "activity"), for ActivityService only: runs on a Connection inside the caller's write
// transaction, so the records always match the activity and its attendance.
#pragma once

#include "base/status.h"
#include "programmes/programme.h"
#include "store/database.h"

namespace sanad::programmes {

// Deletes the activity's records and, when it is done, writes them again from `attendance` (what
// is stored for it, which the caller has just read or written): one row per registered attendee
// (sex, birth year and population group copied from the registry) and one per count row, with the
// activity's project, office (else the project's), sector, type, place and start date.
Status WriteActivityRecords(store::Connection& c, const Activity& a, const Attendance& attendance);

}  // namespace sanad::programmes
