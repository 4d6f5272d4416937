// libFuzzer target: the XLSX reader must never crash, hang, read out of bounds or grow without
// limit, whatever the archive and the XML inside it hold.
#include <cstddef>
#include <cstdint>

#include "io/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  constexpr size_t kBudget = size_t{4} << 20;
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto rows = sanad::io::ReadXlsxSheet("fuzz.xlsx", bytes, {.max_uncompressed_bytes = kBudget});
  (void)rows;
  return 0;
}
