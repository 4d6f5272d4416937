// Demo protection cases for `sanad demo`: cases of every module in every step, some high
// risk, some with follow-ups overdue or closure requested, with plausible content in Arabic
// and English, so the case pages, lists and dashboard have something to show. Not for real
// data. Single-threaded.
#pragma once

#include <cstdint>
#include <span>

#include "access/actor.h"
#include "base/status.h"
#include "cases/case_service.h"

namespace sanad::cases {

struct DemoCaseTeam {
  access::Actor supervisor;             // supervises every module
  access::Actor gbv_worker;             // gbv
  access::Actor cp_worker;              // child_protection, mhpss
  access::Actor legal_worker;           // legal, hlp, special_needs
  int64_t partner_organisation_id = 0;  // consents share name, sex and age with it
};

// Opens `count` cases about people of `person_ids` (the team's organisation's) and moves them
// along the workflow. Returns how many were opened.
Result<int> CreateDemoCases(CaseService& cases, const DemoCaseTeam& team,
                            std::span<const int64_t> person_ids, int count);

}  // namespace sanad::cases
