// Household and Member: a displaced family and the people in it, as registered. Plain values;
// the rules live in household_validator.h and household_service.h. Enumerated fields hold the
// wire words (docs/api.md) and are checked by the validator.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sanad::registry {

struct Document {
  std::string type;  // national_id, unified_card, civil_id, passport, pds_card, other
  std::string number;
  bool operator==(const Document&) const = default;
};

struct Member {
  int64_t id = 0;  // 0 until stored
  std::string given_name;
  std::string father_name;
  std::string grandfather_name;
  std::string family_name;
  std::string name_latin;
  std::string sex;         // female, male
  std::string birth_date;  // "", YYYY, YYYY-MM or YYYY-MM-DD
  std::string relationship;
  std::string phone;
  std::vector<Document> documents;
  // Washington Group short set: domain (seeing, hearing, ...) → answer; absent = not asked.
  std::map<std::string, std::string> disability;
  bool operator==(const Member&) const = default;
};

struct Household {
  int64_t id = 0;
  int64_t version = 0;
  int64_t organisation_id = 0;
  std::string organisation_name;
  std::string displacement_status;
  std::string location_pcode;
  std::string location_site;
  std::string origin_pcode;  // "" when unknown
  std::string phone;
  std::vector<Member> members;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

// What a household list or search asks for; filled by the edge, checked by the service.
struct HouseholdQuery {
  std::string text;    // names in any script, phone or document number
  std::string pcode;   // the place and everything under it
  std::string status;  // a displacement status
  int page = 1;
  int limit = 25;
};

struct HouseholdPage {
  std::vector<Household> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

}  // namespace sanad::registry
