// The wire shapes of offices, projects, expenditures, staff members, activities and attendance
// (docs/programmes.md), and the request bodies read into programme_requests.h values. Body
// readers check JSON types only (422 naming the field, unknown fields refused; read-only
// fields of a response are accepted and ignored); the services check the rules. Pure
// functions; thread-safe.
#pragma once

#include <string>

#include "base/status.h"
#include "http/json_response.h"
#include "programmes/programme.h"
#include "programmes/programme_requests.h"
#include "registry/place_directory.h"

namespace sanad::http {

Json OfficeToJson(const programmes::Office& o, const registry::PlaceDirectory& places);
Json ProjectToJson(const programmes::Project& p, const registry::PlaceDirectory& places);
Json ExpenditureToJson(const programmes::Expenditure& e);
Json StaffMemberToJson(const programmes::StaffMember& s);
Json ActivityToJson(const programmes::Activity& a, const registry::PlaceDirectory& places);
// {activity_id, version, summary, people, counts}: GET and PUT .../attendance.
Json AttendanceToJson(const programmes::AttendanceSheet& sheet);

Result<programmes::OfficeEdit> OfficeEditFromJson(const Json& j);
Result<programmes::ProjectEdit> ProjectEditFromJson(const Json& j);
Result<programmes::ExpenditureRequest> ExpenditureRequestFromJson(const Json& j);
// {reason} of a void.
Result<std::string> VoidReasonFromJson(const Json& j);
Result<programmes::StaffEdit> StaffEditFromJson(const Json& j);
Result<programmes::ActivityEdit> ActivityEditFromJson(const Json& j);
// `version` is read by the route (body or If-Match).
Result<programmes::AttendanceEdit> AttendanceEditFromJson(const Json& j);

}  // namespace sanad::http
