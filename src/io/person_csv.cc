#include "io/person_csv.h"

#include <array>
#include <optional>
#include <unordered_map>

#include "io/csv_reader.h"

namespace sanad::io {
namespace {

enum class Column {
  kId,
  kGiven,
  kFather,
  kGrandfather,
  kFamily,
  kLatin,
  kSex,
  kBirthDate,
  kPcode,
  kPhone,
  kDocument
};
constexpr std::array<std::string_view, 11> kColumnNames = {"id",
                                                           "given_name",
                                                           "father_name",
                                                           "grandfather_name",
                                                           "family_name",
                                                           "name_latin",
                                                           "sex",
                                                           "birth_date",
                                                           "pcode",
                                                           "phone",
                                                           "document_number"};

std::string Where(const std::string& source, int line, int column) {
  return source + ":" + std::to_string(line) + ":" + std::to_string(column) + ": ";
}

// The length of the UTF-8 sequence starting at text[i], or 0 when it is invalid.
size_t Utf8Length(std::string_view text, size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  size_t n = 0;
  uint32_t cp = 0;
  if (b < 0x80) return 1;
  if ((b & 0xE0) == 0xC0) {
    n = 2;
    cp = b & 0x1F;
  } else if ((b & 0xF0) == 0xE0) {
    n = 3;
    cp = b & 0x0F;
  } else if ((b & 0xF8) == 0xF0) {
    n = 4;
    cp = b & 0x07;
  } else {
    return 0;
  }
  if (i + n > text.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    const auto c = static_cast<unsigned char>(text[i + k]);
    if ((c & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (c & 0x3F);
  }
  static constexpr std::array<uint32_t, 5> kMin = {0, 0, 0x80, 0x800, 0x10000};
  if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

// Ok, or the line and column of the first byte that is not UTF-8.
Status CheckUtf8(const std::string& source, std::string_view text) {
  int line = 1;
  int column = 1;
  for (size_t i = 0; i < text.size();) {
    const size_t n = Utf8Length(text, i);
    if (n == 0) return Status::InvalidArgument(Where(source, line, column) + "not valid UTF-8");
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += n;
  }
  return Status::Ok();
}

// The character column at which field `index` of the record starting on `line` begins.
int FieldColumn(std::string_view text, int line, size_t index) {
  size_t pos = text.starts_with("\xEF\xBB\xBF") ? 3 : 0;
  for (int l = 1; l < line && pos < text.size(); ++pos) {
    if (text[pos] == '\n') ++l;
  }
  int column = 1;
  size_t field = 0;
  bool quoted = false;
  while (pos < text.size() && field < index) {
    const char c = text[pos];
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) ++field;
    if (c == '\n' && !quoted) break;
    if (c == '\n') column = 0;
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++column;
    ++pos;
  }
  return column;
}

std::optional<char> ParseSex(std::string_view s) {
  if (s.empty()) return char{0};
  std::string lower;
  for (char c : s) lower.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  if (lower == "f" || lower == "female") return 'f';
  if (lower == "m" || lower == "male") return 'm';
  return std::nullopt;
}

}  // namespace

Result<PersonCsv> ReadPersonCsv(const std::string& source, std::string_view text) {
  SANAD_RETURN_IF_ERROR(CheckUtf8(source, text));
  CsvReader reader(source, text);
  std::vector<std::string> fields;
  if (!reader.Next(&fields)) {
    if (!reader.status().ok()) return reader.status();
    return Status::InvalidArgument(Where(source, 1, 1) + "empty file: expected a header line");
  }
  const int header_line = reader.record_line();
  std::vector<Column> columns;
  std::array<int, kColumnNames.size()> seen{};
  for (size_t i = 0; i < fields.size(); ++i) {
    const int col = FieldColumn(text, header_line, i);
    size_t k = 0;
    while (k < kColumnNames.size() && kColumnNames[k] != fields[i]) ++k;
    if (k == kColumnNames.size()) {
      std::string expected;
      for (std::string_view n : kColumnNames)
        expected += (expected.empty() ? "" : ", ") + std::string(n);
      return Status::InvalidArgument(Where(source, header_line, col) + "unknown column \"" +
                                     fields[i] + "\" (expected " + expected + ")");
    }
    if (seen[k]++ != 0) {
      return Status::InvalidArgument(Where(source, header_line, col) + "column \"" + fields[i] +
                                     "\" appears twice");
    }
    columns.push_back(static_cast<Column>(k));
  }
  if (seen[0] == 0) {
    return Status::InvalidArgument(Where(source, header_line, 1) + "the header has no id column");
  }
  PersonCsv out;
  std::unordered_map<std::string, int> id_line;
  while (reader.Next(&fields)) {
    const int line = reader.record_line();
    if (fields.size() == 1 && fields[0].empty()) continue;  // a blank line
    if (fields.size() != columns.size()) {
      // The first field too many, or the last one there is.
      const size_t at = fields.size() > columns.size() ? columns.size() : fields.size() - 1;
      return Status::InvalidArgument(Where(source, line, FieldColumn(text, line, at)) +
                                     "the row has " + std::to_string(fields.size()) +
                                     " fields, the header " + std::to_string(columns.size()));
    }
    matching::PersonRecord r;
    for (size_t i = 0; i < fields.size(); ++i) {
      std::string& f = fields[i];
      auto fail = [&](const std::string& why) {
        return Status::InvalidArgument(Where(source, line, FieldColumn(text, line, i)) +
                                       std::string(kColumnNames[static_cast<size_t>(columns[i])]) +
                                       ": " + why);
      };
      switch (columns[i]) {
        case Column::kId: {
          if (f.empty()) return fail("empty id");
          auto [it, inserted] = id_line.emplace(f, line);
          if (!inserted) {
            return fail("duplicate id \"" + f + "\" (first on line " + std::to_string(it->second) +
                        ")");
          }
          r.id = std::move(f);
          break;
        }
        case Column::kGiven:
          r.given_name = std::move(f);
          break;
        case Column::kFather:
          r.father_name = std::move(f);
          break;
        case Column::kGrandfather:
          r.grandfather_name = std::move(f);
          break;
        case Column::kFamily:
          r.family_name = std::move(f);
          break;
        case Column::kLatin:
          r.name_latin = std::move(f);
          break;
        case Column::kSex: {
          const std::optional<char> sex = ParseSex(f);
          if (!sex) return fail("\"" + f + "\" is not f, m, female, male or empty");
          r.sex = *sex;
          break;
        }
        case Column::kBirthDate: {
          if (f.empty()) break;
          std::string why;
          r.birth_date = ParsePartialDate(f, &why);
          if (!r.birth_date)
            return fail("\"" + f + "\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD): " + why);
          break;
        }
        case Column::kPcode:
          r.pcode = std::move(f);
          break;
        case Column::kPhone:
          r.phone = std::move(f);
          break;
        case Column::kDocument:
          r.document_number = std::move(f);
          break;
      }
    }
    out.records.push_back(std::move(r));
    out.lines.push_back(line);
  }
  if (!reader.status().ok()) return reader.status();
  return out;
}

}  // namespace sanad::io
