// Data and a fixture for the case store tests (only *_test.cc include it): the users of two
// organisations with their roles and modules, and helpers that open, read and list cases.
// Content is opaque to the store, so the tests store any text.
#pragma once

#include <string>
#include <vector>

#include "store/case_store.h"
#include "store/household_store_test_data.h"
#include "store/store_test_support.h"

namespace sanad::store {

inline constexpr int64_t kAmal = 6;    // caseworker, gbv
inline constexpr int64_t kZina = 7;    // caseworker, gbv
inline constexpr int64_t kSara = 8;    // supervisor, gbv and mhpss
inline constexpr int64_t kHadi = 9;    // caseworker, child_protection
inline constexpr int64_t kLayla = 10;  // supervisor, child_protection
inline constexpr int64_t kOmar = 11;   // caseworker, gbv, disabled
inline constexpr int64_t kRana = 12;   // registration, holding gbv (a role without cases)
inline constexpr int64_t kMaha = 13;   // caseworker, gbv, mhpss and legal
inline constexpr int64_t kSami = 14;   // caseworker, gbv, of the other organisation
inline constexpr int64_t kNadia = 15;  // supervisor, gbv, of the other organisation

inline constexpr int64_t kDay = 24 * 3600;
inline constexpr int64_t kNow = 1'793'000'000;
inline constexpr char kToday[] = "2026-10-25";
inline constexpr char kYesterday[] = "2026-10-24";
inline constexpr char kTomorrow[] = "2026-10-26";

struct CaseTestUser {
  int64_t id;
  int64_t organisation_id;
  const char* username;
  const char* role;
  std::vector<std::string> modules;
  bool disabled = false;
};

inline const std::vector<CaseTestUser>& CaseTestUsers() {
  static const std::vector<CaseTestUser> kUsers = {
      {kAmal, kOrgA, "amal.gbv", "caseworker", {"gbv"}},
      {kZina, kOrgA, "zina.gbv", "caseworker", {"gbv"}},
      {kSara, kOrgA, "sara.lead", "supervisor", {"gbv", "mhpss"}},
      {kHadi, kOrgA, "hadi.cp", "caseworker", {"child_protection"}},
      {kLayla, kOrgA, "layla.cp", "supervisor", {"child_protection"}},
      {kOmar, kOrgA, "omar.gbv", "caseworker", {"gbv"}, true},
      {kRana, kOrgA, "rana.reg", "registration", {"gbv"}},
      {kMaha, kOrgA, "maha.multi", "caseworker", {"gbv", "mhpss", "legal"}},
      {kSami, kOrgB, "sami.gbv", "caseworker", {"gbv"}},
      {kNadia, kOrgB, "nadia.lead", "supervisor", {"gbv"}},
  };
  return kUsers;
}

// The scope cases/case_lists.cc gives a user: their modules, supervised when a supervisor.
inline CaseScope ScopeOf(int64_t user_id) {
  for (const CaseTestUser& u : CaseTestUsers()) {
    if (u.id != user_id) continue;
    CaseScope s{.organisation_id = u.organisation_id, .user_id = u.id, .modules = u.modules};
    if (std::string(u.role) == "supervisor") s.supervised_modules = u.modules;
    return s;
  }
  return {};
}

// A case to insert: plain columns only.
struct NewCase {
  int64_t organisation_id = kOrgA;
  std::string module = "gbv";
  int64_t owner = kAmal;
  cases::Risk risk = cases::Risk::kMedium;
  cases::CaseStatus status = cases::CaseStatus::kOpen;
  int64_t opened_at = kNow;
  int64_t status_at = 0;  // 0: opened_at
  std::string next_follow_up;
  std::string search_text;
};

class CaseStoreTestBase : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<Value> p) { Exec(sql, std::move(p)); });
    for (const CaseTestUser& u : CaseTestUsers()) {
      std::string modules;
      for (const auto& m : u.modules) modules += "," + m;
      Exec(
          "INSERT INTO users (id, organisation_id, username, password_hash, role, disabled, "
          "modules, created_at) VALUES (?, ?, ?, 'h', ?, ?, ?, 0)",
          {u.id, u.organisation_id, std::string(u.username), std::string(u.role),
           int64_t{u.disabled}, modules.empty() ? modules : modules + ","});
    }
  }

  int64_t Open(const NewCase& n) {
    cases::Case k;
    k.organisation_id = n.organisation_id;
    k.module = access::ParseCaseModule(n.module).value();
    k.status = n.status;
    k.risk = n.risk;
    k.owner.id = n.owner;
    k.step_at[0] = n.opened_at;
    k.status_at = n.status_at != 0 ? n.status_at : n.opened_at;
    k.next_follow_up = n.next_follow_up;
    int64_t id = 0;
    SANAD_EXPECT_OK(Write([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(
          id, InsertCase(c, k, {.actor_id = n.owner, .now = kNow, .search_text = n.search_text}));
      return SetCaseContent(c, id, "sealed content of " + std::to_string(id));
    }));
    return id;
  }

  StoredCase Get(int64_t id, int64_t organisation_id = kOrgA) {
    StoredCase out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(out, GetCase(c, organisation_id, id));
      return Status::Ok();
    }));
    return out;
  }

  Status Assign(int64_t case_id, int64_t user_id) {
    return Write(
        [&](Connection& c) { return AddCaseAssignment(c, case_id, user_id, kSara, kNow); });
  }

  // The ids a list returns, in its order.
  std::vector<int64_t> Ids(const CaseFilter& f) {
    std::vector<int64_t> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(auto list, ListCases(c, f));
      for (const auto& s : list) out.push_back(s.id);
      return Status::Ok();
    }));
    return out;
  }

  int64_t CountOf(const CaseFilter& f) {
    int64_t n = -1;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(n, CountCases(c, f));
      return Status::Ok();
    }));
    return n;
  }
};

}  // namespace sanad::store
