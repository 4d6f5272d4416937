// The catalogue's rules: item codes and categories, required names and units, warehouse
// P-codes, the name key that makes two spellings the same warehouse, and civil dates.
#include "stock/catalogue.h"

#include <gtest/gtest.h>

namespace sanad::stock {
namespace {

std::vector<std::string> Fields(const std::vector<FieldError>& bad) {
  std::vector<std::string> out;
  for (const auto& f : bad) out.push_back(f.field);
  return out;
}

TEST(CatalogueTest, ItemCodesAreShortAndPlain) {
  struct Case {
    std::string code;
    bool ok;
  };
  for (const Case& c : std::vector<Case>{{"HYG-KIT", true},
                                         {"wash_1.5", true},
                                         {std::string(32, 'A'), true},
                                         {std::string(33, 'A'), false},
                                         {"HYG KIT", false},
                                         {"كيت", false},
                                         {"", false}}) {
    Item item{.code = c.code, .name_en = "Kit", .unit = "kit", .category = "nfi"};
    std::vector<FieldError> bad;
    CheckItem(&item, &bad);
    EXPECT_EQ(bad.empty(), c.ok) << c.code;
  }
}

TEST(CatalogueTest, ItemNeedsNameUnitAndAKnownCategoryAndIsTrimmed) {
  Item item{.code = "  X1 ", .name_en = " ", .unit = "", .category = "toys"};
  std::vector<FieldError> bad;
  CheckItem(&item, &bad);
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"name_en", "unit", "category"}));
  EXPECT_EQ(item.code, "X1");
}

TEST(CatalogueTest, WarehouseNeedsAKnownPlaceAndItsNameKeyIgnoresSpelling) {
  const registry::PlaceDirectory places(
      {registry::Place{.pcode = "IQG08", .level = 1, .name_en = "Duhok", .name_ar = "دهوك"}});
  Warehouse w{.name = "Duhok central", .pcode = "IQG99"};
  std::vector<FieldError> bad;
  CheckWarehouse(places, &w, &bad);
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"pcode"}));
  w.pcode = "IQG08";
  bad.clear();
  CheckWarehouse(places, &w, &bad);
  EXPECT_TRUE(bad.empty());
  EXPECT_EQ(WarehouseNameKey("  DUHOK   Central "), WarehouseNameKey("duhok central"));
  EXPECT_EQ(WarehouseNameKey("مخزن دهوك"), WarehouseNameKey("مَخزن  دهوك"));
  EXPECT_NE(WarehouseNameKey("Duhok 1"), WarehouseNameKey("Duhok 2"));
}

TEST(CatalogueTest, DayNumbersAreOnlyForRealDates) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("2027-03-01").value() - DayNumber("2027-02-28").value(), 1);
  EXPECT_EQ(DayNumber("2028-03-01").value() - DayNumber("2028-02-28").value(), 2);
  for (const char* bad : {"2027-02-29", "2027-13-01", "27-01-01", "2027/01/01", "", "2027-1-01"}) {
    EXPECT_FALSE(DayNumber(bad).has_value()) << bad;
  }
}

}  // namespace
}  // namespace sanad::stock
