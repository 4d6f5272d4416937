// PublicApiTest: the base of the public page's API tests. It writes offices, projects,
// expenditures, staff, activities and service records straight into the test server's database
// (as the programmes stores and the modules that serve people would), so the tests are about what
// the public sees rather than how programmes are recorded, and reads the public answers as a
// client that never logged in. Not thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/service_record_store.h"
#include "tests/api/api_test.h"

namespace sanad::api_test {

class PublicApiTest : public ApiTest {
 protected:
  struct OfficeSpec {
    std::string name;
    std::string pcode;
    bool is_public = true;
    bool active = true;
    std::optional<double> lat;
    std::optional<double> lon;
  };
  struct ProjectSpec {
    std::string code;
    int64_t office_id = 0;  // 0 = none
    std::string status = "ongoing";
    std::string starts_on = "2026-01-01";
    std::string ends_on;
    std::string currency = "USD";
    int64_t budget = 0;  // minor units
    bool is_public = true;
  };
  struct ActivitySpec {
    int64_t project_id = 0;
    int64_t office_id = 0;
    std::string type;
    std::string sector;
    std::string pcode;
    std::string starts_on;
    std::string status = "done";
  };

  void SetUp() override;

  // A new organisation (no users), by SQL.
  int64_t AddOrganisation(const std::string& name);
  // The organisation of a fixture user.
  int64_t OrganisationOf(const std::string& username);
  int64_t AddOffice(int64_t organisation_id, const OfficeSpec& o);
  int64_t AddProject(int64_t organisation_id, const ProjectSpec& p);
  void AddExpenditure(int64_t organisation_id, int64_t project_id, const std::string& spent_on,
                      int64_t amount, bool voided = false);
  void AddStaff(int64_t organisation_id, int64_t office_id, const std::string& kind,
                const std::string& name, const std::string& phone, bool active = true);
  int64_t AddActivity(int64_t organisation_id, const ActivitySpec& a);
  // Service records of registered people and of counted people, by the store's own functions.
  void Served(const store::ServiceRecordBase& base, const std::vector<int64_t>& person_ids);
  void Counted(const store::ServiceRecordBase& base, const std::string& sex,
               const std::string& age_group, const std::string& population_group, int64_t n);

  static std::string FiguresPath(int64_t organisation_id, const std::string& query = "") {
    return "/api/v1/public/organisations/" + std::to_string(organisation_id) + "/figures" + query;
  }
  static std::string MissionsPath(int64_t organisation_id) {
    return "/api/v1/public/organisations/" + std::to_string(organisation_id) + "/missions";
  }

  // GET `path` as a client that never logged in: expects 200 and no cookie set.
  Json PublicGet(const std::string& path);

  store::Database& db() { return *db_; }

 private:
  int64_t InsertReturningId(const std::string& sql, const std::vector<store::Value>& params);

  std::unique_ptr<store::Database> db_;
};

}  // namespace sanad::api_test
