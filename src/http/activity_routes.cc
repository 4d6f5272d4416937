// Routes of activities and their attendance (part of Api); docs/programmes.md has the shapes.
#include <cassert>

#include "http/api.h"
#include "http/json_response.h"
#include "http/programme_json.h"
#include "http/route_params.h"

namespace sanad::http {

void Api::AddActivityRoutes() {
  // Bound at request time: the server wires the services before it serves.
  auto activities = [this]() -> programmes::ActivityService& {
    assert(s_.programmes != nullptr);
    return s_.programmes->activities;
  };

  Authed("GET", "/api/v1/activities", [this, activities](Request& req, const access::Session& s) {
    programmes::ActivityQuery q{.text = Param(req, "q"),
                                .type = Param(req, "type"),
                                .sector = Param(req, "sector"),
                                .pcode = Param(req, "pcode"),
                                .from = Param(req, "from"),
                                .to = Param(req, "to"),
                                .status = Param(req, "status")};
    if (Status st = Ints(req, {{"project_id", &q.project_id}, {"office_id", &q.office_id}});
        !st.ok()) {
      return QueryErrorResponse(st);
    }
    if (Status st = PageParams(req, &q.page, &q.limit); !st.ok()) return QueryErrorResponse(st);
    auto list = activities().List(s.actor, q);
    if (!list.ok()) return QueryErrorResponse(list.status());
    return PageResponse(
        *list, [this](const programmes::Activity& a) { return ActivityToJson(a, s_.places); });
  });
  Authed("POST", "/api/v1/activities", [this, activities](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto edit = ActivityEditFromJson(*body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    auto a = activities().Create(s.actor, *edit);
    if (!a.ok()) return ErrorResponse(a.status());
    return Created(ActivityToJson(*a, s_.places), "/api/v1/activities/" + std::to_string(a->id));
  });
  Authed("GET", "/api/v1/activities/{id}",
         [this, activities](Request& req, const access::Session& s) {
           auto id = PathId(req);
           if (!id) return ErrorResponse(Status::NotFound("activity not found"));
           auto a = activities().Get(s.actor, *id);
           if (!a.ok()) return ErrorResponse(a.status());
           return Versioned(200, ActivityToJson(*a, s_.places), a->version);
         });
  Authed("PATCH", "/api/v1/activities/{id}",
         [this, activities](Request& req, const access::Session& s) {
           Response refused;
           auto in = ReadVersionedChange(req, "activity", &refused);
           if (!in) return refused;
           auto edit = ActivityEditFromJson(in->body);
           if (!edit.ok()) return ErrorResponse(edit.status());
           edit->version = in->version;
           auto a = activities().Update(s.actor, in->id, *edit);
           if (!a.ok()) return ErrorResponse(a.status());
           return Versioned(200, ActivityToJson(*a, s_.places), a->version);
         });
  Authed("GET", "/api/v1/activities/{id}/attendance",
         [activities](Request& req, const access::Session& s) {
           auto id = PathId(req);
           if (!id) return ErrorResponse(Status::NotFound("activity not found"));
           auto sheet = activities().GetAttendance(s.actor, *id);
           if (!sheet.ok()) return ErrorResponse(sheet.status());
           return Versioned(200, AttendanceToJson(*sheet), sheet->activity.version);
         });
  Authed("PUT", "/api/v1/activities/{id}/attendance",
         [activities](Request& req, const access::Session& s) {
           Response refused;
           auto in = ReadVersionedChange(req, "activity", &refused);
           if (!in) return refused;
           auto edit = AttendanceEditFromJson(in->body);
           if (!edit.ok()) return ErrorResponse(edit.status());
           edit->version = in->version;
           auto sheet = activities().PutAttendance(s.actor, in->id, *edit);
           if (!sheet.ok()) return ErrorResponse(sheet.status());
           return Versioned(200, AttendanceToJson(*sheet), sheet->activity.version);
         });
}

}  // namespace sanad::http
