#include "registry/household_diff.h"

namespace sanad::registry {

std::map<std::string, std::string> FlattenHousehold(const Household& h) {
  std::map<std::string, std::string> f;
  const auto put = [&f](const std::string& k, const std::string& v) {
    if (!v.empty()) f[k] = v;
  };
  put("displacement_status", h.displacement_status);
  put("location.pcode", h.location_pcode);
  put("location.site", h.location_site);
  put("origin.pcode", h.origin_pcode);
  put("phone", h.phone);
  for (size_t i = 0; i < h.members.size(); ++i) {
    const Member& m = h.members[i];
    const std::string p = "members[" + std::to_string(i) + "].";
    put(p + "given_name", m.given_name);
    put(p + "father_name", m.father_name);
    put(p + "grandfather_name", m.grandfather_name);
    put(p + "family_name", m.family_name);
    put(p + "name_latin", m.name_latin);
    put(p + "sex", m.sex);
    put(p + "birth_date", m.birth_date);
    put(p + "relationship", m.relationship);
    put(p + "phone", m.phone);
    for (size_t j = 0; j < m.documents.size(); ++j) {
      const std::string d = p + "documents[" + std::to_string(j) + "].";
      put(d + "type", m.documents[j].type);
      put(d + "number", m.documents[j].number);
    }
    for (const auto& [domain, answer] : m.disability) put(p + "disability." + domain, answer);
  }
  return f;
}

std::vector<access::FieldChange> DiffFields(const std::map<std::string, std::string>& before,
                                            const std::map<std::string, std::string>& after) {
  std::vector<access::FieldChange> out;
  auto b = before.begin();
  auto a = after.begin();
  while (b != before.end() || a != after.end()) {
    if (a == after.end() || (b != before.end() && b->first < a->first)) {
      out.push_back({b->first, b->second, std::nullopt});
      ++b;
    } else if (b == before.end() || a->first < b->first) {
      out.push_back({a->first, std::nullopt, a->second});
      ++a;
    } else {
      if (a->second != b->second) out.push_back({a->first, b->second, a->second});
      ++a;
      ++b;
    }
  }
  return out;
}

}  // namespace sanad::registry
