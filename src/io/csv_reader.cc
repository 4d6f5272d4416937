#include "io/csv_reader.h"

namespace sanad::io {

CsvReader::CsvReader(std::string source, std::string_view text)
    : source_(std::move(source)), text_(text) {
  if (text_.starts_with("\xEF\xBB\xBF")) pos_ = 3;
  line_start_ = pos_;
}

bool CsvReader::Next(std::vector<std::string>* fields) {
  fields->clear();
  if (!status_.ok() || pos_ >= text_.size()) return false;
  record_line_ = line_;
  std::string field;
  for (;;) {
    if (pos_ < text_.size() && text_[pos_] == '"') {
      const int quote_line = line_;
      const size_t quote_col = pos_ - line_start_ + 1;
      ++pos_;
      for (;;) {
        if (pos_ >= text_.size()) {
          status_ =
              Status::InvalidArgument(source_ + ":" + std::to_string(quote_line) + ":" +
                                      std::to_string(quote_col) + ": quoted field is never closed");
          return false;
        }
        const char c = text_[pos_++];
        if (c == '"') {
          if (pos_ < text_.size() && text_[pos_] == '"') {
            field.push_back('"');
            ++pos_;
            continue;
          }
          break;
        }
        if (c == '\n') {
          ++line_;
          line_start_ = pos_;
        }
        field.push_back(c);
      }
      if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' && text_[pos_] != '\r') {
        status_ = Status::InvalidArgument(source_ + ":" + std::to_string(line_) + ":" +
                                          std::to_string(pos_ - line_start_ + 1) +
                                          ": unexpected character after a closing quote");
        return false;
      }
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
             text_[pos_] != '\r') {
        field.push_back(text_[pos_++]);
      }
    }
    fields->push_back(std::move(field));
    field.clear();
    if (pos_ >= text_.size()) return true;
    const char sep = text_[pos_++];
    if (sep == ',') continue;
    if (sep == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
    ++line_;
    line_start_ = pos_;
    return true;
  }
}

}  // namespace sanad::io
