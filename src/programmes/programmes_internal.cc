#include "programmes/programmes_internal.h"

namespace sanad::programmes::internal {

int CheckPage(int page, int limit, std::vector<FieldError>* bad) {
  if (page < 1) bad->push_back({"page", "must be 1 or more"});
  if (limit < 1 || limit > kMaxLimit) {
    bad->push_back({"limit", "must be between 1 and " + std::to_string(kMaxLimit)});
  }
  return page >= 1 && limit >= 1 ? (page - 1) * limit : 0;
}

std::optional<bool> BoolFilter(const std::string& field, const std::string& value,
                               bool empty_is_all, std::vector<FieldError>* bad) {
  if (value == "all" || (empty_is_all && value.empty())) return std::nullopt;
  if (value != "true" && value != "false") {
    bad->push_back({field, "must be true, false or all"});
  }
  return value != "false";
}

Status Taken(const std::string& field, const std::string& what, int64_t id) {
  return Status(StatusCode::kAlreadyExists,
                "your organisation already has " + what + " (" + std::to_string(id) + ")",
                {{field, "is already used by " + what + " " + std::to_string(id)}});
}

std::string JoinedForAudit(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += (out.empty() ? "" : ",") + v;
  return out;
}

}  // namespace sanad::programmes::internal
