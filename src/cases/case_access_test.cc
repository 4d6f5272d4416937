// Who may see and assign a case (docs/cases.md, "Modules and who sees what"), over roles ×
// modules held × same or other organisation × owner, assigned or neither.
#include "cases/case_access.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sanad::cases {
namespace {

using access::CaseModule;
using access::CaseModuleSet;
using access::Role;

constexpr int64_t kOrg = 1;
constexpr int64_t kOtherOrg = 2;
constexpr int64_t kOwner = 10;
constexpr int64_t kAssigned = 11;
constexpr int64_t kNeither = 12;

constexpr Role kAllRoles[] = {Role::kAdmin,        Role::kSupervisor, Role::kCaseworker,
                              Role::kRegistration, Role::kMeOfficer,  Role::kViewer};

CaseModuleSet Modules(std::initializer_list<CaseModule> ms) {
  CaseModuleSet s;
  for (CaseModule m : ms) s.Add(m);
  return s;
}

// A GBV case of kOrg owned by kOwner with kAssigned assigned.
Case GbvCase() {
  Case c;
  c.id = 17;
  c.organisation_id = kOrg;
  c.module = CaseModule::kGbv;
  c.owner = {.id = kOwner, .username = "amal.gbv"};
  c.assigned = {{.id = 20, .username = "noor.gbv"}, {.id = kAssigned, .username = "zina.gbv"}};
  return c;
}

access::Actor ActorOf(int64_t user_id, Role role, CaseModuleSet modules, int64_t org = kOrg) {
  return {.user_id = user_id,
          .username = "u" + std::to_string(user_id),
          .organisation_id = org,
          .role = role,
          .modules = modules};
}

const char* HeldName(int i) {
  static const char* const kNames[] = {"no modules", "gbv", "child_protection",
                                       "gbv and child_protection"};
  return kNames[i];
}
const CaseModuleSet kHeld[] = {Modules({}), Modules({CaseModule::kGbv}),
                               Modules({CaseModule::kChildProtection}),
                               Modules({CaseModule::kGbv, CaseModule::kChildProtection})};

// Per relation to the case: owner, assigned, neither.
struct AccessRow {
  Role role;
  int held;  // index into kHeld
  bool sees[3];
  bool assigns[3];
};

// The GBV case of the actor's own organisation. Only caseworkers and supervisors holding the
// case's module see it; a caseworker only as owner or assignee; the owner and supervisors assign.
const AccessRow kSameOrganisation[] = {
    {Role::kCaseworker, 0, {false, false, false}, {false, false, false}},
    {Role::kCaseworker, 1, {true, true, false}, {true, false, false}},
    {Role::kCaseworker, 2, {false, false, false}, {false, false, false}},
    {Role::kCaseworker, 3, {true, true, false}, {true, false, false}},
    {Role::kSupervisor, 0, {false, false, false}, {false, false, false}},
    {Role::kSupervisor, 1, {true, true, true}, {true, true, true}},
    {Role::kSupervisor, 2, {false, false, false}, {false, false, false}},
    {Role::kSupervisor, 3, {true, true, true}, {true, true, true}},
    {Role::kAdmin, 0, {false, false, false}, {false, false, false}},
    {Role::kAdmin, 1, {false, false, false}, {false, false, false}},
    {Role::kAdmin, 3, {false, false, false}, {false, false, false}},
    {Role::kRegistration, 1, {false, false, false}, {false, false, false}},
    {Role::kRegistration, 3, {false, false, false}, {false, false, false}},
    {Role::kMeOfficer, 1, {false, false, false}, {false, false, false}},
    {Role::kMeOfficer, 3, {false, false, false}, {false, false, false}},
    {Role::kViewer, 1, {false, false, false}, {false, false, false}},
    {Role::kViewer, 3, {false, false, false}, {false, false, false}},
};

constexpr int64_t kRelations[] = {kOwner, kAssigned, kNeither};
constexpr const char* kRelationNames[] = {"owner", "assigned", "neither"};

TEST(CaseAccessTest, WhoSeesAndAssignsACaseOfTheirOrganisation) {
  const Case c = GbvCase();
  for (const AccessRow& r : kSameOrganisation) {
    for (int rel = 0; rel < 3; ++rel) {
      SCOPED_TRACE(std::string(access::RoleName(r.role)) + " with " + HeldName(r.held) + ", " +
                   kRelationNames[rel]);
      const access::Actor a = ActorOf(kRelations[rel], r.role, kHeld[r.held]);
      EXPECT_EQ(MaySee(a, c), r.sees[rel]);
      EXPECT_EQ(MayAssign(a, c), r.assigns[rel]);
    }
  }
}

TEST(CaseAccessTest, NobodySeesACaseOfAnotherOrganisation) {
  const Case c = GbvCase();
  for (Role role : kAllRoles) {
    for (int held = 0; held < 4; ++held) {
      for (int rel = 0; rel < 3; ++rel) {
        SCOPED_TRACE(std::string(access::RoleName(role)) + " with " + HeldName(held) + ", " +
                     kRelationNames[rel]);
        const access::Actor a = ActorOf(kRelations[rel], role, kHeld[held], kOtherOrg);
        EXPECT_FALSE(MaySee(a, c));
        EXPECT_FALSE(MayAssign(a, c));
      }
    }
  }
}

TEST(CaseAccessTest, EachModulesCasesAreSeenOnlyByThoseHoldingIt) {
  // Every module's case against a supervisor and an owning caseworker holding one module.
  for (const auto& cm : access::kCaseModules) {
    Case c = GbvCase();
    c.module = cm.module;
    for (const auto& held : access::kCaseModules) {
      SCOPED_TRACE(std::string(cm.name) + " case, user holding " + std::string(held.name));
      const bool same = cm.module == held.module;
      const CaseModuleSet modules = Modules({held.module});
      EXPECT_EQ(MaySee(ActorOf(kNeither, Role::kSupervisor, modules), c), same);
      EXPECT_EQ(MaySee(ActorOf(kOwner, Role::kCaseworker, modules), c), same);
      EXPECT_EQ(MayAssign(ActorOf(kOwner, Role::kCaseworker, modules), c), same);
    }
  }
}

TEST(CaseAccessTest, ACaseWithoutAssigneesIsSeenByItsOwnerAlone) {
  Case c = GbvCase();
  c.assigned.clear();
  const CaseModuleSet gbv = Modules({CaseModule::kGbv});
  EXPECT_TRUE(MaySee(ActorOf(kOwner, Role::kCaseworker, gbv), c));
  EXPECT_FALSE(MaySee(ActorOf(kAssigned, Role::kCaseworker, gbv), c));
  EXPECT_TRUE(MaySee(ActorOf(kAssigned, Role::kSupervisor, gbv), c));
}

TEST(CaseAccessTest, OnlySupervisorsOfAModuleSuperviseIt) {
  const CaseModuleSet gbv = Modules({CaseModule::kGbv});
  for (Role role : kAllRoles) {
    SCOPED_TRACE(access::RoleName(role));
    const access::Actor a = ActorOf(kNeither, role, gbv);
    EXPECT_EQ(Supervises(a, CaseModule::kGbv), role == Role::kSupervisor);
    EXPECT_FALSE(Supervises(a, CaseModule::kChildProtection));
  }
  const access::Actor both =
      ActorOf(kNeither, Role::kSupervisor, Modules({CaseModule::kLegal, CaseModule::kHlp}));
  for (const auto& m : access::kCaseModules) {
    EXPECT_EQ(Supervises(both, m.module),
              m.module == CaseModule::kLegal || m.module == CaseModule::kHlp)
        << m.name;
  }
  EXPECT_FALSE(Supervises(ActorOf(kNeither, Role::kSupervisor, Modules({})), CaseModule::kGbv));
}

TEST(CaseAccessTest, CaseworkersAndSupervisorsWithModulesWorkOnCases) {
  for (Role role : kAllRoles) {
    for (int held = 0; held < 4; ++held) {
      SCOPED_TRACE(std::string(access::RoleName(role)) + " with " + HeldName(held));
      const bool expected = (role == Role::kCaseworker || role == Role::kSupervisor) && held != 0;
      EXPECT_EQ(WorksOnCases(ActorOf(kNeither, role, kHeld[held])), expected);
    }
  }
}

}  // namespace
}  // namespace sanad::cases
