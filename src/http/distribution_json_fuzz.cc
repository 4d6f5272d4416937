// libFuzzer target: a request body on its way to a distribution round or a collection — JSON
// parsing, the wire codec (money into minor units included) and the round's checks — must never
// crash, hang or read out of bounds, whatever the bytes; and a round that passes the checks
// survives its own wire form unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "assistance/distribution_rules.h"
#include "http/distribution_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const sanad::registry::PlaceDirectory places(
      {{.pcode = "IQG15", .level = 1}, {.pcode = "IQG15Q03", .level = 2}});
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto json = sanad::http::ParseJsonObject(body);
  if (!json.ok()) return 0;
  (void)sanad::http::NewCollectionFromJson(*json);
  auto edit = sanad::http::DistributionEditFromJson(*json);
  if (!edit.ok()) return 0;
  const sanad::assistance::Distribution d = sanad::http::NewDistribution(*edit);
  if (!sanad::assistance::ValidateDistribution(d, places).empty()) return 0;
  // What the server would answer, read back as a body, is the same round.
  const sanad::access::Actor actor{.role = sanad::access::Role::kAdmin};
  auto again = sanad::http::DistributionEditFromJson(sanad::http::DistributionToJson(d, actor));
  if (!again.ok()) std::abort();
  const sanad::assistance::Distribution back = sanad::http::NewDistribution(*again);
  if (back.basket.size() != d.basket.size() || back.cash.has_value() != d.cash.has_value()) {
    std::abort();
  }
  if (d.cash && back.cash->amount != d.cash->amount) std::abort();
  return 0;
}
