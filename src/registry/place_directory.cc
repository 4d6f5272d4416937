#include "registry/place_directory.h"

#include <algorithm>
#include <cstdlib>

#include "base/embedded_files.h"
#include "io/csv_reader.h"
#include "matching/normalise.h"
#include "store/place_store.h"

namespace sanad::registry {
namespace {

constexpr std::string_view kPlacesFile = "data/iraq/irq_admin_pcodes.csv";

}  // namespace

Result<std::vector<Place>> PlaceDirectory::ParseShippedPlaces() {
  auto text = FindEmbeddedFile(kPlacesFile);
  if (!text) return Status::Internal("the places table is not embedded in this build");
  io::CsvReader reader(std::string(kPlacesFile), *text);
  std::vector<std::string> f;
  std::vector<Place> out;
  if (!reader.Next(&f)) return Status::Internal("the places table is empty");
  // level,pcode,name_en,name_ar,name_ref,parent_pcode,adm1_pcode,adm1_en,adm2_pcode,adm2_en,
  // label_lat,label_lon,label_method
  while (reader.Next(&f)) {
    if (f.size() < 12) continue;
    out.push_back({.pcode = f[1],
                   .level = f[0] == "1"   ? 1
                            : f[0] == "2" ? 2
                            : f[0] == "3" ? 3
                                          : 0,
                   .parent_pcode = f[5] == "IQ" ? "" : f[5],
                   .name_en = f[2],
                   .name_ar = f[3],
                   .lat = std::strtod(f[10].c_str(), nullptr),
                   .lon = std::strtod(f[11].c_str(), nullptr)});
  }
  SANAD_RETURN_IF_ERROR(reader.status());
  return out;
}

PlaceDirectory::PlaceDirectory(std::vector<Place> places) : places_(std::move(places)) {
  for (size_t i = 0; i < places_.size(); ++i) index_[places_[i].pcode] = i;
}

Result<PlaceDirectory> PlaceDirectory::SeedAndLoad(store::Database& db) {
  SANAD_ASSIGN_OR_RETURN(std::vector<Place> shipped, ParseShippedPlaces());
  std::vector<Place> loaded;
  SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    auto existing = store::ListAllPlaces(c);
    if (!existing.ok()) return existing.status();
    if (existing->size() != shipped.size()) {
      SANAD_RETURN_IF_ERROR(store::UpsertPlaces(c, shipped));
      existing = store::ListAllPlaces(c);
      if (!existing.ok()) return existing.status();
    }
    loaded = std::move(existing).value();
    return Status::Ok();
  }));
  return PlaceDirectory(std::move(loaded));
}

const Place* PlaceDirectory::Find(std::string_view pcode) const {
  auto it = index_.find(std::string(pcode));
  return it == index_.end() ? nullptr : &places_[it->second];
}

std::vector<Place> PlaceDirectory::List(int level, std::string_view parent,
                                        std::string_view text) const {
  const std::string needle = matching::NormaliseText(text);
  std::vector<Place> out;
  for (const auto& p : places_) {
    if (level != 0 && p.level != level) continue;
    if (!parent.empty() && p.parent_pcode != parent) continue;
    if (!needle.empty() && matching::NormaliseText(p.name_en).find(needle) == std::string::npos &&
        matching::NormaliseText(p.name_ar).find(needle) == std::string::npos) {
      continue;
    }
    out.push_back(p);
  }
  std::sort(out.begin(), out.end(),
            [](const Place& a, const Place& b) { return a.name_en < b.name_en; });
  return out;
}

std::vector<Place> PlaceDirectory::Path(std::string_view pcode) const {
  std::vector<Place> path;
  for (const Place* p = Find(pcode); p != nullptr; p = Find(p->parent_pcode)) {
    path.insert(path.begin(), *p);
    if (p->parent_pcode.empty()) break;
  }
  return path;
}

}  // namespace sanad::registry
