// libFuzzer target: a request body on its way to the programmes and indicators — JSON parsing,
// the body readers of offices, projects, expenditures, staff, activities, attendance and
// indicators, and the indicator definition's checks — must never crash, hang or read out of
// bounds, whatever the bytes; and a definition that passes its checks reads back the same from
// the form sanad stores.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "http/json_response.h"
#include "http/programme_json.h"
#include "http/report_json.h"
#include "reports/indicator.h"
#include "reports/indicator_definition.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  auto json = sanad::http::ParseJsonObject(body);
  if (!json.ok()) return 0;
  (void)sanad::http::OfficeEditFromJson(*json);
  (void)sanad::http::ProjectEditFromJson(*json);
  (void)sanad::http::ExpenditureRequestFromJson(*json);
  (void)sanad::http::VoidReasonFromJson(*json);
  (void)sanad::http::StaffEditFromJson(*json);
  (void)sanad::http::ActivityEditFromJson(*json);
  (void)sanad::http::AttendanceEditFromJson(*json);
  auto edit = sanad::http::IndicatorEditFromJson(*json);
  if (!edit.ok() || !edit->definition) return 0;
  for (std::string_view measure : sanad::reports::kMeasures) {
    auto parsed = sanad::reports::ParseDefinition(*edit->definition, measure);
    if (!parsed.ok()) continue;
    auto again =
        sanad::reports::ParseDefinition(sanad::reports::DefinitionToJson(*parsed), measure);
    if (!again.ok() || !(*again == *parsed)) std::abort();
  }
  return 0;
}
