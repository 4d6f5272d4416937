// Place: a unit of Iraq's administrative hierarchy with its OCHA P-code (governorate,
// district, subdistrict). A plain value; loaded from the shipped COD-AB table.
#pragma once

#include <string>

namespace sanad::registry {

struct Place {
  std::string pcode;  // IQG15, IQG15Q03, IQG15Q03N03
  int level = 0;      // 1 governorate, 2 district, 3 subdistrict
  std::string parent_pcode;
  std::string name_en;
  std::string name_ar;
  double lat = 0;
  double lon = 0;
};

}  // namespace sanad::registry
