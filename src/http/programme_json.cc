// Offices, projects, expenditures and staff members of programme_json.h; activities and
// attendance are in activity_json.cc.
#include "http/programme_json.h"

#include <cmath>

#include "assistance/money.h"
#include "base/clock.h"
#include "http/body_reader.h"
#include "http/cash_json.h"

namespace sanad::http {
namespace {

using programmes::Office;
using programmes::Project;

Json PlaceNames(const registry::Place* place) {
  return {{"name_en", place ? place->name_en : ""}, {"name_ar", place ? place->name_ar : ""}};
}

Json OfficeRef(int64_t id, const std::string& name) {
  if (id == 0) return nullptr;
  return {{"id", id}, {"name", name}};
}

}  // namespace

Json OfficeToJson(const Office& o, const registry::PlaceDirectory& places) {
  const registry::Place* place = places.Find(o.pcode);
  // Without a point of its own, the office is drawn at its place's label point.
  Json lat = nullptr;
  Json lon = nullptr;
  if (o.lat && o.lon) {
    lat = *o.lat;
    lon = *o.lon;
  } else if (place != nullptr && (place->lat != 0 || place->lon != 0)) {
    lat = place->lat;
    lon = place->lon;
  }
  return {{"id", o.id},
          {"version", o.version},
          {"name", o.name},
          {"name_ar", o.name_ar},
          {"pcode", o.pcode},
          {"place", PlaceNames(place)},
          {"lat", lat},
          {"lon", lon},
          {"own_point", o.lat.has_value()},
          {"public", o.is_public},
          {"active", o.active},
          {"counts", {{"staff", o.staff}, {"volunteers", o.volunteers}}},
          {"created_at", TimeOrNull(o.created_at)},
          {"updated_at", TimeOrNull(o.updated_at)}};
}

Json ProjectToJson(const Project& p, const registry::PlaceDirectory& places) {
  Json where = Json::array();
  for (const auto& pcode : p.places) {
    const registry::Place* place = places.Find(pcode);
    Json one = PlaceNames(place);
    one["pcode"] = pcode;
    where.push_back(std::move(one));
  }
  Json ratio = nullptr;
  if (p.budget > 0) {
    ratio = std::round(static_cast<double>(p.spent) / static_cast<double>(p.budget) * 1000) / 1000;
  }
  return {{"id", p.id},
          {"version", p.version},
          {"code", p.code},
          {"name", p.name},
          {"name_ar", p.name_ar},
          {"description", p.description},
          {"donor", p.donor},
          {"sectors", p.sectors},
          {"status", p.status},
          {"starts_on", p.starts_on},
          {"ends_on", p.ends_on.empty() ? Json(nullptr) : Json(p.ends_on)},
          {"office", OfficeRef(p.office_id, p.office_name)},
          {"places", where},
          {"currency", p.currency},
          {"budget", MoneyJson(p.budget, p.currency)},
          {"spent", MoneyJson(p.spent, p.currency)},
          {"spent_ratio", ratio},
          {"over_budget", p.spent > p.budget},
          {"public", p.is_public},
          {"created_at", TimeOrNull(p.created_at)},
          {"updated_at", TimeOrNull(p.updated_at)}};
}

Json ExpenditureToJson(const programmes::Expenditure& e) {
  const std::string& currency = e.currency;
  return {{"id", e.id},
          {"project_id", e.project_id},
          {"spent_on", e.spent_on},
          {"amount", MoneyJson(e.amount, currency)},
          {"currency", currency},
          {"category", e.category},
          {"description", e.description},
          {"created_at", TimeOrNull(e.created_at)},
          {"created_by",
           {{"id", e.created_by == 0 ? Json(nullptr) : Json(e.created_by)},
            {"username", e.created_by_name}}},
          {"voided", e.voided_at != 0},
          {"voided_at", TimeOrNull(e.voided_at)},
          {"void_reason", e.voided_at == 0 ? Json(nullptr) : Json(e.void_reason)}};
}

Json StaffMemberToJson(const programmes::StaffMember& s) {
  return {{"id", s.id},
          {"version", s.version},
          {"office", OfficeRef(s.office_id, s.office_name)},
          {"kind", s.kind},
          {"name", s.name},
          {"sex", s.sex},
          {"position", s.position},
          {"phone", s.phone},
          {"languages", s.languages},
          {"skills", s.skills},
          {"deployable", s.deployable},
          {"active", s.active},
          {"created_at", TimeOrNull(s.created_at)},
          {"updated_at", TimeOrNull(s.updated_at)}};
}

Result<programmes::OfficeEdit> OfficeEditFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad,
                {"name", "name_ar", "pcode", "lat", "lon", "public", "active", "id", "version",
                 "place", "own_point", "counts", "created_at", "updated_at"},
                "an office");
  programmes::OfficeEdit out{.name = in.Text("name"),
                             .name_ar = in.ClearableText("name_ar"),
                             .pcode = in.Text("pcode"),
                             .lat = in.ClearableNumber("lat"),
                             .lon = in.ClearableNumber("lon"),
                             .is_public = in.Bool("public"),
                             .active = in.Bool("active")};
  if (!bad.empty()) return Status::InvalidArgument("office is invalid", std::move(bad));
  return out;
}

Result<programmes::ProjectEdit> ProjectEditFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad,
                {"code",        "name",        "name_ar",    "description", "donor",  "sectors",
                 "status",      "starts_on",   "ends_on",    "office_id",   "places", "currency",
                 "budget",      "public",      "id",         "version",     "office", "spent",
                 "spent_ratio", "over_budget", "created_at", "updated_at"},
                "a project");
  programmes::ProjectEdit out{.code = in.Text("code"),
                              .name = in.Text("name"),
                              .name_ar = in.ClearableText("name_ar"),
                              .description = in.ClearableText("description"),
                              .donor = in.ClearableText("donor"),
                              .sectors = in.Texts("sectors"),
                              .status = in.Text("status"),
                              .starts_on = in.Text("starts_on"),
                              .ends_on = in.ClearableText("ends_on"),
                              .office_id = in.ClearableId("office_id"),
                              .currency = in.Text("currency"),
                              .budget = in.Amount("budget"),
                              .is_public = in.Bool("public")};
  // Places as P-codes, or as the {pcode, name_en, name_ar} objects a read returns.
  if (const Json* places = in.Find("places")) {
    if (!places->is_array()) {
      in.Bad("places", "must be a list of P-codes");
    } else {
      out.places.emplace();
      for (size_t i = 0; i < places->size(); ++i) {
        const Json& p = (*places)[i];
        if (p.is_string()) {
          out.places->push_back(p.get<std::string>());
        } else if (p.is_object() && p.contains("pcode") && p["pcode"].is_string()) {
          out.places->push_back(p["pcode"].get<std::string>());
        } else {
          in.Bad("places[" + std::to_string(i) + "]", "must be a P-code");
        }
      }
    }
  } else if (in.IsNull("places")) {
    out.places.emplace();
  }
  if (!bad.empty()) return Status::InvalidArgument("project is invalid", std::move(bad));
  return out;
}

Result<programmes::ExpenditureRequest> ExpenditureRequestFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad, {"spent_on", "amount", "category", "description"}, "an expenditure");
  programmes::ExpenditureRequest out{.spent_on = in.Text("spent_on").value_or(""),
                                     .amount = in.Amount("amount").value_or(""),
                                     .category = in.Text("category").value_or(""),
                                     .description = in.Text("description").value_or("")};
  if (out.amount.empty() && !in.Find("amount")) in.Bad("amount", "is required");
  if (!bad.empty()) return Status::InvalidArgument("expenditure is invalid", std::move(bad));
  return out;
}

Result<std::string> VoidReasonFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad, {"reason"}, "a void");
  std::string reason = in.Text("reason").value_or("");
  if (!bad.empty()) return Status::InvalidArgument("void is invalid", std::move(bad));
  return reason;
}

Result<programmes::StaffEdit> StaffEditFromJson(const Json& j) {
  std::vector<FieldError> bad;
  BodyReader in(j, "", &bad,
                {"office_id", "kind", "name", "sex", "position", "phone", "languages", "skills",
                 "deployable", "active", "id", "version", "office", "created_at", "updated_at"},
                "a staff member");
  programmes::StaffEdit out{.office_id = in.Int("office_id"),
                            .kind = in.Text("kind"),
                            .name = in.Text("name"),
                            .sex = in.ClearableText("sex"),
                            .position = in.ClearableText("position"),
                            .phone = in.ClearableText("phone"),
                            .languages = in.Texts("languages"),
                            .skills = in.ClearableText("skills"),
                            .deployable = in.Bool("deployable"),
                            .active = in.Bool("active")};
  if (in.IsNull("languages")) out.languages.emplace();
  if (!bad.empty()) return Status::InvalidArgument("staff member is invalid", std::move(bad));
  return out;
}

}  // namespace sanad::http
