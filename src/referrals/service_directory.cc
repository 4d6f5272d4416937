#include "referrals/service_directory.h"

#include <algorithm>
#include <map>
#include <optional>
#include <utility>

#include "matching/normalise.h"
#include "referrals/service_csv.h"
#include "referrals/service_validator.h"
#include "store/audit_store.h"
#include "store/service_store.h"

namespace sanad::referrals {
namespace {

using access::FieldChange;

// A directory is small (hundreds of services per organisation); the import loads one
// organisation's services to find duplicates, at most this many.
constexpr int kMaxServicesPerOrganisation = 100'000;

bool MayMaintain(const access::Actor& a) {
  return a.role == access::Role::kSupervisor || a.role == access::Role::kAdmin;
}

Status Deny() {
  return Status::PermissionDenied(
      "only supervisors and admins maintain the services of their organisation");
}

// The service's fields as audit values, by name.
std::vector<std::pair<std::string, std::string>> Fields(const Service& s) {
  return {{"type", s.type},
          {"name", s.name},
          {"pcode", s.pcode},
          {"contact_name", s.contact_name},
          {"contact_phone", s.contact_phone},
          {"contact_email", s.contact_email},
          {"eligibility", s.eligibility},
          {"active", s.active ? "true" : "false"}};
}

std::vector<FieldChange> Diff(const Service* before, const Service& after) {
  std::vector<FieldChange> out;
  const auto now = Fields(after);
  for (size_t i = 0; i < now.size(); ++i) {
    if (before == nullptr) {
      if (!now[i].second.empty()) out.push_back({now[i].first, std::nullopt, now[i].second});
      continue;
    }
    const auto was = Fields(*before);
    if (was[i].second != now[i].second) out.push_back({now[i].first, was[i].second, now[i].second});
  }
  return out;
}

access::AuditEntry Entry(const access::Actor& a, int64_t now, std::string action, int64_t id,
                         std::vector<FieldChange> changes) {
  return {.at = now,
          .organisation_id = a.organisation_id,
          .user_id = a.user_id,
          .username = a.username,
          .action = std::move(action),
          .entity = "service",
          .entity_id = id,
          .changes = std::move(changes)};
}

// What makes two services the same entry: type, place and name (normalised).
std::string DuplicateKey(const Service& s) {
  std::string key = s.type + "|" + s.pcode + "|";
  for (const auto& w : matching::NormalisedWords(s.name)) key += w + " ";
  return key;
}

// The organisation's active services by DuplicateKey.
Result<std::map<std::string, int64_t>> ActiveKeys(store::Connection& c, int64_t organisation_id) {
  SANAD_ASSIGN_OR_RETURN(auto services,
                         store::ListServices(c, {.organisation_id = organisation_id,
                                                 .active = true,
                                                 .limit = kMaxServicesPerOrganisation}));
  std::map<std::string, int64_t> out;
  for (const auto& s : services) out.emplace(DuplicateKey(s), s.id);
  return out;
}

Status AlreadyListed(int64_t id) {
  return Status(
      StatusCode::kAlreadyExists,
      "your organisation already lists this service here (service " + std::to_string(id) + ")",
      {{"name", "is already listed for this type and place (service " + std::to_string(id) + ")"}});
}

void AddWords(std::string* out, std::string_view text) {
  for (const auto& w : matching::NormalisedWords(text)) *out += w + " ";
}

}  // namespace

std::string ServiceDirectory::BuildSearchText(const Service& s) {
  std::string out = " ";
  for (const std::string* part :
       {&s.name, &s.organisation_name, &s.contact_name, &s.contact_email, &s.eligibility}) {
    AddWords(&out, *part);
  }
  if (!s.contact_phone.empty()) out += matching::DigitsOnly(s.contact_phone) + " ";
  return out;
}

Result<ServicePage> ServiceDirectory::List(const access::Actor&, const ServiceQuery& q) const {
  std::vector<FieldError> bad;
  if (q.page < 1) bad.push_back({"page", "must be 1 or more"});
  if (q.limit < 1 || q.limit > kMaxLimit) bad.push_back({"limit", "must be between 1 and 200"});
  if (!q.type.empty() && !IsServiceType(q.type)) bad.push_back({"type", ServiceTypeChoices()});
  if (!q.pcode.empty() && !places_.Exists(q.pcode)) {
    bad.push_back({"pcode", "is not a known P-code"});
  }
  if (q.active != "true" && q.active != "false" && q.active != "all") {
    bad.push_back({"active", "must be true, false or all"});
  }
  if (!bad.empty()) return Status::InvalidArgument("bad list query", std::move(bad));
  const store::ServiceFilter f{
      .type = q.type,
      .pcode = q.pcode,
      .terms = matching::NormalisedWords(q.text),
      .organisation_id = q.organisation_id,
      .active = q.active == "all" ? std::nullopt : std::optional<bool>(q.active == "true"),
      .limit = q.limit,
      .offset = (q.page - 1) * q.limit};
  ServicePage page{.page = q.page, .limit = q.limit};
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(page.items, store::ListServices(c, f));
    SANAD_ASSIGN_OR_RETURN(page.total, store::CountServices(c, f));
    return Status::Ok();
  }));
  return page;
}

Result<Service> ServiceDirectory::Get(const access::Actor&, int64_t id) const {
  std::optional<Service> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(out, store::GetService(c, id));
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<Service> ServiceDirectory::Create(const access::Actor& actor, Service s) {
  if (!MayMaintain(actor)) return Deny();
  std::vector<FieldError> bad;
  CheckService(places_, &s, &bad);
  if (!bad.empty()) return Status::InvalidArgument("service is invalid", std::move(bad));
  s.id = 0;
  s.organisation_id = actor.organisation_id;
  s.organisation_name = actor.organisation_name;
  s.active = true;
  const int64_t now = clock_.NowSeconds();
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const auto keys, ActiveKeys(c, actor.organisation_id));
    if (auto it = keys.find(DuplicateKey(s)); it != keys.end()) return AlreadyListed(it->second);
    SANAD_RETURN_IF_ERROR(store::InsertService(c, &s, BuildSearchText(s), now));
    return store::AppendAudit(c, Entry(actor, now, "create", s.id, Diff(nullptr, s)));
  }));
  return s;
}

Result<Service> ServiceDirectory::Update(const access::Actor& actor, int64_t id,
                                         const ServiceEdit& edit) {
  if (!MayMaintain(actor)) return Deny();
  const int64_t now = clock_.NowSeconds();
  std::optional<Service> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(const Service before, store::GetService(c, id));
    if (before.organisation_id != actor.organisation_id) {
      return Status::PermissionDenied("this service belongs to another organisation");
    }
    Service s = before;
    for (auto [field, value] : {std::pair{&s.type, &edit.type},
                                {&s.name, &edit.name},
                                {&s.pcode, &edit.pcode},
                                {&s.contact_name, &edit.contact_name},
                                {&s.contact_phone, &edit.contact_phone},
                                {&s.contact_email, &edit.contact_email},
                                {&s.eligibility, &edit.eligibility}}) {
      if (value->has_value()) *field = **value;
    }
    if (edit.active.has_value()) s.active = *edit.active;
    std::vector<FieldError> bad;
    CheckService(places_, &s, &bad);
    if (!bad.empty()) return Status::InvalidArgument("service is invalid", std::move(bad));
    if (s.active) {
      SANAD_ASSIGN_OR_RETURN(const auto keys, ActiveKeys(c, actor.organisation_id));
      if (auto it = keys.find(DuplicateKey(s)); it != keys.end() && it->second != s.id) {
        return AlreadyListed(it->second);
      }
    }
    SANAD_RETURN_IF_ERROR(store::UpdateService(c, &s, edit.version, BuildSearchText(s), now));
    const auto changes = Diff(&before, s);
    if (!changes.empty()) {
      SANAD_RETURN_IF_ERROR(store::AppendAudit(c, Entry(actor, now, "update", s.id, changes)));
    }
    out = std::move(s);
    return Status::Ok();
  }));
  return std::move(*out);
}

Result<ServiceImportReport> ServiceDirectory::Import(const access::Actor& actor,
                                                     const ServiceImportRequest& request) {
  if (!MayMaintain(actor)) return Deny();
  ServiceImportReport report{.dry_run = request.dry_run};
  ServiceCsv csv = ReadServiceCsv(request.source, request.text);
  report.rows = static_cast<int>(csv.rows.size());
  report.problems = std::move(csv.problems);
  for (auto& row : csv.rows) {
    std::vector<FieldError> bad;
    if (csv.columns_ok) CheckService(places_, &row.service, &bad);
    for (auto& f : bad) {
      report.problems.push_back({.row = row.line, .column = f.field, .reason = f.reason});
    }
    row.service.organisation_id = actor.organisation_id;
    row.service.organisation_name = actor.organisation_name;
    row.service.active = true;
  }
  if (csv.rows.empty() && report.problems.empty()) {
    report.problems.push_back({.reason = "has no services below its header"});
  }
  const int64_t now = clock_.NowSeconds();
  const std::vector<registry::ImportProblem> read_problems = report.problems;
  const Status written = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    // The database may run this more than once (a retried transaction): start afresh each time.
    report.problems = read_problems;
    report.service_ids.clear();
    SANAD_ASSIGN_OR_RETURN(auto keys, ActiveKeys(c, actor.organisation_id));
    std::map<std::string, int> first_line;
    for (const auto& row : csv.rows) {
      const std::string key = DuplicateKey(row.service);
      if (auto it = keys.find(key); it != keys.end()) {
        report.problems.push_back({.row = row.line,
                                   .column = "name",
                                   .reason = "is already listed for this type and place (service " +
                                             std::to_string(it->second) + ")"});
      } else if (auto [at, added] = first_line.emplace(key, row.line); !added) {
        report.problems.push_back(
            {.row = row.line,
             .column = "name",
             .reason = "repeats the service of line " + std::to_string(at->second)});
      }
    }
    if (!report.problems.empty() || request.dry_run) return Status::Ok();
    for (auto& row : csv.rows) {
      SANAD_RETURN_IF_ERROR(
          store::InsertService(c, &row.service, BuildSearchText(row.service), now));
      SANAD_RETURN_IF_ERROR(store::AppendAudit(
          c, Entry(actor, now, "create", row.service.id, Diff(nullptr, row.service))));
      report.service_ids.push_back(row.service.id);
    }
    return Status::Ok();
  });
  if (!written.ok()) return written;
  // Problems found after reading come in check order; the report lists them in file order.
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const auto& a, const auto& b) { return a.row < b.row; });
  report.imported = report.problems.empty() && !request.dry_run;
  return report;
}

}  // namespace sanad::referrals
