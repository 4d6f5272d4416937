#include "store/public_store.h"

namespace sanad::store {
namespace {

constexpr std::string_view kListPublicOrganisations =
    "SELECT g.id, g.name FROM organisations g WHERE EXISTS (SELECT 1 FROM offices o "
    "WHERE o.organisation_id = g.id AND o.public = 1 AND o.active = 1) ORDER BY g.id";

constexpr std::string_view kFindPublicOrganisation =
    "SELECT g.id, g.name FROM organisations g WHERE g.id = ? AND EXISTS (SELECT 1 FROM offices o "
    "WHERE o.organisation_id = g.id AND o.public = 1 AND o.active = 1)";

constexpr std::string_view kListPublicOffices =
    "SELECT o.id, o.name, o.name_ar, o.pcode, o.lat, o.lon FROM offices o "
    "WHERE o.organisation_id = ? AND o.public = 1 AND o.active = 1 ORDER BY o.id";

// A project meets a period when it starts by its end and ends ('' = open-ended) after its start.
constexpr std::string_view kCountPublicProjects =
    "SELECT COALESCE(p.office_id, 0), p.status, COUNT(*) FROM projects p "
    "WHERE p.organisation_id = ? AND p.public = 1";
constexpr std::string_view kProjectMeetsPeriod =
    " AND p.starts_on <= ? AND (p.ends_on = '' OR p.ends_on >= ?)";

constexpr std::string_view kCountPublicStaff =
    "SELECT s.kind, COUNT(*) FROM staff_members s JOIN offices o ON o.id = s.office_id "
    "WHERE s.organisation_id = ? AND s.active = 1 AND o.public = 1 AND o.active = 1 "
    "GROUP BY s.kind";

constexpr std::string_view kPublicBudget =
    "SELECT p.currency, SUM(p.budget), SUM(COALESCE(x.spent, 0)) FROM projects p "
    "LEFT JOIN (SELECT e.project_id, SUM(e.amount) AS spent FROM expenditures e "
    "WHERE e.organisation_id = ? AND e.voided_at IS NULL AND e.spent_on >= ? AND e.spent_on <= ? "
    "GROUP BY e.project_id) x ON x.project_id = p.id "
    "WHERE p.organisation_id = ? AND p.public = 1 AND p.starts_on <= ? "
    "AND (p.ends_on = '' OR p.ends_on >= ?) GROUP BY p.currency ORDER BY p.currency";

constexpr std::string_view kCountPublicActivities =
    "SELECT a.office_id, a.type, a.sector, COUNT(*) FROM activities a "
    "JOIN projects p ON p.id = a.project_id "
    "WHERE a.organisation_id = ? AND a.status = 'done' AND a.office_id IS NOT NULL "
    "AND p.public = 1 GROUP BY a.office_id, a.type, a.sector ORDER BY 1, 2, 3";

PublicOrganisationRow OrganisationFromRow(const Row& r) {
  return {.id = r.Int(0), .name = r.Text(1)};
}

}  // namespace

Result<std::vector<PublicOrganisationRow>> ListPublicOrganisations(Connection& c) {
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kListPublicOrganisations));
  std::vector<PublicOrganisationRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(OrganisationFromRow(r));
  return out;
}

Result<std::optional<PublicOrganisationRow>> FindPublicOrganisation(Connection& c,
                                                                    int64_t organisation_id) {
  const Value params[] = {organisation_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kFindPublicOrganisation, params));
  if (rows.empty()) return std::optional<PublicOrganisationRow>();
  return std::optional<PublicOrganisationRow>(OrganisationFromRow(rows[0]));
}

Result<std::vector<PublicOfficeRow>> ListPublicOffices(Connection& c, int64_t organisation_id) {
  const Value params[] = {organisation_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kListPublicOffices, params));
  std::vector<PublicOfficeRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    PublicOfficeRow o{.id = r.Int(0), .name = r.Text(1), .name_ar = r.Text(2), .pcode = r.Text(3)};
    if (!r.IsNull(4) && !r.IsNull(5)) {
      o.lat = r.Double(4);
      o.lon = r.Double(5);
    }
    out.push_back(std::move(o));
  }
  return out;
}

Result<std::vector<ProjectStatusRow>> CountPublicProjects(Connection& c, int64_t organisation_id,
                                                          const std::string& from,
                                                          const std::string& to) {
  std::vector<Value> params = {organisation_id};
  std::string sql(kCountPublicProjects);
  if (!from.empty() && !to.empty()) {
    sql += kProjectMeetsPeriod;
    params.emplace_back(to);
    params.emplace_back(from);
  }
  sql += " GROUP BY COALESCE(p.office_id, 0), p.status ORDER BY 1, 2";
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<ProjectStatusRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back({.office_id = r.Int(0), .status = r.Text(1), .projects = r.Int(2)});
  }
  return out;
}

Result<StaffCountRow> CountPublicStaff(Connection& c, int64_t organisation_id) {
  const Value params[] = {organisation_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kCountPublicStaff, params));
  StaffCountRow out;
  for (const Row& r : rows) {
    if (r.Text(0) == "staff") out.staff = r.Int(1);
    if (r.Text(0) == "volunteer") out.volunteers = r.Int(1);
  }
  return out;
}

Result<std::vector<BudgetRow>> PublicBudget(Connection& c, int64_t organisation_id,
                                            const std::string& from, const std::string& to) {
  const Value params[] = {organisation_id, from, to, organisation_id, to, from};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kPublicBudget, params));
  std::vector<BudgetRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back({.currency = r.Text(0), .budget = r.Int(1), .spent = r.Int(2)});
  }
  return out;
}

Result<std::vector<ActivitiesHeldRow>> CountPublicActivities(Connection& c,
                                                             int64_t organisation_id) {
  const Value params[] = {organisation_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kCountPublicActivities, params));
  std::vector<ActivitiesHeldRow> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back(
        {.office_id = r.Int(0), .type = r.Text(1), .sector = r.Text(2), .held = r.Int(3)});
  }
  return out;
}

}  // namespace sanad::store
