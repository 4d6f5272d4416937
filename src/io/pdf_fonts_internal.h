// The fontconfig configuration of the printed lists (list_pdf.h): it holds only the font compiled
// into the program (data/fonts/DejaVuSans.ttf), never the machine's fonts, so a PDF looks the
// same everywhere. Built once per process, on first use, from any thread; read-only afterwards
// (fontconfig's own locking makes concurrent look-ups in one configuration safe).
#pragma once

#include <fontconfig/fontconfig.h>

#include "base/status.h"

namespace sanad::io {

// The family name to ask Pango for.
inline constexpr char kPdfFontFamily[] = "DejaVu Sans";

// The shared configuration, owned by the process (never destroy it); Internal when the font
// cannot be written to a private temporary directory or fontconfig refuses it. The font file
// stays there until the process exits, because FreeType and HarfBuzz read it by path.
Result<FcConfig*> PdfFontConfig();

}  // namespace sanad::io
