#include "stock/catalogue.h"

#include <chrono>

#include "base/utf8.h"
#include "matching/normalise.h"

namespace sanad::stock {
namespace {

bool IsCodeChar(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         ch == '-' || ch == '_' || ch == '.';
}

void CheckLength(std::string_view field, const std::string& value, size_t max,
                 std::vector<FieldError>* bad) {
  if (Utf8Chars(value) > max) {
    bad->push_back({std::string(field), "must be at most " + std::to_string(max) + " characters"});
  }
}

}  // namespace

std::string Choices(const std::string_view* first, size_t n) {
  std::string out = "must be one of ";
  for (size_t i = 0; i < n; ++i) {
    if (i) out += ", ";
    out += first[i];
  }
  return out;
}

std::string Trimmed(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const size_t b = text.find_first_not_of(kSpace);
  if (b == std::string_view::npos) return "";
  const size_t e = text.find_last_not_of(kSpace);
  return std::string(text.substr(b, e - b + 1));
}

void CheckItem(Item* item, std::vector<FieldError>* bad) {
  for (std::string* t : {&item->code, &item->name_en, &item->name_ar, &item->name_ckb, &item->unit,
                         &item->category}) {
    *t = Trimmed(*t);
  }
  if (item->code.empty()) {
    bad->push_back({"code", "is required"});
  } else if (item->code.size() > kMaxCodeLength) {
    bad->push_back({"code", "must be at most 32 characters"});
  } else {
    for (char ch : item->code) {
      if (!IsCodeChar(ch)) {
        bad->push_back({"code", "may hold only letters, digits, '-', '_' and '.'"});
        break;
      }
    }
  }
  if (item->name_en.empty()) bad->push_back({"name_en", "is required"});
  CheckLength("name_en", item->name_en, kMaxNameLength, bad);
  CheckLength("name_ar", item->name_ar, kMaxNameLength, bad);
  CheckLength("name_ckb", item->name_ckb, kMaxNameLength, bad);
  if (item->unit.empty()) bad->push_back({"unit", "is required"});
  CheckLength("unit", item->unit, kMaxUnitLength, bad);
  if (!IsItemCategory(item->category)) {
    bad->push_back({"category", Choices(kItemCategories.data(), kItemCategories.size())});
  }
}

void CheckWarehouse(const registry::PlaceDirectory& places, Warehouse* w,
                    std::vector<FieldError>* bad) {
  w->name = Trimmed(w->name);
  w->pcode = Trimmed(w->pcode);
  w->address = Trimmed(w->address);
  if (WarehouseNameKey(w->name).empty()) bad->push_back({"name", "is required"});
  CheckLength("name", w->name, kMaxNameLength, bad);
  if (w->pcode.empty()) {
    bad->push_back({"pcode", "is required"});
  } else if (!places.Exists(w->pcode)) {
    bad->push_back({"pcode", "is not a known P-code"});
  }
  CheckLength("address", w->address, kMaxTextLength, bad);
}

std::string WarehouseNameKey(std::string_view name) {
  std::string key;
  for (const auto& word : matching::NormalisedWords(name)) {
    if (!key.empty()) key += ' ';
    key += word;
  }
  return key;
}

std::string ItemSearchText(const Item& item) {
  std::string out = " ";
  for (const std::string* part : {&item.code, &item.name_en, &item.name_ar, &item.name_ckb}) {
    for (const auto& w : matching::NormalisedWords(*part)) out += w + " ";
  }
  return out;
}

std::optional<int64_t> DayNumber(std::string_view date) {
  if (date.size() != 10 || date[4] != '-' || date[7] != '-') return std::nullopt;
  int parts[3] = {0, 0, 0};
  const size_t starts[3] = {0, 5, 8};
  const size_t lengths[3] = {4, 2, 2};
  for (int p = 0; p < 3; ++p) {
    for (size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
      if (date[i] < '0' || date[i] > '9') return std::nullopt;
      parts[p] = parts[p] * 10 + (date[i] - '0');
    }
  }
  const std::chrono::year_month_day ymd{std::chrono::year(parts[0]),
                                        std::chrono::month(static_cast<unsigned>(parts[1])),
                                        std::chrono::day(static_cast<unsigned>(parts[2]))};
  if (!ymd.ok()) return std::nullopt;
  return std::chrono::sys_days(ymd).time_since_epoch().count();
}

}  // namespace sanad::stock
