// NameTable: the weighted names the dedup benchmark's generator draws from
// (bench/dedup/data/names.tsv, built by make_names.py): given and family names per community
// and sex, each with its Arabic-script form and Latin spellings weighted by how often they are
// seen. Immutable once loaded; safe to read from many threads.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace sanad::bench::dedup {

enum class Community { kArab, kKurdish, kChristian, kYazidi };

// One name: its Arabic-script spelling and its Latin spellings, most usual first.
struct NameEntry {
  std::string arabic;
  std::vector<std::string> latin;
  std::vector<double> latin_weight;  // same length as `latin`, sums to 1
};

// Names of one kind (given or family), community and sex with their Zipf-like weights.
class NameList {
 public:
  void Add(NameEntry entry, double weight);
  // Ready for drawing; call after the last Add.
  void Finish();
  const NameEntry& Draw(std::mt19937_64& rng) const;
  size_t size() const { return entries_.size(); }

 private:
  std::vector<NameEntry> entries_;
  std::vector<double> weights_;
  mutable std::discrete_distribution<size_t> pick_;
};

class NameTable {
 public:
  // Reads the TSV at `path`; nullopt with *error set when it cannot be read or parsed.
  static std::optional<NameTable> Load(const std::string& path, std::string* error);

  // `sex` is 'm' or 'f'; family names ignore it.
  const NameList& Given(Community community, char sex) const;
  const NameList& Family(Community community) const;

 private:
  std::map<std::string, NameList> lists_;  // "given/arab/male", "family/kurdish/-"
};

// A Latin spelling of `name` drawn by the spellings' weights.
const std::string& DrawLatin(const NameEntry& name, std::mt19937_64& rng);

}  // namespace sanad::bench::dedup
