#include "referrals/service_validator.h"

#include "base/utf8.h"
#include "matching/normalise.h"

namespace sanad::referrals {
namespace {

constexpr size_t kMinPhoneDigits = 7;
constexpr size_t kMaxPhoneDigits = 15;

void Trim(std::string* s) {
  const auto first = s->find_first_not_of(" \t\r\n");
  if (first == std::string::npos) {
    s->clear();
    return;
  }
  s->erase(0, first);
  s->erase(s->find_last_not_of(" \t\r\n") + 1);
}

void CheckText(const char* field, std::string* value, size_t max_chars, bool required,
               std::vector<FieldError>* bad) {
  Trim(value);
  if (required && value->empty()) {
    bad->push_back({field, "is required"});
  } else if (Utf8Chars(*value) > max_chars) {
    bad->push_back({field, "is longer than " + std::to_string(max_chars) + " characters"});
  }
}

// The household validator's phone rule (registry/household_validator.cc), so a phone typed in
// the directory and in the registry is accepted and stored the same way.
void CheckPhone(std::string* phone, std::vector<FieldError>* bad) {
  Trim(phone);
  if (phone->empty()) return;
  std::string rest;
  for (const char ch : *phone) {
    if (ch != ' ' && ch != '-' && ch != '(' && ch != ')') rest.push_back(ch);
  }
  const bool plus = rest.starts_with('+');
  if (plus) rest.erase(0, 1);
  const std::string digits = matching::DigitsOnly(rest);
  if (matching::NormaliseText(rest) != digits || digits.size() < kMinPhoneDigits ||
      digits.size() > kMaxPhoneDigits) {
    bad->push_back(
        {"contact_phone", "must be a phone number of 7 to 15 digits, optionally starting with +"});
    return;
  }
  *phone = (plus ? "+" : "") + digits;
}

}  // namespace

std::string ServiceTypeChoices() {
  std::string out = "must be one of ";
  for (size_t i = 0; i < kServiceTypes.size(); ++i) {
    out += (i == 0 ? "" : ", ") + std::string(kServiceTypes[i]);
  }
  return out;
}

bool LooksLikeEmail(std::string_view text) {
  const size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  for (const char ch : text) {
    if (static_cast<unsigned char>(ch) <= ' ' || ch == ',' || ch == ';') return false;
  }
  const std::string_view domain = text.substr(at + 1);
  const size_t dot = domain.rfind('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size() &&
         !domain.starts_with('.') && domain.find("..") == std::string_view::npos;
}

void CheckService(const registry::PlaceDirectory& places, Service* s,
                  std::vector<FieldError>* bad) {
  Trim(&s->type);
  if (s->type.empty()) {
    bad->push_back({"type", "is required"});
  } else if (!IsServiceType(s->type)) {
    bad->push_back({"type", ServiceTypeChoices()});
  }
  CheckText("name", &s->name, kMaxServiceNameChars, true, bad);
  Trim(&s->pcode);
  if (s->pcode.empty()) {
    bad->push_back({"pcode", "is required"});
  } else if (!places.Exists(s->pcode)) {
    bad->push_back({"pcode", "is not a known P-code"});
  }
  CheckText("contact_name", &s->contact_name, kMaxContactChars, false, bad);
  CheckPhone(&s->contact_phone, bad);
  Trim(&s->contact_email);
  if (s->contact_email.size() > kMaxEmailChars) {
    bad->push_back(
        {"contact_email", "is longer than " + std::to_string(kMaxEmailChars) + " characters"});
  } else if (!s->contact_email.empty() && !LooksLikeEmail(s->contact_email)) {
    bad->push_back({"contact_email", "must be an email address such as name@example.org"});
  }
  CheckText("eligibility", &s->eligibility, kMaxEligibilityChars, false, bad);
}

}  // namespace sanad::referrals
