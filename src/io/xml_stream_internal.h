// XmlStream: a thin layer over expat for the XLSX reader. Element and attribute names reach the
// handler without their namespace ("c", not "…/spreadsheetml/2006/main|c"), text arrives in
// pieces, and documents with a DOCTYPE are refused (no entity expansion at all). Not
// thread-safe; one stream per document.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sanad::io {

// The attributes of one start tag, as expat hands them over.
class XmlAttributes {
 public:
  explicit XmlAttributes(const char** attrs) : attrs_(attrs) {}
  // The value of the attribute whose local name is `name`, or "".
  std::string_view Get(std::string_view name) const;

 private:
  const char** attrs_;
};

class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void Start(std::string_view /*name*/, const XmlAttributes& /*attrs*/) {}
  virtual void End(std::string_view /*name*/) {}
  // A non-ok status stops the parse.
  virtual Status Text(std::string_view /*text*/) { return Status::Ok(); }
};

class XmlStream {
 public:
  // `context` starts the messages of XML errors ("book.xlsx: xl/workbook.xml").
  XmlStream(XmlHandler& handler, std::string context);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  // Parses the next piece (`last` for the end of the document). InvalidArgument "CONTEXT:
  // reason" on malformed XML or a DOCTYPE; a handler's error as the handler returned it.
  Status Feed(std::string_view chunk, bool last);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// A non-negative decimal integer that fits an int, or nullopt.
std::optional<int> ParseInt(std::string_view s);

}  // namespace sanad::io
