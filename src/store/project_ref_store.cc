#include "store/project_ref_store.h"

namespace sanad::store {
namespace {

constexpr std::string_view kFind =
    "SELECT id, code, name, office_id FROM projects WHERE organisation_id = ? AND id = ?";

}  // namespace

Result<std::optional<ProjectRef>> FindProjectRef(Connection& c, int64_t organisation_id,
                                                 int64_t id) {
  const Value p[] = {organisation_id, id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kFind, p));
  if (rows.empty()) return std::optional<ProjectRef>();
  const Row& r = rows.front();
  return std::optional<ProjectRef>(
      ProjectRef{.id = r.Int(0), .code = r.Text(1), .name = r.Text(2), .office_id = r.Int(3)});
}

}  // namespace sanad::store
