#include "registry/household_rows.h"

#include <algorithm>
#include <unordered_map>

#include "base/clock.h"
#include "io/xlsx_reader.h"
#include "registry/import_columns.h"

namespace sanad::registry {
namespace {

using C = ImportColumn;

constexpr int64_t kLatestTimeZoneSeconds = 14 * 3600;

constexpr std::pair<C, const char*> kDisabilityColumns[] = {
    {C::kDisabilitySeeing, "seeing"},      {C::kDisabilityHearing, "hearing"},
    {C::kDisabilityMobility, "mobility"},  {C::kDisabilityCognition, "cognition"},
    {C::kDisabilitySelfCare, "self_care"}, {C::kDisabilityCommunication, "communication"}};

bool ValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    size_t n = 0;
    uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    }
    if ((c & 0xE0) == 0xC0) {
      n = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    for (size_t k = 1; k <= n; ++k) {
      if (i + k >= s.size()) return false;
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    constexpr uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n + 1;
  }
  return true;
}

std::string Trimmed(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return "";
  return std::string(s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1));
}

// Reads one row's cells through the column map.
class RowView {
 public:
  RowView(const ColumnMap& map, const io::TableRow& row) : map_(map), row_(row) {}
  std::string Get(C c) const {
    const auto& i = map_.index[static_cast<size_t>(c)];
    if (!i || *i >= row_.cells.size()) return "";
    return Trimmed(row_.cells[*i]);
  }

 private:
  const ColumnMap& map_;
  const io::TableRow& row_;
};

// A date of birth as the validator reads it: the date part of a timestamp some tools export
// ("1984-07-15T00:00:00.000+03:00").
std::string BirthDate(std::string s) {
  if (s.size() > 10 && s[10] == 'T') s.resize(10);
  return s;
}

Member MemberFromRow(const RowView& v) {
  Member m{.given_name = v.Get(C::kGivenName),
           .father_name = v.Get(C::kFatherName),
           .grandfather_name = v.Get(C::kGrandfatherName),
           .family_name = v.Get(C::kFamilyName),
           .name_latin = v.Get(C::kNameLatin),
           .sex = ImportWord(C::kSex, v.Get(C::kSex)),
           .birth_date = BirthDate(v.Get(C::kBirthDate)),
           .relationship = ImportWord(C::kRelationship, v.Get(C::kRelationship)),
           .phone = v.Get(C::kPhone)};
  const std::string type = v.Get(C::kDocumentType);
  const std::string number = v.Get(C::kDocumentNumber);
  if (!type.empty() || !number.empty()) {
    m.documents.push_back({.type = ImportWord(C::kDocumentType, type), .number = number});
  }
  for (const auto& [column, domain] : kDisabilityColumns) {
    const std::string answer = v.Get(column);
    if (!answer.empty()) m.disability[domain] = ImportWord(column, answer);
  }
  return m;
}

// The column of a validator's field path ("members[2].documents[0].number" → document_number)
// and the member it is about (-1 for the household's own fields).
std::pair<C, int> ColumnOfField(const std::string& field) {
  static const std::unordered_map<std::string, C> kHousehold = {
      {"displacement_status", C::kDisplacementStatus},
      {"location.pcode", C::kLocationPcode},
      {"location.site", C::kLocationSite},
      {"origin.pcode", C::kOriginPcode},
      {"phone", C::kHouseholdPhone},
      {"members", C::kRelationship}};
  if (!field.starts_with("members[")) {
    const auto it = kHousehold.find(field);
    return {it == kHousehold.end() ? C::kHouseholdRef : it->second, -1};
  }
  const size_t close = field.find(']');
  const int member = std::stoi(field.substr(8, close - 8));
  std::string rest = close + 2 <= field.size() ? field.substr(close + 2) : "";
  if (rest.starts_with("documents")) {
    return {rest.ends_with(".number") ? C::kDocumentNumber : C::kDocumentType, member};
  }
  if (rest.starts_with("disability.")) {
    for (const auto& [column, domain] : kDisabilityColumns) {
      if (rest == std::string("disability.") + domain) return {column, member};
    }
    return {C::kDisabilitySeeing, member};
  }
  for (size_t c = 0; c < kImportColumnCount; ++c) {
    if (ImportColumnName(static_cast<C>(c)) == rest) return {static_cast<C>(c), member};
  }
  return {C::kGivenName, member};
}

class Builder {
 public:
  Builder(const io::Table& table, const ColumnMap& map, std::vector<ImportProblem>* problems)
      : table_(table), map_(map), problems_(problems) {}

  void Add(int row, C column, std::string reason) {
    problems_->push_back(
        {.row = row, .column = map_.HeaderOf(column), .reason = std::move(reason)});
  }

  // Checks the cells of a row that no column reads, and that the text is UTF-8.
  bool CheckCells(const io::TableRow& row) {
    bool ok = true;
    const size_t width = map_.header.size();
    if (table_.format == io::TableFormat::kCsv && row.cells.size() != width) {
      problems_->push_back({.row = row.line,
                            .reason = "has " + std::to_string(row.cells.size()) +
                                      " fields but the header has " + std::to_string(width)});
      return false;
    }
    for (size_t i = 0; i < row.cells.size(); ++i) {
      const bool headless = i >= width || Trimmed(map_.header[i]).empty();
      if (headless && !Trimmed(row.cells[i]).empty()) {
        problems_->push_back({.row = row.line,
                              .column = io::XlsxColumnName(i),
                              .reason = "has a value but its column has no header"});
        ok = false;
      } else if (!headless && !ValidUtf8(row.cells[i])) {
        problems_->push_back({.row = row.line,
                              .column = map_.header[i],
                              .reason = "is not UTF-8 text: save the file as \"CSV UTF-8\""});
        ok = false;
      }
    }
    return ok;
  }

  std::vector<FileHousehold> Group() {
    std::vector<FileHousehold> out;
    std::unordered_map<std::string, size_t> by_ref;
    for (size_t r = 0; r < table_.rows.size(); ++r) {
      const io::TableRow& row = table_.rows[r];
      if (!CheckCells(row)) continue;
      const std::string ref = RowView(map_, row).Get(C::kHouseholdRef);
      if (ref.empty()) {
        Add(row.line, C::kHouseholdRef, "is required: it groups the rows of one household");
        continue;
      }
      auto [it, fresh] = by_ref.emplace(ref, out.size());
      if (fresh) out.push_back({.ref = ref});
      out[it->second].rows.push_back(static_cast<int>(r));
    }
    return out;
  }

  // Fills fh.household from its rows (fh.rows holds indices into the table until then).
  void Build(FileHousehold* fh) {
    std::vector<const io::TableRow*> rows;
    for (const int r : fh->rows) rows.push_back(&table_.rows[static_cast<size_t>(r)]);
    const io::TableRow* head = rows.front();
    for (const auto* row : rows) {
      if (ImportWord(C::kRelationship, RowView(map_, *row).Get(C::kRelationship)) == "head") {
        head = row;
        break;
      }
    }
    const RowView h(map_, *head);
    Household& hh = fh->household;
    hh.displacement_status = ImportWord(C::kDisplacementStatus, h.Get(C::kDisplacementStatus));
    hh.location_pcode = h.Get(C::kLocationPcode);
    hh.location_site = h.Get(C::kLocationSite);
    hh.origin_pcode = h.Get(C::kOriginPcode);
    hh.phone = h.Get(C::kHouseholdPhone);
    for (const auto* row : rows) {
      const RowView v(map_, *row);
      for (size_t c = 0; c < kImportColumnCount; ++c) {
        const auto column = static_cast<C>(c);
        if (!IsHouseholdColumn(column) || row == head) continue;
        const std::string value = v.Get(column);
        if (!value.empty() && value != h.Get(column)) {
          Add(row->line, column,
              "differs from the household's row " + std::to_string(head->line) + " (\"" +
                  h.Get(column) + "\"): give household fields once, or the same on every row");
        }
      }
      hh.members.push_back(MemberFromRow(v));
    }
    for (auto& r : fh->rows) r = table_.rows[static_cast<size_t>(r)].line;
    head_line_ = head->line;
  }

  void Validate(FileHousehold* fh, const ValidationContext& ctx) {
    const Status s = ValidateHousehold(&fh->household, ctx);
    fh->valid = s.ok();
    for (const FieldError& e : s.fields()) {
      const auto [column, member] = ColumnOfField(e.field);
      const int row = member >= 0 && static_cast<size_t>(member) < fh->rows.size()
                          ? fh->rows[static_cast<size_t>(member)]
                          : head_line_;
      Add(row, column, e.reason);
    }
  }

 private:
  const io::Table& table_;
  const ColumnMap& map_;
  std::vector<ImportProblem>* problems_;
  int head_line_ = 0;
};

}  // namespace

PartialDate LatestToday(int64_t now_seconds) {
  std::string why;
  return *ParsePartialDate(FormatUtcDate(now_seconds + kLatestTimeZoneSeconds), &why);
}

std::vector<FileHousehold> HouseholdsFromRows(const io::Table& table, const ValidationContext& ctx,
                                              std::vector<ImportProblem>* problems) {
  if (table.header.empty()) return {};
  std::vector<HeaderProblem> header_problems;
  const ColumnMap map = MapHeader(table.header, &header_problems);
  for (const auto& p : header_problems) {
    problems->push_back({.row = table.header_line,
                         .column = p.column < table.header.size() ? table.header[p.column] : "",
                         .reason = p.reason});
  }
  if (!header_problems.empty()) return {};
  const size_t first = problems->size();
  Builder builder(table, map, problems);
  std::vector<FileHousehold> households = builder.Group();
  for (auto& fh : households) {
    builder.Build(&fh);
    builder.Validate(&fh, ctx);
  }
  std::stable_sort(problems->begin() + static_cast<std::ptrdiff_t>(first), problems->end(),
                   [](const ImportProblem& a, const ImportProblem& b) { return a.row < b.row; });
  return households;
}

}  // namespace sanad::registry
