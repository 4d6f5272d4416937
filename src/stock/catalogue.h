// The rules of the item catalogue and of warehouses (docs/assistance.md, "Items and
// warehouses"), and small date helpers of the stock report: pure functions over plain values,
// thread-safe. The service applies them before anything is written.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "registry/place_directory.h"
#include "stock/stock.h"

namespace sanad::stock {

inline constexpr size_t kMaxCodeLength = 32;
inline constexpr size_t kMaxNameLength = 200;
inline constexpr size_t kMaxUnitLength = 32;
inline constexpr size_t kMaxTextLength = 2000;  // address, note, donor, waybill

constexpr bool IsItemCategory(std::string_view c) {
  for (std::string_view k : kItemCategories) {
    if (k == c) return true;
  }
  return false;
}
constexpr bool IsLossReason(std::string_view r) {
  for (std::string_view k : kLossReasons) {
    if (k == r) return true;
  }
  return false;
}
// "food, wash, …": the choices of a closed list, for messages.
std::string Choices(const std::string_view* first, size_t n);

// Trims the item's texts and appends a FieldError for every rule it breaks: code (letters,
// digits, `-_.`, 1 to 32), name_en and unit required, category one of kItemCategories, lengths.
void CheckItem(Item* item, std::vector<FieldError>* bad);
// Trims the warehouse's texts; name required, pcode a known P-code, lengths.
void CheckWarehouse(const registry::PlaceDirectory& places, Warehouse* w,
                    std::vector<FieldError>* bad);

// The normalised words of the warehouse's name, joined by one space: two names that only
// differ in case, hamza or spacing are the same warehouse.
std::string WarehouseNameKey(std::string_view name);
// " word word … ": what `q` matches in the item list (code and names, normalised).
std::string ItemSearchText(const Item& item);

// Days since 1970-01-01 of a civil date "YYYY-MM-DD"; nullopt when it is not a real date.
std::optional<int64_t> DayNumber(std::string_view date);
// The text with leading and trailing white space removed.
std::string Trimmed(std::string_view text);

}  // namespace sanad::stock
