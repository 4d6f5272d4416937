// The wire form of cases (docs/cases.md): a case, a list row, a timeline event and the
// dashboard to JSON; a new case and an edit from JSON, with type errors collected by field.
// Thread-safe.
#pragma once

#include "base/status.h"
#include "cases/case.h"
#include "cases/case_list.h"
#include "cases/case_service.h"
#include "http/json_response.h"

namespace sanad::http {

Json CaseToJson(const cases::Case& c, const std::vector<cases::CaseStatus>& allowed_next);
Json CaseSummaryToJson(const cases::CaseSummary& s);
Json CaseEventToJson(const cases::CaseEvent& e);
Json DashboardToJson(const cases::Dashboard& d);

// The case as `actor` sees it (the next steps they may take), with its version as ETag, never
// cached; `status` 201 adds its Location. An error as CaseErrorResponse.
Response CaseResponse(int status, const access::Actor& actor, const Result<cases::Case>& c);
// ErrorResponse, and for a workflow conflict the allowed next steps as `error.allowed_next`.
Response CaseErrorResponse(const Status& status);

// InvalidArgument naming fields of the wrong JSON type.
Result<cases::NewCase> NewCaseFromJson(const Json& j);
Result<cases::CaseEdit> CaseEditFromJson(const Json& j, int64_t version);

}  // namespace sanad::http
