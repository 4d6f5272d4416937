#include "io/pdf_fonts_internal.h"

#include <stdlib.h>  // mkdtemp
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>

#include "base/embedded_files.h"

#if defined(__SANITIZE_ADDRESS__)
#define SANAD_PDF_SANITIZED 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SANAD_PDF_SANITIZED 1
#endif
#endif
#ifndef SANAD_PDF_SANITIZED
#define SANAD_PDF_SANITIZED 0
#endif
#if SANAD_PDF_SANITIZED
#include <sanitizer/lsan_interface.h>
#endif

namespace sanad::io {
namespace {

constexpr char kEmbeddedFont[] = "data/fonts/DejaVuSans.ttf";

// The font written to a private directory (0700, made by mkdtemp) and the configuration that
// lists it; the destructor, run at exit, removes the directory.
class FontSetup {
 public:
  FontSetup() { status_ = Build(); }
  ~FontSetup() {
#if SANAD_PDF_SANITIZED
    // Frees the default configuration Pango has fontconfig load, so LeakSanitizer has nothing
    // to report. Only in sanitizer builds: at exit another thread could still use fontconfig.
    if (config_ != nullptr) FcConfigDestroy(config_);
    FcFini();
#endif
    std::error_code ignored;
    if (!dir_.empty()) std::filesystem::remove_all(dir_, ignored);
  }
  FontSetup(const FontSetup&) = delete;
  FontSetup& operator=(const FontSetup&) = delete;

  Result<FcConfig*> config() const {
    if (!status_.ok()) return status_;
    return config_;
  }

 private:
  Status Build() {
    const auto font = FindEmbeddedFile(kEmbeddedFont);
    if (!font) return Status::Internal("the PDF font is not compiled into the program");
    std::error_code ec;
    std::string dir = (std::filesystem::temp_directory_path(ec) / "sanad-fonts-XXXXXX").string();
    if (ec || mkdtemp(dir.data()) == nullptr) {
      return Status::Internal("cannot create a temporary directory for the PDF font");
    }
    dir_ = dir;
    const std::string path = dir + "/DejaVuSans.ttf";
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (f == nullptr) return Status::Internal("cannot write the PDF font to " + dir);
    const bool written = std::fwrite(font->data(), 1, font->size(), f) == font->size();
    if (std::fclose(f) != 0 || !written) {
      return Status::Internal("cannot write the PDF font to " + dir);
    }
    // An empty configuration: no system font directories, no caches, no rules; every pattern
    // matches the one font it holds.
    config_ = FcConfigCreate();
    if (config_ == nullptr) return Status::Internal("fontconfig cannot create a configuration");
    FcConfigSetRescanInterval(config_, 0);
    const auto* file = reinterpret_cast<const FcChar8*>(path.c_str());
#if SANAD_PDF_SANITIZED
    // Fontconfig 2.14 never frees the character set it computes here, even when the
    // configuration is destroyed; it is allocated once per process.
    __lsan::ScopedDisabler once_per_process;
#endif
    if (!FcConfigAppFontAddFile(config_, file)) {
      return Status::Internal("fontconfig refuses the PDF font " + path);
    }
    return Status::Ok();
  }

  Status status_;
  FcConfig* config_ = nullptr;
  std::string dir_;
};

}  // namespace

Result<FcConfig*> PdfFontConfig() {
  static const FontSetup setup;  // built once, thread-safe (C++ static initialisation)
  return setup.config();
}

}  // namespace sanad::io
