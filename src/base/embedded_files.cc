#include "base/embedded_files.h"

namespace sanad {

std::optional<std::string_view> FindEmbeddedFile(std::string_view path) {
  for (const auto& f : EmbeddedFiles()) {
    if (f.path == path) return f.data;
  }
  return std::nullopt;
}

}  // namespace sanad
