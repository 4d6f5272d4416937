#include "store/referral_store.h"

namespace sanad::store {
namespace {

using referrals::Referral;
using referrals::ReferralBox;

constexpr std::string_view kInsertReferral =
    "INSERT INTO referrals (from_organisation_id, from_user_id, case_id, household_id, "
    "service_id, to_organisation_id, urgency, status, version, sent_at, due_at, content) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, '') RETURNING id";
constexpr std::string_view kSetContent = "UPDATE referrals SET content = ? WHERE id = ?";
// Every column a Referral holds but the content; `content` is appended by the single read.
constexpr std::string_view kReferralColumns =
    "SELECT r.id, r.version, r.from_organisation_id, fo.name, r.from_user_id, u.username, "
    "r.case_id, c.module, r.household_id, r.service_id, s.type, s.name, r.to_organisation_id, "
    "tor.name, r.urgency, r.status, r.sent_at, r.due_at, r.responded_at, r.responded_by, "
    "r.service_given_at";
constexpr std::string_view kReferralFrom =
    " FROM referrals r JOIN organisations fo ON fo.id = r.from_organisation_id "
    "JOIN organisations tor ON tor.id = r.to_organisation_id "
    "JOIN users u ON u.id = r.from_user_id JOIN services s ON s.id = r.service_id "
    "LEFT JOIN cases c ON c.id = r.case_id ";
constexpr std::string_view kUpdateReferral =
    "UPDATE referrals SET status = ?, responded_at = ?, responded_by = ?, service_given_at = ?, "
    "content = ?, version = version + 1 WHERE id = ? AND version = ?";
constexpr std::string_view kCurrentVersion = "SELECT version FROM referrals WHERE id = ?";
constexpr std::string_view kFirstCasePerson =
    "SELECT MIN(person_id) FROM case_people WHERE case_id = ?";
constexpr std::string_view kHouseholdHead =
    "SELECT id FROM people WHERE household_id = ? AND relationship = 'head' AND "
    "archived_at IS NULL ORDER BY merged_into IS NOT NULL, position LIMIT 1";

Value OptionalInt(int64_t v) { return v == 0 ? Value{} : Value{v}; }

Referral ToReferral(const Row& r) {
  Referral out{.id = r.Int(0),
               .version = r.Int(1),
               .from_organisation_id = r.Int(2),
               .from_organisation_name = r.Text(3),
               .from_user_id = r.Int(4),
               .from_username = r.Text(5),
               .case_id = r.Int(6),
               .case_module = r.Text(7),
               .household_id = r.Int(8),
               .service_id = r.Int(9),
               .service_type = r.Text(10),
               .service_name = r.Text(11),
               .to_organisation_id = r.Int(12),
               .to_organisation_name = r.Text(13),
               .urgency = r.Text(14),
               .sent_at = r.Int(16),
               .due_at = r.Int(17),
               .responded_at = r.Int(18),
               .responded_by = r.Int(19),
               .service_given_at = r.Int(20)};
  // An unknown word cannot be written (the service writes only known ones); read it as sent.
  out.status =
      referrals::ParseReferralStatus(r.Text(15)).value_or(referrals::ReferralStatus::kSent);
  return out;
}

std::string FilterWhere(const ReferralFilter& f, std::vector<Value>* params) {
  std::string where = f.box == ReferralBox::kInbox ? "WHERE r.to_organisation_id = ?"
                                                   : "WHERE r.from_organisation_id = ?";
  params->push_back(f.organisation_id);
  if (f.box == ReferralBox::kOutbox && f.from_user_id != 0) {
    where += " AND r.from_user_id = ?";
    params->push_back(f.from_user_id);
  }
  if (f.box == ReferralBox::kOutbox && f.limit_case_modules) {
    where += " AND (r.case_id IS NULL OR r.from_user_id = ?";
    params->push_back(f.own_user_id);
    if (!f.case_modules.empty()) {
      where += " OR c.module IN (";
      for (size_t i = 0; i < f.case_modules.size(); ++i) {
        where += i == 0 ? "?" : ", ?";
        params->push_back(f.case_modules[i]);
      }
      where += ")";
    }
    where += ")";
  }
  if (!f.status.empty()) {
    where += " AND r.status = ?";
    params->push_back(f.status);
  }
  if (f.overdue) {
    // referrals::IsOverdue in SQL.
    where +=
        " AND ((r.status = 'sent' AND r.due_at < ?) OR "
        "(r.status = 'accepted' AND r.responded_at < ?))";
    params->push_back(f.now);
    params->push_back(f.now - referrals::kServiceDueSeconds);
  }
  return where;
}

}  // namespace

Result<int64_t> InsertReferral(Connection& c, const Referral& r) {
  const Value p[] = {r.from_organisation_id,
                     r.from_user_id,
                     OptionalInt(r.case_id),
                     OptionalInt(r.household_id),
                     r.service_id,
                     r.to_organisation_id,
                     r.urgency,
                     std::string(referrals::ReferralStatusName(r.status)),
                     r.sent_at,
                     r.due_at};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kInsertReferral, p));
  return rows.front().Int(0);
}

Status SetReferralContent(Connection& c, int64_t id, const std::string& sealed) {
  const Value p[] = {sealed, id};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kSetContent, p));
  if (changed == 0) return Status::NotFound("referral not found");
  return Status::Ok();
}

Result<Referral> GetReferral(Connection& c, int64_t id) {
  const Value p[] = {id};
  const std::string sql =
      std::string(kReferralColumns) + ", r.content" + std::string(kReferralFrom) + "WHERE r.id = ?";
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, p));
  if (rows.empty()) return Status::NotFound("referral not found");
  Referral out = ToReferral(rows.front());
  out.sealed_content = rows.front().Text(21);
  return out;
}

Status UpdateReferral(Connection& c, const Referral& r, int64_t expected_version) {
  const Value p[] = {std::string(referrals::ReferralStatusName(r.status)),
                     OptionalInt(r.responded_at),
                     OptionalInt(r.responded_by),
                     OptionalInt(r.service_given_at),
                     r.sealed_content,
                     r.id,
                     expected_version};
  SANAD_ASSIGN_OR_RETURN(const int64_t changed, c.Execute(kUpdateReferral, p));
  if (changed != 0) return Status::Ok();
  const Value q[] = {r.id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kCurrentVersion, q));
  if (rows.empty()) return Status::NotFound("referral not found");
  const std::string current = std::to_string(rows.front().Int(0));
  return Status(StatusCode::kConflict,
                "referral " + std::to_string(r.id) + " was changed by someone else: version " +
                    std::to_string(expected_version) + " is stale, the current version is " +
                    current,
                {{"version", "is stale: the current version is " + current}});
}

Result<std::vector<Referral>> ListReferrals(Connection& c, const ReferralFilter& f) {
  std::vector<Value> params;
  const std::string sql = std::string(kReferralColumns) + std::string(kReferralFrom) +
                          FilterWhere(f, &params) + " ORDER BY r.id DESC LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<Referral> out;
  out.reserve(rows.size());
  for (const Row& r : rows) out.push_back(ToReferral(r));
  return out;
}

Result<int64_t> CountReferrals(Connection& c, const ReferralFilter& f) {
  std::vector<Value> params;
  const std::string sql =
      "SELECT COUNT(*) FROM referrals r LEFT JOIN cases c ON c.id = r.case_id " +
      FilterWhere(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

Result<int64_t> FirstCasePerson(Connection& c, int64_t case_id) {
  const Value p[] = {case_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kFirstCasePerson, p));
  return rows.empty() ? 0 : rows.front().Int(0);
}

Result<int64_t> HouseholdHead(Connection& c, int64_t household_id) {
  const Value p[] = {household_id};
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(kHouseholdHead, p));
  return rows.empty() ? 0 : rows.front().Int(0);
}

}  // namespace sanad::store
