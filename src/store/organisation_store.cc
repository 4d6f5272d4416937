#include "store/organisation_store.h"

namespace sanad::store {
namespace {

constexpr std::string_view kInsertOrganisation =
    "INSERT INTO organisations (name, name_key, created_at) VALUES (?, ?, ?) RETURNING id";
constexpr std::string_view kOrganisationColumns = "SELECT id, name, created_at FROM organisations ";
constexpr std::string_view kInsertUser =
    "INSERT INTO users (organisation_id, username, password_hash, role, disabled, created_at, "
    "modules) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUserColumns =
    "SELECT u.id, u.username, u.password_hash, u.role, u.organisation_id, o.name, u.disabled, "
    "u.created_at, u.modules FROM users u JOIN organisations o ON o.id = u.organisation_id ";
constexpr std::string_view kUpdateUser =
    "UPDATE users SET password_hash = ?, role = ?, disabled = ?, modules = ? WHERE id = ?";

access::Organisation ToOrganisation(const Row& r) {
  return {.id = r.Int(0), .name = r.Text(1), .created_at = r.Int(2)};
}

access::User ToUser(const Row& r) {
  access::User u;
  u.id = r.Int(0);
  u.username = r.Text(1);
  u.password_hash = r.Text(2);
  u.role = access::ParseRole(r.Text(3)).value_or(access::Role::kViewer);
  u.organisation_id = r.Int(4);
  u.organisation_name = r.Text(5);
  u.disabled = r.Int(6) != 0;
  u.created_at = r.Int(7);
  u.modules = access::CaseModuleSet::Parse(r.Text(8));
  return u;
}

template <typename T, typename F>
Result<std::optional<T>> First(Result<Rows> rows, F convert) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<T>();
  return std::optional<T>(convert(rows->front()));
}

}  // namespace

Result<access::Organisation> InsertOrganisation(Connection& c, const std::string& name,
                                                const std::string& name_key, int64_t now) {
  const Value p[] = {name, name_key, now};
  auto rows = c.Query(kInsertOrganisation, p);
  if (!rows.ok()) {
    if (rows.status().code() == StatusCode::kAlreadyExists) {
      return Status::AlreadyExists("an organisation with this name exists");
    }
    return rows.status();
  }
  return access::Organisation{.id = rows->front().Int(0), .name = name, .created_at = now};
}

Result<std::optional<access::Organisation>> FindOrganisationByKey(Connection& c,
                                                                  const std::string& name_key) {
  const Value p[] = {name_key};
  return First<access::Organisation>(
      c.Query(std::string(kOrganisationColumns) + "WHERE name_key = ?", p), ToOrganisation);
}

Result<std::optional<access::Organisation>> FindOrganisation(Connection& c, int64_t id) {
  const Value p[] = {id};
  return First<access::Organisation>(c.Query(std::string(kOrganisationColumns) + "WHERE id = ?", p),
                                     ToOrganisation);
}

Result<std::vector<access::Organisation>> ListOrganisations(Connection& c) {
  SANAD_ASSIGN_OR_RETURN(Rows rows, c.Query(std::string(kOrganisationColumns) + "ORDER BY name"));
  std::vector<access::Organisation> out;
  for (const Row& r : rows) out.push_back(ToOrganisation(r));
  return out;
}

Result<access::User> InsertUser(Connection& c, const access::User& user, int64_t now) {
  const Value p[] = {user.organisation_id,   user.username,
                     user.password_hash,     std::string(access::RoleName(user.role)),
                     int64_t{user.disabled}, now,
                     user.modules.Format()};
  auto rows = c.Query(kInsertUser, p);
  if (!rows.ok()) {
    if (rows.status().code() == StatusCode::kAlreadyExists) {
      return Status::AlreadyExists("the username is taken");
    }
    return rows.status();
  }
  access::User out = user;
  out.id = rows->front().Int(0);
  out.created_at = now;
  return out;
}

Result<std::optional<access::User>> FindUserByName(Connection& c, const std::string& username) {
  const Value p[] = {username};
  return First<access::User>(c.Query(std::string(kUserColumns) + "WHERE u.username = ?", p),
                             ToUser);
}

Result<std::optional<access::User>> FindUser(Connection& c, int64_t id) {
  const Value p[] = {id};
  return First<access::User>(c.Query(std::string(kUserColumns) + "WHERE u.id = ?", p), ToUser);
}

Result<std::vector<access::User>> ListUsers(Connection& c, int64_t organisation_id) {
  Result<Rows> rows =
      organisation_id == 0
          ? c.Query(std::string(kUserColumns) + "ORDER BY u.username")
          : c.Query(std::string(kUserColumns) + "WHERE u.organisation_id = ? ORDER BY u.username",
                    std::vector<Value>{organisation_id});
  if (!rows.ok()) return rows.status();
  std::vector<access::User> out;
  for (const Row& r : *rows) out.push_back(ToUser(r));
  return out;
}

Status UpdateUser(Connection& c, const access::User& user) {
  const Value p[] = {user.password_hash, std::string(access::RoleName(user.role)),
                     int64_t{user.disabled}, user.modules.Format(), user.id};
  return c.Execute(kUpdateUser, p).status();
}

}  // namespace sanad::store
