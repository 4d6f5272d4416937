// CsvReader: a streaming RFC 4180 reader (quoted fields, doubled quotes, CRLF or LF, a UTF-8
// byte-order mark at the start) over text held by the caller. Knows the line and column where
// each record starts so errors can name them. Not thread-safe; one reader per input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sanad::io {

class CsvReader {
 public:
  // `source` names the input in error messages (a file name). `text` must outlive the reader.
  CsvReader(std::string source, std::string_view text);

  // Reads the next record into *fields. Returns false at the end of input or on error;
  // status() tells which.
  bool Next(std::vector<std::string>* fields);
  // Ok at a clean end; InvalidArgument "FILE:LINE:COL: reason" on malformed input.
  const Status& status() const { return status_; }
  // The 1-based line on which the record last returned by Next() started.
  int record_line() const { return record_line_; }

 private:
  std::string source_;
  std::string_view text_;
  size_t pos_ = 0;
  int line_ = 1;
  size_t line_start_ = 0;
  int record_line_ = 0;
  Status status_;
};

}  // namespace sanad::io
