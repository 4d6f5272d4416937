#include "tests/support/household_fixtures.h"

namespace sanad::testing_support {

using Json = nlohmann::json;

namespace {

Json NoDifficulty() {
  return {{"seeing", "no_difficulty"},    {"hearing", "no_difficulty"},
          {"mobility", "no_difficulty"},  {"cognition", "no_difficulty"},
          {"self_care", "no_difficulty"}, {"communication", "no_difficulty"}};
}

}  // namespace

Json LatinJubouri() {
  Json head = {{"given_name", "Mohamad"},
               {"father_name", "Abdul-Rahman"},
               {"grandfather_name", "Husayn"},
               {"family_name", "Al-Jubouri"},
               {"sex", "male"},
               {"birth_date", "1984-07-15"},
               {"relationship", "head"},
               {"documents", {{{"type", "national_id"}, {"number", "199012345678"}}}}};
  return {{"displacement_status", "idp_out_of_camp"},
          {"location", {{"pcode", kMarkazHamdaniya}}},
          {"members", {head}}};
}

Json JubouriHousehold() {
  Json head = {{"given_name", "محمد"},
               {"father_name", "عبد الرحمن"},
               {"grandfather_name", "حسين"},
               {"family_name", "الجبوري"},
               {"name_latin", "Mohammed Abdulrahman Hussein Al-Jubouri"},
               {"sex", "male"},
               {"birth_date", "1984"},
               {"relationship", "head"},
               {"phone", ""},
               {"documents", {{{"type", "national_id"}, {"number", "199012345678"}}}},
               {"disability", NoDifficulty()}};
  head["disability"]["mobility"] = "some_difficulty";
  Json wife = {{"given_name", "فاطمة"},
               {"father_name", "علي"},
               {"grandfather_name", "جاسم"},
               {"family_name", "الطائي"},
               {"name_latin", "Fatima Ali Jasim Al-Taie"},
               {"sex", "female"},
               {"birth_date", "1988-03"},
               {"relationship", "spouse"},
               {"documents", {{{"type", "pds_card"}, {"number", "PDS-4471"}}}}};
  Json son = {{"given_name", "أحمد"},
              {"father_name", "محمد"},
              {"grandfather_name", "عبد الرحمن"},
              {"family_name", "الجبوري"},
              {"name_latin", "Ahmed Mohammed Al-Jubouri"},
              {"sex", "male"},
              {"birth_date", "2015-06-21"},
              {"relationship", "child"}};
  return {{"displacement_status", "idp_in_camp"},
          {"location", {{"pcode", kMarkazHamdaniya}, {"site", "Qaraqosh, Al-Sa'a quarter"}}},
          {"origin", {{"pcode", kMosul}}},
          {"phone", "+9647501234567"},
          {"members", {head, wife, son}}};
}

Json ObaidiHousehold() {
  Json head = {{"given_name", "خالد"},
               {"father_name", "إبراهيم"},
               {"family_name", "العبيدي"},
               {"name_latin", "Khalid Ibrahim Al-Obaidi"},
               {"sex", "male"},
               {"birth_date", "1979-11-02"},
               {"relationship", "head"},
               {"documents", {{{"type", "unified_card"}, {"number", "UC 8812 0034"}}}}};
  Json daughter = {{"given_name", "زينب"},     {"father_name", "خالد"},
                   {"family_name", "العبيدي"}, {"name_latin", "Zainab Khalid Al-Obaidi"},
                   {"sex", "female"},          {"birth_date", "2009"},
                   {"relationship", "child"}};
  return {{"displacement_status", "returnee"},
          {"location", {{"pcode", kMarkazErbil}, {"site", "Ankawa"}}},
          {"origin", nullptr},
          {"phone", "0770 111 2233"},
          {"members", {head, daughter}}};
}

Json OneMemberHousehold(const std::string& name_latin, const std::string& pcode,
                        const std::string& status) {
  Json head = {{"given_name", "مريم"},     {"father_name", "يوسف"}, {"family_name", "الحمداني"},
               {"name_latin", name_latin}, {"sex", "female"},       {"birth_date", "1990-01-15"},
               {"relationship", "head"}};
  return {{"displacement_status", status}, {"location", {{"pcode", pcode}}}, {"members", {head}}};
}

}  // namespace sanad::testing_support
