// CaseService: what happens to an open case besides editing — follow-ups, services given (with
// their service records), transfer and assignment, its timeline, and what referrals take from
// it.
#include <algorithm>

#include "base/partial_date.h"
#include "cases/case_access.h"
#include "cases/case_book_internal.h"
#include "cases/case_content.h"
#include "cases/case_service.h"
#include "store/case_store.h"
#include "store/project_ref_store.h"
#include "store/service_record_store.h"

namespace sanad::cases {
namespace {

constexpr size_t kMaxNote = 20'000;
// A district's P-code is the first 8 characters of the P-codes under it (IQG15Q03N03 → IQG15Q03).
constexpr size_t kDistrictChars = 8;

std::string Text(const Json& j, const char* key, std::vector<FieldError>* bad) {
  if (!j.contains(key) || j[key].is_null()) return "";
  if (!j[key].is_string()) {
    bad->push_back({key, "must be text"});
    return "";
  }
  std::string s = j[key].get<std::string>();
  if (s.size() > kMaxNote) bad->push_back({key, "is longer than 20000 bytes"});
  return s;
}

std::string Date(const Json& j, const char* key, bool required, std::vector<FieldError>* bad) {
  std::string s = Text(j, key, bad);
  if (s.empty()) {
    if (required) bad->push_back({key, "is required"});
    return s;
  }
  if (!IsFullDate(s)) bad->push_back({key, "must be a date YYYY-MM-DD"});
  return s;
}

Status Closed() {
  return Status(StatusCode::kConflict, "a closed case is reopened first",
                {{"status", "allowed next steps: open"}});
}

// The enabled caseworker or supervisor `user_id` of the actor's organisation holding the case's
// module; InvalidArgument naming `field` otherwise.
Result<CaseUser> CaseworkerOfModule(CaseBook& book, const Case& c, int64_t user_id,
                                    const char* field) {
  const std::string module(access::CaseModuleName(c.module));
  SANAD_ASSIGN_OR_RETURN(auto workers,
                         store::ListCaseworkers(book.connection(), c.organisation_id, module));
  for (const CaseUser& u : workers) {
    if (u.id == user_id) return u;
  }
  return Status::InvalidArgument(
      "not a caseworker of the module",
      {{field, "is not a caseworker of your organisation in the " + module + " module"}});
}

// The sector a module's services count under (docs/programmes.md, "Service records").
std::string_view SectorOf(access::CaseModule m) {
  switch (m) {
    case access::CaseModule::kGbv:
      return "gbv";
    case access::CaseModule::kChildProtection:
      return "child_protection";
    case access::CaseModule::kMhpss:
      return "mhpss";
    default:
      return "protection";
  }
}

// The service records of a service given on `date` (timeline event `event_id`): one row per
// person of the case, at the place of the first person's household. A GBV case keeps its
// survivor out of the plain tables, so it writes one counted row of unknown sex, age and
// population group, placed only to the district.
Status WriteServiceRecords(CaseBook& book, const Case& c, int64_t event_id,
                           const std::string& date) {
  store::Connection& conn = book.connection();
  int64_t office_id = 0;
  if (c.project_id != 0) {
    SANAD_ASSIGN_OR_RETURN(const auto project,
                           store::FindProjectRef(conn, c.organisation_id, c.project_id));
    if (project) office_id = project->office_id;
  }
  std::string pcode;
  if (!c.person_ids.empty()) {
    SANAD_ASSIGN_OR_RETURN(pcode, store::PersonPlace(conn, c.person_ids.front()));
  }
  store::ServiceRecordBase base{.organisation_id = c.organisation_id,
                                .project_id = c.project_id,
                                .office_id = office_id,
                                .sector = std::string(SectorOf(c.module)),
                                .source = "case_service",
                                .source_id = event_id,
                                .kind = std::string(access::CaseModuleName(c.module)),
                                .pcode = pcode,
                                .served_on = date};
  if (c.module == access::CaseModule::kGbv) {
    base.pcode = pcode.substr(0, kDistrictChars);
    return store::InsertCountedRecord(conn, base, "unknown", "unknown", "unknown", 1);
  }
  return store::InsertPeopleRecords(conn, base, c.person_ids);
}

bool WorksOn(const Case& c, int64_t user_id) {
  return c.owner.id == user_id || std::any_of(c.assigned.begin(), c.assigned.end(),
                                              [&](const CaseUser& u) { return u.id == user_id; });
}

}  // namespace

Result<Case> CaseService::AddFollowUp(const access::Actor& actor, int64_t id, int64_t version,
                                      const Json& in) {
  std::vector<FieldError> bad;
  const std::string date = Date(in, "date", true, &bad);
  const std::string note = Text(in, "note", &bad);
  const std::string next = Date(in, "next_follow_up", false, &bad);
  return Change(actor, id, [&](CaseBook& book, Case& c) -> Status {
    if (!bad.empty()) return Status::InvalidArgument("the follow-up has problems", bad);
    if (c.status == CaseStatus::kClosed) return Closed();
    c.next_follow_up = next;
    SANAD_RETURN_IF_ERROR(book.Save(&c, version));
    SANAD_RETURN_IF_ERROR(
        book.AddEvent(id, "follow_up", "follow-up on " + date,
                      {{"date", date}, {"note", note}, {"next_follow_up", next}}));
    return book.Audit("follow_up", id, {{.field = "follow_up", .after = "(encrypted)"}});
  });
}

Result<Case> CaseService::AddService(const access::Actor& actor, int64_t id, int64_t version,
                                     const Json& in) {
  std::vector<FieldError> bad;
  const std::string date = Date(in, "date", true, &bad);
  const std::string service = Text(in, "service", &bad);
  if (service.empty()) bad.push_back({"service", "is required"});
  const std::string provider = Text(in, "provider", &bad);
  const std::string note = Text(in, "note", &bad);
  return Change(actor, id, [&](CaseBook& book, Case& c) -> Status {
    if (!bad.empty()) return Status::InvalidArgument("the service has problems", bad);
    if (c.status == CaseStatus::kClosed) return Closed();
    SANAD_RETURN_IF_ERROR(book.Save(&c, version));
    int64_t event_id = 0;
    SANAD_RETURN_IF_ERROR(book.AddEvent(
        id, "service", "service given on " + date,
        {{"date", date}, {"service", service}, {"provider", provider}, {"note", note}}, &event_id));
    SANAD_RETURN_IF_ERROR(WriteServiceRecords(book, c, event_id, date));
    return book.Audit("service", id, {{.field = "service", .after = "(encrypted)"}});
  });
}

Result<Case> CaseService::Transfer(const access::Actor& actor, int64_t id, int64_t version,
                                   int64_t owner_id, const std::string& reason) {
  return Change(actor, id, [&](CaseBook& book, Case& c) -> Status {
    if (!Supervises(actor, c.module)) {
      return Status::PermissionDenied("only a supervisor of the module transfers a case");
    }
    SANAD_ASSIGN_OR_RETURN(CaseUser to, CaseworkerOfModule(book, c, owner_id, "owner_id"));
    if (to.id == c.owner.id) return Status::Ok();
    const std::string before = c.owner.username;
    c.owner = to;
    // The new owner needs no assignment beside ownership.
    const bool was_assigned =
        std::erase_if(c.assigned, [&](const CaseUser& u) { return u.id == to.id; }) > 0;
    SANAD_RETURN_IF_ERROR(book.Save(&c, version));
    if (was_assigned) {
      SANAD_RETURN_IF_ERROR(store::RemoveCaseAssignment(book.connection(), id, to.id));
    }
    SANAD_RETURN_IF_ERROR(book.AddEvent(id, "transfer", "owner: " + before + " → " + to.username,
                                        reason.empty() ? Json() : Json{{"reason", reason}}));
    return book.Audit("transfer", id, {{.field = "owner", .before = before, .after = to.username}});
  });
}

Result<Case> CaseService::Assign(const access::Actor& actor, int64_t id, int64_t version,
                                 int64_t user_id) {
  return Change(actor, id, [&](CaseBook& book, Case& c) -> Status {
    if (!MayAssign(actor, c)) {
      return Status::PermissionDenied("only the owner or a supervisor assigns a case");
    }
    SANAD_ASSIGN_OR_RETURN(CaseUser who, CaseworkerOfModule(book, c, user_id, "user_id"));
    if (WorksOn(c, user_id)) {
      return Status(StatusCode::kConflict, who.username + " already works on the case");
    }
    SANAD_RETURN_IF_ERROR(book.Save(&c, version));
    SANAD_RETURN_IF_ERROR(
        store::AddCaseAssignment(book.connection(), id, user_id, actor.user_id, book.now()));
    c.assigned.push_back(who);
    SANAD_RETURN_IF_ERROR(book.AddEvent(id, "assignment", "assigned " + who.username));
    return book.Audit("assign", id, {{.field = "assigned", .after = who.username}});
  });
}

Result<Case> CaseService::Unassign(const access::Actor& actor, int64_t id, int64_t version,
                                   int64_t user_id) {
  return Change(actor, id, [&](CaseBook& book, Case& c) -> Status {
    if (!MayAssign(actor, c)) {
      return Status::PermissionDenied("only the owner or a supervisor assigns a case");
    }
    const auto who = std::find_if(c.assigned.begin(), c.assigned.end(),
                                  [&](const CaseUser& u) { return u.id == user_id; });
    if (who == c.assigned.end()) return Status::NotFound("that user is not assigned to the case");
    const std::string name = who->username;
    c.assigned.erase(who);
    SANAD_RETURN_IF_ERROR(book.Save(&c, version));
    SANAD_RETURN_IF_ERROR(store::RemoveCaseAssignment(book.connection(), id, user_id));
    SANAD_RETURN_IF_ERROR(book.AddEvent(id, "assignment", "unassigned " + name));
    return book.Audit("unassign", id, {{.field = "assigned", .before = name}});
  });
}

Result<std::vector<CaseEvent>> CaseService::Timeline(const access::Actor& actor, int64_t id) {
  if (!cipher_) return NoDataKey();
  if (!WorksOnCases(actor)) return CaseNotFound();
  std::vector<CaseEvent> out;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& conn) {
    CaseBook book(conn, *cipher_, actor, clock_.NowSeconds());
    SANAD_RETURN_IF_ERROR(book.Load(id).status());
    SANAD_ASSIGN_OR_RETURN(auto stored, store::ListCaseEvents(conn, id));
    for (auto& s : stored) {
      if (s.sealed_body) {
        SANAD_ASSIGN_OR_RETURN(std::string plain,
                               cipher_->Open(*s.sealed_body, CaseBook::EventContext(s.e.id)));
        s.e.body = Json::parse(plain, nullptr, false);
      }
      out.push_back(std::move(s.e));
    }
    return book.Audit("read", id, {{.field = "timeline"}});
  }));
  return out;
}

Result<ReferralSource> CaseService::GetReferralSource(const access::Actor& actor, int64_t id) {
  if (!cipher_) return NoDataKey();
  if (!WorksOnCases(actor)) return CaseNotFound();
  ReferralSource out;
  const int64_t now = clock_.NowSeconds();
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& conn) {
    CaseBook book(conn, *cipher_, actor, now);
    SANAD_ASSIGN_OR_RETURN(Case c, book.Load(id));
    SANAD_RETURN_IF_ERROR(book.FillPeople(&c));
    out = ReferralSource{.case_id = c.id,
                         .organisation_id = c.organisation_id,
                         .module = std::string(access::CaseModuleName(c.module)),
                         .reference = c.Reference()};
    const Json consent = ObjectAt(c.content, "consent");
    if (consent.contains("share_with") && consent["share_with"].is_array()) {
      out.share_with = consent["share_with"].get<std::vector<int64_t>>();
    }
    if (consent.contains("share_fields") && consent["share_fields"].is_array()) {
      out.share_fields = consent["share_fields"].get<std::vector<std::string>>();
    }
    out.consent_to_share = !out.share_fields.empty();
    std::string names;
    for (const auto& p : c.people) names += (names.empty() ? "" : "; ") + p.name;
    out.values["name"] = names;
    out.values["summary"] = TextAt(ObjectAt(c.content, "assessment"), "summary");
    if (!c.people.empty()) {
      const CasePerson& p = c.people.front();
      const int age = AgeOn(p.birth_date, LocalDate(now));
      out.values["sex"] = p.sex;
      out.values["age"] = age < 0 ? "" : std::to_string(age);
      out.values["phone"] = p.phone;
      out.values["location"] = p.pcode;
    }
    return book.Audit("read", id, {{.field = "referral"}});
  }));
  return out;
}

Status CaseService::NoteReferral(store::Connection& conn, const access::Actor& actor, int64_t id,
                                 const std::string& summary) {
  if (!cipher_) return NoDataKey();
  if (!WorksOnCases(actor)) return CaseNotFound();
  CaseBook book(conn, *cipher_, actor, clock_.NowSeconds());
  SANAD_RETURN_IF_ERROR(book.Load(id).status());
  return book.AddEvent(id, "referral", summary);
}

}  // namespace sanad::cases
