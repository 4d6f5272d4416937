// SQL of a project's expenditures (migration 0006_programmes.sql): lines are added and voided,
// never changed or deleted. Every read and write names the organisation. Functions run on a
// Connection inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "programmes/programme.h"
#include "store/database.h"

namespace sanad::store {

// Inserts *e; fills its id.
Status InsertExpenditure(Connection& c, programmes::Expenditure* e);
// The organisation's expenditure `id` of project `project_id`, with its author's username.
Result<std::optional<programmes::Expenditure>> GetExpenditure(Connection& c,
                                                              int64_t organisation_id,
                                                              int64_t project_id, int64_t id);
// Marks it voided at `now` with `reason`; Conflict when it already was.
Status VoidExpenditure(Connection& c, int64_t organisation_id, int64_t id, int64_t now,
                       const std::string& reason);
// Newest spent_on first (then newest id), voided lines included.
Result<std::vector<programmes::Expenditure>> ListExpenditures(Connection& c,
                                                              int64_t organisation_id,
                                                              int64_t project_id, int limit,
                                                              int offset);
Result<int64_t> CountExpenditures(Connection& c, int64_t organisation_id, int64_t project_id);

}  // namespace sanad::store
