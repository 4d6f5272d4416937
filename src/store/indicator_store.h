// SQL of indicators (migration 0006_programmes.sql): a project's indicators with their measure,
// definition (JSON text, checked by reports/indicator_definition.h before it is written) and
// target. Every read and write names the organisation, so another organisation's indicator is
// never seen nor changed. Functions run on a Connection inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/database.h"

namespace sanad::store {

struct IndicatorRecord {
  int64_t id = 0;
  int64_t organisation_id = 0;
  int64_t project_id = 0;
  int64_t version = 0;
  std::string code;
  std::string name;
  std::string name_ar;
  std::string measure;
  std::string definition;  // JSON object text
  int64_t target = 0;
  bool active = true;
  int64_t created_at = 0;
  int64_t updated_at = 0;
};

struct IndicatorFilter {
  int64_t organisation_id = 0;
  int64_t project_id = 0;  // 0 = any
  bool active_only = false;
  int limit = 25;
  int offset = 0;
};

// Inserts *r (version 1); fills id, version and times. AlreadyExists when the project has an
// indicator of that code.
Status InsertIndicator(Connection& c, IndicatorRecord* r, int64_t now);
Result<std::optional<IndicatorRecord>> GetIndicator(Connection& c, int64_t organisation_id,
                                                    int64_t id);
// Writes *r over the stored version `expected_version` (project and organisation unchanged):
// NotFound, or Conflict naming `version`; AlreadyExists for a code the project has.
Status UpdateIndicator(Connection& c, IndicatorRecord* r, int64_t expected_version, int64_t now);
// By project, then code.
Result<std::vector<IndicatorRecord>> ListIndicators(Connection& c, const IndicatorFilter& f);
Result<int64_t> CountIndicators(Connection& c, const IndicatorFilter& f);
// Whether the project has an indicator of `code` other than `except_id`.
Result<bool> IndicatorCodeTaken(Connection& c, int64_t project_id, const std::string& code,
                                int64_t except_id);

}  // namespace sanad::store
