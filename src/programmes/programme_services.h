// ProgrammeServices: the four services of the programmes module built over one database, one
// place directory and one clock, so the server and tools wire them in one line. Thread-safe
// as its members are.
#pragma once

#include "base/clock.h"
#include "programmes/activity_service.h"
#include "programmes/office_service.h"
#include "programmes/project_service.h"
#include "programmes/staff_service.h"
#include "registry/place_directory.h"
#include "store/database.h"

namespace sanad::programmes {

struct ProgrammeServices {
  ProgrammeServices(store::Database& db, const registry::PlaceDirectory& places, const Clock& clock)
      : offices(db, places, clock),
        projects(db, places, clock),
        activities(db, places, clock),
        staff(db, clock) {}

  OfficeService offices;
  ProjectService projects;
  ActivityService activities;
  StaffService staff;
};

}  // namespace sanad::programmes
