// Service: one entry of the service directory — an organisation offering a type of service at
// a place — and the queries over the directory. Plain values; the rules live in
// service_validator.h and service_directory.h. Header-only: the store reads and writes it.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace sanad::referrals {

// The closed list of service types (docs/cases.md, "Services and referrals").
inline constexpr std::array<std::string_view, 12> kServiceTypes = {
    "health",    "mhpss",       "gbv_safe_space",   "legal_aid", "cash", "shelter",
    "education", "livelihoods", "child_protection", "food",      "wash", "other"};

constexpr bool IsServiceType(std::string_view type) {
  for (std::string_view t : kServiceTypes) {
    if (t == type) return true;
  }
  return false;
}

struct Service {
  int64_t id = 0;
  int64_t organisation_id = 0;
  std::string organisation_name;
  std::string type;
  std::string name;
  std::string pcode;
  std::string contact_name;
  std::string contact_phone;
  std::string contact_email;
  std::string eligibility;
  bool active = true;
  int64_t version = 0;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// A change to a service: fields present replace the stored ones.
struct ServiceEdit {
  int64_t version = 0;
  std::optional<std::string> type;
  std::optional<std::string> name;
  std::optional<std::string> pcode;
  std::optional<std::string> contact_name;
  std::optional<std::string> contact_phone;
  std::optional<std::string> contact_email;
  std::optional<std::string> eligibility;
  std::optional<bool> active;
};

// Which services a list asks for; filled by the edge, checked by the directory.
struct ServiceQuery {
  std::string type;             // one of kServiceTypes, "" = any
  std::string pcode;            // the place and every place under it
  std::string text;             // words of the name, organisation, contact or eligibility
  int64_t organisation_id = 0;  // 0 = every organisation
  std::string active = "true";  // "true", "false" or "all"
  int page = 1;
  int limit = 25;
};

struct ServicePage {
  std::vector<Service> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

}  // namespace sanad::referrals
