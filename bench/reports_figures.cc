// Figures (reports_internal.h): a report's answer as sorted text lines, written to a file and
// compared line by line.
#include <algorithm>
#include <fstream>
#include <iterator>

#include "reports_internal.h"

namespace sanad::bench {

void Figures::Add(std::string_view table, std::initializer_list<std::string_view> keys,
                  std::initializer_list<std::pair<std::string_view, int64_t>> values) {
  // A line of zeros says nothing: one side may list empty cells that the other leaves out.
  if (std::all_of(values.begin(), values.end(), [](const auto& v) { return v.second == 0; })) {
    return;
  }
  std::string line(table);
  for (std::string_view k : keys) {
    line += '\t';
    line += k;
  }
  for (const auto& [name, value] : values) {
    line += '\t';
    line += name;
    line += '=';
    line += std::to_string(value);
  }
  lines.push_back(std::move(line));
}

void Figures::Sort() { std::sort(lines.begin(), lines.end()); }

Status WriteFigures(const std::string& path, const Figures& f) {
  std::ofstream out(path, std::ios::trunc);
  for (const auto& line : f.lines) out << line << '\n';
  out.flush();
  if (!out) return Status::Internal("cannot write " + path);
  return Status::Ok();
}

Result<Figures> ReadFigures(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::NotFound("cannot read " + path);
  Figures f;
  for (std::string line; std::getline(in, line);) f.lines.push_back(std::move(line));
  f.Sort();
  return f;
}

std::string DescribeDifference(const Figures& a, const Figures& b, size_t max_lines) {
  std::vector<std::string> only_a;
  std::vector<std::string> only_b;
  std::set_difference(a.lines.begin(), a.lines.end(), b.lines.begin(), b.lines.end(),
                      std::back_inserter(only_a));
  std::set_difference(b.lines.begin(), b.lines.end(), a.lines.begin(), a.lines.end(),
                      std::back_inserter(only_b));
  if (only_a.empty() && only_b.empty()) return "";
  std::string out = std::to_string(only_a.size()) + " lines only in the first answer, " +
                    std::to_string(only_b.size()) + " only in the second";
  auto list = [&](const std::vector<std::string>& lines, std::string_view side) {
    for (size_t i = 0; i < lines.size() && i < max_lines; ++i) {
      out += "\n  ";
      out += side;
      out += ' ';
      out += lines[i];
    }
  };
  list(only_a, "-");
  list(only_b, "+");
  return out;
}

}  // namespace sanad::bench
