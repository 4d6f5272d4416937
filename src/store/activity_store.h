// SQL of activities and their attendance (migration 0006_programmes.sql). Every read and write
// of an activity names the organisation, so another organisation's activity is never seen nor
// changed; reads fill the project's code and name, the office's name and the attendance
// summary. Attendance is read and replaced whole. Functions run on a Connection inside the
// caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "programmes/programme.h"
#include "store/database.h"

namespace sanad::store {

struct ActivityListFilter {
  int64_t organisation_id = 0;
  std::vector<std::string> terms;  // normalised words, each must occur in the search text
  std::string type;                // "" = any
  std::string sector;
  int64_t project_id = 0;  // 0 = any
  int64_t office_id = 0;
  std::string pcode;  // the place and under it
  std::string from;   // ends_on >= from; "" = no bound
  std::string to;     // starts_on <= to
  std::string status;
  int limit = 25;
  int offset = 0;
};

// Inserts *a (version 1); fills id, version and times.
Status InsertActivity(Connection& c, programmes::Activity* a, const std::string& search_text,
                      int64_t now);
Result<std::optional<programmes::Activity>> GetActivity(Connection& c, int64_t organisation_id,
                                                        int64_t id);
// Writes *a over the stored version `expected_version`: NotFound or Conflict naming `version`.
Status UpdateActivity(Connection& c, programmes::Activity* a, int64_t expected_version,
                      const std::string& search_text, int64_t now);
// Bumps the version of an activity whose attendance is replaced; NotFound or Conflict naming
// `version` as UpdateActivity. Returns the new version.
Result<int64_t> TouchActivity(Connection& c, int64_t organisation_id, int64_t id,
                              int64_t expected_version, int64_t user_id, int64_t now);
// Newest starts_on first, then newest id.
Result<std::vector<programmes::Activity>> ListActivities(Connection& c,
                                                         const ActivityListFilter& f);
Result<int64_t> CountActivities(Connection& c, const ActivityListFilter& f);

// The attendance of an activity: people by id (with their names from the registry, whatever
// became of them since), count rows by sex, age group and population group.
Result<programmes::Attendance> GetAttendance(Connection& c, int64_t activity_id);
// Replaces the whole attendance of an activity.
Status ReplaceAttendance(Connection& c, int64_t activity_id, const programmes::Attendance& a);

}  // namespace sanad::store
