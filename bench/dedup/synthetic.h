// The seeded generator of synthetic Iraqi registrations with known truth: households of
// Arab, Kurdish, Christian and Yazidi families with Iraqi name chains, birth dates, places and
// phones, and re-registrations of some people passing through the documented error model
// (bench/dedup/README.md lists every rate). Deterministic for a given seed and options.
// Plain functions over values; not shared between threads.
#pragma once

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "matching/person_matcher.h"
#include "name_table.h"

namespace sanad::bench::dedup {

// Rates of the error model; every field is a probability unless its name says otherwise.
struct ErrorModel {
  // Share of people registered more than once; their extra registrations are 1, 2 or 3 with
  // these weights.
  double duplicate_rate = 0.20;
  double extra_copies_weight[3] = {0.6, 0.3, 0.1};
  // How the names of a first registration are written: Arabic-script parts (some of them
  // also with the whole name in Latin letters), Latin parts, or only a Latin full name.
  double original_latin_parts = 0.15;
  double original_latin_only = 0.05;
  double name_latin_with_arabic = 0.40;
  double upper_case_latin = 0.15;  // "ALI HUSSEIN" as on UN lists
  // A re-registration writes the names in another of the three ways.
  double script_switch = 0.30;
  // Per Latin part of a re-registration: one transliteration rule (LatinVariant).
  double latin_rule_per_part = 0.15;
  // Per re-registration: Arabic orthographic variants (ArabicVariant) on each Arabic part with
  // `arabic_variant_per_part`.
  double arabic_variant = 0.40;
  double arabic_variant_per_part = 0.5;
  double family_article = 0.20;  // Al-/ال added or dropped on the family name
  double typo = 0.20;            // one typo in one part
  double second_typo = 0.05;     // and another one in another part
  double drop_grandfather = 0.15;
  double drop_family = 0.10;
  double swap_parts = 0.05;  // two neighbouring parts swapped
  // Birth date of any registration: missing, year only, year and month, full; a full one is
  // the 1 January default with `default_new_year`.
  double birth_missing = 0.03;
  double birth_year_only = 0.30;
  double birth_month_only = 0.05;
  double default_new_year = 0.05;
  // Re-registration only: year off by one; day and month swapped (days up to 12).
  double birth_year_off = 0.08;
  double birth_day_month_swap = 0.02;
  double sex_missing = 0.02;
  double sex_wrong = 0.005;
  // Phone shown when the person has one; a re-registration may show another number (a new
  // SIM card); moved to another subdistrict (half of the moves in the same governorate).
  double phone_shown = 0.75;
  double phone_changed = 0.10;
  double moved = 0.20;
  double document_shown = 0.60;
};

struct SyntheticOptions {
  uint64_t records = 100000;  // registrations in all, duplicates included
  uint64_t seed = 1;
  ErrorModel errors;
};

// Registrations in a random order with, for each, the person it belongs to.
struct SyntheticData {
  std::vector<matching::PersonRecord> records;  // ids "R0000001" ...
  std::vector<uint32_t> person_of;              // same length as records
  uint64_t persons = 0;
  uint64_t households = 0;
};

// One subdistrict: its P-code and governorate.
struct Place {
  std::string pcode;
  std::string governorate;  // English name of the governorate (adm1)
};

// Subdistricts (level 3) of data/iraq/irq_admin_pcodes.csv, compiled into the program.
std::vector<Place> LoadSubdistricts();

// Makes people in households, then their registrations. Keeps the people so that more
// registrations of them can be made afterwards (search queries).
class RegistrationGenerator {
 public:
  RegistrationGenerator(const NameTable& names, std::vector<Place> places,
                        const SyntheticOptions& options);
  ~RegistrationGenerator();
  RegistrationGenerator(const RegistrationGenerator&) = delete;
  RegistrationGenerator& operator=(const RegistrationGenerator&) = delete;

  SyntheticData Generate();

  // One more registration of `person` (below SyntheticData::persons of Generate) as a
  // re-registration would look; deterministic in `rng`.
  matching::PersonRecord Reregister(uint32_t person, std::mt19937_64& rng) const;
  // The person's phone (11 digits, 07...), empty when they have none.
  const std::string& PhoneOf(uint32_t person) const;
  // How two people are related in the truth ("same household", "same father, grandfather,
  // family", "unrelated", with ", same four names" / ", same given name" and ", same birth
  // year"), for the benchmark's error analysis.
  std::string Relation(uint32_t a, uint32_t b) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Writes the CSV of `sanad dedup` (id,given_name,...,document_number) and the truth file
// (id,person). Returns false with *error set when a file cannot be written.
bool WriteCsv(const SyntheticData& data, const std::string& csv_path, const std::string& truth_path,
              std::string* error);

}  // namespace sanad::bench::dedup
