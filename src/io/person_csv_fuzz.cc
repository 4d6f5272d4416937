// libFuzzer target: the people CSV of `sanad dedup` must never crash, hang or read out of bounds,
// and whatever it accepts must deduplicate.
#include <cstddef>
#include <cstdint>

#include "io/person_csv.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const auto r = sanad::io::ReadPersonCsv(
      "fuzz.csv", std::string_view(reinterpret_cast<const char*>(data), size));
  if (r.ok() && r->records.size() < 64) {
    (void)sanad::matching::Deduplicate(r->records, {.threads = 1});
  }
  return 0;
}
