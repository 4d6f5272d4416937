#include "store/case_store.h"

#include <map>

#include "store/row_values_internal.h"
#include "store/sql_text_internal.h"

namespace sanad::store {
namespace {

using cases::Case;
using cases::CaseStatus;
using cases::CaseSummary;

using cases::kAssessmentDays;
using cases::kOpenDays;
using cases::kOpenHighRiskDays;
constexpr int64_t kDay = 24 * 3600;

constexpr std::string_view kInsertCase =
    "INSERT INTO cases (organisation_id, module, status, risk, owner_id, version, opened_at, "
    "status_at, next_follow_up, search_text, content, created_at, created_by, updated_at, "
    "updated_by, project_id) VALUES (?, ?, ?, ?, ?, 1, ?, ?, ?, ?, '', ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kSetContent = "UPDATE cases SET content = ? WHERE id = ?";
constexpr std::string_view kCaseColumns =
    "SELECT c.id, c.organisation_id, c.module, c.status, c.risk, c.version, c.owner_id, "
    "u.username, c.opened_at, c.assessment_at, c.case_plan_at, c.follow_up_at, "
    "c.closure_requested_at, c.closed_at, c.status_at, c.next_follow_up, c.content, "
    "c.created_at, c.updated_at, c.project_id, p.code, p.name FROM cases c "
    "JOIN users u ON u.id = c.owner_id LEFT JOIN projects p ON p.id = c.project_id ";
constexpr std::string_view kCaseAssigned =
    "SELECT a.user_id, u.username FROM case_assignments a JOIN users u ON u.id = a.user_id "
    "WHERE a.case_id = ? ORDER BY u.username";
constexpr std::string_view kCasePeople =
    "SELECT person_id FROM case_people WHERE case_id = ? ORDER BY person_id";
constexpr std::string_view kUpdateCase =
    "UPDATE cases SET version = version + 1, status = ?, risk = ?, owner_id = ?, opened_at = ?, "
    "assessment_at = ?, case_plan_at = ?, follow_up_at = ?, closure_requested_at = ?, "
    "closed_at = ?, status_at = ?, next_follow_up = ?, search_text = ?, content = ?, "
    "updated_at = ?, updated_by = ?, project_id = ? WHERE id = ? AND organisation_id = ? AND "
    "version = ?";
constexpr std::string_view kDeletePeople = "DELETE FROM case_people WHERE case_id = ?";
constexpr std::string_view kInsertPerson =
    "INSERT INTO case_people (case_id, person_id) VALUES (?, ?)";
constexpr std::string_view kInsertAssignment =
    "INSERT INTO case_assignments (case_id, user_id, assigned_at, assigned_by) VALUES (?, ?, ?, ?)";
constexpr std::string_view kDeleteAssignment =
    "DELETE FROM case_assignments WHERE case_id = ? AND user_id = ?";
constexpr std::string_view kInsertEvent =
    "INSERT INTO case_events (case_id, at, user_id, username, kind, summary) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kSetEventBody = "UPDATE case_events SET body = ? WHERE id = ?";
constexpr std::string_view kListEvents =
    "SELECT id, case_id, at, user_id, username, kind, summary, body FROM case_events "
    "WHERE case_id = ? ORDER BY id";
constexpr std::string_view kSummaryColumns =
    "SELECT c.id, c.module, c.status, c.risk, c.owner_id, u.username, c.opened_at, c.status_at, "
    "c.next_follow_up FROM cases c JOIN users u ON u.id = c.owner_id ";
constexpr std::string_view kFindPeople =
    "SELECT p.id, p.household_id, p.given_name, p.father_name, p.grandfather_name, "
    "p.family_name, p.name_latin, p.sex, p.birth_date, p.phone, h.location_pcode FROM people p "
    "JOIN households h ON h.id = p.household_id WHERE p.organisation_id = ? AND p.id = ? "
    "AND p.archived_at IS NULL AND p.merged_into IS NULL AND h.archived_at IS NULL";
constexpr std::string_view kPersonPlace =
    "SELECT h.location_pcode FROM people p JOIN households h ON h.id = p.household_id "
    "WHERE p.id = ?";
constexpr std::string_view kCaseworkers =
    "SELECT id, username FROM users WHERE organisation_id = ? AND disabled = 0 "
    "AND role IN ('caseworker', 'supervisor') AND modules LIKE ? ORDER BY username";

Value OptionalInt(const std::optional<int64_t>& v) { return v ? Value{*v} : Value{}; }
using row_values::IdOrNull;
std::optional<int64_t> IntOrNull(const Row& r, size_t i) {
  if (r.IsNull(i)) return std::nullopt;
  return r.Int(i);
}

// "?, ?, ?" for n parameters.
std::string Marks(size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
  return out;
}

// The WHERE clause of a filter and its parameters. Everything goes through bound parameters.
struct Where {
  std::string sql;
  std::vector<Value> params;
};

std::string OverdueSql() {
  return "(c.status <> 'closed' AND ((c.next_follow_up <> '' AND c.next_follow_up < ?) OR "
         "(c.status = 'open' AND c.opened_at <= ?) OR "
         "(c.status = 'open' AND c.risk = 3 AND c.opened_at <= ?) OR "
         "(c.status = 'assessment' AND c.status_at <= ?)))";
}
void OverdueParams(const CaseFilter& f, std::vector<Value>* p) {
  p->push_back(f.today);
  p->push_back(f.now - kOpenDays * kDay);
  p->push_back(f.now - kOpenHighRiskDays * kDay);
  p->push_back(f.now - kAssessmentDays * kDay);
}

Where BuildWhere(const CaseFilter& f) {
  Where w{.sql = "WHERE c.organisation_id = ?", .params = {f.scope.organisation_id}};
  if (f.scope.modules.empty()) {
    w.sql += " AND 1 = 0";
    return w;
  }
  w.sql += " AND c.module IN (" + Marks(f.scope.modules.size()) + ")";
  for (const auto& m : f.scope.modules) w.params.emplace_back(m);
  const std::string mine =
      "c.owner_id = ? OR EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = c.id AND "
      "a.user_id = ?)";
  if (f.only_mine || f.scope.supervised_modules.empty()) {
    w.sql += " AND (" + mine + ")";
  } else {
    w.sql +=
        " AND (c.module IN (" + Marks(f.scope.supervised_modules.size()) + ") OR " + mine + ")";
    for (const auto& m : f.scope.supervised_modules) w.params.emplace_back(m);
  }
  w.params.emplace_back(f.scope.user_id);
  w.params.emplace_back(f.scope.user_id);
  if (!f.module.empty()) {
    w.sql += " AND c.module = ?";
    w.params.emplace_back(f.module);
  }
  if (!f.status.empty()) {
    w.sql += " AND c.status = ?";
    w.params.emplace_back(f.status);
  }
  if (f.not_closed) w.sql += " AND c.status <> 'closed'";
  if (f.risk > 0) {
    w.sql += " AND c.risk = ?";
    w.params.emplace_back(int64_t{f.risk});
  }
  if (!f.due_by.empty()) {
    w.sql += " AND c.next_follow_up <> '' AND c.next_follow_up <= ?";
    w.params.emplace_back(f.due_by);
  }
  if (f.overdue) {
    w.sql += " AND " + OverdueSql();
    OverdueParams(f, &w.params);
  }
  if (f.id > 0) {
    w.sql += " AND c.id = ?";
    w.params.emplace_back(f.id);
  }
  for (const auto& t : f.terms) {
    w.sql += " AND c.search_text LIKE ? ESCAPE '\\'";
    w.params.emplace_back("% " + EscapeLike(t) + "%");
  }
  return w;
}

CaseSummary ToSummary(const Row& r) {
  CaseSummary s{.id = r.Int(0),
                .module = access::ParseCaseModule(r.Text(1)).value_or(access::CaseModule::kGbv),
                .status = cases::ParseStatus(r.Text(2)).value_or(CaseStatus::kOpen),
                .risk = static_cast<cases::Risk>(r.Int(3)),
                .owner = {.id = r.Int(4), .username = r.Text(5)},
                .opened_at = r.Int(6),
                .status_at = r.Int(7),
                .next_follow_up = r.Text(8)};
  return s;
}

}  // namespace

Result<int64_t> InsertCase(Connection& c, const Case& k, const CaseWrite& w) {
  const Value p[] = {k.organisation_id,
                     std::string(access::CaseModuleName(k.module)),
                     std::string(cases::StatusName(k.status)),
                     static_cast<int64_t>(k.risk),
                     k.owner.id,
                     k.step_at[0].value_or(w.now),
                     k.status_at,
                     k.next_follow_up,
                     w.search_text,
                     w.now,
                     w.actor_id,
                     w.now,
                     w.actor_id,
                     IdOrNull(k.project_id)};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertCase, p));
  return rows.front().Int(0);
}

Status SetCaseContent(Connection& c, int64_t id, const std::string& sealed) {
  const Value p[] = {sealed, id};
  return c.Execute(kSetContent, p).status();
}

Result<StoredCase> GetCase(Connection& c, int64_t organisation_id, int64_t id) {
  const Value p[] = {id, organisation_id};
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query(std::string(kCaseColumns) + "WHERE c.id = ? AND c.organisation_id = ?", p));
  if (rows.empty()) return Status::NotFound("case not found");
  const Row& r = rows.front();
  StoredCase out;
  Case& k = out.c;
  k.id = r.Int(0);
  k.organisation_id = r.Int(1);
  k.module = access::ParseCaseModule(r.Text(2)).value_or(access::CaseModule::kGbv);
  k.status = cases::ParseStatus(r.Text(3)).value_or(CaseStatus::kOpen);
  k.risk = static_cast<cases::Risk>(r.Int(4));
  k.version = r.Int(5);
  k.owner = {.id = r.Int(6), .username = r.Text(7)};
  for (size_t i = 0; i < cases::kStatusCount; ++i) k.step_at.at(i) = IntOrNull(r, 8 + i);
  k.status_at = r.Int(14);
  k.next_follow_up = r.Text(15);
  out.sealed_content = r.Text(16);
  k.created_at = r.Int(17);
  k.updated_at = r.Int(18);
  k.project_id = r.Int(19);
  k.project_code = r.Text(20);
  k.project_name = r.Text(21);
  const Value q[] = {id};
  SANAD_ASSIGN_OR_RETURN(Rows assigned, c.Query(kCaseAssigned, q));
  for (const Row& a : assigned) k.assigned.push_back({.id = a.Int(0), .username = a.Text(1)});
  SANAD_ASSIGN_OR_RETURN(Rows people, c.Query(kCasePeople, q));
  for (const Row& a : people) k.person_ids.push_back(a.Int(0));
  return out;
}

Status UpdateCase(Connection& c, const Case& k, const std::string& sealed, int64_t expected_version,
                  const CaseWrite& w) {
  const Value p[] = {std::string(cases::StatusName(k.status)),
                     static_cast<int64_t>(k.risk),
                     k.owner.id,
                     k.step_at[0].value_or(k.created_at),
                     OptionalInt(k.step_at[1]),
                     OptionalInt(k.step_at[2]),
                     OptionalInt(k.step_at[3]),
                     OptionalInt(k.step_at[4]),
                     OptionalInt(k.step_at[5]),
                     k.status_at,
                     k.next_follow_up,
                     w.search_text,
                     sealed,
                     w.now,
                     w.actor_id,
                     IdOrNull(k.project_id),
                     k.id,
                     k.organisation_id,
                     expected_version};
  SANAD_ASSIGN_OR_RETURN(int64_t changed, c.Execute(kUpdateCase, p));
  if (changed == 0) {
    return Status(StatusCode::kConflict, "the case was changed by someone else",
                  {{"version", "is stale: reload the case"}});
  }
  return Status::Ok();
}

Status ReplaceCasePeople(Connection& c, int64_t case_id, const std::vector<int64_t>& ids) {
  const Value d[] = {case_id};
  SANAD_RETURN_IF_ERROR(c.Execute(kDeletePeople, d).status());
  for (int64_t id : ids) {
    const Value p[] = {case_id, id};
    SANAD_RETURN_IF_ERROR(c.Execute(kInsertPerson, p).status());
  }
  return Status::Ok();
}

Status AddCaseAssignment(Connection& c, int64_t case_id, int64_t user_id, int64_t by, int64_t now) {
  const Value p[] = {case_id, user_id, now, by};
  return c.Execute(kInsertAssignment, p).status();
}

Status RemoveCaseAssignment(Connection& c, int64_t case_id, int64_t user_id) {
  const Value p[] = {case_id, user_id};
  return c.Execute(kDeleteAssignment, p).status();
}

Result<int64_t> InsertCaseEvent(Connection& c, const cases::CaseEvent& e) {
  const Value p[] = {e.case_id, e.at, e.user_id, e.username, e.kind, e.summary};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertEvent, p));
  return rows.front().Int(0);
}

Status SetCaseEventBody(Connection& c, int64_t id, const std::string& sealed) {
  const Value p[] = {sealed, id};
  return c.Execute(kSetEventBody, p).status();
}

Result<std::vector<StoredCaseEvent>> ListCaseEvents(Connection& c, int64_t case_id) {
  const Value p[] = {case_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kListEvents, p));
  std::vector<StoredCaseEvent> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    StoredCaseEvent s{.e = {.id = r.Int(0),
                            .case_id = r.Int(1),
                            .at = r.Int(2),
                            .user_id = r.Int(3),
                            .username = r.Text(4),
                            .kind = r.Text(5),
                            .summary = r.Text(6),
                            .body = nullptr}};
    if (!r.IsNull(7)) s.sealed_body = r.Text(7);
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<CaseSummary>> ListCases(Connection& c, const CaseFilter& f) {
  Where w = BuildWhere(f);
  // Due follow-ups come soonest first; every other list high risk first, newest first.
  const std::string order = !f.due_by.empty() ? " ORDER BY c.next_follow_up, c.risk DESC, c.id DESC"
                                              : " ORDER BY c.risk DESC, c.id DESC";
  w.params.emplace_back(int64_t{f.limit});
  w.params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(
      Rows rows,
      c.Query(std::string(kSummaryColumns) + w.sql + order + " LIMIT ? OFFSET ?", w.params));
  std::vector<CaseSummary> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToSummary(r));
  return out;
}

Result<int64_t> CountCases(Connection& c, const CaseFilter& f) {
  const Where w = BuildWhere(f);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query("SELECT COUNT(*) FROM cases c " + w.sql, w.params));
  return rows.front().Int(0);
}

Result<std::vector<OwnerCounts>> CountCasesByOwner(Connection& c, const CaseFilter& f) {
  CaseFilter open = f;
  open.not_closed = true;
  Where w = BuildWhere(open);
  std::vector<Value> params;
  OverdueParams(f, &params);
  params.insert(params.end(), w.params.begin(), w.params.end());
  SANAD_ASSIGN_OR_RETURN(
      Rows rows, c.Query("SELECT c.owner_id, u.username, COUNT(*), "
                         "SUM(CASE WHEN c.risk = 3 THEN 1 ELSE 0 END), "
                         "SUM(CASE WHEN " +
                             OverdueSql() +
                             " THEN 1 ELSE 0 END) FROM cases c JOIN users u ON u.id = c.owner_id " +
                             w.sql + " GROUP BY c.owner_id, u.username ORDER BY u.username",
                         params));
  std::vector<OwnerCounts> out;
  for (const Row& r : rows) {
    out.push_back({.owner = {.id = r.Int(0), .username = r.Text(1)},
                   .open = r.Int(2),
                   .high_risk = r.Int(3),
                   .overdue = r.Int(4)});
  }
  return out;
}

Result<std::vector<cases::CasePerson>> FindCasePeople(Connection& c, int64_t organisation_id,
                                                      const std::vector<int64_t>& ids) {
  std::vector<cases::CasePerson> out;
  for (int64_t id : ids) {
    const Value p[] = {organisation_id, id};
    SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kFindPeople, p));
    if (rows.empty()) continue;
    const Row& r = rows.front();
    std::string name;
    for (size_t i = 2; i <= 5; ++i) {
      if (r.Text(i).empty()) continue;
      if (!name.empty()) name += ' ';
      name += r.Text(i);
    }
    out.push_back({.id = r.Int(0),
                   .household_id = r.Int(1),
                   .name = std::move(name),
                   .name_latin = r.Text(6),
                   .sex = r.Text(7),
                   .birth_date = r.Text(8),
                   .phone = r.Text(9),
                   .pcode = r.Text(10)});
  }
  return out;
}

Result<std::string> PersonPlace(Connection& c, int64_t person_id) {
  const Value p[] = {person_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kPersonPlace, p));
  return rows.empty() ? std::string() : rows.front().Text(0);
}

Result<std::vector<cases::CaseUser>> ListCaseworkers(Connection& c, int64_t organisation_id,
                                                     const std::string& module) {
  const Value p[] = {organisation_id, "%," + module + ",%"};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kCaseworkers, p));
  std::vector<cases::CaseUser> out;
  for (const Row& r : rows) out.push_back({.id = r.Int(0), .username = r.Text(1)});
  return out;
}

}  // namespace sanad::store
