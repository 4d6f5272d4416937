// Demo programmes for `sanad demo`: three offices (Erbil, Duhok, Qaraqosh) with staff and
// volunteers, five projects of ECHO, BHA, UNHCR and a church partner in EUR, USD and IQD with
// their expenditures (one voided, one project over budget), and some thirty activities of
// every type — done ones with the attendance of registered people and counted rows, some
// planned, one cancelled — so offices, projects, reports and the public page have something to
// show. Goes through the services like a manager would, so audit and service records are what
// real work leaves. Deterministic for a given `today`. Not thread-safe (one demo at a time).
#pragma once

#include <cstdint>
#include <span>

#include "access/actor.h"
#include "base/status.h"
#include "programmes/programme_services.h"

namespace sanad::programmes {

struct DemoProgrammeCounts {
  int offices = 0;
  int projects = 0;
  int activities = 0;
  int staff = 0;
};

// `admin` (any role with kManageProjects and kRecordActivities) of the organisation whose
// people `person_ids` are (live, registered); attendees are drawn from them (none: counted
// rows only). `today` in seconds; done activities lie before it, planned ones after.
Result<DemoProgrammeCounts> CreateDemoProgrammes(ProgrammeServices& services,
                                                 const access::Actor& admin,
                                                 std::span<const int64_t> person_ids,
                                                 int64_t today);

}  // namespace sanad::programmes
