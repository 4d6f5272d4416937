// Queries over cases (lists, exports, the dashboard) and their results. Plain values.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cases/case.h"

namespace sanad::cases {

// view: "mine" (owned or assigned), "team" (supervisors: the organisation's cases in their
// modules), "due" (mine with a follow-up due today or earlier), "overdue" (visible and
// overdue), "closure_requests" (supervisors: waiting for approval).
struct CaseQuery {
  std::string view = "mine";
  std::string module;
  std::string status;
  std::string risk;
  std::string text;
  int page = 1;
  int limit = 25;
};

struct CasePage {
  std::vector<CaseSummary> items;
  int64_t total = 0;
  int page = 1;
  int limit = 25;
};

struct CaseworkerLoad {
  CaseUser user;
  int64_t open = 0;  // not closed
  int64_t high_risk = 0;
  int64_t overdue = 0;
};

struct Dashboard {
  std::vector<CaseworkerLoad> caseworkers;  // supervisors: each; caseworkers: themselves
  std::vector<CaseSummary> closure_requests;
  std::vector<CaseSummary> overdue;  // the first 50, high risk first
  int64_t open = 0;
  int64_t high_risk = 0;
  int64_t overdue_count = 0;
  int64_t closure_request_count = 0;
};

}  // namespace sanad::cases
