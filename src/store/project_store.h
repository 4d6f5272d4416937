// SQL of projects and their places (migration 0006_programmes.sql). Every read and write names
// the organisation, so another organisation's project is never seen nor changed. Reads fill the
// office's name, what was spent (non-voided expenditures) and whether any expenditure exists.
// Functions run on a Connection inside the caller's transaction.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "programmes/programme.h"
#include "store/database.h"

namespace sanad::store {

struct ProjectFilter {
  int64_t organisation_id = 0;
  std::vector<std::string> terms;  // normalised words, each must occur in the search text
  std::string status;              // "" = any
  std::string sector;              // "" = any
  int64_t office_id = 0;           // 0 = any
  // Projects with a place at or under `pcode`, or at one of `pcode_above` (the places over it).
  std::string pcode;
  std::vector<std::string> pcode_above;
  int limit = 25;
  int offset = 0;
};

// Inserts *p (version 1) with its places; fills id, version and times.
Status InsertProject(Connection& c, programmes::Project* p, const std::string& search_text,
                     int64_t now);
Result<std::optional<programmes::Project>> GetProject(Connection& c, int64_t organisation_id,
                                                      int64_t id);
Result<std::optional<int64_t>> FindProjectByCode(Connection& c, int64_t organisation_id,
                                                 const std::string& code);
// Writes *p and its places over the stored version `expected_version`: NotFound or Conflict
// naming `version` (nothing changes).
Status UpdateProject(Connection& c, programmes::Project* p, int64_t expected_version,
                     const std::string& search_text, int64_t now);
// Newest start first, then newest id.
Result<std::vector<programmes::Project>> ListProjects(Connection& c, const ProjectFilter& f);
Result<int64_t> CountProjects(Connection& c, const ProjectFilter& f);

// After a project's office changed: the service records of the project take the new office
// (0 = none), except those of activities that name their own office.
Status ReassignProjectOffice(Connection& c, int64_t project_id, int64_t office_id);

}  // namespace sanad::store
