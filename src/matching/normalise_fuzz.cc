// libFuzzer target: names typed by people in any script (or broken UTF-8) must normalise
// without crashing, and normalising twice must change nothing.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "matching/normalise.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  const std::string once = sanad::matching::NormaliseText(input);
  if (sanad::matching::NormaliseText(once) != once) std::abort();
  sanad::matching::NormalisedWords(input);
  sanad::matching::DigitsOnly(input);
  return 0;
}
