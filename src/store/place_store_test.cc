// Places in the store, on both backends: upsert inserts and replaces, list is by P-code.
#include "store/place_store.h"

#include <gtest/gtest.h>

#include "store/store_test_support.h"

namespace sanad::store {
namespace {

using registry::Place;

class PlaceStoreTest : public BackendTest<> {
 protected:
  std::vector<Place> List() {
    std::vector<Place> out;
    SANAD_EXPECT_OK(Read([&](Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(out, ListAllPlaces(c));
      return Status::Ok();
    }));
    return out;
  }
};

void ExpectSamePlace(const Place& a, const Place& b) {
  EXPECT_EQ(a.pcode, b.pcode);
  EXPECT_EQ(a.level, b.level);
  EXPECT_EQ(a.parent_pcode, b.parent_pcode);
  EXPECT_EQ(a.name_en, b.name_en);
  EXPECT_EQ(a.name_ar, b.name_ar);
  EXPECT_EQ(a.lat, b.lat);  // exact: doubles round-trip
  EXPECT_EQ(a.lon, b.lon);
}

TEST_P(PlaceStoreTest, UpsertInsertsThenReplacesAndListIsByPcode) {
  const std::vector<Place> first = {
      {"IQG15Q03", 2, "IQG15", "Al-Hamdaniya", "الحمدانية", 36.2712345678, 43.3798765432},
      {"IQG15", 1, "", "Ninewa", "نينوى", 36.34, 43.13},
      {"IQG15Q03N03", 3, "IQG15Q03", "Markaz Al-Hamdaniya", "مركز الحمدانية", 36.27, 43.37},
  };
  SANAD_ASSERT_OK(Write([&](Connection& c) { return UpsertPlaces(c, first); }));
  auto listed = List();
  ASSERT_EQ(listed.size(), 3u);
  ExpectSamePlace(listed[0], first[1]);
  ExpectSamePlace(listed[1], first[0]);
  ExpectSamePlace(listed[2], first[2]);

  const std::vector<Place> second = {
      {"IQG15", 1, "", "Nineveh", "محافظة نينوى", -0.5, 1e-7},
      {"IQG11", 1, "", "Erbil", "أربيل", 36.19, 44.01},
  };
  SANAD_ASSERT_OK(Write([&](Connection& c) { return UpsertPlaces(c, second); }));
  listed = List();
  ASSERT_EQ(listed.size(), 4u);
  ExpectSamePlace(listed[0], second[1]);
  ExpectSamePlace(listed[1], second[0]);
  EXPECT_EQ(listed[2].pcode, "IQG15Q03");
}

TEST_P(PlaceStoreTest, EmptyUpsertAndEmptyList) {
  SANAD_ASSERT_OK(Write([](Connection& c) { return UpsertPlaces(c, {}); }));
  EXPECT_TRUE(List().empty());
}

SANAD_STORE_TEST_BACKENDS(PlaceStoreTest);

}  // namespace
}  // namespace sanad::store
