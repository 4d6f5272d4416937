#include "matching/normalise.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

namespace sanad::matching {
namespace {

// Maps one code point after decomposition; returns 0 to drop it, ' ' for a separator.
UChar32 Fold(UChar32 c) {
  switch (c) {
    case 0x0640:
      return 0;  // tatweel
    case 0x0621:
      return 0;  // lone hamza
    case 0x0671:
      return 0x0627;  // alef wasla
    case 0x0629:
      return 0x0647;  // ta marbuta → ha
    case 0x0649:
      return 0x064A;  // alef maqsura → ya
    case 0x06CC:
      return 0x064A;  // Persian/Kurdish yeh
    case 0x06CE:
      return 0x064A;  // Sorani ێ
    case 0x06D0:
      return 0x064A;
    case 0x06A9:
      return 0x0643;  // keheh → kaf
    case 0x06AA:
      return 0x0643;
    case 0x06D5:
      return 0x0647;  // Sorani ە → ha
    case 0x06BE:
      return 0x0647;  // heh doachashmee
    case 0x06C1:
      return 0x0647;
    case 0x0695:
      return 0x0631;  // Sorani ڕ → ra
    case 0x06B5:
      return 0x0644;  // Sorani ڵ → lam
    case 0x06C6:
      return 0x0648;  // Sorani ۆ → waw
    case 0x06C7:
      return 0x0648;
    case 0x06C8:
      return 0x0648;
    case 0x06CB:
      return 0x0648;
    case 0x2019:
      return 0;  // right single quotation mark (apostrophe in names)
    case 0x2018:
      return 0;
    case 0x02BC:
      return 0;
    case 0x02BF:
      return 0;  // ayn transliteration mark
    case 0x02BE:
      return 0;  // hamza transliteration mark
    case '\'':
      return 0;
    case '`':
      return 0;
    default:
      break;
  }
  if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  const int8_t type = u_charType(c);
  if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_FORMAT_CHAR) return 0;
  if (u_isalnum(c)) return u_tolower(c);
  return ' ';
}

}  // namespace

std::string NormaliseText(std::string_view text) {
  UErrorCode err = U_ZERO_ERROR;
  const icu::Normalizer2* nfkd = icu::Normalizer2::getNFKDInstance(err);
  icu::UnicodeString in = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString decomposed;
  if (U_SUCCESS(err)) decomposed = nfkd->normalize(in, err);
  if (U_FAILURE(err)) decomposed = in;
  icu::UnicodeString out;
  bool pending_space = false;
  for (int32_t i = 0; i < decomposed.length(); i = decomposed.moveIndex32(i, 1)) {
    const UChar32 f = Fold(decomposed.char32At(i));
    if (f == 0) continue;
    if (f == ' ') {
      pending_space = !out.isEmpty();
      continue;
    }
    if (pending_space) out.append(static_cast<UChar>(' '));
    pending_space = false;
    out.append(f);
  }
  std::string result;
  out.toUTF8String(result);
  return result;
}

std::vector<std::string> NormalisedWords(std::string_view text) {
  std::vector<std::string> words;
  const std::string norm = NormaliseText(text);
  size_t start = 0;
  while (start < norm.size()) {
    size_t end = norm.find(' ', start);
    if (end == std::string::npos) end = norm.size();
    if (end > start) words.emplace_back(norm.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

std::string DigitsOnly(std::string_view text) {
  std::string out;
  for (char c : NormaliseText(text)) {
    if (c >= '0' && c <= '9') out.push_back(c);
  }
  return out;
}

}  // namespace sanad::matching
