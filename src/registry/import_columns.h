// The column mapping of the household import (docs/import.md): which header names a file may
// use for each field — sanad's own names, KoboToolbox names with their group prefixes
// ("household/given_name") and English labels ("Father's name") — which columns are ignored
// (KoboToolbox's metadata), and how enumerated answers ("Female", "IDP in camp") become the
// registry's words. Pure functions over constant tables; thread-safe.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sanad::registry {

// The fields a row can carry, household fields first.
enum class ImportColumn {
  kHouseholdRef,
  kDisplacementStatus,
  kLocationPcode,
  kLocationSite,
  kOriginPcode,
  kHouseholdPhone,
  kGivenName,
  kFatherName,
  kGrandfatherName,
  kFamilyName,
  kNameLatin,
  kSex,
  kBirthDate,
  kRelationship,
  kPhone,
  kDocumentType,
  kDocumentNumber,
  kDisabilitySeeing,
  kDisabilityHearing,
  kDisabilityMobility,
  kDisabilityCognition,
  kDisabilitySelfCare,
  kDisabilityCommunication,
  kCount,
};
inline constexpr size_t kImportColumnCount = static_cast<size_t>(ImportColumn::kCount);

// sanad's name of the column ("given_name").
std::string_view ImportColumnName(ImportColumn c);
// Whether the column describes the household (repeated on each of its rows) or the person.
bool IsHouseholdColumn(ImportColumn c);

// Where each field is in a file: the index of its column, or nothing.
struct ColumnMap {
  std::array<std::optional<size_t>, kImportColumnCount> index;
  std::vector<std::string> header;  // the file's header as written, for messages
  // The file's name of the column (or sanad's when the file has none).
  std::string HeaderOf(ImportColumn c) const;
};

// A problem with one header cell: its 0-based column index and the reason.
struct HeaderProblem {
  size_t column = 0;
  std::string reason;
};

// Maps a header row. Unknown names, a field named twice and a missing required column
// (household_ref, given_name, sex, relationship, displacement_status, location_pcode) are
// problems; ignorable columns (KoboToolbox metadata, blank headers of empty columns) are
// skipped.
ColumnMap MapHeader(const std::vector<std::string>& header, std::vector<HeaderProblem>* problems);

// An answer as the registry's word: lower case, spaces and hyphens as '_', and the aliases of
// docs/import.md ("F" → "female", "wife" → "spouse"). Unknown answers are returned
// normalised, and the validator refuses them with the list of allowed words.
std::string ImportWord(ImportColumn c, std::string_view value);

}  // namespace sanad::registry
