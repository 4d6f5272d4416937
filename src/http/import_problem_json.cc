#include "http/import_problem_json.h"

namespace sanad::http {

Json ImportProblemJson(const std::string& source, const registry::ImportProblem& p) {
  Json j = {{"row", p.row == 0 ? Json(nullptr) : Json(p.row)},
            {"column", p.column.empty() ? Json(nullptr) : Json(p.column)},
            {"reason", p.reason},
            {"message", registry::FormatProblem(source, p)}};
  if (p.character > 0) j["character"] = p.character;
  return j;
}

std::string ImportProblemField(const registry::ImportProblem& p) {
  std::string out = p.row > 0 ? "line " + std::to_string(p.row) : "file";
  if (p.character > 0) return out + ":" + std::to_string(p.character);
  return p.column.empty() ? out : out + ": " + p.column;
}

}  // namespace sanad::http
