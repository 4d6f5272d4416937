// The service directory in the store, on both backends: services round-trip, a stale or
// foreign update changes nothing, and lists filter by type, place (and everything under it),
// words, organisation and whether the service is still offered.
#include "store/service_store.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "store/household_store_test_data.h"
#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using referrals::Service;

class ServiceStoreTest : public BackendTest<> {
 protected:
  void SetUp() override {
    BackendTest::SetUp();
    if (HasFatalFailure()) return;
    SeedOrganisationsAndPlaces(
        [this](const std::string& sql, std::vector<Value> p) { Exec(sql, std::move(p)); });
  }

  Service Insert(Service s, const std::string& search_text) {
    SANAD_EXPECT_OK(Write([&](Connection& c) { return InsertService(c, &s, search_text, 100); }));
    return s;
  }

  std::vector<int64_t> Ids(const ServiceFilter& f) {
    std::vector<int64_t> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(auto services, ListServices(c, f));
      SANAD_ASSIGN_OR_RETURN(const int64_t total, CountServices(c, f));
      // The count ignores paging: it equals the rows of an unpaged list.
      if (f.offset == 0 && static_cast<int>(services.size()) < f.limit) {
        EXPECT_EQ(total, static_cast<int64_t>(services.size()));
      }
      for (const auto& s : services) out.push_back(s.id);
      return Status::Ok();
    }));
    return out;
  }

  static Service Clinic() {
    return {.organisation_id = kOrgA,
            .type = "health",
            .name = "عيادة قرقوش",
            .pcode = kMarkazHamdaniya,
            .contact_name = "Dr Salwa",
            .contact_phone = "+9647501112233",
            .contact_email = "clinic@example.org",
            .eligibility = "everyone"};
  }
};

TEST_P(ServiceStoreTest, ServiceRoundTripsWithItsOrganisationsName) {
  const Service s = Insert(Clinic(), " x ");
  EXPECT_GT(s.id, 0);
  EXPECT_EQ(s.version, 1);
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(const Service got, GetService(c, s.id));
    EXPECT_EQ(got.organisation_name, "منظمة الأمل");
    EXPECT_EQ(got.name, "عيادة قرقوش");
    EXPECT_EQ(got.pcode, kMarkazHamdaniya);
    EXPECT_EQ(got.contact_phone, "+9647501112233");
    EXPECT_EQ(got.contact_email, "clinic@example.org");
    EXPECT_EQ(got.eligibility, "everyone");
    EXPECT_TRUE(got.active);
    EXPECT_EQ(got.created_at, 100);
    EXPECT_EQ(GetService(c, s.id + 1).status().code(), StatusCode::kNotFound);
    return Status::Ok();
  }));
}

TEST_P(ServiceStoreTest, StaleOrForeignUpdateChangesNothing) {
  Service s = Insert(Clinic(), " x ");
  Service renamed = s;
  renamed.name = "Mobile clinic";
  renamed.active = false;
  SANAD_EXPECT_OK(Write([&](Connection& c) { return UpdateService(c, &renamed, 1, " y ", 200); }));
  EXPECT_EQ(renamed.version, 2);
  Service stale = s;
  stale.name = "Lost edit";
  const Status conflict =
      Write([&](Connection& c) { return UpdateService(c, &stale, 1, "", 300); });
  EXPECT_EQ(conflict.code(), StatusCode::kConflict);
  ASSERT_EQ(conflict.fields().size(), 1u);
  EXPECT_EQ(conflict.fields()[0].field, "version");
  Service foreign = renamed;
  foreign.organisation_id = kOrgB;
  foreign.name = "Taken over";
  EXPECT_EQ(Write([&](Connection& c) { return UpdateService(c, &foreign, 2, "", 300); }).code(),
            StatusCode::kNotFound);
  SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
    SANAD_ASSIGN_OR_RETURN(const Service got, GetService(c, s.id));
    EXPECT_EQ(got.name, "Mobile clinic");
    EXPECT_FALSE(got.active);
    EXPECT_EQ(got.version, 2);
    EXPECT_EQ(got.updated_at, 200);
    return Status::Ok();
  }));
}

TEST_P(ServiceStoreTest, ListsFilterByTypePlaceWordsOrganisationAndActive) {
  const int64_t clinic = Insert(Clinic(), " عياده قرقوش dr salwa everyone ").id;
  Service legal = Clinic();
  legal.type = "legal_aid";
  legal.name = "Legal aid desk";
  legal.pcode = kBartilla;
  legal.organisation_id = kOrgB;
  const int64_t desk = Insert(legal, " legal aid desk civil documents ").id;
  Service erbil = Clinic();
  erbil.pcode = kMarkazErbil;
  erbil.name = "Erbil clinic";
  const int64_t far = Insert(erbil, " erbil clinic ").id;
  Service duhok = Clinic();
  duhok.pcode = kDuhok;  // above every P-code under IQG15: the prefix range must stop before it
  duhok.name = "Duhok clinic";
  const int64_t duhok_id = Insert(duhok, " duhok clinic ").id;
  Service closed = Clinic();
  closed.name = "Closed clinic";
  closed.active = false;
  const int64_t gone = Insert(closed, " closed clinic ").id;

  EXPECT_EQ(Ids({.active = true}).size(), 4u);
  EXPECT_EQ(Ids({}).size(), 5u);
  EXPECT_EQ(Ids({.active = false}), std::vector<int64_t>{gone});
  EXPECT_EQ(Ids({.type = "legal_aid"}), std::vector<int64_t>{desk});
  auto ninewa = Ids({.pcode = kNinewa, .active = true});
  std::sort(ninewa.begin(), ninewa.end());
  EXPECT_EQ(ninewa, (std::vector<int64_t>{clinic, desk}));
  EXPECT_EQ(Ids({.pcode = kBartilla}), std::vector<int64_t>{desk});
  EXPECT_EQ(Ids({.pcode = kDuhok}), std::vector<int64_t>{duhok_id});
  EXPECT_EQ(Ids({.terms = {"civil", "documents"}}), std::vector<int64_t>{desk});
  EXPECT_EQ(Ids({.terms = {"civil", "erbil"}}), std::vector<int64_t>{});
  EXPECT_EQ(Ids({.terms = {"erbil"}}), std::vector<int64_t>{far});
  EXPECT_EQ(Ids({.terms = {"100%"}}), std::vector<int64_t>{});
  EXPECT_EQ(Ids({.organisation_id = kOrgB}), std::vector<int64_t>{desk});
  // Paging keeps the order: name, then id.
  const auto all = Ids({.active = true});
  EXPECT_EQ(Ids({.active = true, .limit = 2, .offset = 2}), (std::vector<int64_t>{all[2], all[3]}));
}

SANAD_STORE_TEST_BACKENDS(ServiceStoreTest);

}  // namespace
}  // namespace sanad::store
