// Projects and expenditures on both backends: places and sectors round-trip, codes are unique
// per organisation, `spent` adds up the lines that are not voided, a line is voided once, the
// list filters by sector, status, office and place (under and over), and a project's new office
// reaches its service records except those of activities with their own office.
#include "store/project_store.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>

#include "store/expenditure_store.h"
#include "store/household_store_test_data.h"
#include "store/office_store.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using programmes::Expenditure;
using programmes::Project;

class ProjectStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<Value> p) { Exec(sql, std::move(p)); });
  }
  Project AddProject(const std::string& code, std::vector<std::string> places,
                     std::vector<std::string> sectors = {"protection", "gbv"}, int64_t office = 0) {
    Project p{.organisation_id = kOrgA,
              .code = code,
              .name = code + " name",
              .donor = "ECHO",
              .sectors = std::move(sectors),
              .status = "ongoing",
              .starts_on = "2026-01-01",
              .office_id = office,
              .places = std::move(places),
              .currency = "USD",
              .budget = 25000000,
              .created_by = kActor};
    std::string search = " " + code + " ";  // normalised: lower case
    for (char& ch : search) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    SANAD_EXPECT_OK(Write([&](Connection& c) { return InsertProject(c, &p, search, 100); }));
    return p;
  }
  int64_t Spend(int64_t project, int64_t amount, const std::string& on = "2026-02-01") {
    Expenditure e{.organisation_id = kOrgA,
                  .project_id = project,
                  .spent_on = on,
                  .amount = amount,
                  .category = "transport",
                  .created_at = 100,
                  .created_by = kActor};
    SANAD_EXPECT_OK(Write([&](Connection& c) { return InsertExpenditure(c, &e); }));
    return e.id;
  }
  int64_t AddOffice(const std::string& name) {
    programmes::Office o{.organisation_id = kOrgA, .name = name, .pcode = kMarkazErbil};
    SANAD_EXPECT_OK(Write([&](Connection& c) { return InsertOffice(c, &o, name, name, 100); }));
    return o.id;
  }
};

TEST_P(ProjectStoreTest, ProjectsRoundTripWithPlacesAndSpentAddsUpLinesNotVoided) {
  Project p = AddProject("PRJ-24-07", {kHamdaniya, kMarkazErbil});
  const int64_t fuel = Spend(p.id, 12050);
  Spend(p.id, 50000, "2026-03-01");
  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    return VoidExpenditure(c, kOrgA, fuel, 200, "entered twice");
  }));
  EXPECT_EQ(
      Write([&](Connection& c) { return VoidExpenditure(c, kOrgA, fuel, 300, "again"); }).code(),
      StatusCode::kConflict);
  // Another organisation voids nothing of ours.
  EXPECT_FALSE(
      Write([&](Connection& c) { return VoidExpenditure(c, kOrgB, fuel, 300, "x"); }).ok());
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto got, GetProject(c, kOrgA, p.id));
    EXPECT_TRUE(got.has_value());
    if (!got) return Status::Ok();
    EXPECT_EQ(got->places, (std::vector<std::string>{kMarkazErbil, kHamdaniya}));  // by P-code
    EXPECT_EQ(got->sectors, (std::vector<std::string>{"protection", "gbv"}));
    EXPECT_EQ(got->spent, 50000);
    EXPECT_TRUE(got->has_expenditures);
    EXPECT_EQ(got->office_id, 0);
    SANAD_ASSIGN_OR_RETURN(auto lines, ListExpenditures(c, kOrgA, p.id, 10, 0));
    EXPECT_EQ(lines.size(), 2u);
    if (lines.size() == 2) {
      EXPECT_EQ(lines[0].spent_on, "2026-03-01");  // newest first
      EXPECT_EQ(lines[1].voided_at, 200);
      EXPECT_EQ(lines[1].void_reason, "entered twice");
      EXPECT_EQ(lines[1].created_by_name, "zainab");
      EXPECT_EQ(lines[1].currency, "USD");
    }
    SANAD_ASSIGN_OR_RETURN(auto foreign_lines, CountExpenditures(c, kOrgB, p.id));
    EXPECT_EQ(foreign_lines, 0);
    SANAD_ASSIGN_OR_RETURN(auto foreign, GetProject(c, kOrgB, p.id));
    EXPECT_FALSE(foreign.has_value());
    return Status::Ok();
  }));
  // Places are replaced whole; a stale version changes nothing.
  p.places = {kMosul};
  SANAD_EXPECT_OK(Write([&](Connection& c) { return UpdateProject(c, &p, 1, " x ", 300); }));
  Project stale = p;
  stale.places = {kNinewa};
  EXPECT_EQ(Write([&](Connection& c) { return UpdateProject(c, &stale, 1, " x ", 400); }).code(),
            StatusCode::kConflict);
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto got, GetProject(c, kOrgA, p.id));
    EXPECT_EQ(got->places, (std::vector<std::string>{kMosul}));
    EXPECT_EQ(got->version, 2);
    SANAD_ASSIGN_OR_RETURN(auto by_code, FindProjectByCode(c, kOrgA, "PRJ-24-07"));
    EXPECT_EQ(by_code.value_or(0), p.id);
    return Status::Ok();
  }));
  Project twin = p;
  twin.id = 0;
  EXPECT_EQ(Write([&](Connection& c) { return InsertProject(c, &twin, "", 1); }).code(),
            StatusCode::kAlreadyExists);
}

TEST_P(ProjectStoreTest, ListFiltersBySectorStatusOfficeAndPlaceUnderOrOver) {
  const int64_t erbil = AddOffice("erbil");
  AddProject("GOV", {kNinewa}, {"health"});
  AddProject("DIST", {kHamdaniya}, {"protection", "gbv"}, erbil);
  AddProject("SUB", {kBartilla}, {"wash"});
  AddProject("ERBIL", {kMarkazErbil}, {"gbv"});
  auto codes = [&](ProjectFilter f) {
    f.organisation_id = kOrgA;
    std::vector<std::string> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(auto list, ListProjects(c, f));
      for (const auto& p : list) out.push_back(p.code);
      SANAD_ASSIGN_OR_RETURN(auto total, CountProjects(c, f));
      EXPECT_EQ(total, static_cast<int64_t>(out.size()));
      return Status::Ok();
    }));
    std::sort(out.begin(), out.end());
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(codes({.sector = "gbv"}), (V{"DIST", "ERBIL"}));
  EXPECT_EQ(codes({.office_id = erbil}), V{"DIST"});
  EXPECT_EQ(codes({.status = "completed"}), V{});
  EXPECT_EQ(codes({.terms = {"sub"}}), V{"SUB"});
  // Working in Al-Hamdaniya: the district itself, a subdistrict under it, the governorate over it.
  EXPECT_EQ(codes({.pcode = kHamdaniya, .pcode_above = {kNinewa}}), (V{"DIST", "GOV", "SUB"}));
  // Working in Bartilla: the projects of its district and governorate cover it too.
  EXPECT_EQ(codes({.pcode = kBartilla, .pcode_above = {kNinewa, kHamdaniya}}),
            (V{"DIST", "GOV", "SUB"}));
  EXPECT_EQ(codes({.pcode = kMarkazErbil}), V{"ERBIL"});
}

TEST_P(ProjectStoreTest, ANewOfficeReachesTheProjectsServiceRecordsButNotActivitiesOwnOffices) {
  const int64_t erbil = AddOffice("erbil");
  const int64_t duhok = AddOffice("duhok");
  Project p = AddProject("PRJ", {kHamdaniya}, {"protection"}, erbil);
  auto activity = [&](int64_t office) {
    Exec(
        "INSERT INTO activities (organisation_id, project_id, office_id, version, type, sector, "
        "title, pcode, starts_on, ends_on, status, created_at, updated_at) VALUES (?, ?, ?, 1, "
        "'awareness_session', 'protection', 't', ?, '2026-02-01', '2026-02-01', 'done', 1, 1)",
        {kOrgA, p.id, office > 0 ? Value{office} : Value{}, std::string(kMarkazHamdaniya)});
    return Count("SELECT MAX(id) FROM activities");
  };
  const int64_t own = activity(duhok);
  const int64_t inherits = activity(0);
  auto record = [&](const std::string& source, int64_t source_id, int64_t office) {
    Exec(
        "INSERT INTO service_records (organisation_id, project_id, office_id, sector, source, "
        "source_id, kind, count, pcode, served_on) VALUES (?, ?, ?, 'protection', ?, ?, 'k', 3, "
        "?, '2026-02-01')",
        {kOrgA, p.id, office, source, source_id, std::string(kMarkazHamdaniya)});
  };
  record("activity", own, duhok);
  record("activity", inherits, erbil);
  record("collection", 77, erbil);
  SANAD_EXPECT_OK(Write([&](Connection& c) { return ReassignProjectOffice(c, p.id, duhok); }));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records WHERE office_id = ?", {duhok}), 3);
  SANAD_EXPECT_OK(Write([&](Connection& c) { return ReassignProjectOffice(c, p.id, 0); }));
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records WHERE office_id IS NULL"), 2);
  EXPECT_EQ(Count("SELECT COUNT(*) FROM service_records WHERE source_id = ? AND office_id = ?",
                  {own, duhok}),
            1);
}

SANAD_STORE_TEST_BACKENDS(ProjectStoreTest);

}  // namespace
}  // namespace sanad::store
