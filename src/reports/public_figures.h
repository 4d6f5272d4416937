// PublicFigures: the three answers of the public page (docs/programmes.md, "The public page") —
// which organisations have a public office, an organisation "in figures" for a year, and its
// missions with their activities — counted from public projects only, every count of people
// passed through disclosure control (disclosure.h). Never a name, an id, a phone or a record of
// a person, a household or a case: only aggregates and the names of organisations, offices and
// places. Thread-safe: it holds only references and the threshold, set at start-up.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/status.h"
#include "registry/place_directory.h"
#include "reports/disclosure.h"
#include "store/database.h"

namespace sanad::reports {

struct PublicOrganisation {
  int64_t id = 0;
  std::string name;
};

struct PublicBudget {
  std::string currency;
  int64_t budget = 0;  // minor units
  int64_t spent = 0;   // minor units, spent within the period
};

struct SectorReach {
  std::string sector;
  Count people_reached;
};

struct GovernorateReach {
  std::string pcode;  // governorate, 5 characters
  std::string name_en;
  std::string name_ar;
  Count people_reached;
};

struct ProjectCounts {
  int64_t ongoing = 0;
  int64_t completed = 0;
};

// An organisation in figures for one calendar year.
struct OrganisationFigures {
  PublicOrganisation organisation;
  int64_t threshold = 0;
  std::string from;  // YYYY-01-01
  std::string to;    // YYYY-12-31
  Count people_reached;
  ProjectCounts projects;  // public projects whose dates meet the year, by current status
  Count volunteers;        // active, in public active offices (now, not in the year)
  Count staff;
  std::vector<PublicBudget> budget;  // public projects of the year, per currency
  std::vector<SectorReach> by_sector;
  std::vector<GovernorateReach> by_governorate;
};

struct MissionActivity {
  std::string type;
  std::string sector;
  int64_t held = 0;  // done activities
  Count people_reached;
};

// A public, active office and what was done from it, all time.
struct Mission {
  int64_t id = 0;
  std::string name;
  std::string name_ar;
  double lat = 0;  // the office's point, else its place's label point
  double lon = 0;
  std::string pcode;
  std::string place_name_en;
  std::string place_name_ar;
  Count people_reached;
  ProjectCounts projects;
  std::vector<MissionActivity> activities;  // by type, then sector
};

class PublicFigures {
 public:
  // `threshold` is the server's --disclosure-threshold (>= kMinDisclosureThreshold).
  PublicFigures(store::Database& db, const registry::PlaceDirectory& places, const Clock& clock,
                int64_t threshold);

  int64_t threshold() const { return threshold_; }

  // Organisations with a public, active office, by id.
  Result<std::vector<PublicOrganisation>> Organisations() const;
  // The organisation in `year` (0 = the current year, UTC). NotFound when the organisation does
  // not exist or has no public, active office.
  Result<OrganisationFigures> Figures(int64_t organisation_id, int year) const;
  // Its public, active offices, by id. NotFound as Figures.
  Result<std::vector<Mission>> Missions(int64_t organisation_id) const;

 private:
  int CurrentYear() const;

  store::Database& db_;
  const registry::PlaceDirectory& places_;
  const Clock& clock_;
  int64_t threshold_;
};

}  // namespace sanad::reports
