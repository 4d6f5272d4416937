#include "name_table.h"

#include <fstream>
#include <stdexcept>
#include <utility>

namespace sanad::bench::dedup {
namespace {

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t end = s.find(sep, start);
    out.emplace_back(s.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

const char* CommunityName(Community c) {
  switch (c) {
    case Community::kArab:
      return "arab";
    case Community::kKurdish:
      return "kurdish";
    case Community::kChristian:
      return "christian";
    case Community::kYazidi:
      return "yazidi";
  }
  return "arab";
}

}  // namespace

void NameList::Add(NameEntry entry, double weight) {
  entries_.push_back(std::move(entry));
  weights_.push_back(weight);
}

void NameList::Finish() {
  pick_ = std::discrete_distribution<size_t>(weights_.begin(), weights_.end());
}

const NameEntry& NameList::Draw(std::mt19937_64& rng) const { return entries_[pick_(rng)]; }

const std::string& DrawLatin(const NameEntry& name, std::mt19937_64& rng) {
  double r = std::uniform_real_distribution<double>(0, 1)(rng);
  for (size_t i = 0; i < name.latin.size(); ++i) {
    r -= name.latin_weight[i];
    if (r <= 0) return name.latin[i];
  }
  return name.latin.front();
}

std::optional<NameTable> NameTable::Load(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read " + path;
    return std::nullopt;
  }
  NameTable table;
  std::string line;
  int line_no = 0;
  bool header = true;
  while (std::getline(in, line)) {
    ++line_no;
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    const auto cols = Split(line, '\t');
    if (cols.size() != 6) {
      *error = path + ":" + std::to_string(line_no) + ": expected 6 tab-separated columns";
      return std::nullopt;
    }
    NameEntry entry{.arabic = cols[4]};
    double total = 0;
    for (const std::string& spelling : Split(cols[5], ';')) {
      const size_t colon = spelling.rfind(':');
      if (colon == std::string::npos) {
        *error = path + ":" + std::to_string(line_no) + ": latin spelling without a weight";
        return std::nullopt;
      }
      entry.latin.push_back(spelling.substr(0, colon));
      entry.latin_weight.push_back(std::strtod(spelling.c_str() + colon + 1, nullptr));
      total += entry.latin_weight.back();
    }
    if (entry.latin.empty() || total <= 0) {
      *error = path + ":" + std::to_string(line_no) + ": no latin spelling";
      return std::nullopt;
    }
    for (double& w : entry.latin_weight) w /= total;
    const double weight = std::strtod(cols[3].c_str(), nullptr);
    table.lists_[cols[0] + "/" + cols[1] + "/" + cols[2]].Add(std::move(entry), weight);
  }
  for (auto& [key, list] : table.lists_) list.Finish();
  for (const char* c : {"arab", "kurdish", "christian", "yazidi"}) {
    for (const char* k : {"given/%/male", "given/%/female", "family/%/-"}) {
      std::string key = k;
      key.replace(key.find('%'), 1, c);
      if (table.lists_[key].size() == 0) {
        *error = path + ": no names for " + key;
        return std::nullopt;
      }
    }
  }
  return table;
}

const NameList& NameTable::Given(Community community, char sex) const {
  return lists_.at(std::string("given/") + CommunityName(community) +
                   (sex == 'f' ? "/female" : "/male"));
}

const NameList& NameTable::Family(Community community) const {
  return lists_.at(std::string("family/") + CommunityName(community) + "/-");
}

}  // namespace sanad::bench::dedup
