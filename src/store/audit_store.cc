#include "store/audit_store.h"

#include <nlohmann/json.hpp>

namespace sanad::store {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO audit_log (at, organisation_id, user_id, username, action, entity, entity_id, "
    "changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kSelect =
    "SELECT id, at, organisation_id, user_id, username, action, entity, entity_id, changes "
    "FROM audit_log ";

nlohmann::json OptionalText(const std::optional<std::string>& s) {
  return s ? nlohmann::json(*s) : nlohmann::json(nullptr);
}

std::string EncodeChanges(const std::vector<access::FieldChange>& changes) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& ch : changes) {
    arr.push_back({{"field", ch.field},
                   {"before", OptionalText(ch.before)},
                   {"after", OptionalText(ch.after)}});
  }
  return arr.dump();
}

std::vector<access::FieldChange> DecodeChanges(const std::string& text) {
  std::vector<access::FieldChange> out;
  const auto arr = nlohmann::json::parse(text, nullptr, false);
  if (!arr.is_array()) return out;
  for (const auto& j : arr) {
    access::FieldChange ch;
    ch.field = j.value("field", "");
    if (j.contains("before") && j["before"].is_string()) ch.before = j["before"].get<std::string>();
    if (j.contains("after") && j["after"].is_string()) ch.after = j["after"].get<std::string>();
    out.push_back(std::move(ch));
  }
  return out;
}

// The WHERE clause and its parameters for a filter.
std::string Where(const AuditFilter& f, std::vector<Value>* params) {
  std::string where = "WHERE organisation_id = ?";
  params->push_back(f.organisation_id);
  if (!f.entity.empty()) {
    where += " AND entity = ?";
    params->push_back(f.entity);
  }
  if (f.entity_id != 0) {
    where += " AND entity_id = ?";
    params->push_back(f.entity_id);
  }
  return where;
}

}  // namespace

Status AppendAudit(Connection& c, const access::AuditEntry& e) {
  const Value p[] = {e.at,     e.organisation_id, e.user_id,   e.username,
                     e.action, e.entity,          e.entity_id, EncodeChanges(e.changes)};
  return c.Execute(kInsert, p).status();
}

Result<std::vector<access::AuditEntry>> ListAudit(Connection& c, const AuditFilter& f) {
  std::vector<Value> params;
  std::string sql = std::string(kSelect) + Where(f, &params) +
                    (f.oldest_first ? " ORDER BY id ASC" : " ORDER BY id DESC") +
                    " LIMIT ? OFFSET ?";
  params.emplace_back(int64_t{f.limit});
  params.emplace_back(int64_t{f.offset});
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  std::vector<access::AuditEntry> out;
  out.reserve(rows.size());
  for (const Row& r : rows) {
    out.push_back({.id = r.Int(0),
                   .at = r.Int(1),
                   .organisation_id = r.Int(2),
                   .user_id = r.Int(3),
                   .username = r.Text(4),
                   .action = r.Text(5),
                   .entity = r.Text(6),
                   .entity_id = r.Int(7),
                   .changes = DecodeChanges(r.Text(8))});
  }
  return out;
}

Result<int64_t> CountAudit(Connection& c, const AuditFilter& f) {
  std::vector<Value> params;
  // Built before the call: the order in which arguments are evaluated is unspecified, and the
  // parameters exist only once Where has run.
  const std::string sql = "SELECT COUNT(*) FROM audit_log " + Where(f, &params);
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return rows.front().Int(0);
}

}  // namespace sanad::store
