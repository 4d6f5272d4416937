// libFuzzer target: the CSV reader must never crash, hang or read out of bounds.
#include <cstddef>
#include <cstdint>

#include "io/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sanad::io::CsvReader r("fuzz.csv", std::string_view(reinterpret_cast<const char*>(data), size));
  std::vector<std::string> fields;
  while (r.Next(&fields)) {
  }
  return 0;
}
