// libFuzzer target: a request body on its way to a case — JSON parsing, the wire codec and the
// checks of every section and module's fields — must never crash, hang or read out of bounds,
// whatever the bytes; and what passes the checks must pass them again unchanged.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "cases/case_content.h"
#include "http/case_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto json = sanad::http::ParseJsonObject(body);
  if (!json.ok()) return 0;
  auto edit = sanad::http::CaseEditFromJson(*json, 1);
  auto created = sanad::http::NewCaseFromJson(*json);
  if (!created.ok() || !edit.ok()) return 0;
  for (const auto& m : sanad::access::kCaseModules) {
    sanad::cases::Json content = created->content;
    std::vector<sanad::FieldError> bad;
    sanad::cases::CheckContent(m.module, &content, &bad);
    if (!bad.empty()) continue;
    // Checking is idempotent: a checked (trimmed, completed) content checks clean as it is.
    sanad::cases::Json again = content;
    sanad::cases::CheckContent(m.module, &again, &bad);
    if (!bad.empty() || again != content) std::abort();
  }
  return 0;
}
