#include "registry/import_columns.h"

#include <algorithm>
#include <utility>

namespace sanad::registry {
namespace {

using C = ImportColumn;

constexpr std::array<std::string_view, kImportColumnCount> kNames = {"household_ref",
                                                                     "displacement_status",
                                                                     "location_pcode",
                                                                     "location_site",
                                                                     "origin_pcode",
                                                                     "household_phone",
                                                                     "given_name",
                                                                     "father_name",
                                                                     "grandfather_name",
                                                                     "family_name",
                                                                     "name_latin",
                                                                     "sex",
                                                                     "birth_date",
                                                                     "relationship",
                                                                     "phone",
                                                                     "document_type",
                                                                     "document_number",
                                                                     "disability_seeing",
                                                                     "disability_hearing",
                                                                     "disability_mobility",
                                                                     "disability_cognition",
                                                                     "disability_self_care",
                                                                     "disability_communication"};

// Other header names for each column, in their normalised form (see NormaliseHeader). The
// table of docs/import.md; keep the two the same.
constexpr std::pair<std::string_view, C> kAliases[] = {
    {"household", C::kHouseholdRef},
    {"household_id", C::kHouseholdRef},
    {"household_reference", C::kHouseholdRef},
    {"household_number", C::kHouseholdRef},
    {"hh_ref", C::kHouseholdRef},
    {"hh_id", C::kHouseholdRef},
    {"family_id", C::kHouseholdRef},
    {"status", C::kDisplacementStatus},
    {"population_group", C::kDisplacementStatus},
    {"location", C::kLocationPcode},
    {"location_p_code", C::kLocationPcode},
    {"current_location", C::kLocationPcode},
    {"current_location_pcode", C::kLocationPcode},
    {"pcode", C::kLocationPcode},
    {"p_code", C::kLocationPcode},
    {"site", C::kLocationSite},
    {"site_name", C::kLocationSite},
    {"camp", C::kLocationSite},
    {"address", C::kLocationSite},
    {"origin", C::kOriginPcode},
    {"origin_p_code", C::kOriginPcode},
    {"place_of_origin", C::kOriginPcode},
    {"area_of_origin", C::kOriginPcode},
    {"household_phone_number", C::kHouseholdPhone},
    {"hh_phone", C::kHouseholdPhone},
    {"first_name", C::kGivenName},
    {"name", C::kGivenName},
    {"الاسم", C::kGivenName},
    {"fathers_name", C::kFatherName},
    {"father", C::kFatherName},
    {"second_name", C::kFatherName},
    {"اسم_الاب", C::kFatherName},
    {"grandfathers_name", C::kGrandfatherName},
    {"grandfather", C::kGrandfatherName},
    {"third_name", C::kGrandfatherName},
    {"اسم_الجد", C::kGrandfatherName},
    {"surname", C::kFamilyName},
    {"last_name", C::kFamilyName},
    {"tribe", C::kFamilyName},
    {"family_or_tribe", C::kFamilyName},
    {"اللقب", C::kFamilyName},
    {"name_in_latin", C::kNameLatin},
    {"name_in_latin_letters", C::kNameLatin},
    {"latin_name", C::kNameLatin},
    {"name_english", C::kNameLatin},
    {"name_en", C::kNameLatin},
    {"gender", C::kSex},
    {"الجنس", C::kSex},
    {"date_of_birth", C::kBirthDate},
    {"dob", C::kBirthDate},
    {"birthdate", C::kBirthDate},
    {"تاريخ_الميلاد", C::kBirthDate},
    {"relationship_to_head", C::kRelationship},
    {"relationship_to_head_of_household", C::kRelationship},
    {"relation", C::kRelationship},
    {"relation_to_head", C::kRelationship},
    {"صلة_القرابة", C::kRelationship},
    {"phone_number", C::kPhone},
    {"mobile", C::kPhone},
    {"mobile_number", C::kPhone},
    {"رقم_الهاتف", C::kPhone},
    {"id_type", C::kDocumentType},
    {"document", C::kDocumentType},
    {"نوع_الوثيقة", C::kDocumentType},
    {"id_number", C::kDocumentNumber},
    {"document_no", C::kDocumentNumber},
    {"رقم_الوثيقة", C::kDocumentNumber},
    {"wg_seeing", C::kDisabilitySeeing},
    {"difficulty_seeing", C::kDisabilitySeeing},
    {"wg_hearing", C::kDisabilityHearing},
    {"difficulty_hearing", C::kDisabilityHearing},
    {"wg_mobility", C::kDisabilityMobility},
    {"difficulty_walking", C::kDisabilityMobility},
    {"wg_cognition", C::kDisabilityCognition},
    {"difficulty_remembering", C::kDisabilityCognition},
    {"wg_self_care", C::kDisabilitySelfCare},
    {"difficulty_self_care", C::kDisabilitySelfCare},
    {"wg_communication", C::kDisabilityCommunication},
    {"difficulty_communicating", C::kDisabilityCommunication},
};

// KoboToolbox's metadata columns; every name that starts with '_' is ignored too.
constexpr std::string_view kIgnored[] = {
    "start",       "end",      "today",      "deviceid",   "subscriberid", "simserial",
    "phonenumber", "username", "audit",      "instanceid", "instancename", "deprecatedid",
    "uuid",        "version",  "start_time", "end_time"};

constexpr std::array<C, 6> kRequired = {
    C::kHouseholdRef, C::kGivenName,          C::kSex,
    C::kRelationship, C::kDisplacementStatus, C::kLocationPcode};

struct WordAlias {
  C column;
  std::string_view alias;
  std::string_view word;
};
constexpr WordAlias kWordAliases[] = {
    {C::kSex, "f", "female"},
    {C::kSex, "woman", "female"},
    {C::kSex, "girl", "female"},
    {C::kSex, "أنثى", "female"},
    {C::kSex, "انثى", "female"},
    {C::kSex, "m", "male"},
    {C::kSex, "man", "male"},
    {C::kSex, "boy", "male"},
    {C::kSex, "ذكر", "male"},
    {C::kRelationship, "head_of_household", "head"},
    {C::kRelationship, "hoh", "head"},
    {C::kRelationship, "wife", "spouse"},
    {C::kRelationship, "husband", "spouse"},
    {C::kRelationship, "son", "child"},
    {C::kRelationship, "daughter", "child"},
    {C::kRelationship, "father", "parent"},
    {C::kRelationship, "mother", "parent"},
    {C::kRelationship, "brother", "sibling"},
    {C::kRelationship, "sister", "sibling"},
    {C::kRelationship, "grandson", "grandchild"},
    {C::kRelationship, "granddaughter", "grandchild"},
    {C::kDisplacementStatus, "host", "host_community"},
};

// The last segment of a KoboToolbox group path, lower case, apostrophes dropped, every other
// run of ASCII punctuation or spaces as one '_' ("household/Father's name" → "fathers_name").
std::string NormaliseHeader(std::string_view header) {
  const size_t slash = header.rfind('/');
  if (slash != std::string_view::npos) header.remove_prefix(slash + 1);
  std::string out;
  for (size_t i = 0; i < header.size(); ++i) {
    const auto c = static_cast<unsigned char>(header[i]);
    if (c == '\'' || c == '`') continue;
    if (header.substr(i).starts_with("\u2019")) {  // a typographic apostrophe
      i += 2;
      continue;
    }
    if (c >= 0x80 || std::isalnum(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

std::optional<C> Lookup(const std::string& name) {
  for (size_t i = 0; i < kNames.size(); ++i) {
    if (kNames[i] == name) return static_cast<C>(i);
  }
  for (const auto& [alias, column] : kAliases) {
    if (alias == name) return column;
  }
  return std::nullopt;
}

bool Ignored(std::string_view header, const std::string& normalised) {
  const size_t slash = header.rfind('/');
  std::string_view last = slash == std::string_view::npos ? header : header.substr(slash + 1);
  while (!last.empty() && last.front() == ' ') last.remove_prefix(1);
  if (last.starts_with('_')) return true;
  return std::find(std::begin(kIgnored), std::end(kIgnored), normalised) != std::end(kIgnored);
}

}  // namespace

std::string_view ImportColumnName(ImportColumn c) { return kNames.at(static_cast<size_t>(c)); }

bool IsHouseholdColumn(ImportColumn c) { return c <= C::kHouseholdPhone; }

std::string ColumnMap::HeaderOf(ImportColumn c) const {
  const auto& i = index.at(static_cast<size_t>(c));
  if (i && *i < header.size()) return header[*i];
  return std::string(ImportColumnName(c));
}

ColumnMap MapHeader(const std::vector<std::string>& header, std::vector<HeaderProblem>* problems) {
  ColumnMap map;
  map.header = header;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = NormaliseHeader(header[i]);
    if (name.empty() || Ignored(header[i], name)) continue;
    const auto column = Lookup(name);
    if (!column) {
      problems->push_back({i,
                           "is not a column sanad imports: rename it to one of docs/import.md "
                           "or remove it"});
      continue;
    }
    auto& slot = map.index[static_cast<size_t>(*column)];
    if (slot) {
      problems->push_back({i, "is " + std::string(ImportColumnName(*column)) +
                                  " again (already column " + header[*slot] + ")"});
      continue;
    }
    slot = i;
  }
  for (const C c : kRequired) {
    if (!map.index[static_cast<size_t>(c)]) {
      problems->push_back(
          {header.size(), "the column " + std::string(ImportColumnName(c)) + " is required"});
    }
  }
  return map;
}

std::string ImportWord(ImportColumn column, std::string_view value) {
  std::string word;
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == ' ' || c == '-' || c == '_') {
      if (!word.empty() && word.back() != '_') word.push_back('_');
    } else {
      word.push_back(static_cast<char>(std::tolower(c)));
    }
  }
  while (!word.empty() && word.back() == '_') word.pop_back();
  for (const auto& a : kWordAliases) {
    if (a.column == column && a.alias == word) return std::string(a.word);
  }
  return word;
}

}  // namespace sanad::registry
