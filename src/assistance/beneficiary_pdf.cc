#include "assistance/beneficiary_pdf.h"

#include <array>

#include "assistance/beneficiary_rows.h"
#include "assistance/distribution_rules.h"
#include "base/clock.h"
#include "io/list_pdf.h"

namespace sanad::assistance {
namespace {

// The printed words, by language: English, Arabic, Sorani.
struct Labels {
  std::string_view token, head, head_latin, size, entitlement, signature, place, dates, printed,
      households, empty, page;
};
constexpr std::array<Labels, 3> kLabels = {{
    {"Token", "Head of household", "Name (Latin)", "Size", "Entitlement", "Signature or thumb",
     "Place", "Dates", "Printed", "households", "No households on this list.",
     "page {page} of {pages}"},
    {"الرمز", "رب الأسرة", "الاسم (لاتيني)", "العدد", "الاستحقاق", "التوقيع أو البصمة", "المكان",
     "التواريخ", "طُبع في", "أسرة", "لا توجد أسر في هذه القائمة.", "صفحة {page} من {pages}"},
    {"کۆد", "سەرپەرشتیاری خێزان", "ناو (لاتینی)", "ژمارە", "شایستە", "واژۆ یان پەنجەمۆر", "شوێن",
     "بەروارەکان", "چاپکراوە لە", "خێزان", "هیچ خێزانێک لەم لیستەدا نییە.",
     "لاپەڕە {page} لە {pages}"},
}};

const Labels& LabelsFor(std::string_view language) {
  if (language == "ar") return kLabels[1];
  if (language == "ckb") return kLabels[2];
  return kLabels[0];
}

}  // namespace

Result<std::string> BeneficiaryListPdf(const Distribution& d, const std::vector<Beneficiary>& list,
                                       const registry::PlaceDirectory& places,
                                       std::string_view language, int64_t printed_at) {
  const Labels& l = LabelsFor(language);
  const bool arabic_script = language == "ar" || language == "ckb";
  const registry::Place* place = places.Find(d.pcode);
  std::string place_name = place ? (arabic_script ? place->name_ar : place->name_en) : d.pcode;
  if (!d.site.empty()) place_name += " — " + d.site;
  // Dates and times are left-to-right runs inside a right-to-left line: isolated (U+2066 … U+2069)
  // so the bidi algorithm does not reorder their digits and dashes.
  const auto ltr = [&](const std::string& text) {
    return arabic_script ? "\u2066" + text + "\u2069" : text;
  };
  io::ListPdf pdf{
      .title = d.name,
      .subtitle_lines = {std::string(l.place) + ": " + place_name,
                         std::string(l.dates) + ": " + ltr(d.starts_on) + " – " + ltr(d.ends_on) +
                             " · " + std::to_string(list.size()) + " " + std::string(l.households),
                         std::string(l.printed) + ": " + ltr(FormatUtc(printed_at))},
      // Weights: the token column fits its QR code and "WWWW-WWWW" beside it (io/list_pdf.h).
      .columns = {{"#", 0.6},
                  {std::string(l.token), 2.4},
                  {std::string(l.head), 2.4},
                  {std::string(l.head_latin), 1.8},
                  {std::string(l.size), 0.7},
                  {std::string(l.entitlement), 2.2},
                  {std::string(l.signature), 1.6}},
      .qr_column = 1,
      .signature_column = 6,
      .direction =
          arabic_script ? io::ListDirection::kRightToLeft : io::ListDirection::kLeftToRight,
      .empty_message = std::string(l.empty),
      .page_label = std::string(l.page)};
  pdf.rows.reserve(list.size());
  for (const Beneficiary& b : list) {
    const ListedMember* head = b.members.empty() ? nullptr : &b.members.front();
    for (const ListedMember& m : b.members) {
      if (m.relationship == "head") head = &m;
    }
    pdf.rows.push_back({std::to_string(b.position), FormatToken(b.token), head ? head->name : "",
                        head ? head->name_latin : "", std::to_string(b.size),
                        EntitlementText(d, b.entitlement, language), ""});
  }
  return io::WriteListPdf(pdf);
}

}  // namespace sanad::assistance
