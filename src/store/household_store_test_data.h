// Data for the household store tests (only *_test.cc include it): two organisations, an
// actor, a slice of Iraq's P-codes, and two families with Arabic names.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "registry/household.h"
#include "store/database.h"

namespace sanad::store {

inline constexpr int64_t kOrgA = 1;
inline constexpr int64_t kOrgB = 2;
inline constexpr int64_t kActor = 5;
inline constexpr char kNinewa[] = "IQG15";
inline constexpr char kHamdaniya[] = "IQG15Q03";
inline constexpr char kBartilla[] = "IQG15Q03N02";
inline constexpr char kMarkazHamdaniya[] = "IQG15Q03N03";
inline constexpr char kMosul[] = "IQG15Q05";
inline constexpr char kMarkazErbil[] = "IQG11Q02N02";
inline constexpr char kDuhok[] = "IQG16";  // the least P-code above everything under IQG15

// Runs each seed statement through `exec`.
inline void SeedOrganisationsAndPlaces(
    const std::function<void(const std::string&, std::vector<Value>)>& exec) {
  const std::string org =
      "INSERT INTO organisations (id, name, name_key, created_at) VALUES (?, ?, ?, 0)";
  exec(org, {kOrgA, std::string("منظمة الأمل"), std::string("a")});
  exec(org, {kOrgB, std::string("Other NGO"), std::string("b")});
  exec(
      "INSERT INTO users (id, organisation_id, username, password_hash, role, created_at) "
      "VALUES (?, ?, 'zainab', 'h', 'admin', 0)",
      {kActor, kOrgA});
  for (const char* p :
       {kNinewa, kHamdaniya, kBartilla, kMarkazHamdaniya, kMosul, kMarkazErbil, kDuhok}) {
    exec("INSERT INTO places (pcode, level, name_en, name_ar) VALUES (?, 1, 'n', 'ن')",
         {std::string(p)});
  }
}

inline registry::Household JubouriFamily() {
  using registry::Member;
  registry::Household h;
  h.organisation_id = kOrgA;
  h.displacement_status = "idp_in_camp";
  h.location_pcode = kMarkazHamdaniya;
  h.location_site = "Qaraqosh, Al-Sa'a quarter";
  h.origin_pcode = kMosul;
  h.phone = "+9647501234567";
  h.members = {
      Member{.given_name = "محمد",
             .father_name = "عبد الرحمن",
             .grandfather_name = "حسين",
             .family_name = "الجبوري",
             .name_latin = "Mohammed Abdulrahman Al-Jubouri",
             .sex = "male",
             .birth_date = "1985-03-14",
             .relationship = "head",
             .phone = "+9647501234567",
             .documents = {{"national_id", "199012345678"}, {"pds_card", "PDS-77"}},
             .disability = {{"seeing", "no_difficulty"}, {"walking", "some_difficulty"}}},
      Member{.given_name = "فاطمة",
             .father_name = "علي",
             .family_name = "الجبوري",
             .sex = "female",
             .birth_date = "1990",
             .relationship = "spouse"},
      Member{.given_name = "أحمد",
             .father_name = "محمد",
             .family_name = "الجبوري",
             .sex = "male",
             .birth_date = "2015-06",
             .relationship = "son"},
  };
  return h;
}

inline registry::Household ObaidiFamily() {
  registry::Household h;
  h.organisation_id = kOrgA;
  h.displacement_status = "returnee";
  h.location_pcode = kMarkazErbil;
  h.phone = "07701112233";
  h.members = {registry::Member{.given_name = "خالد",
                                .father_name = "إبراهيم",
                                .family_name = "العبيدي",
                                .sex = "male",
                                .relationship = "head"}};
  return h;
}

}  // namespace sanad::store
