#include "registry/household_validator.h"

#include <algorithm>
#include <array>
#include <string>

#include "matching/normalise.h"

namespace sanad::registry {
namespace {

constexpr size_t kMaxMembers = 50;
constexpr size_t kMaxNameChars = 100;
constexpr size_t kMaxLatinChars = 200;
constexpr size_t kMaxSiteChars = 200;
constexpr size_t kMaxDocuments = 20;
constexpr size_t kMaxDocumentChars = 40;
constexpr size_t kMinPhoneDigits = 7;
constexpr size_t kMaxPhoneDigits = 15;

constexpr std::array<std::string_view, 6> kStatuses = {"idp_in_camp", "idp_out_of_camp", "returnee",
                                                       "refugee",     "host_community",  "migrant"};
constexpr std::array<std::string_view, 7> kRelationships = {
    "head", "spouse", "child", "parent", "sibling", "grandchild", "other"};
constexpr std::array<std::string_view, 6> kDocumentTypes = {
    "national_id", "unified_card", "civil_id", "passport", "pds_card", "other"};
constexpr std::array<std::string_view, 6> kDisabilityDomains = {
    "seeing", "hearing", "mobility", "cognition", "self_care", "communication"};
constexpr std::array<std::string_view, 6> kDisabilityAnswers = {
    "no_difficulty",    "some_difficulty", "a_lot_of_difficulty",
    "cannot_do_at_all", "refused",         "dont_know"};

template <size_t N>
bool OneOf(const std::array<std::string_view, N>& set, std::string_view s) {
  return std::find(set.begin(), set.end(), s) != set.end();
}

template <size_t N>
std::string Choices(const std::array<std::string_view, N>& set) {
  std::string out = "must be one of ";
  for (size_t i = 0; i < N; ++i) out += (i ? ", " : "") + std::string(set[i]);
  return out;
}

size_t Utf8Chars(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

void Trim(std::string* s) {
  const auto not_space = [](unsigned char c) { return !std::isspace(c); };
  s->erase(s->begin(), std::find_if(s->begin(), s->end(), not_space));
  s->erase(std::find_if(s->rbegin(), s->rend(), not_space).base(), s->end());
}

class Checker {
 public:
  void Add(std::string field, std::string reason) {
    errors_.push_back({std::move(field), std::move(reason)});
  }
  void Text(const std::string& field, std::string* value, size_t max_chars, bool required) {
    Trim(value);
    if (value->empty()) {
      if (required) Add(field, "is required");
      return;
    }
    if (Utf8Chars(*value) > max_chars)
      Add(field, "is longer than " + std::to_string(max_chars) + " characters");
  }
  void Phone(const std::string& field, std::string* phone) {
    Trim(phone);
    if (phone->empty()) return;
    std::string rest;
    for (char ch : *phone) {
      if (ch != ' ' && ch != '-' && ch != '(' && ch != ')') rest.push_back(ch);
    }
    const bool plus = rest.starts_with('+');
    if (plus) rest.erase(0, 1);
    const std::string digits = matching::DigitsOnly(rest);
    if (matching::NormaliseText(rest) != digits || digits.size() < kMinPhoneDigits ||
        digits.size() > kMaxPhoneDigits) {
      Add(field, "must be a phone number of 7 to 15 digits, optionally starting with +");
      return;
    }
    *phone = (plus ? "+" : "") + digits;
  }
  Status Done() {
    if (errors_.empty()) return Status::Ok();
    return Status::InvalidArgument("household is invalid", std::move(errors_));
  }

 private:
  std::vector<FieldError> errors_;
};

void CheckMember(Checker& c, const std::string& p, Member* m, const ValidationContext& ctx) {
  c.Text(p + ".given_name", &m->given_name, kMaxNameChars, true);
  c.Text(p + ".father_name", &m->father_name, kMaxNameChars, false);
  c.Text(p + ".grandfather_name", &m->grandfather_name, kMaxNameChars, false);
  c.Text(p + ".family_name", &m->family_name, kMaxNameChars, false);
  c.Text(p + ".name_latin", &m->name_latin, kMaxLatinChars, false);
  if (m->sex.empty()) {
    c.Add(p + ".sex", "is required");
  } else if (m->sex != "female" && m->sex != "male") {
    c.Add(p + ".sex", "must be female or male");
  }
  if (m->relationship.empty()) {
    c.Add(p + ".relationship", "is required");
  } else if (!OneOf(kRelationships, m->relationship)) {
    c.Add(p + ".relationship", Choices(kRelationships));
  }
  Trim(&m->birth_date);
  if (!m->birth_date.empty()) {
    std::string why;
    auto d = ParsePartialDate(m->birth_date, &why);
    if (!d) {
      c.Add(p + ".birth_date", why);
    } else if (d->IsAfter(ctx.today)) {
      c.Add(p + ".birth_date", "is in the future");
    }
  }
  c.Phone(p + ".phone", &m->phone);
  if (m->documents.size() > kMaxDocuments) c.Add(p + ".documents", "has more than 20 documents");
  for (size_t i = 0; i < m->documents.size(); ++i) {
    const std::string dp = p + ".documents[" + std::to_string(i) + "]";
    Document& d = m->documents[i];
    if (!OneOf(kDocumentTypes, d.type)) c.Add(dp + ".type", Choices(kDocumentTypes));
    c.Text(dp + ".number", &d.number, kMaxDocumentChars, true);
  }
  for (const auto& [domain, answer] : m->disability) {
    const std::string dp = p + ".disability." + domain;
    if (!OneOf(kDisabilityDomains, domain)) {
      c.Add(dp, "is not a Washington Group short-set domain");
    } else if (!OneOf(kDisabilityAnswers, answer)) {
      c.Add(dp, Choices(kDisabilityAnswers));
    }
  }
}

}  // namespace

bool IsDisplacementStatus(std::string_view s) { return OneOf(kStatuses, s); }

Status ValidateHousehold(Household* h, const ValidationContext& ctx) {
  Checker c;
  if (h->displacement_status.empty()) {
    c.Add("displacement_status", "is required");
  } else if (!IsDisplacementStatus(h->displacement_status)) {
    c.Add("displacement_status", Choices(kStatuses));
  }
  Trim(&h->location_pcode);
  if (h->location_pcode.empty()) {
    c.Add("location.pcode", "is required");
  } else if (!ctx.place_exists(h->location_pcode)) {
    c.Add("location.pcode", "is not a known P-code");
  }
  c.Text("location.site", &h->location_site, kMaxSiteChars, false);
  Trim(&h->origin_pcode);
  if (!h->origin_pcode.empty() && !ctx.place_exists(h->origin_pcode)) {
    c.Add("origin.pcode", "is not a known P-code");
  }
  c.Phone("phone", &h->phone);
  if (h->members.empty()) {
    c.Add("members", "must list at least one member, the head of household");
  } else if (h->members.size() > kMaxMembers) {
    c.Add("members", "must have at most 50 members");
  }
  int heads = 0;
  for (size_t i = 0; i < h->members.size(); ++i) {
    CheckMember(c, "members[" + std::to_string(i) + "]", &h->members[i], ctx);
    heads += h->members[i].relationship == "head";
  }
  if (!h->members.empty() && heads == 0) c.Add("members", "must have a head of household");
  if (heads > 1)
    c.Add("members", "must have exactly one head of household, not " + std::to_string(heads));
  return c.Done();
}

}  // namespace sanad::registry
