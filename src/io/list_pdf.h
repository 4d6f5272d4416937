// The printed beneficiary list: a table written as an A4 PDF (Pango shapes the text, Cairo
// writes the PDF, libqrencode draws tokens as QR codes). Arabic and Sorani are shaped with the
// font compiled into the program (data/fonts), never the machine's, so a list prints the same
// everywhere. Thread-safe: each call has its own Pango font map, context and Cairo surface;
// only the read-only fontconfig set of the embedded font is shared (io/pdf_fonts_internal.h).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"

namespace sanad::io {

// The reading direction of the interface the list is printed for (Arabic and Kurdish: right
// to left). It orders the columns and the start side of every cell; each cell's own text is
// still laid out in its script's direction (as HTML's dir="auto"), so an Arabic name reads
// right to left in an English list and a Latin name left to right in an Arabic one.
enum class ListDirection { kLeftToRight, kRightToLeft };

struct ListPdfColumn {
  std::string header;
  // Share of the table's width relative to the other columns (must be > 0).
  double weight = 1;
};

// One list to print. Pages: the title and subtitle lines on the first page, the header row on
// every page, a footer with the title and `page_label` on every page; a row is never split
// across pages (a row taller than a whole page is cut at the page's end).
struct ListPdf {
  std::string title;
  std::vector<std::string> subtitle_lines;  // round, place, dates, "printed at …"
  std::vector<ListPdfColumn> columns;
  std::vector<std::vector<std::string>> rows;  // one UTF-8 cell per column
  // A column whose cells are also drawn as a QR code of the cell's exact bytes (the token).
  std::optional<std::size_t> qr_column;
  // A column drawn as an empty box to sign in; its cells are ignored (may be empty strings).
  std::optional<std::size_t> signature_column;
  ListDirection direction = ListDirection::kLeftToRight;
  // Printed in place of the table when there are no rows, e.g. "No households on this list".
  std::string empty_message;
  // The footer's page number; "{page}" and "{pages}" are replaced, e.g. "صفحة {page} من {pages}".
  std::string page_label = "page {page} of {pages}";
};

// The bytes of the PDF. InvalidArgument naming the field ("columns", "columns[2].weight",
// "rows[7]", "qr_column", "signature_column") when a row has not one cell per column, a
// weight is not positive or a column index is out of range; Internal when the font cannot be
// set up or Cairo fails. Invalid UTF-8 is printed as U+FFFD, not refused.
Result<std::string> WriteListPdf(const ListPdf& list);

}  // namespace sanad::io
