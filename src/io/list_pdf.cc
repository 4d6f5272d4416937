#include "io/list_pdf.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <glib.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <qrencode.h>

#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/pdf_fonts_internal.h"

namespace sanad::io {
namespace {

// A4 portrait in PDF points (1/72 inch).
constexpr double kPageWidth = 595.2756;
constexpr double kPageHeight = 841.8898;
constexpr double kMargin = 36;
constexpr double kFooterHeight = 20;  // reserved above the bottom margin
constexpr double kTitleGap = 10;      // between the subtitle lines and the table
constexpr double kCellPadding = 4;
constexpr double kRuleWidth = 0.5;
constexpr double kHeaderShade = 0.88;  // grey of the header row
constexpr double kTitleSize = 15;
constexpr double kSubtitleSize = 9.5;
constexpr double kBodySize = 9;
constexpr double kFooterSize = 8;
// 0.44 mm modules with the standard 4-module quiet zone: what ordinary USB and phone scanners
// read off a laser print.
constexpr double kQrModule = 1.25;
constexpr int kQrQuietModules = 4;
constexpr double kSignatureHeight = 30;

struct GObjectUnref {
  void operator()(gpointer p) const { g_object_unref(p); }
};
struct CairoDestroy {
  void operator()(cairo_t* cr) const { cairo_destroy(cr); }
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct FontDescriptionFree {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
struct QrFree {
  void operator()(QRcode* q) const { QRcode_free(q); }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;
using QrPtr = std::unique_ptr<QRcode, QrFree>;

enum class Side { kStart, kEnd };

// Text Pango accepts: no NUL bytes (they end a C string) and valid UTF-8.
std::string CleanText(std::string_view text) {
  std::string no_nul;
  no_nul.reserve(text.size());
  for (char ch : text) {
    if (ch != '\0') no_nul += ch;
  }
  gchar* valid = g_utf8_make_valid(no_nul.data(), static_cast<gssize>(no_nul.size()));
  std::string out(valid);
  g_free(valid);
  return out;
}

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size())) {
    text.replace(at, from.size(), to);
  }
  return text;
}

QrPtr EncodeQr(const std::string& token) {
  if (token.empty()) return nullptr;
  return QrPtr(QRcode_encodeData(static_cast<int>(token.size()),
                                 reinterpret_cast<const unsigned char*>(token.data()), 0,
                                 QR_ECLEVEL_M));
}

// Where a QR code and its token sit in a cell of the token column.
struct QrCellGeometry {
  double module = kQrModule;
  double box = 0;           // the code with its quiet zone, square
  bool text_beside = true;  // else under it, wrapped if need be
};

// The token goes beside its code only when it fits there on one line: a token broken at its
// dash reads as two.
QrCellGeometry QrGeometry(const QRcode* qr, double column_width, double token_width) {
  QrCellGeometry g;
  if (qr != nullptr) {
    const int modules = qr->width + 2 * kQrQuietModules;
    g.module = std::min(kQrModule, column_width / modules);
    g.box = g.module * modules;
  }
  g.text_beside = column_width - g.box - 2 * kCellPadding >= token_width;
  return g;
}

class ListPdfWriter {
 public:
  ListPdfWriter(const ListPdf& list, cairo_t* cr, PangoContext* pango)
      : list_(list), cr_(cr), pango_(pango), rtl_(list.direction == ListDirection::kRightToLeft) {
    font_.reset(pango_font_description_new());
    pango_font_description_set_family(font_.get(), kPdfFontFamily);
    pango_context_set_base_dir(pango_, rtl_ ? PANGO_DIRECTION_RTL : PANGO_DIRECTION_LTR);
    LayOutColumns();
  }

  void Write() {
    const double title_bottom = DrawTitle();
    if (list_.rows.empty()) {
      DrawLayout(Layout(list_.empty_message, kBodySize, kTableWidth(), Side::kStart), kMargin,
                 title_bottom);
      DrawFooter(1, 1);
      cairo_show_page(cr_);
      return;
    }
    const double header_height = RowHeight(HeaderCells(), /*is_header=*/true);
    const double bottom = kPageHeight - kMargin - kFooterHeight;
    // Measure every row, then cut pages, so the footer can say how many pages there are.
    std::vector<double> heights;
    heights.reserve(list_.rows.size());
    for (const auto& row : list_.rows) {
      heights.push_back(std::min(RowHeight(row, false), bottom - kMargin - header_height));
    }
    std::vector<size_t> page_starts{0};
    double y = title_bottom + header_height;
    for (size_t i = 0; i < heights.size(); ++i) {
      // A fresh page takes any row (they are capped to fit); only the first page, below the
      // title, may stay without rows.
      if (y + heights[i] > bottom && (i > page_starts.back() || page_starts.size() == 1)) {
        page_starts.push_back(i);
        y = kMargin + header_height;
      }
      y += heights[i];
    }
    const size_t pages = page_starts.size();
    for (size_t p = 0; p < pages; ++p) {
      y = p == 0 ? title_bottom : kMargin;
      DrawRow(HeaderCells(), y, header_height, true);
      y += header_height;
      const size_t end = p + 1 < pages ? page_starts[p + 1] : list_.rows.size();
      for (size_t i = page_starts[p]; i < end; ++i) {
        DrawRow(list_.rows[i], y, heights[i], false);
        y += heights[i];
      }
      DrawFooter(p + 1, pages);
      cairo_show_page(cr_);
    }
  }

 private:
  static constexpr double kTableWidth() { return kPageWidth - 2 * kMargin; }

  void LayOutColumns() {
    double total = 0;
    for (const auto& c : list_.columns) total += c.weight;
    double start = 0;  // distance from the table's start edge
    for (const auto& c : list_.columns) {
      const double width = kTableWidth() * c.weight / total;
      column_x_.push_back(rtl_ ? kMargin + kTableWidth() - start - width : kMargin + start);
      column_width_.push_back(width);
      start += width;
    }
  }

  std::vector<std::string> HeaderCells() const {
    std::vector<std::string> cells;
    for (const auto& c : list_.columns) cells.push_back(c.header);
    return cells;
  }

  // A paragraph of `width` points, lined up on the document's start or end side whatever the
  // direction of its own text.
  LayoutPtr Layout(std::string_view text, double size, double width, Side side) const {
    LayoutPtr layout(pango_layout_new(pango_));
    pango_font_description_set_absolute_size(font_.get(), size * PANGO_SCALE);
    pango_layout_set_font_description(layout.get(), font_.get());
    const std::string clean = CleanText(text);
    pango_layout_set_text(layout.get(), clean.data(), static_cast<int>(clean.size()));
    pango_layout_set_width(layout.get(), static_cast<int>(std::max(width, 1.0) * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_auto_dir(layout.get(), TRUE);
    const bool left = (side == Side::kStart) != rtl_;
    pango_layout_set_alignment(layout.get(), left ? PANGO_ALIGN_LEFT : PANGO_ALIGN_RIGHT);
    // With auto_dir, Pango mirrors the alignment of a paragraph whose direction is not the
    // context's (an Arabic name in an English list); mirror it back so a column lines up.
    const PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), 0);
    if (line != nullptr) {
      const bool line_rtl = line->resolved_dir == PANGO_DIRECTION_RTL ||
                            line->resolved_dir == PANGO_DIRECTION_WEAK_RTL;
      if (line_rtl != rtl_) {
        pango_layout_set_alignment(layout.get(), left ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
      }
    }
    return layout;
  }

  // The width of `text` on one line, unwrapped.
  double NaturalWidth(std::string_view text, double size) const {
    const auto layout = Layout(text, size, 0, Side::kStart);
    pango_layout_set_width(layout.get(), -1);
    int width = 0;
    int height = 0;
    pango_layout_get_size(layout.get(), &width, &height);
    return static_cast<double>(width) / PANGO_SCALE;
  }

  static double Height(const LayoutPtr& layout) {
    int width = 0;
    int height = 0;
    pango_layout_get_size(layout.get(), &width, &height);
    return static_cast<double>(height) / PANGO_SCALE;
  }

  void DrawLayout(const LayoutPtr& layout, double x, double y) const {
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, layout.get());
  }

  // Draws the title and subtitle lines; returns where the table starts.
  double DrawTitle() const {
    double y = kMargin;
    const auto title = Layout(list_.title, kTitleSize, kTableWidth(), Side::kStart);
    DrawLayout(title, kMargin, y);
    y += Height(title) + 2;
    for (const auto& line : list_.subtitle_lines) {
      const auto sub = Layout(line, kSubtitleSize, kTableWidth(), Side::kStart);
      DrawLayout(sub, kMargin, y);
      y += Height(sub);
    }
    return y + kTitleGap;
  }

  void DrawFooter(size_t page, size_t pages) const {
    const std::string label =
        ReplaceAll(ReplaceAll(list_.page_label, "{page}", std::to_string(page)), "{pages}",
                   std::to_string(pages));
    const double y = kPageHeight - kMargin - kFooterSize * 1.5;
    const double half = kTableWidth() / 2;
    const double start_x = rtl_ ? kMargin + half : kMargin;
    const double end_x = rtl_ ? kMargin : kMargin + half;
    DrawLayout(Layout(list_.title, kFooterSize, half, Side::kStart), start_x, y);
    DrawLayout(Layout(label, kFooterSize, half, Side::kEnd), end_x, y);
  }

  double TextWidth(size_t column) const { return column_width_[column] - 2 * kCellPadding; }

  double RowHeight(const std::vector<std::string>& cells, bool is_header) const {
    double height = 0;
    for (size_t c = 0; c < cells.size(); ++c) {
      double h = 0;
      if (!is_header && list_.signature_column == c) {
        h = kSignatureHeight;
      } else if (!is_header && list_.qr_column == c) {
        const QrPtr qr = EncodeQr(cells[c]);
        const QrCellGeometry g =
            QrGeometry(qr.get(), column_width_[c], NaturalWidth(cells[c], kBodySize));
        const double text_width = g.text_beside ? column_width_[c] - g.box : column_width_[c];
        const double text =
            Height(Layout(cells[c], kBodySize, text_width - 2 * kCellPadding, Side::kStart)) +
            2 * kCellPadding;
        h = g.text_beside ? std::max(g.box, text) : g.box + text;
      } else {
        h = Height(Layout(cells[c], kBodySize, TextWidth(c), Side::kStart)) + 2 * kCellPadding;
      }
      height = std::max(height, h);
    }
    return height;
  }

  void DrawQrCell(const std::string& token, size_t c, double y) const {
    const QrPtr qr = EncodeQr(token);
    const double x = column_x_[c];
    const double width = column_width_[c];
    const QrCellGeometry g = QrGeometry(qr.get(), width, NaturalWidth(token, kBodySize));
    // The code sits on the cell's start side, the token beside it or under it.
    const double box_x = rtl_ ? x + width - g.box : x;
    if (qr != nullptr) {
      const double origin_x = box_x + kQrQuietModules * g.module;
      const double origin_y = y + kQrQuietModules * g.module;
      const int n = qr->width;
      // Runs of dark modules as rectangles of one path, filled once: no seams between them.
      for (int r = 0; r < n; ++r) {
        for (int col = 0; col < n;) {
          if ((qr->data[r * n + col] & 1) == 0) {
            ++col;
            continue;
          }
          int end = col;
          while (end < n && (qr->data[r * n + end] & 1) != 0) ++end;
          cairo_rectangle(cr_, origin_x + col * g.module, origin_y + r * g.module,
                          (end - col) * g.module, g.module);
          col = end;
        }
      }
      cairo_set_source_rgb(cr_, 0, 0, 0);
      cairo_fill(cr_);
    }
    if (g.text_beside) {
      const double text_x = rtl_ ? x : x + g.box;
      const auto text = Layout(token, kBodySize, width - g.box - 2 * kCellPadding, Side::kStart);
      DrawLayout(text, text_x + kCellPadding, y + kCellPadding);
    } else {
      const auto text = Layout(token, kBodySize, TextWidth(c), Side::kStart);
      DrawLayout(text, x + kCellPadding, y + g.box + kCellPadding);
    }
  }

  void DrawRow(const std::vector<std::string>& cells, double y, double height,
               bool is_header) const {
    for (size_t c = 0; c < cells.size(); ++c) {
      const double x = column_x_[c];
      const double width = column_width_[c];
      cairo_save(cr_);
      cairo_rectangle(cr_, x, y, width, height);
      cairo_clip(cr_);
      if (is_header) {
        cairo_set_source_rgb(cr_, kHeaderShade, kHeaderShade, kHeaderShade);
        cairo_paint(cr_);
      }
      if (!is_header && list_.signature_column == c) {
        // The whole cell is the box to sign in: nothing is drawn inside it.
      } else if (!is_header && list_.qr_column == c) {
        DrawQrCell(cells[c], c, y);
      } else {
        DrawLayout(Layout(cells[c], kBodySize, TextWidth(c), Side::kStart), x + kCellPadding,
                   y + kCellPadding);
      }
      cairo_restore(cr_);
      cairo_set_source_rgb(cr_, 0, 0, 0);
      cairo_set_line_width(cr_, kRuleWidth);
      cairo_rectangle(cr_, x, y, width, height);
      cairo_stroke(cr_);
    }
  }

  const ListPdf& list_;
  cairo_t* cr_;
  PangoContext* pango_;
  const bool rtl_;
  std::unique_ptr<PangoFontDescription, FontDescriptionFree> font_;
  std::vector<double> column_x_;      // left edge of each column, in page coordinates
  std::vector<double> column_width_;  // in points
};

Status Validate(const ListPdf& list) {
  if (list.columns.empty())
    return Status::InvalidArgument("a list needs columns", {{"columns", "is empty"}});
  for (size_t c = 0; c < list.columns.size(); ++c) {
    if (!(list.columns[c].weight > 0)) {
      const std::string field = "columns[" + std::to_string(c) + "].weight";
      return Status::InvalidArgument(field + " must be positive", {{field, "must be positive"}});
    }
  }
  for (size_t r = 0; r < list.rows.size(); ++r) {
    if (list.rows[r].size() != list.columns.size()) {
      const std::string field = "rows[" + std::to_string(r) + "]";
      const std::string reason = "has " + std::to_string(list.rows[r].size()) + " cells for " +
                                 std::to_string(list.columns.size()) + " columns";
      return Status::InvalidArgument(field + " " + reason, {{field, reason}});
    }
  }
  if (list.qr_column && *list.qr_column >= list.columns.size()) {
    return Status::InvalidArgument("qr_column is not a column", {{"qr_column", "is not a column"}});
  }
  if (list.signature_column &&
      (*list.signature_column >= list.columns.size() || list.signature_column == list.qr_column)) {
    return Status::InvalidArgument("signature_column is not a free column",
                                   {{"signature_column", "is not a free column"}});
  }
  return Status::Ok();
}

cairo_status_t AppendToString(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

Result<std::string> WriteListPdf(const ListPdf& list) {
  SANAD_RETURN_IF_ERROR(Validate(list));
  SANAD_ASSIGN_OR_RETURN(FcConfig * config, PdfFontConfig());

  // A font map of this call's own: Pango's font maps and contexts are not safe to share
  // between threads.
  std::unique_ptr<PangoFontMap, GObjectUnref> font_map(
      pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT));
  if (!font_map) return Status::Internal("Pango has no FreeType font map");
  pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(font_map.get()), config);

  std::string pdf;
  std::unique_ptr<cairo_surface_t, CairoDestroy> surface(
      cairo_pdf_surface_create_for_stream(AppendToString, &pdf, kPageWidth, kPageHeight));
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, list.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "sanad");
  {
    std::unique_ptr<cairo_t, CairoDestroy> cr(cairo_create(surface.get()));
    std::unique_ptr<PangoContext, GObjectUnref> pango(
        pango_font_map_create_context(font_map.get()));
    pango_cairo_update_context(cr.get(), pango.get());
    // Unhinted metrics: the layout depends on the font alone, not on a device's grid.
    cairo_font_options_t* options = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(pango.get(), options);
    cairo_font_options_destroy(options);

    ListPdfWriter(list, cr.get(), pango.get()).Write();
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
      return Status::Internal(std::string("cannot draw the PDF: ") +
                              cairo_status_to_string(cairo_status(cr.get())));
    }
  }
  cairo_surface_finish(surface.get());
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    return Status::Internal(std::string("cannot write the PDF: ") +
                            cairo_status_to_string(cairo_surface_status(surface.get())));
  }
  return pdf;
}

}  // namespace sanad::io
