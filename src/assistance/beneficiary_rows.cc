#include "assistance/beneficiary_rows.h"

#include <cstdio>

#include "assistance/distribution_rules.h"
#include "assistance/money.h"
#include "base/clock.h"

namespace sanad::assistance {

std::string EntitlementText(const Distribution& d, const Entitlement& e,
                            std::string_view language) {
  std::string out;
  for (const auto& l : e.items) {
    std::string name = "item " + std::to_string(l.item_id);
    std::string unit;
    for (const BasketLine& b : d.basket) {
      if (b.item_id != l.item_id) continue;
      if (!b.item_name_en.empty()) name = b.item_name_en;
      // Sorani falls back to Arabic script before English: that is what the reader reads.
      if ((language == "ar" || language == "ckb") && !b.item_name_ar.empty()) {
        name = b.item_name_ar;
      }
      if (language == "ckb" && !b.item_name_ckb.empty()) name = b.item_name_ckb;
      unit = b.item_unit;
    }
    if (!out.empty()) out += "; ";
    out += std::to_string(l.quantity) + (unit.empty() ? "" : " " + unit) + " " + name;
  }
  if (d.cash) {
    if (!out.empty()) out += "; ";
    out += FormatMoney(e.cash, d.cash->currency);
  }
  return out;
}

std::vector<io::TableRow> BeneficiaryRows(const Distribution& d,
                                          const std::vector<Beneficiary>& list) {
  std::vector<io::TableRow> rows = {{"#", "token", "household_id", "head", "head (Latin)", "size",
                                     "entitlement", "status", "collected_at", "signature"}};
  rows.reserve(list.size() + 1);
  for (const Beneficiary& b : list) {
    const ListedMember* head = b.members.empty() ? nullptr : &b.members.front();
    for (const ListedMember& m : b.members) {
      if (m.relationship == "head") head = &m;
    }
    rows.push_back(
        {std::to_string(b.position), FormatToken(b.token), std::to_string(b.household_id),
         head ? head->name : "", head ? head->name_latin : "", std::to_string(b.size),
         EntitlementText(d, b.entitlement), b.collection_id != 0 ? "collected" : "listed",
         b.collection ? FormatUtcDate(b.collection->at) : "", ""});
  }
  return rows;
}

}  // namespace sanad::assistance
