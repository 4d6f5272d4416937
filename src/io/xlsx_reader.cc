#include "io/xlsx_reader.h"

#include <expat.h>
#include <zip.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <functional>
#include <memory>
#include <set>

#include "io/xml_stream_internal.h"

namespace sanad::io {
namespace {

constexpr size_t kChunk = 64 * 1024;
constexpr size_t kMaxColumns = 16384;  // XFD, as in Excel
constexpr int kMaxRow = 1'048'576;
// Serial day numbers of the 1900 date system: 1899-12-30 is day 0 from day 61 on (Excel keeps
// Lotus 1-2-3's fictitious 1900-02-29 as day 60); the last day Excel shows is 9999-12-31.
constexpr double kFictitiousLeapDay = 60;
constexpr double kMaxSerial = 2958465;

// Reads entries of a zip archive held in memory, counting every decompressed byte against
// one budget.
class Archive {
 public:
  Archive(std::string source, size_t budget)
      : source_(std::move(source)), limit_(budget), budget_(budget) {}
  ~Archive() {
    if (zip_ != nullptr) zip_discard(zip_);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  Status Open(std::string_view bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (src != nullptr) zip_ = zip_open_from_source(src, ZIP_RDONLY, &error);
    if (src != nullptr && zip_ == nullptr) zip_source_free(src);
    zip_error_fini(&error);
    if (zip_ == nullptr) return Error("is not an XLSX workbook (not a zip archive)");
    return Status::Ok();
  }

  bool Has(const std::string& name) const { return zip_name_locate(zip_, name.c_str(), 0) >= 0; }

  // Streams entry `name` to `sink` chunk by chunk; NotFound-style InvalidArgument when absent.
  Status Read(const std::string& name, const std::function<Status(std::string_view)>& sink) {
    const zip_int64_t index = zip_name_locate(zip_, name.c_str(), 0);
    if (index < 0) return Error("is not an XLSX workbook (" + name + " is missing)");
    std::unique_ptr<zip_file_t, decltype(&zip_fclose)> file(
        zip_fopen_index(zip_, static_cast<zip_uint64_t>(index), 0), &zip_fclose);
    if (!file) return Error("cannot open " + name + " in the archive: " + zip_strerror(zip_));
    std::string buffer(kChunk, '\0');
    while (true) {
      const zip_int64_t n = zip_fread(file.get(), buffer.data(), buffer.size());
      if (n < 0) return Error("cannot read " + name + ": " + zip_file_strerror(file.get()));
      if (n == 0) return Status::Ok();
      SANAD_RETURN_IF_ERROR(Spend(static_cast<size_t>(n)));
      SANAD_RETURN_IF_ERROR(sink(std::string_view(buffer.data(), static_cast<size_t>(n))));
    }
  }

  // Counts `n` bytes against the budget (decompressed bytes, and the cells made from them).
  Status Spend(size_t n) {
    if (n > budget_) {
      return Error("is too large: more than " + std::to_string(limit_ >> 20) +
                   " MiB once decompressed");
    }
    budget_ -= n;
    return Status::Ok();
  }

  const std::string& source() const { return source_; }
  Status Error(const std::string& reason) const {
    return Status::InvalidArgument(source_ + ": " + reason);
  }

 private:
  std::string source_;
  size_t limit_;
  size_t budget_;
  zip_t* zip_ = nullptr;
};

Status ParseEntry(Archive& zip, const std::string& name, XmlHandler& handler) {
  XmlStream xml(handler, zip.source() + ": " + name);
  SANAD_RETURN_IF_ERROR(
      zip.Read(name, [&](std::string_view chunk) { return xml.Feed(chunk, false); }));
  return xml.Feed({}, true);
}

// "xl/" for "xl/workbook.xml".
std::string DirOf(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? "" : path.substr(0, slash + 1);
}

// Resolves a relationship target against the directory of the part that refers to it.
std::string Resolve(const std::string& dir, const std::string& target) {
  if (target.starts_with('/')) return target.substr(1);
  std::string out = dir;
  std::string_view rest = target;
  while (rest.starts_with("../")) {
    rest.remove_prefix(3);
    if (!out.empty()) out = DirOf(out.substr(0, out.size() - 1));
  }
  return out + std::string(rest);
}

struct Relationship {
  std::string id;
  std::string type;  // the last segment of the type URI: "worksheet", "sharedStrings", ...
  std::string target;
};

class RelsHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const XmlAttributes& attrs) override {
    if (name != "Relationship") return;
    std::string type(attrs.Get("Type"));
    const size_t slash = type.rfind('/');
    if (slash != std::string::npos) type.erase(0, slash + 1);
    rels.push_back({std::string(attrs.Get("Id")), type, std::string(attrs.Get("Target"))});
  }
  std::vector<Relationship> rels;
};

class WorkbookHandler : public XmlHandler {
 public:
  struct Sheet {
    std::string name;
    std::string rel_id;
  };
  void Start(std::string_view name, const XmlAttributes& attrs) override {
    if (name == "workbookPr") {
      const std::string_view v = attrs.Get("date1904");
      date1904 = v == "1" || v == "true";
    } else if (name == "sheet") {
      sheets.push_back({std::string(attrs.Get("name")), std::string(attrs.Get("id"))});
    }
  }
  bool date1904 = false;
  std::vector<Sheet> sheets;
};

// Text of every <si> of sharedStrings.xml, rich-text runs joined, phonetic runs (rPh) left out.
class SharedStringsHandler : public XmlHandler {
 public:
  explicit SharedStringsHandler(Archive& zip) : zip_(zip) {}
  void Start(std::string_view name, const XmlAttributes&) override {
    if (name == "si") strings.emplace_back();
    if (name == "rPh") ++phonetic_;
    if (name == "t") in_t_ = true;
  }
  void End(std::string_view name) override {
    if (name == "rPh") --phonetic_;
    if (name == "t") in_t_ = false;
  }
  Status Text(std::string_view text) override {
    if (!in_t_ || phonetic_ > 0 || strings.empty()) return Status::Ok();
    SANAD_RETURN_IF_ERROR(zip_.Spend(text.size()));
    strings.back().append(text);
    return Status::Ok();
  }
  std::vector<std::string> strings;

 private:
  Archive& zip_;
  int phonetic_ = 0;
  bool in_t_ = false;
};

// Whether a custom number format shows a date: it has a day or year token outside quoted
// text, [brackets] and backslash escapes ('m' alone may be minutes).
bool IsDateFormatCode(std::string_view code) {
  bool quoted = false;
  bool bracket = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (quoted) {
      quoted = c != '"';
    } else if (bracket) {
      bracket = c != ']';
    } else if (c == '"') {
      quoted = true;
    } else if (c == '[') {
      bracket = true;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;
    } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
      return true;
    }
  }
  return false;
}

bool IsBuiltInDateFormat(int id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// For each cell style index (the `s` of a cell), whether it formats numbers as dates.
class StylesHandler : public XmlHandler {
 public:
  void Start(std::string_view name, const XmlAttributes& attrs) override {
    if (name == "numFmt") {
      if (const auto id = ParseInt(attrs.Get("numFmtId"))) {
        if (IsDateFormatCode(attrs.Get("formatCode"))) date_formats_.insert(*id);
      }
    } else if (name == "cellXfs") {
      in_cell_xfs_ = true;
    } else if (name == "xf" && in_cell_xfs_) {
      const int id = ParseInt(attrs.Get("numFmtId")).value_or(0);
      date_style.push_back(IsBuiltInDateFormat(id) || date_formats_.contains(id));
    }
  }
  void End(std::string_view name) override {
    if (name == "cellXfs") in_cell_xfs_ = false;
  }
  std::vector<bool> date_style;

 private:
  std::set<int> date_formats_;
  bool in_cell_xfs_ = false;
};

// Days since 1970-01-01 → "YYYY-MM-DD" (Howard Hinnant's civil_from_days).
std::string CivilDate(int64_t days) {
  days += 719468;
  const int64_t era = (days >= 0 ? days : days - 146096) / 146097;
  const int64_t doe = days - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2);
  char out[16];
  std::snprintf(out, sizeof out, "%04d-%02d-%02d", static_cast<int>(y), static_cast<int>(m),
                static_cast<int>(d));
  return out;
}

// A serial day number of a date-formatted cell as YYYY-MM-DD; the time of day is dropped.
// nullopt when the number is not a date Excel would show.
std::optional<std::string> SerialToDate(double serial, bool date1904) {
  if (!std::isfinite(serial) || serial < 0 || serial > kMaxSerial) return std::nullopt;
  const auto day = static_cast<int64_t>(std::floor(serial));
  constexpr int64_t k1899_12_30 = -25569;  // days from 1970-01-01
  constexpr int64_t k1904_01_01 = -24107;
  if (date1904) return CivilDate(k1904_01_01 + day);
  if (day == 0) return std::nullopt;
  if (day < kFictitiousLeapDay) return CivilDate(k1899_12_30 + day + 1);
  if (day == kFictitiousLeapDay) return "1900-02-29";
  return CivilDate(k1899_12_30 + day);
}

// Numbers as a person would type them: whole numbers without a decimal point or exponent
// ("9647501234567", not "9.647501234567E+12"); others as stored.
std::string TidyNumber(const std::string& text) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  constexpr double kExactIntegers = 1e15;
  if (ec != std::errc() || end != text.data() + text.size()) return text;
  if (std::floor(v) != v || std::fabs(v) >= kExactIntegers) return text;
  return std::to_string(static_cast<int64_t>(v));
}

// "C7" → column 2 (0-based) and row 7; false when malformed.
bool ParseCellRef(std::string_view ref, size_t* column, int* row) {
  size_t i = 0;
  size_t col = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3) {
    col = col * 26 + static_cast<size_t>(ref[i] - 'A' + 1);
    ++i;
  }
  if (i == 0 || col > kMaxColumns) return false;
  const auto r = ParseInt(ref.substr(i));
  if (!r || *r < 1 || *r > kMaxRow) return false;
  *column = col - 1;
  *row = *r;
  return true;
}

class SheetHandler : public XmlHandler {
 public:
  SheetHandler(Archive& zip, const std::vector<std::string>& strings,
               const std::vector<bool>& date_style, bool date1904)
      : zip_(zip), strings_(strings), date_style_(date_style), date1904_(date1904) {}

  void Start(std::string_view name, const XmlAttributes& attrs) override {
    if (!status_.ok()) return;
    if (name == "row") {
      const auto r = ParseInt(attrs.Get("r"));
      row_ = {.number = r.value_or(last_row_ + 1), .cells = {}};
      if (row_.number <= last_row_ || row_.number > kMaxRow) {
        status_ = zip_.Error("row " + std::string(attrs.Get("r")) + " is out of order");
      }
      next_column_ = 0;
    } else if (name == "c") {
      type_ = std::string(attrs.Get("t"));
      style_ = ParseInt(attrs.Get("s")).value_or(0);
      value_.clear();
      column_ = next_column_;
      const std::string_view ref = attrs.Get("r");
      int row = 0;
      if (!ref.empty() && (!ParseCellRef(ref, &column_, &row) || row != row_.number)) {
        status_ = zip_.Error("cell reference " + std::string(ref) + " is not in row " +
                             std::to_string(row_.number));
      }
      if (column_ < next_column_ && status_.ok()) {
        status_ = zip_.Error("cell " + std::string(ref) + " is out of order");
      }
      next_column_ = column_ + 1;
    } else if (name == "v" || (name == "t" && phonetic_ == 0)) {
      in_text_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    }
  }

  void End(std::string_view name) override {
    if (!status_.ok()) return;
    if (name == "v" || name == "t") {
      in_text_ = false;
    } else if (name == "rPh") {
      --phonetic_;
    } else if (name == "c") {
      EndCell();
    } else if (name == "row") {
      last_row_ = row_.number;
      if (!row_.cells.empty()) rows.push_back(std::move(row_));
    }
  }

  Status Text(std::string_view text) override {
    if (in_text_) value_.append(text);
    return status_;
  }

  Status status() const { return status_; }
  std::vector<XlsxRow> rows;

 private:
  void EndCell() {
    std::string text = CellText();
    if (!status_.ok() || text.empty()) return;
    status_ = zip_.Spend(text.size() + (column_ + 1 - row_.cells.size()) * sizeof(std::string));
    if (!status_.ok()) return;
    row_.cells.resize(column_ + 1);
    row_.cells[column_] = std::move(text);
  }

  std::string CellText() {
    if (type_ == "s") {
      const auto i = ParseInt(value_);
      if (!i || *i < 0 || static_cast<size_t>(*i) >= strings_.size()) {
        status_ = zip_.Error("cell " + Where() + " refers to a missing shared string");
        return "";
      }
      return strings_[static_cast<size_t>(*i)];
    }
    if (type_ == "b") return value_ == "1" ? "true" : value_ == "0" ? "false" : value_;
    if (type_ == "d")
      return value_.size() > 10 && value_[10] == 'T' ? value_.substr(0, 10) : value_;
    if (type_ == "inlineStr" || type_ == "str" || type_ == "e") return value_;
    if (value_.empty()) return value_;
    const bool is_date = style_ >= 0 && static_cast<size_t>(style_) < date_style_.size() &&
                         date_style_[static_cast<size_t>(style_)];
    if (is_date) {
      double serial = 0;
      const auto [end, ec] = std::from_chars(value_.data(), value_.data() + value_.size(), serial);
      if (ec == std::errc() && end == value_.data() + value_.size()) {
        if (auto date = SerialToDate(serial, date1904_)) return *date;
      }
    }
    return TidyNumber(value_);
  }

  std::string Where() const { return XlsxColumnName(column_) + std::to_string(row_.number); }

  Archive& zip_;
  const std::vector<std::string>& strings_;
  const std::vector<bool>& date_style_;
  bool date1904_;
  Status status_;
  XlsxRow row_;
  int last_row_ = 0;
  size_t next_column_ = 0;
  size_t column_ = 0;
  std::string type_;
  int style_ = 0;
  std::string value_;
  bool in_text_ = false;
  int phonetic_ = 0;
};

Result<std::vector<Relationship>> ReadRels(Archive& zip, const std::string& name) {
  RelsHandler rels;
  if (!zip.Has(name)) return rels.rels;
  SANAD_RETURN_IF_ERROR(ParseEntry(zip, name, rels));
  return std::move(rels.rels);
}

const Relationship* FindByType(const std::vector<Relationship>& rels, std::string_view type) {
  for (const auto& r : rels) {
    if (r.type == type) return &r;
  }
  return nullptr;
}

}  // namespace

std::string XlsxColumnName(size_t index) {
  std::string out;
  for (size_t n = index + 1; n > 0; n = (n - 1) / 26) {
    out.insert(out.begin(), static_cast<char>('A' + (n - 1) % 26));
  }
  return out;
}

Result<std::vector<XlsxRow>> ReadXlsxSheet(const std::string& source, std::string_view bytes,
                                           const XlsxOptions& options) {
  Archive zip(source, options.max_uncompressed_bytes);
  SANAD_RETURN_IF_ERROR(zip.Open(bytes));

  SANAD_ASSIGN_OR_RETURN(const auto package_rels, ReadRels(zip, "_rels/.rels"));
  const Relationship* doc = FindByType(package_rels, "officeDocument");
  const std::string workbook_path = doc ? Resolve("", doc->target) : "xl/workbook.xml";
  WorkbookHandler workbook;
  SANAD_RETURN_IF_ERROR(ParseEntry(zip, workbook_path, workbook));
  const std::string dir = DirOf(workbook_path);
  SANAD_ASSIGN_OR_RETURN(
      const auto rels, ReadRels(zip, dir + "_rels/" + workbook_path.substr(dir.size()) + ".rels"));

  if (workbook.sheets.empty()) return zip.Error("the workbook has no worksheet");
  const WorkbookHandler::Sheet* sheet = &workbook.sheets.front();
  if (!options.sheet.empty()) {
    sheet = nullptr;
    std::string names;
    for (const auto& s : workbook.sheets) {
      if (s.name == options.sheet) sheet = &s;
      names += (names.empty() ? "" : ", ") + s.name;
    }
    if (sheet == nullptr) {
      return zip.Error("has no sheet named '" + options.sheet + "' (it has: " + names + ")");
    }
  }
  const Relationship* sheet_rel = nullptr;
  for (const auto& r : rels) {
    if (r.id == sheet->rel_id) sheet_rel = &r;
  }
  if (sheet_rel == nullptr) return zip.Error("sheet '" + sheet->name + "' has no worksheet part");

  SharedStringsHandler strings(zip);
  if (const Relationship* r = FindByType(rels, "sharedStrings")) {
    SANAD_RETURN_IF_ERROR(ParseEntry(zip, Resolve(dir, r->target), strings));
  }
  StylesHandler styles;
  if (const Relationship* r = FindByType(rels, "styles")) {
    SANAD_RETURN_IF_ERROR(ParseEntry(zip, Resolve(dir, r->target), styles));
  }
  SheetHandler cells(zip, strings.strings, styles.date_style, workbook.date1904);
  SANAD_RETURN_IF_ERROR(ParseEntry(zip, Resolve(dir, sheet_rel->target), cells));
  SANAD_RETURN_IF_ERROR(cells.status());
  return std::move(cells.rows);
}

}  // namespace sanad::io
