#include "access/admin_service.h"

#include <cctype>

#include "access/password.h"
#include "matching/normalise.h"
#include "store/audit_store.h"
#include "store/organisation_store.h"
#include "store/session_store.h"

namespace sanad::access {
namespace {

constexpr size_t kMaxOrganisationName = 120;
constexpr size_t kMinUsername = 3;
constexpr size_t kMaxUsername = 64;

Status Deny() {
  return Status::PermissionDenied("only administrators manage organisations and users");
}

std::string Trimmed(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string UsernameProblem(const std::string& u) {
  if (u.size() < kMinUsername || u.size() > kMaxUsername) return "must have 3 to 64 characters";
  for (char c : u) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-') {
      return "may contain only Latin letters, digits, '.', '_' and '-'";
    }
  }
  return "";
}

AuditEntry Audit(const Actor& a, int64_t org, int64_t now, std::string action, std::string entity,
                 int64_t id, std::vector<FieldChange> changes) {
  return {.at = now,
          .organisation_id = org,
          .user_id = a.user_id,
          .username = a.username,
          .action = std::move(action),
          .entity = std::move(entity),
          .entity_id = id,
          .changes = std::move(changes)};
}

}  // namespace

Actor AdminService::SystemActor() {
  return {.user_id = 0, .username = "system", .organisation_id = 0, .role = Role::kAdmin};
}

Result<std::vector<Organisation>> AdminService::ListOrganisations(const Actor& actor) {
  if (!actor.Can(Permission::kAdminister)) return Deny();
  std::vector<Organisation> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::ListOrganisations(c));
    return Status::Ok();
  }));
  return out;
}

Result<Organisation> AdminService::CreateOrganisation(const Actor& actor, const std::string& raw) {
  if (!actor.Can(Permission::kAdminister)) return Deny();
  const std::string name = Trimmed(raw);
  const std::string key = matching::NormaliseText(name);
  if (key.empty()) return Status::InvalidArgument("bad organisation", {{"name", "is required"}});
  if (name.size() > kMaxOrganisationName) {
    return Status::InvalidArgument("bad organisation", {{"name", "is longer than 120 characters"}});
  }
  const int64_t now = clock_.NowSeconds();
  Organisation org;
  Status s = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(org, store::InsertOrganisation(c, name, key, now));
    return store::AppendAudit(c, Audit(actor, org.id, now, "create", "organisation", org.id,
                                       {{"name", std::nullopt, name}}));
  });
  if (s.code() == StatusCode::kAlreadyExists) {
    return Status(StatusCode::kConflict, "an organisation with this name exists",
                  {{"name", "is already used by another organisation"}});
  }
  SANAD_RETURN_IF_ERROR(s);
  return org;
}

Result<Organisation> AdminService::EnsureOrganisation(const Actor& actor, const std::string& name) {
  if (!actor.Can(Permission::kAdminister)) return Deny();
  std::optional<Organisation> found;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(found,
                           store::FindOrganisationByKey(c, matching::NormaliseText(Trimmed(name))));
    return Status::Ok();
  }));
  if (found) return *found;
  return CreateOrganisation(actor, name);
}

Result<std::vector<User>> AdminService::ListUsers(const Actor& actor, int64_t organisation_id) {
  if (!actor.Can(Permission::kAdminister)) return Deny();
  std::vector<User> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::ListUsers(c, organisation_id));
    return Status::Ok();
  }));
  return out;
}

namespace {

// The modules named in `names`, with a field error for an unknown one or for a role that does
// no case work (an administrator administers users, never case content).
CaseModuleSet ParseModules(const std::vector<std::string>& names, std::optional<Role> role,
                           std::vector<FieldError>* bad) {
  CaseModuleSet set;
  for (size_t i = 0; i < names.size(); ++i) {
    if (auto m = ParseCaseModule(names[i])) {
      set.Add(*m);
    } else {
      bad->push_back({"modules[" + std::to_string(i) + "]",
                      "must be one of gbv, child_protection, mhpss, legal, hlp, special_needs"});
    }
  }
  if (!set.empty() && role && *role != Role::kCaseworker && *role != Role::kSupervisor) {
    bad->push_back({"modules", "only caseworkers and supervisors work in protection modules"});
  }
  return set;
}

}  // namespace

Result<User> AdminService::CreateUser(const Actor& actor, const NewUser& in) {
  if (!actor.Can(Permission::kAdminister)) return Deny();
  std::vector<FieldError> bad;
  const std::string username = Trimmed(in.username);
  if (auto p = UsernameProblem(username); !p.empty()) bad.push_back({"username", p});
  if (auto p = PasswordProblem(in.password); !p.empty()) bad.push_back({"password", p});
  const auto role = ParseRole(in.role);
  if (!role) {
    bad.push_back({"role",
                   "must be one of admin, supervisor, caseworker, registration, me_officer, "
                   "viewer, logistics"});
  }
  if (in.organisation_id <= 0) bad.push_back({"organisation_id", "is required"});
  const CaseModuleSet modules = ParseModules(in.modules, role, &bad);
  if (!bad.empty()) return Status::InvalidArgument("bad user", std::move(bad));
  SANAD_ASSIGN_OR_RETURN(std::string hash, HashPassword(in.password));
  const int64_t now = clock_.NowSeconds();
  User user{.username = username,
            .password_hash = hash,
            .role = *role,
            .modules = modules,
            .organisation_id = in.organisation_id};
  Status s = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(auto org, store::FindOrganisation(c, in.organisation_id));
    if (!org) {
      return Status::InvalidArgument("bad user",
                                     {{"organisation_id", "is not a known organisation"}});
    }
    user.organisation_name = org->name;
    SANAD_ASSIGN_OR_RETURN(user, store::InsertUser(c, user, now));
    return store::AppendAudit(c, Audit(actor, user.organisation_id, now, "create", "user", user.id,
                                       {{"username", std::nullopt, user.username},
                                        {"role", std::nullopt, std::string(RoleName(user.role))},
                                        {"modules", std::nullopt, user.modules.Format()}}));
  });
  if (s.code() == StatusCode::kAlreadyExists) {
    return Status(StatusCode::kConflict, "the username is taken", {{"username", "is taken"}});
  }
  SANAD_RETURN_IF_ERROR(s);
  return user;
}

Result<User> AdminService::UpdateUser(const Actor& actor, int64_t id, const UserChange& change) {
  if (!actor.Can(Permission::kAdminister)) return Deny();
  std::vector<FieldError> bad;
  std::optional<Role> role;
  if (change.role) {
    role = ParseRole(*change.role);
    if (!role) bad.push_back({"role", "is not a role"});
  }
  if (change.password) {
    if (auto p = PasswordProblem(*change.password); !p.empty()) bad.push_back({"password", p});
  }
  CaseModuleSet modules;
  if (change.modules) modules = ParseModules(*change.modules, std::nullopt, &bad);
  if (!bad.empty()) return Status::InvalidArgument("bad user change", std::move(bad));
  std::string new_hash;
  if (change.password) {
    SANAD_ASSIGN_OR_RETURN(new_hash, HashPassword(*change.password));
  }
  const int64_t now = clock_.NowSeconds();
  User user;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(auto found, store::FindUser(c, id));
    if (!found) return Status::NotFound("user " + std::to_string(id) + " not found");
    user = *found;
    std::vector<FieldChange> changes;
    if (role && *role != user.role) {
      changes.push_back({"role", std::string(RoleName(user.role)), std::string(RoleName(*role))});
      user.role = *role;
    }
    if (change.disabled && *change.disabled != user.disabled) {
      changes.push_back(
          {"disabled", user.disabled ? "true" : "false", *change.disabled ? "true" : "false"});
      user.disabled = *change.disabled;
    }
    if (change.modules && modules != user.modules) {
      changes.push_back({"modules", user.modules.Format(), modules.Format()});
      user.modules = modules;
    }
    if (!user.modules.empty() && user.role != Role::kCaseworker && user.role != Role::kSupervisor) {
      return Status::InvalidArgument(
          "bad user change",
          {{"modules", "only caseworkers and supervisors work in protection modules"}});
    }
    if (change.password) {
      changes.push_back({"password", std::nullopt, "(changed)"});
      user.password_hash = new_hash;
    }
    SANAD_RETURN_IF_ERROR(store::UpdateUser(c, user));
    if (change.password || user.disabled) SANAD_RETURN_IF_ERROR(store::DeleteSessionsOfUser(c, id));
    return store::AppendAudit(
        c, Audit(actor, user.organisation_id, now, "update", "user", id, std::move(changes)));
  }));
  return user;
}

}  // namespace sanad::access
