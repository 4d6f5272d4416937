// DemoSite: where demo households live and who they are there, as a weighted table of real
// places (P-codes of COD-AB 2019 subdistricts, camp names) with the displacement status,
// community and places of origin typical of each. Constant data; thread-safe.
#pragma once

#include <array>
#include <span>
#include <string_view>

#include "registry/demo_names.h"

namespace sanad::registry {

// One kind of household at one place, e.g. Yazidi IDPs from Sinjar in Khanke camp.
struct DemoSite {
  std::string_view pcode;   // subdistrict
  std::string_view site;    // camp or town name where the P-code is not precise enough, or ""
  std::string_view status;  // displacement status
  Community community;
  int weight;                               // relative share of households
  std::array<std::string_view, 3> origins;  // subdistrict P-codes; empty = no origin recorded
};

std::span<const DemoSite> DemoSites();

}  // namespace sanad::registry
