#include "http/household_json.h"

#include <unordered_map>

#include "base/clock.h"

namespace sanad::http {
namespace {

using registry::Household;
using registry::Member;

class Reader {
 public:
  explicit Reader(std::vector<FieldError>* errors) : errors_(errors) {}

  // Copies a string field if present; null clears it.
  void Text(const Json& obj, const char* key, const std::string& path, std::string* out) {
    auto it = obj.find(key);
    if (it == obj.end()) return;
    if (it->is_null()) {
      out->clear();
    } else if (it->is_string()) {
      *out = it->get<std::string>();
    } else {
      errors_->push_back({path, "must be a string"});
    }
  }
  bool Object(const Json& v, const std::string& path) {
    if (v.is_object()) return true;
    errors_->push_back({path, "must be an object"});
    return false;
  }
  bool Array(const Json& v, const std::string& path) {
    if (v.is_array()) return true;
    errors_->push_back({path, "must be an array"});
    return false;
  }

 private:
  std::vector<FieldError>* errors_;
};

void ReadMember(Reader& r, const Json& j, const std::string& p, Member* m) {
  if (!r.Object(j, p)) return;
  if (auto it = j.find("id"); it != j.end() && it->is_number_integer()) m->id = it->get<int64_t>();
  r.Text(j, "given_name", p + ".given_name", &m->given_name);
  r.Text(j, "father_name", p + ".father_name", &m->father_name);
  r.Text(j, "grandfather_name", p + ".grandfather_name", &m->grandfather_name);
  r.Text(j, "family_name", p + ".family_name", &m->family_name);
  r.Text(j, "name_latin", p + ".name_latin", &m->name_latin);
  r.Text(j, "sex", p + ".sex", &m->sex);
  r.Text(j, "birth_date", p + ".birth_date", &m->birth_date);
  r.Text(j, "relationship", p + ".relationship", &m->relationship);
  r.Text(j, "phone", p + ".phone", &m->phone);
  if (auto it = j.find("documents");
      it != j.end() && !it->is_null() && r.Array(*it, p + ".documents")) {
    m->documents.clear();
    for (size_t i = 0; i < it->size(); ++i) {
      const std::string dp = p + ".documents[" + std::to_string(i) + "]";
      registry::Document d;
      if (!r.Object((*it)[i], dp)) continue;
      r.Text((*it)[i], "type", dp + ".type", &d.type);
      r.Text((*it)[i], "number", dp + ".number", &d.number);
      m->documents.push_back(std::move(d));
    }
  }
  if (auto it = j.find("disability");
      it != j.end() && !it->is_null() && r.Object(*it, p + ".disability")) {
    m->disability.clear();
    for (const auto& [domain, answer] : it->items()) {
      if (answer.is_null() || (answer.is_string() && answer.get<std::string>().empty())) continue;
      std::string value;
      r.Text(*it, domain.c_str(), p + ".disability." + domain, &value);
      m->disability[domain] = value;
    }
  }
}

Json PlaceJson(const std::string& pcode, const registry::PlaceDirectory& places) {
  Json j = {{"pcode", pcode}};
  if (const auto* p = places.Find(pcode)) {
    j["name_en"] = p->name_en;
    j["name_ar"] = p->name_ar;
  }
  return j;
}

Json OptionalJson(const std::optional<std::string>& s) { return s ? Json(*s) : Json(nullptr); }

}  // namespace

Json HouseholdToJson(const Household& h, const registry::PlaceDirectory& places) {
  Json members = Json::array();
  for (const Member& m : h.members) {
    Json docs = Json::array();
    for (const auto& d : m.documents) docs.push_back({{"type", d.type}, {"number", d.number}});
    members.push_back({{"id", m.id},
                       {"given_name", m.given_name},
                       {"father_name", m.father_name},
                       {"grandfather_name", m.grandfather_name},
                       {"family_name", m.family_name},
                       {"name_latin", m.name_latin},
                       {"sex", m.sex},
                       {"birth_date", m.birth_date},
                       {"relationship", m.relationship},
                       {"phone", m.phone},
                       {"documents", docs},
                       {"disability", m.disability}});
  }
  Json location = PlaceJson(h.location_pcode, places);
  location["site"] = h.location_site;
  return {{"id", h.id},
          {"version", h.version},
          {"organisation", {{"id", h.organisation_id}, {"name", h.organisation_name}}},
          {"displacement_status", h.displacement_status},
          {"location", location},
          {"origin", h.origin_pcode.empty() ? Json(nullptr) : PlaceJson(h.origin_pcode, places)},
          {"phone", h.phone},
          {"members", members},
          {"created_at", FormatUtc(h.created_at)},
          {"updated_at", FormatUtc(h.updated_at)}};
}

Status ApplyHouseholdJson(const Json& j, Household* h) {
  std::vector<FieldError> errors;
  Reader r(&errors);
  r.Text(j, "displacement_status", "displacement_status", &h->displacement_status);
  r.Text(j, "phone", "phone", &h->phone);
  if (auto it = j.find("location"); it != j.end()) {
    if (it->is_null()) {
      h->location_pcode.clear();
      h->location_site.clear();
    } else if (r.Object(*it, "location")) {
      r.Text(*it, "pcode", "location.pcode", &h->location_pcode);
      r.Text(*it, "site", "location.site", &h->location_site);
    }
  }
  if (auto it = j.find("origin"); it != j.end()) {
    if (it->is_null()) {
      h->origin_pcode.clear();
    } else if (r.Object(*it, "origin")) {
      r.Text(*it, "pcode", "origin.pcode", &h->origin_pcode);
    }
  }
  if (auto it = j.find("members"); it != j.end() && r.Array(*it, "members")) {
    // Members sent back with their id keep it (and their stored fields as the base).
    std::unordered_map<int64_t, Member> old;
    for (const auto& m : h->members) old[m.id] = m;
    h->members.clear();
    for (size_t i = 0; i < it->size(); ++i) {
      const Json& mj = (*it)[i];
      Member m;
      if (mj.is_object()) {
        if (auto id = mj.find("id"); id != mj.end() && id->is_number_integer()) {
          if (auto o = old.find(id->get<int64_t>()); o != old.end()) m = o->second;
        }
      }
      ReadMember(r, mj, "members[" + std::to_string(i) + "]", &m);
      h->members.push_back(std::move(m));
    }
  }
  if (!errors.empty()) return Status::InvalidArgument("household is invalid", std::move(errors));
  return Status::Ok();
}

Json AuditEntryToJson(const access::AuditEntry& e) {
  Json changes = Json::array();
  for (const auto& c : e.changes) {
    changes.push_back(
        {{"field", c.field}, {"before", OptionalJson(c.before)}, {"after", OptionalJson(c.after)}});
  }
  return {{"id", e.id},
          {"at", FormatUtc(e.at)},
          {"user", {{"id", e.user_id}, {"username", e.username}}},
          {"action", e.action},
          {"entity", e.entity},
          {"entity_id", e.entity_id},
          {"changes", changes}};
}

}  // namespace sanad::http
