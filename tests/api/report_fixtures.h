// ReportApiTest: the base of the indicator and report API tests. It records, through the API as
// the field would, a scenario whose people reached are known by construction — a family served
// at a distribution with a second registration of its father (merged by deduplication), two
// activities of a project and two outside it with registered and counted attendees, a case, an
// expenditure — and states the truth the reports must find. Not thread-safe.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "tests/api/distribution_fixtures.h"

namespace sanad::api_test {

inline constexpr char kReportOfficer[] = "dilan.me";  // me_officer, kOrganisation

// A unique person or a group of counted people of the scenario, as reports must count them.
struct Reached {
  std::string sex;
  std::string age_group;
  std::string population_group;
  int64_t people = 1;
};

class ReportApiTest : public DistributionApiTest {
 protected:
  // Everything recorded, all on `today` (collections are recorded today whatever their round's
  // dates, so every record is), in the project's year.
  struct Scenario {
    std::string today;  // YYYY-MM-DD
    int year = 0;
    int64_t project_id = 0;
    int64_t father = 0, mother = 0, son = 0, twin = 0, khalid = 0, zainab = 0, maryam = 0;
    int64_t awareness = 0, training = 0, pfa = 0, event = 0;  // activities
    int64_t round_id = 0;
  };

  // A client logged in as the M&E officer (created on first use).
  HttpClient Officer();
  // Records the scenario (the officer creates the project and activities, the clerk registers
  // and collects, the admin merges, a child protection worker opens a case).
  Scenario Build();

  // The age group of someone born in `birth_year` at the end of `year`.
  static std::string AgeGroup(int birth_year, int year);
  // Who the whole organisation reached in the scenario, and who the project did.
  static std::vector<Reached> OrganisationTruth(int year);
  static std::vector<Reached> ProjectTruth(int year);
  // People by "sex/age_group/population_group", from a truth or from a disaggregation
  // (JSON [{sex, age_group, population_group, value|people}]).
  static std::map<std::string, int64_t> Cells(const std::vector<Reached>& truth);
  static std::map<std::string, int64_t> Cells(const Json& disaggregation);
  // The records of a CSV body (UTF-8 byte order mark dropped).
  static std::vector<std::vector<std::string>> ParseCsv(const std::string& body);

 private:
  bool officer_added_ = false;
};

}  // namespace sanad::api_test
