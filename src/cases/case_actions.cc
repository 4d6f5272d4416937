// CaseService: what happens to an open case besides editing — follow-ups, services given,
// transfer and assignment, its timeline, and what referrals take from it.
#include <algorithm>

#include "base/partial_date.h"
#include "cases/case_access.h"
#include "cases/case_book_internal.h"
#include "cases/case_content.h"
#include "cases/case_service.h"
#include "store/case_store.h"

namespace sanad::cases {
namespace {

constexpr size_t kMaxNote = 20'000;

Status NoKey() {
  return Status::Unavailable(
      "case management needs a data key: start sanad with --key-file (docs/operations.md, Keys)");
}
Status NotFound() { return Status::NotFound("case not found"); }

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

// Whole years from a (partial) date of birth to `today`; -1 when unknown.
int AgeOn(const std::string& birth, const std::string& today) {
  std::string why;
  const auto b = ParsePartialDate(birth, &why);
  const auto t = ParsePartialDate(today, &why);
  if (!b || !t) return -1;
  int age = t->year - b->year;
  if (b->precision != DatePrecision::kYear &&
      (t->month < b->month || (t->month == b->month && t->day < b->day))) {
    --age;
  }
  return std::max(age, 0);
}

}  // namespace

Result<Case> CaseService::AddFollowUp(const access::Actor& actor, int64_t id, int64_t version,
                                      const Json& in) {
  if (!cipher_) return NoKey();
  if (!WorksOnCases(actor)) return NotFound();
  std::vector<FieldError> bad;
  const std::string date = Date(in, "date", true, &bad);
  const std::string note = Text(in, "note", &bad);
  const std::string next = Date(in, "next_follow_up", false, &bad);
  const int64_t now = clock_.NowSeconds();
  Case c;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& conn) {
    CaseBook book(conn, *cipher_, actor, now);
    SANAD_ASSIGN_OR_RETURN(c, book.Load(id));
    if (!bad.empty()) return Status::InvalidArgument("the follow-up has problems", bad);
    if (c.status == CaseStatus::kClosed) return Closed();
    c.next_follow_up = next;
    SANAD_RETURN_IF_ERROR(book.Save(&c, version));
    SANAD_RETURN_IF_ERROR(book.FillPeople(&c));
    SANAD_RETURN_IF_ERROR(
        book.AddEvent(id, "follow_up", "follow-up on " + date,
                      {{"date", date}, {"note", note}, {"next_follow_up", next}}));
    return book.Audit("follow_up", id, {{.field = "follow_up", .after = "(encrypted)"}});
  }));
  return c;
}

Result<Case> CaseService::AddService(const access::Actor& actor, int64_t id, int64_t version,
                                     const Json& in) {
  if (!cipher_) return NoKey();
  if (!WorksOnCases(actor)) return NotFound();
  std::vector<FieldError> bad;
  const std::string date = Date(in, "date", true, &bad);
  const std::string service = Text(in, "service", &bad);
  if (service.empty()) bad.push_back({"service", "is required"});
  const std::string provider = Text(in, "provider", &bad);
  const std::string note = Text(in, "note", &bad);
  const int64_t now = clock_.NowSeconds();
  Case c;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& conn) {
    CaseBook book(conn, *cipher_, actor, now);
    SANAD_ASSIGN_OR_RETURN(c, book.Load(id));
    if (!bad.empty()) return Status::InvalidArgument("the service has problems", bad);
    if (c.status == CaseStatus::kClosed) return Closed();
    SANAD_RETURN_IF_ERROR(book.Save(&c, version));
    SANAD_RETURN_IF_ERROR(book.FillPeople(&c));
    SANAD_RETURN_IF_ERROR(book.AddEvent(
        id, "service", "service given on " + date,
        {{"date", date}, {"service", service}, {"provider", provider}, {"note", note}}));
    return book.Audit("service", id, {{.field = "service", .after = "(encrypted)"}});
  }));
  return c;
}

Result<Case> CaseService::Transfer(const access::Actor& actor, int64_t id, int64_t version,
                                   int64_t owner_id, const std::string& reason) {
  if (!cipher_) return NoKey();
  if (!WorksOnCases(actor)) return NotFound();
  const int64_t now = clock_.NowSeconds();
  Case c;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& conn) {
    CaseBook book(conn, *cipher_, actor, now);
    SANAD_ASSIGN_OR_RETURN(c, book.Load(id));
    if (!Supervises(actor, c.module)) {
      return Status::PermissionDenied("only a supervisor of the module transfers a case");
    }
    SANAD_ASSIGN_OR_RETURN(auto workers,
                           store::ListCaseworkers(conn, actor.organisation_id,
                                                  std::string(access::CaseModuleName(c.module))));
    const auto to = std::find_if(workers.begin(), workers.end(),
                                 [&](const CaseUser& u) { return u.id == owner_id; });
    if (to == workers.end()) {
      return Status::InvalidArgument(
          "cannot transfer",
          {{"owner_id", "is not a caseworker of your organisation in the " +
                            std::string(access::CaseModuleName(c.module)) + " module"}});
    }
    if (to->id == c.owner.id) return book.FillPeople(&c);
    const std::string before = c.owner.username;
    c.owner = *to;
    SANAD_RETURN_IF_ERROR(book.Save(&c, version));
    // The new owner needs no assignment beside ownership.
    if (std::any_of(c.assigned.begin(), c.assigned.end(),
                    [&](const CaseUser& u) { return u.id == to->id; })) {
      SANAD_RETURN_IF_ERROR(store::RemoveCaseAssignment(conn, id, to->id));
      std::erase_if(c.assigned, [&](const CaseUser& u) { return u.id == to->id; });
    }
    SANAD_RETURN_IF_ERROR(book.FillPeople(&c));
    SANAD_RETURN_IF_ERROR(book.AddEvent(id, "transfer", "owner: " + before + " → " + to->username,
                                        reason.empty() ? Json() : Json{{"reason", reason}}));
    return book.Audit("transfer", id,
                      {{.field = "owner", .before = before, .after = to->username}});
  }));
  return c;
}

Result<Case> CaseService::Assign(const access::Actor& actor, int64_t id, int64_t version,
                                 int64_t user_id) {
  if (!cipher_) return NoKey();
  if (!WorksOnCases(actor)) return NotFound();
  const int64_t now = clock_.NowSeconds();
  Case c;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& conn) {
    CaseBook book(conn, *cipher_, actor, now);
    SANAD_ASSIGN_OR_RETURN(c, book.Load(id));
    if (!MayAssign(actor, c)) {
      return Status::PermissionDenied("only the owner or a supervisor assigns a case");
    }
    SANAD_ASSIGN_OR_RETURN(auto workers,
                           store::ListCaseworkers(conn, actor.organisation_id,
                                                  std::string(access::CaseModuleName(c.module))));
    const auto who = std::find_if(workers.begin(), workers.end(),
                                  [&](const CaseUser& u) { return u.id == user_id; });
    if (who == workers.end()) {
      return Status::InvalidArgument(
          "cannot assign",
          {{"user_id", "is not a caseworker of your organisation in the " +
                           std::string(access::CaseModuleName(c.module)) + " module"}});
    }
    const bool already =
        who->id == c.owner.id || std::any_of(c.assigned.begin(), c.assigned.end(),
                                             [&](const CaseUser& u) { return u.id == user_id; });
    if (already) return Status(StatusCode::kConflict, who->username + " already works on the case");
    SANAD_RETURN_IF_ERROR(book.Save(&c, version));
    SANAD_RETURN_IF_ERROR(store::AddCaseAssignment(conn, id, user_id, actor.user_id, now));
    c.assigned.push_back(*who);
    SANAD_RETURN_IF_ERROR(book.FillPeople(&c));
    SANAD_RETURN_IF_ERROR(book.AddEvent(id, "assignment", "assigned " + who->username));
    return book.Audit("assign", id, {{.field = "assigned", .after = who->username}});
  }));
  return c;
}

Result<Case> CaseService::Unassign(const access::Actor& actor, int64_t id, int64_t version,
                                   int64_t user_id) {
  if (!cipher_) return NoKey();
  if (!WorksOnCases(actor)) return NotFound();
  const int64_t now = clock_.NowSeconds();
  Case c;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& conn) {
    CaseBook book(conn, *cipher_, actor, now);
    SANAD_ASSIGN_OR_RETURN(c, book.Load(id));
    if (!MayAssign(actor, c)) {
      return Status::PermissionDenied("only the owner or a supervisor assigns a case");
    }
    const auto who = std::find_if(c.assigned.begin(), c.assigned.end(),
                                  [&](const CaseUser& u) { return u.id == user_id; });
    if (who == c.assigned.end()) return Status::NotFound("that user is not assigned to the case");
    const std::string name = who->username;
    c.assigned.erase(who);
    SANAD_RETURN_IF_ERROR(book.Save(&c, version));
    SANAD_RETURN_IF_ERROR(store::RemoveCaseAssignment(conn, id, user_id));
    SANAD_RETURN_IF_ERROR(book.FillPeople(&c));
    SANAD_RETURN_IF_ERROR(book.AddEvent(id, "assignment", "unassigned " + name));
    return book.Audit("unassign", id, {{.field = "assigned", .before = name}});
  }));
  return c;
}

Result<std::vector<CaseEvent>> CaseService::Timeline(const access::Actor& actor, int64_t id) {
  if (!cipher_) return NoKey();
  if (!WorksOnCases(actor)) return NotFound();
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
  if (!cipher_) return NoKey();
  if (!WorksOnCases(actor)) return NotFound();
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
  if (!cipher_) return NoKey();
  if (!WorksOnCases(actor)) return NotFound();
  CaseBook book(conn, *cipher_, actor, clock_.NowSeconds());
  SANAD_RETURN_IF_ERROR(book.Load(id).status());
  return book.AddEvent(id, "referral", summary);
}

}  // namespace sanad::cases
