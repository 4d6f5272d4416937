// Disclosure control of the public page over random organisations (docs/programmes.md,
// "Disclosure control"): whatever was recorded, every count of people the public answers show is
// null, 0 or at least the threshold; a shown count is the true one (public projects only); and no
// hidden count can be recovered from a published total minus its other published parts.
#include <gmock/gmock.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <tuple>

#include "tests/api/public_fixtures.h"

namespace sanad::api_test {
namespace {

using testing_support::JubouriHousehold;
using testing_support::ObaidiHousehold;
using testing_support::OneMemberHousehold;

constexpr int64_t kThreshold = 5;  // the server's default
constexpr const char* kOfficePlaces[] = {"IQG15Q03", "IQG11Q02", "IQG15Q05"};
constexpr const char* kServedPlaces[] = {"IQG15Q03N03", "IQG15Q03N02", "IQG11Q02N02",
                                         "IQG15Q05",    "IQG11Q02",    "IQG15"};
constexpr const char* kTypes[] = {"pfa_group", "awareness_session", "class", "training"};
constexpr const char* kSectors[] = {"protection", "mhpss", "education", "food_security"};

// One service record as the test wrote it: the truth the answers are checked against.
struct Record {
  bool public_project = false;
  int64_t office = 0;
  std::string source;
  std::string kind;
  std::string sector;
  std::string pcode;
  std::string served_on;
  std::vector<int64_t> people;  // registered
  int64_t counted = 0;
};

// People reached by the records `keep` accepts: distinct registered people plus counted ones.
template <typename F>
int64_t PeopleOf(const std::vector<Record>& records, F keep) {
  std::set<int64_t> registered;
  int64_t counted = 0;
  for (const Record& r : records) {
    if (!keep(r)) continue;
    registered.insert(r.people.begin(), r.people.end());
    counted += r.counted;
  }
  return static_cast<int64_t>(registered.size()) + counted;
}

class PublicDisclosureTest : public PublicApiTest {
 protected:
  // A shown count is the truth and never small; tallies what was hidden and shown.
  void ExpectShown(const Json& v, int64_t truth, const std::string& where) {
    if (v.is_null()) {
      ++hidden_;
      return;
    }
    ASSERT_TRUE(v.is_number_integer()) << where << " = " << v;
    const int64_t n = v.get<int64_t>();
    EXPECT_EQ(n, truth) << where;
    EXPECT_TRUE(n == 0 || n >= kThreshold) << where << " = " << n;
    ++shown_;
  }
  // A total and its parts: never exactly one of them hidden.
  static void ExpectNotOneHidden(const Json& total, const Json& parts, const std::string& where) {
    int hidden = total.is_null() ? 1 : 0;
    for (const auto& p : parts) hidden += p["people_reached"].is_null() ? 1 : 0;
    EXPECT_NE(hidden, 1) << where << ": total " << total << ", parts " << parts;
  }

  int hidden_ = 0;
  int shown_ = 0;
};

TEST_P(PublicDisclosureTest, RandomOrganisationsNeverShowNorLeakASmallCount) {
  HttpClient clerk = As(kClerk);
  std::vector<int64_t> pool;  // registered people anyone may serve
  for (const Json& body : {JubouriHousehold(), ObaidiHousehold(), OneMemberHousehold("Pool A"),
                           OneMemberHousehold("Pool B"), OneMemberHousehold("Pool C"),
                           OneMemberHousehold("Pool D"), OneMemberHousehold("Pool E")}) {
    for (const auto& m : Create(clerk, body).value("members", Json::array())) {
      pool.push_back(m["id"]);
    }
  }
  ASSERT_EQ(pool.size(), 10U);

  constexpr int kSeeds = 6;
  for (int seed = 1; seed <= kSeeds; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    std::mt19937 rng(seed);
    auto pick = [&](int n) { return std::uniform_int_distribution<int>(0, n - 1)(rng); };
    auto chance = [&](double p) { return std::bernoulli_distribution(p)(rng); };
    const int64_t org = AddOrganisation("Random Relief " + std::to_string(seed));

    std::vector<int64_t> offices;  // public first, then one hidden
    const int n_public = 1 + pick(3);
    for (int i = 0; i <= n_public; ++i) {
      offices.push_back(AddOffice(org, {.name = "Office " + std::to_string(i),
                                        .pcode = kOfficePlaces[pick(3)],
                                        .is_public = i < n_public}));
    }
    struct Project {
      int64_t id;
      int64_t office;
      bool is_public;
    };
    std::vector<Project> projects;
    const int n_projects = 2 + pick(3);
    for (int i = 0; i < n_projects; ++i) {
      const int64_t office = chance(0.8) ? offices[pick(static_cast<int>(offices.size()))] : 0;
      const bool is_public = i > 0;  // the first is internal
      projects.push_back(
          {AddProject(
               org, {.code = "P" + std::to_string(i), .office_id = office, .is_public = is_public}),
           office, is_public});
    }
    const int staff = pick(9);
    const int volunteers = pick(9);
    for (int i = 0; i < staff; ++i) AddStaff(org, offices[pick(n_public)], "staff", "S", "");
    for (int i = 0; i < volunteers; ++i)
      AddStaff(org, offices[pick(n_public)], "volunteer", "V", "");
    AddStaff(org, offices.back(), "volunteer", "Hidden", "");

    std::vector<Record> records;
    // (office, type, sector) → done activities of public projects.
    std::map<std::tuple<int64_t, std::string, std::string>, int64_t> held;
    auto day = [&] {
      return std::string(chance(0.2) ? "2025" : "2026") + "-0" + std::to_string(1 + pick(9)) +
             "-1" + std::to_string(pick(9));
    };
    auto serve = [&](const store::ServiceRecordBase& base, bool is_public) {
      Record r{.public_project = is_public,
               .office = base.office_id,
               .source = base.source,
               .kind = base.kind,
               .sector = base.sector,
               .pcode = base.pcode,
               .served_on = base.served_on};
      if (chance(0.5)) {
        // Mostly small groups: the counts disclosure control is for.
        r.counted = chance(0.7) ? 1 + pick(4) : 5 + pick(20);
        Counted(base, chance(0.5) ? "female" : "male", "18-59", "idp", r.counted);
      } else {
        std::set<int64_t> chosen;
        for (int k = 1 + pick(5); k > 0; --k)
          chosen.insert(pool[pick(static_cast<int>(pool.size()))]);
        r.people.assign(chosen.begin(), chosen.end());
        Served(base, r.people);
      }
      records.push_back(std::move(r));
    };
    for (int a = pick(8); a > 0; --a) {
      const Project& p = projects[pick(n_projects)];
      const int64_t office = offices[pick(static_cast<int>(offices.size()))];
      const std::string type = kTypes[pick(4)];
      const std::string sector = kSectors[pick(4)];
      const std::string pcode = kServedPlaces[pick(6)];
      const std::string on = day();
      const bool done = chance(0.85);
      const int64_t id = AddActivity(org, {.project_id = p.id,
                                           .office_id = office,
                                           .type = type,
                                           .sector = sector,
                                           .pcode = pcode,
                                           .starts_on = on,
                                           .status = done ? "done" : "planned"});
      if (!done) continue;
      if (p.is_public) ++held[{office, type, sector}];
      for (int k = pick(3); k >= 0; --k) {
        serve({.organisation_id = org,
               .project_id = p.id,
               .office_id = office,
               .sector = sector,
               .source = "activity",
               .source_id = id,
               .kind = type,
               .pcode = pcode,
               .served_on = on},
              p.is_public);
      }
    }
    for (int c = pick(5); c > 0; --c) {
      const bool none = chance(0.2);
      const Project& p = projects[pick(n_projects)];
      serve({.organisation_id = org,
             .project_id = none ? 0 : p.id,
             .office_id = none ? 0 : p.office,
             .sector = kSectors[pick(4)],
             .source = "collection",
             .source_id = c,
             .kind = "in_kind",
             .pcode = kServedPlaces[pick(6)],
             .served_on = day()},
            !none && p.is_public);
    }

    // The organisation in 2026.
    const Json f = PublicGet(FiguresPath(org, "?year=2026"));
    ASSERT_TRUE(f.is_object());
    auto in_2026 = [](const Record& r) { return r.public_project && r.served_on >= "2026"; };
    ExpectShown(f["people_reached"], PeopleOf(records, in_2026), "people_reached");
    std::set<std::string> sectors;
    std::set<std::string> governorates;
    for (const Record& r : records) {
      if (!in_2026(r)) continue;
      sectors.insert(r.sector);
      governorates.insert(r.pcode.substr(0, 5));
    }
    ASSERT_EQ(f["by_sector"].size(), sectors.size());
    for (const auto& s : f["by_sector"]) {
      const std::string key = s["sector"];
      EXPECT_TRUE(sectors.contains(key)) << key;
      ExpectShown(s["people_reached"],
                  PeopleOf(records, [&](const Record& r) { return in_2026(r) && r.sector == key; }),
                  "by_sector " + key);
    }
    ASSERT_EQ(f["by_governorate"].size(), governorates.size());
    for (const auto& g : f["by_governorate"]) {
      const std::string key = g["pcode"];
      EXPECT_TRUE(governorates.contains(key)) << key;
      ExpectShown(g["people_reached"],
                  PeopleOf(records,
                           [&](const Record& r) { return in_2026(r) && r.pcode.starts_with(key); }),
                  "by_governorate " + key);
    }
    ExpectNotOneHidden(f["people_reached"], f["by_sector"], "by_sector");
    ExpectNotOneHidden(f["people_reached"], f["by_governorate"], "by_governorate");
    ExpectShown(f["staff"], staff, "staff");
    ExpectShown(f["volunteers"], volunteers, "volunteers");

    // Its public offices, all time.
    const Json missions = PublicGet(MissionsPath(org));
    ASSERT_EQ(missions.size(), static_cast<size_t>(n_public));
    for (int i = 0; i < n_public; ++i) {
      const Json& m = missions[i];
      const int64_t office = offices[i];
      EXPECT_EQ(m["id"], office);
      ExpectShown(m["people_reached"],
                  PeopleOf(records,
                           [&](const Record& r) { return r.public_project && r.office == office; }),
                  "mission " + std::to_string(office));
      std::set<std::pair<std::string, std::string>> kinds;
      for (const auto& [key, n] : held) {
        if (std::get<0>(key) == office) kinds.emplace(std::get<1>(key), std::get<2>(key));
      }
      for (const Record& r : records) {
        if (r.public_project && r.office == office && r.source == "activity") {
          kinds.emplace(r.kind, r.sector);
        }
      }
      ASSERT_EQ(m["activities"].size(), kinds.size()) << m;
      for (const auto& a : m["activities"]) {
        const std::string type = a["type"];
        const std::string sector = a["sector"];
        const auto it = held.find({office, type, sector});
        EXPECT_EQ(a["held"], it == held.end() ? 0 : it->second);
        ExpectShown(a["people_reached"],
                    PeopleOf(records,
                             [&](const Record& r) {
                               return r.public_project && r.office == office &&
                                      r.source == "activity" && r.kind == type &&
                                      r.sector == sector;
                             }),
                    "activity " + type + "/" + sector);
      }
      ExpectNotOneHidden(m["people_reached"], m["activities"], "mission activities");
    }
  }
  // The scenarios did exercise both sides.
  EXPECT_GT(hidden_, 5);
  EXPECT_GT(shown_, 20);
}

SANAD_API_TEST_SUITE(PublicDisclosureTest);

}  // namespace
}  // namespace sanad::api_test
