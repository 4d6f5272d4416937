// Offices and the staff roster on both backends: round trips, names unique per organisation,
// stale or foreign updates change nothing, counts of active staff and volunteers on the office,
// and the roster's filters.
#include "store/office_store.h"

#include <gtest/gtest.h>

#include <cctype>

#include "store/household_store_test_data.h"
#include "store/staff_store.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using programmes::Office;
using programmes::StaffMember;

// Search texts hold normalised (lower-case) words.
std::string Lower(std::string s) {
  for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

class OfficeStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<Value> p) { Exec(sql, std::move(p)); });
  }
  Office AddOffice(const std::string& name, int64_t org = kOrgA) {
    Office o{.organisation_id = org, .name = name, .pcode = kMarkazErbil};
    SANAD_EXPECT_OK(Write([&](Connection& c) { return InsertOffice(c, &o, name, name, 100); }));
    return o;
  }
  StaffMember AddStaff(int64_t office, const std::string& name, const std::string& kind,
                       bool active = true, bool deployable = false) {
    StaffMember s{.organisation_id = kOrgA,
                  .office_id = office,
                  .kind = kind,
                  .name = name,
                  .languages = {"ar", "ckb"},
                  .deployable = deployable,
                  .active = active};
    SANAD_EXPECT_OK(Write(
        [&](Connection& c) { return InsertStaffMember(c, &s, " " + Lower(name) + " ", 100); }));
    return s;
  }
};

TEST_P(OfficeStoreTest, OfficesRoundTripAndStaleOrForeignUpdatesChangeNothing) {
  Office erbil = AddOffice("erbil office");
  erbil.lat = 36.19;
  erbil.lon = 44.01;
  AddOffice("erbil office", kOrgB);  // another organisation may use the same name
  SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
    SANAD_RETURN_IF_ERROR(UpdateOffice(c, &erbil, 1, "erbil office", "erbil office", 200));
    EXPECT_EQ(erbil.version, 2);
    SANAD_ASSIGN_OR_RETURN(auto got, GetOffice(c, kOrgA, erbil.id));
    EXPECT_TRUE(got.has_value());
    if (got) {
      EXPECT_DOUBLE_EQ(got->lat.value_or(0), 36.19);
      EXPECT_DOUBLE_EQ(got->lon.value_or(0), 44.01);
      EXPECT_EQ(got->pcode, kMarkazErbil);
      EXPECT_TRUE(got->is_public);
    }
    SANAD_ASSIGN_OR_RETURN(auto foreign, GetOffice(c, kOrgB, erbil.id));
    EXPECT_FALSE(foreign.has_value());
    Office stale = erbil;
    stale.name = "Stale";
    EXPECT_EQ(UpdateOffice(c, &stale, 1, "stale", "stale", 300).code(), StatusCode::kConflict);
    Office other = erbil;
    other.organisation_id = kOrgB;
    EXPECT_EQ(UpdateOffice(c, &other, 2, "x", "x", 300).code(), StatusCode::kNotFound);
    SANAD_ASSIGN_OR_RETURN(auto by_key, FindOfficeByNameKey(c, kOrgA, "erbil office"));
    EXPECT_EQ(by_key.value_or(0), erbil.id);
    return Status::Ok();
  }));
  Office twin{.organisation_id = kOrgA, .name = "Erbil Office", .pcode = kMarkazErbil};
  EXPECT_EQ(Write([&](Connection& c) {
              return InsertOffice(c, &twin, "erbil office", "erbil office", 1);
            }).code(),
            StatusCode::kAlreadyExists);
  // Back to the place's point: both coordinates cleared.
  erbil.lat.reset();
  erbil.lon.reset();
  SANAD_EXPECT_OK(Write([&](Connection& c) {
    return UpdateOffice(c, &erbil, 2, "erbil office", "erbil office", 400);
  }));
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto got, GetOffice(c, kOrgA, erbil.id));
    EXPECT_FALSE(got->lat.has_value());
    return Status::Ok();
  }));
}

TEST_P(OfficeStoreTest, OfficesCountTheirActiveStaffAndVolunteersAndTheRosterFilters) {
  const Office erbil = AddOffice("erbil office");
  const Office duhok = AddOffice("duhok office");
  AddStaff(erbil.id, "Rana Yousif", "staff", true, true);
  AddStaff(erbil.id, "Sami Toma", "staff");
  AddStaff(erbil.id, "Hana Elias", "volunteer");
  AddStaff(erbil.id, "Left Already", "volunteer", false);
  StaffMember mover = AddStaff(duhok.id, "Nadia Petros", "volunteer", true, true);
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto offices, ListOffices(c, {.organisation_id = kOrgA}));
    EXPECT_EQ(offices.size(), 2u);
    for (const auto& o : offices) {
      if (o.id == erbil.id) {
        EXPECT_EQ(o.staff, 2);
        EXPECT_EQ(o.volunteers, 1);  // the inactive one is not counted
      } else {
        EXPECT_EQ(o.staff, 0);
        EXPECT_EQ(o.volunteers, 1);
      }
    }
    SANAD_ASSIGN_OR_RETURN(auto named,
                           CountOffices(c, {.organisation_id = kOrgA, .terms = {"duhok"}}));
    EXPECT_EQ(named, 1);
    SANAD_ASSIGN_OR_RETURN(auto none, CountOffices(c, {.organisation_id = kOrgB}));
    EXPECT_EQ(none, 0);
    SANAD_ASSIGN_OR_RETURN(
        auto volunteers,
        CountStaffMembers(c, {.organisation_id = kOrgA, .kind = "volunteer", .active = true}));
    EXPECT_EQ(volunteers, 2);
    SANAD_ASSIGN_OR_RETURN(auto ready,
                           ListStaffMembers(c, {.organisation_id = kOrgA, .deployable = true}));
    EXPECT_EQ(ready.size(), 2u);
    SANAD_ASSIGN_OR_RETURN(auto in_erbil,
                           CountStaffMembers(c, {.organisation_id = kOrgA, .office_id = erbil.id}));
    EXPECT_EQ(in_erbil, 4);
    SANAD_ASSIGN_OR_RETURN(auto found,
                           ListStaffMembers(c, {.organisation_id = kOrgA, .terms = {"petros"}}));
    EXPECT_EQ(found.size(), 1u);
    if (!found.empty()) {
      EXPECT_EQ(found[0].office_name, "duhok office");
      EXPECT_EQ(found[0].languages, (std::vector<std::string>{"ar", "ckb"}));
    }
    SANAD_ASSIGN_OR_RETURN(auto foreign, GetStaffMember(c, kOrgB, mover.id));
    EXPECT_FALSE(foreign.has_value());
    return Status::Ok();
  }));
  // Moving a volunteer to another office moves the count with them.
  mover.office_id = erbil.id;
  SANAD_EXPECT_OK(
      Write([&](Connection& c) { return UpdateStaffMember(c, &mover, 1, " x ", 200); }));
  EXPECT_EQ(
      Write([&](Connection& c) { return UpdateStaffMember(c, &mover, 1, " x ", 300); }).code(),
      StatusCode::kConflict);
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(auto got, GetOffice(c, kOrgA, erbil.id));
    EXPECT_EQ(got->volunteers, 2);
    return Status::Ok();
  }));
}

SANAD_STORE_TEST_BACKENDS(OfficeStoreTest);

}  // namespace
}  // namespace sanad::store
