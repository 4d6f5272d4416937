// `sanad dedup`: finds probable duplicates in a people CSV file, without a database.
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "io/person_csv.h"
#include "matching/person_matcher.h"

namespace sanad::cli {
namespace {

constexpr auto kProgressInterval = std::chrono::milliseconds(500);

struct DedupCommandOptions {
  std::string input;
  std::string output;
  std::string pairs;
  double threshold = matching::DedupOptions{}.threshold;
  int threads = 0;
  bool quiet = false;
};

// A CSV field, quoted when it needs to be.
std::string Quote(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
  return out;
}

// Writes `text` to `path` through a temporary file renamed into place, so a failed run leaves
// no half-written output.
Status WriteAtomically(const std::string& path, const std::string& text) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(tmp, ignored);
      return Status::Unavailable("cannot write " + path);
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    std::filesystem::remove(tmp, ec);
    return Status::Unavailable("cannot write " + path + ": " + ec.message());
  }
  return Status::Ok();
}

void RunDedup(const DedupCommandOptions& o) {
  std::ifstream in(o.input, std::ios::binary);
  if (!in) return Fail("cannot read " + o.input, 2);
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  auto people = io::ReadPersonCsv(o.input, text);
  if (!people.ok()) return Fail(people.status().message(), 2);

  matching::DedupOptions options;
  options.threshold = o.threshold;
  options.threads = o.threads;
  if (!o.quiet) {
    auto last = std::chrono::steady_clock::now() - kProgressInterval;
    options.progress = [last](std::string_view stage, uint64_t done, uint64_t total) mutable {
      const auto now = std::chrono::steady_clock::now();
      if (now - last < kProgressInterval && done != total) return;
      last = now;
      const double percent = total == 0 ? 100.0 : 100.0 * static_cast<double>(done) / total;
      std::fprintf(stderr, "sanad dedup: %-10.*s %5.1f%%\n", static_cast<int>(stage.size()),
                   stage.data(), percent);
    };
  }
  const std::vector<matching::PersonRecord>& records = people->records;
  const matching::DedupResult result = matching::Deduplicate(records, options);

  std::string clusters = "id,cluster\n";
  for (size_t i = 0; i < records.size(); ++i) {
    clusters += Quote(records[i].id) + "," + Quote(records[result.cluster_of[i]].id) + "\n";
  }
  std::string pairs;
  if (!o.pairs.empty()) {
    pairs = "id_a,id_b,score,reasons\n";
    char score[32];
    for (const matching::ScoredPair& p : result.pairs) {
      std::snprintf(score, sizeof score, "%.2f", p.score);
      pairs += Quote(records[p.a].id) + "," + Quote(records[p.b].id) + "," + score + "," +
               Quote(matching::FormatReasons(p.reasons)) + "\n";
    }
  }
  if (Status s = WriteAtomically(o.output, clusters); !s.ok()) return Fail(s.message(), 1);
  if (!o.pairs.empty()) {
    if (Status s = WriteAtomically(o.pairs, pairs); !s.ok()) return Fail(s.message(), 1);
  }
  if (!o.quiet) {
    std::fprintf(stderr, "sanad dedup: %zu records, %zu probable duplicate pairs\n", records.size(),
                 result.pairs.size());
  }
}

}  // namespace

void AddDedup(CLI::App& app) {
  auto o = std::make_shared<DedupCommandOptions>();
  CLI::App* cmd = app.add_subcommand(
      "dedup", "Find probable duplicates in a people CSV file (no database needed)");
  cmd->add_option("--input", o->input,
                  "UTF-8 CSV with a header: id,given_name,father_name,grandfather_name,"
                  "family_name,name_latin,sex,birth_date,pcode,phone,document_number")
      ->required();
  cmd->add_option("--output", o->output, "clusters CSV to write: id,cluster")->required();
  cmd->add_option("--pairs", o->pairs, "pairs CSV to write: id_a,id_b,score,reasons");
  cmd->add_option("--threshold", o->threshold, "score at which a pair is a probable duplicate")
      ->capture_default_str();
  cmd->add_option("--threads", o->threads, "worker threads (0: all cores)")->capture_default_str();
  cmd->add_flag("--quiet", o->quiet, "no progress on stderr");
  cmd->callback([o] { RunDedup(*o); });
}

}  // namespace sanad::cli
