// PlaceDirectory: Iraq's P-coded places held in memory (413 rows), loaded from the shipped
// COD-AB table into the database and read back once at start. Immutable after Load, so it is
// safe to share between threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "registry/place.h"
#include "store/database.h"

namespace sanad::registry {

class PlaceDirectory {
 public:
  PlaceDirectory() = default;
  // A directory of the given places (for tools and tests that have no database).
  explicit PlaceDirectory(std::vector<Place> places);

  // Parses the embedded table data/iraq/irq_admin_pcodes.csv.
  static Result<std::vector<Place>> ParseShippedPlaces();
  // Writes the shipped places into the database (idempotent) and loads them.
  static Result<PlaceDirectory> SeedAndLoad(store::Database& db);

  const Place* Find(std::string_view pcode) const;
  bool Exists(std::string_view pcode) const { return Find(pcode) != nullptr; }
  // Places of one level (0 = all) under `parent` ("" = any), filtered by a name fragment in
  // either language (normalised), sorted by English name.
  std::vector<Place> List(int level, std::string_view parent, std::string_view text) const;
  // The place and its parents, governorate first.
  std::vector<Place> Path(std::string_view pcode) const;

 private:
  std::vector<Place> places_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace sanad::registry
