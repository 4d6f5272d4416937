// Routes of offices, projects with their expenditures, and the staff roster (part of Api);
// docs/programmes.md has the shapes.
#include <cassert>

#include "http/api.h"
#include "http/json_response.h"
#include "http/programme_json.h"
#include "http/route_params.h"

namespace sanad::http {

void Api::AddProgrammeRoutes() {
  // Bound at request time: the server wires the services before it serves.
  auto services = [this]() -> programmes::ProgrammeServices& {
    assert(s_.programmes != nullptr);
    return *s_.programmes;
  };

  // Offices.
  Authed("GET", "/api/v1/offices", [this, services](Request& req, const access::Session& s) {
    programmes::OfficeQuery q{.text = Param(req, "q"), .active = ActiveParam(req)};
    if (Status st = PageParams(req, &q.page, &q.limit); !st.ok()) return QueryErrorResponse(st);
    auto list = services().offices.List(s.actor, q);
    if (!list.ok()) return QueryErrorResponse(list.status());
    return PageResponse(*list,
                        [this](const programmes::Office& o) { return OfficeToJson(o, s_.places); });
  });
  Authed("POST", "/api/v1/offices", [this, services](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto edit = OfficeEditFromJson(*body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    auto o = services().offices.Create(s.actor, *edit);
    if (!o.ok()) return ErrorResponse(o.status());
    return Created(OfficeToJson(*o, s_.places), "/api/v1/offices/" + std::to_string(o->id));
  });
  Authed("GET", "/api/v1/offices/{id}", [this, services](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return ErrorResponse(Status::NotFound("office not found"));
    auto o = services().offices.Get(s.actor, *id);
    if (!o.ok()) return ErrorResponse(o.status());
    return Versioned(200, OfficeToJson(*o, s_.places), o->version);
  });
  Authed("PATCH", "/api/v1/offices/{id}", [this, services](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadVersionedChange(req, "office", &refused);
    if (!in) return refused;
    auto edit = OfficeEditFromJson(in->body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    edit->version = in->version;
    auto o = services().offices.Update(s.actor, in->id, *edit);
    if (!o.ok()) return ErrorResponse(o.status());
    return Versioned(200, OfficeToJson(*o, s_.places), o->version);
  });

  // Projects.
  Authed("GET", "/api/v1/projects", [this, services](Request& req, const access::Session& s) {
    programmes::ProjectQuery q{.text = Param(req, "q"),
                               .status = Param(req, "status"),
                               .sector = Param(req, "sector"),
                               .pcode = Param(req, "pcode")};
    if (Status st = Ints(req, {{"office_id", &q.office_id}}); !st.ok()) {
      return QueryErrorResponse(st);
    }
    if (Status st = PageParams(req, &q.page, &q.limit); !st.ok()) return QueryErrorResponse(st);
    auto list = services().projects.List(s.actor, q);
    if (!list.ok()) return QueryErrorResponse(list.status());
    return PageResponse(
        *list, [this](const programmes::Project& p) { return ProjectToJson(p, s_.places); });
  });
  Authed("POST", "/api/v1/projects", [this, services](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto edit = ProjectEditFromJson(*body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    auto p = services().projects.Create(s.actor, *edit);
    if (!p.ok()) return ErrorResponse(p.status());
    return Created(ProjectToJson(*p, s_.places), "/api/v1/projects/" + std::to_string(p->id));
  });
  Authed("GET", "/api/v1/projects/{id}", [this, services](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return ErrorResponse(Status::NotFound("project not found"));
    auto p = services().projects.Get(s.actor, *id);
    if (!p.ok()) return ErrorResponse(p.status());
    return Versioned(200, ProjectToJson(*p, s_.places), p->version);
  });
  Authed("PATCH", "/api/v1/projects/{id}",
         [this, services](Request& req, const access::Session& s) {
           Response refused;
           auto in = ReadVersionedChange(req, "project", &refused);
           if (!in) return refused;
           auto edit = ProjectEditFromJson(in->body);
           if (!edit.ok()) return ErrorResponse(edit.status());
           edit->version = in->version;
           auto p = services().projects.Update(s.actor, in->id, *edit);
           if (!p.ok()) return ErrorResponse(p.status());
           return Versioned(200, ProjectToJson(*p, s_.places), p->version);
         });

  // Expenditures of a project.
  Authed("GET", "/api/v1/projects/{id}/expenditures",
         [services](Request& req, const access::Session& s) {
           auto id = PathId(req);
           if (!id) return ErrorResponse(Status::NotFound("project not found"));
           int page = 1;
           int limit = 25;
           if (Status st = PageParams(req, &page, &limit); !st.ok()) return QueryErrorResponse(st);
           auto list = services().projects.ListExpenditures(s.actor, *id, page, limit);
           if (!list.ok()) return QueryErrorResponse(list.status());
           return PageResponse(*list, ExpenditureToJson);
         });
  Authed("POST", "/api/v1/projects/{id}/expenditures",
         [services](Request& req, const access::Session& s) {
           auto id = PathId(req);
           if (!id) return ErrorResponse(Status::NotFound("project not found"));
           auto body = ParseJsonObject(req.body);
           if (!body.ok()) return BadRequest(body.status().message());
           auto in = ExpenditureRequestFromJson(*body);
           if (!in.ok()) return ErrorResponse(in.status());
           auto e = services().projects.AddExpenditure(s.actor, *id, *in);
           if (!e.ok()) return ErrorResponse(e.status());
           return Created(ExpenditureToJson(*e), "/api/v1/projects/" + std::to_string(*id) +
                                                     "/expenditures/" + std::to_string(e->id));
         });
  Authed("POST", "/api/v1/projects/{id}/expenditures/{eid}/void",
         [services](Request& req, const access::Session& s) {
           auto id = PathId(req, 0);
           auto eid = PathId(req, 1);
           if (!id || !eid) return ErrorResponse(Status::NotFound("expenditure not found"));
           auto body = req.body.empty() ? Result<Json>(Json::object()) : ParseJsonObject(req.body);
           if (!body.ok()) return BadRequest(body.status().message());
           auto reason = VoidReasonFromJson(*body);
           if (!reason.ok()) return ErrorResponse(reason.status());
           auto e = services().projects.VoidExpenditure(s.actor, *id, *eid, *reason);
           if (!e.ok()) return ErrorResponse(e.status());
           return JsonResponse(200, ExpenditureToJson(*e));
         });

  // The staff and volunteer roster.
  Authed("GET", "/api/v1/staff", [services](Request& req, const access::Session& s) {
    programmes::StaffQuery q{.text = Param(req, "q"),
                             .kind = Param(req, "kind"),
                             .deployable = Param(req, "deployable"),
                             .active = ActiveParam(req)};
    if (Status st = Ints(req, {{"office_id", &q.office_id}}); !st.ok()) {
      return QueryErrorResponse(st);
    }
    if (Status st = PageParams(req, &q.page, &q.limit); !st.ok()) return QueryErrorResponse(st);
    auto list = services().staff.List(s.actor, q);
    if (!list.ok()) return QueryErrorResponse(list.status());
    return PageResponse(*list, StaffMemberToJson);
  });
  Authed("POST", "/api/v1/staff", [services](Request& req, const access::Session& s) {
    auto body = ParseJsonObject(req.body);
    if (!body.ok()) return BadRequest(body.status().message());
    auto edit = StaffEditFromJson(*body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    auto m = services().staff.Create(s.actor, *edit);
    if (!m.ok()) return ErrorResponse(m.status());
    return Created(StaffMemberToJson(*m), "/api/v1/staff/" + std::to_string(m->id));
  });
  Authed("GET", "/api/v1/staff/{id}", [services](Request& req, const access::Session& s) {
    auto id = PathId(req);
    if (!id) return ErrorResponse(Status::NotFound("staff member not found"));
    auto m = services().staff.Get(s.actor, *id);
    if (!m.ok()) return ErrorResponse(m.status());
    return Versioned(200, StaffMemberToJson(*m), m->version);
  });
  Authed("PATCH", "/api/v1/staff/{id}", [services](Request& req, const access::Session& s) {
    Response refused;
    auto in = ReadVersionedChange(req, "staff member", &refused);
    if (!in) return refused;
    auto edit = StaffEditFromJson(in->body);
    if (!edit.ok()) return ErrorResponse(edit.status());
    edit->version = in->version;
    auto m = services().staff.Update(s.actor, in->id, *edit);
    if (!m.ok()) return ErrorResponse(m.status());
    return Versioned(200, StaffMemberToJson(*m), m->version);
  });
}

}  // namespace sanad::http
