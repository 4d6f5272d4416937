// ServiceDirectory: the services every organisation offers, by type and place, shared by all
// organisations. Every logged-in user lists and searches it; supervisors and admins maintain
// their own organisation's services, one by one or from a CSV file (all or nothing). Every
// write is audited in the same transaction. Thread-safe: it holds references to a thread-safe
// Database, PlaceDirectory and Clock.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "access/actor.h"
#include "base/clock.h"
#include "base/status.h"
#include "referrals/service.h"
#include "registry/household_import.h"
#include "registry/place_directory.h"
#include "store/database.h"

namespace sanad::referrals {

struct ServiceImportRequest {
  std::string source;  // the file's name, for messages
  std::string_view text;
  bool dry_run = false;
};

struct ServiceImportReport {
  bool dry_run = false;
  bool imported = false;                          // true when every row was written
  int rows = 0;                                   // services in the file
  std::vector<int64_t> service_ids;               // of the services written, in file order
  std::vector<registry::ImportProblem> problems;  // every problem, in file order
};

class ServiceDirectory {
 public:
  ServiceDirectory(store::Database& db, const registry::PlaceDirectory& places, const Clock& clock)
      : db_(db), places_(places), clock_(clock) {}

  // InvalidArgument naming each bad query parameter (type, pcode, page, limit, active).
  Result<ServicePage> List(const access::Actor& actor, const ServiceQuery& query) const;
  // NotFound when there is no such service (inactive ones are found).
  Result<Service> Get(const access::Actor& actor, int64_t id) const;
  // A service of the actor's organisation. PermissionDenied for roles other than supervisor
  // and admin; InvalidArgument naming every bad field.
  Result<Service> Create(const access::Actor& actor, Service service);
  // PermissionDenied for a service of another organisation; Conflict when `edit.version` is
  // stale; InvalidArgument as Create.
  Result<Service> Update(const access::Actor& actor, int64_t id, const ServiceEdit& edit);
  // Creates every service of a CSV file for the actor's organisation, or none: any problem
  // (malformed file, a bad cell, a service already in the directory or twice in the file)
  // leaves the directory unchanged and is reported with its line and column.
  Result<ServiceImportReport> Import(const access::Actor& actor,
                                     const ServiceImportRequest& request);

  // Normalised words that `q` matches: name, organisation, contact name, phone digits,
  // email and eligibility.
  static std::string BuildSearchText(const Service& s);

  static constexpr int kMaxLimit = 200;

 private:
  store::Database& db_;
  const registry::PlaceDirectory& places_;
  const Clock& clock_;
};

}  // namespace sanad::referrals
