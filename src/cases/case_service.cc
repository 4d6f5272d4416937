#include "cases/case_service.h"

#include <algorithm>

#include "cases/case_access.h"
#include "cases/case_book_internal.h"
#include "cases/case_content.h"
#include "cases/case_workflow.h"
#include "store/case_store.h"
#include "store/project_ref_store.h"

namespace sanad::cases {
namespace {

constexpr std::string_view kEncrypted = "(encrypted)";
constexpr size_t kMaxPeople = 20;

// A field change for the audit log: plain values for plain fields, never a sealed one's value.
access::FieldChange Plain(std::string field, std::string before, std::string after) {
  return {.field = std::move(field), .before = std::move(before), .after = std::move(after)};
}
access::FieldChange Sealed(std::string field) {
  return {.field = std::move(field), .before = std::nullopt, .after = std::string(kEncrypted)};
}

// Validates the people of a case: 1..20 live registry people of the organisation.
Status CheckPeople(store::Connection& c, int64_t organisation_id, const std::vector<int64_t>& ids,
                   std::vector<FieldError>* bad) {
  if (ids.empty()) {
    bad->push_back({"people", "name at least one registered person"});
    return Status::Ok();
  }
  if (ids.size() > kMaxPeople) {
    bad->push_back({"people", "at most 20 people"});
    return Status::Ok();
  }
  SANAD_ASSIGN_OR_RETURN(auto found, store::FindCasePeople(c, organisation_id, ids));
  for (size_t i = 0; i < ids.size(); ++i) {
    const bool known = std::any_of(found.begin(), found.end(),
                                   [&](const CasePerson& p) { return p.id == ids[i]; });
    if (!known) {
      bad->push_back(
          {"people[" + std::to_string(i) + "]", "is not a registered person of your organisation"});
    }
  }
  return Status::Ok();
}

// Sets the case's project (0 = none) when it is one of the organisation's; a problem naming
// `project_id` otherwise.
Status SetProject(store::Connection& c, int64_t project_id, Case* k, std::vector<FieldError>* bad) {
  if (project_id == 0) {
    k->project_id = 0;
    k->project_code.clear();
    k->project_name.clear();
    return Status::Ok();
  }
  SANAD_ASSIGN_OR_RETURN(const auto project,
                         store::FindProjectRef(c, k->organisation_id, project_id));
  if (!project) {
    bad->push_back({"project_id", "is not a project of your organisation"});
    return Status::Ok();
  }
  k->project_id = project->id;
  k->project_code = project->code;
  k->project_name = project->name;
  return Status::Ok();
}

// Stamps a consent section with who took it and, when missing, the day.
void StampConsent(const access::Actor& actor, int64_t now, Json* content) {
  if (!content->contains("consent") || !(*content)["consent"].is_object()) return;
  Json& consent = (*content)["consent"];
  consent["taken_by"] = actor.username;
  if (TextAt(consent, "given_on").empty()) consent["given_on"] = LocalDate(now);
}

}  // namespace

Result<Case> CaseService::Create(const access::Actor& actor, const NewCase& in) {
  if (!cipher_) return NoDataKey();
  if (!WorksOnCases(actor)) return Status::PermissionDenied("your role opens no cases");
  std::vector<FieldError> bad;
  const auto module = access::ParseCaseModule(in.module);
  if (!module) {
    bad.push_back(
        {"module", "must be one of gbv, child_protection, mhpss, legal, hlp, special_needs"});
  } else if (!actor.modules.Has(*module)) {
    return Status::PermissionDenied("you do not work in the " + in.module + " module");
  }
  const auto risk = ParseRisk(in.risk);
  if (!risk) bad.push_back({"risk", "must be low, medium or high"});
  if (!in.next_follow_up.empty() && !IsFullDate(in.next_follow_up)) {
    bad.push_back({"next_follow_up", "must be a date YYYY-MM-DD"});
  }
  Case c;
  c.content = in.content;
  if (module) CheckContent(*module, &c.content, &bad);
  const int64_t now = clock_.NowSeconds();
  Status s = db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& conn) -> Status {
    std::vector<FieldError> people_bad;
    SANAD_RETURN_IF_ERROR(CheckPeople(conn, actor.organisation_id, in.person_ids, &people_bad));
    Case project{.organisation_id = actor.organisation_id};
    SANAD_RETURN_IF_ERROR(SetProject(conn, in.project_id, &project, &people_bad));
    if (!bad.empty() || !people_bad.empty()) {
      people_bad.insert(people_bad.begin(), bad.begin(), bad.end());
      return Status::InvalidArgument("the case has problems", std::move(people_bad));
    }
    c = Case{.organisation_id = actor.organisation_id,
             .module = *module,
             .status = CaseStatus::kOpen,
             .risk = *risk,
             .owner = {.id = actor.user_id, .username = actor.username},
             .person_ids = in.person_ids,
             .project_id = project.project_id,
             .project_code = project.project_code,
             .project_name = project.project_name,
             .status_at = now,
             .next_follow_up = in.next_follow_up,
             .content = std::move(c.content),
             .created_at = now,
             .updated_at = now};
    c.step_at[0] = now;
    StampConsent(actor, now, &c.content);
    CaseBook book(conn, *cipher_, actor, now);
    SANAD_RETURN_IF_ERROR(book.Insert(&c));
    SANAD_RETURN_IF_ERROR(book.AddEvent(c.id, "created", "opened " + c.Reference()));
    std::vector<access::FieldChange> changes = {Plain("module", "", in.module),
                                                Plain("risk", "", in.risk), Sealed("people")};
    if (c.project_id != 0) changes.push_back(Plain("project_id", "", std::to_string(c.project_id)));
    for (auto it = c.content.begin(); it != c.content.end(); ++it)
      changes.push_back(Sealed(it.key()));
    return book.Audit("create", c.id, std::move(changes));
  });
  SANAD_RETURN_IF_ERROR(s);
  return c;
}

Result<Case> CaseService::Change(const access::Actor& actor, int64_t id,
                                 const std::function<Status(CaseBook&, Case&)>& change) {
  if (!cipher_) return NoDataKey();
  if (!WorksOnCases(actor)) return CaseNotFound();
  Case c;
  SANAD_RETURN_IF_ERROR(db_.InTransaction(store::TxMode::kWrite, [&](store::Connection& conn) {
    CaseBook book(conn, *cipher_, actor, clock_.NowSeconds());
    SANAD_ASSIGN_OR_RETURN(c, book.Load(id));
    SANAD_RETURN_IF_ERROR(change(book, c));
    // A change that saved has its people; a read or a change that wrote nothing does not yet.
    return c.people.empty() ? book.FillPeople(&c) : Status::Ok();
  }));
  return c;
}

Result<Case> CaseService::Get(const access::Actor& actor, int64_t id) {
  return Change(actor, id, [&](CaseBook& book, Case&) { return book.Audit("read", id, {}); });
}

Result<Case> CaseService::Edit(const access::Actor& actor, int64_t id, const CaseEdit& edit) {
  std::vector<FieldError> bad;
  std::optional<Risk> risk;
  if (edit.risk) {
    risk = ParseRisk(*edit.risk);
    if (!risk) bad.push_back({"risk", "must be low, medium or high"});
  }
  if (edit.next_follow_up && !edit.next_follow_up->empty() && !IsFullDate(*edit.next_follow_up)) {
    bad.push_back({"next_follow_up", "must be a date YYYY-MM-DD"});
  }
  return Change(actor, id, [&](CaseBook& book, Case& c) -> Status {
    if (c.status == CaseStatus::kClosed) {
      return Status(StatusCode::kConflict, "a closed case is reopened before it is edited",
                    {{"status", "allowed next steps: open"}});
    }
    std::vector<FieldError> all = bad;
    Json sections = edit.sections;
    for (auto it = sections.begin(); it != sections.end(); ++it) {
      CheckSection(c.module, it.key(), &it.value(), &all);
    }
    if (edit.person_ids) {
      SANAD_RETURN_IF_ERROR(
          CheckPeople(book.connection(), actor.organisation_id, *edit.person_ids, &all));
    }
    const int64_t project_before = c.project_id;
    if (edit.project_id) {
      SANAD_RETURN_IF_ERROR(SetProject(book.connection(), *edit.project_id, &c, &all));
    }
    if (!all.empty()) return Status::InvalidArgument("the edit has problems", std::move(all));
    std::vector<access::FieldChange> changes;
    std::string summary;
    auto note = [&](std::string_view what) {
      summary += (summary.empty() ? "edited: " : ", ") + std::string(what);
    };
    if (risk && *risk != c.risk) {
      changes.push_back(Plain("risk", std::string(RiskName(c.risk)), std::string(RiskName(*risk))));
      note("risk " + std::string(RiskName(*risk)));
      c.risk = *risk;
    }
    if (edit.next_follow_up && *edit.next_follow_up != c.next_follow_up) {
      changes.push_back(Plain("next_follow_up", c.next_follow_up, *edit.next_follow_up));
      note("next follow-up");
      c.next_follow_up = *edit.next_follow_up;
    }
    if (c.project_id != project_before) {
      changes.push_back(
          Plain("project_id", std::to_string(project_before), std::to_string(c.project_id)));
      note("project");
    }
    if (edit.person_ids && *edit.person_ids != c.person_ids) {
      changes.push_back(Sealed("people"));
      note("people");
      c.person_ids = *edit.person_ids;
    }
    for (auto it = sections.begin(); it != sections.end(); ++it) {
      if (c.content.value(it.key(), Json()) == it.value()) continue;
      changes.push_back(Sealed(it.key()));
      note(it.key());
      c.content[it.key()] = it.value();
    }
    if (sections.contains("consent")) StampConsent(actor, book.now(), &c.content);
    // Time to report follows the intake and incident dates, whichever section changed.
    std::vector<FieldError> derived;
    CheckContent(c.module, &c.content, &derived);
    if (!derived.empty()) {
      return Status::InvalidArgument("the edit has problems", std::move(derived));
    }
    if (changes.empty()) return Status::Ok();
    SANAD_RETURN_IF_ERROR(book.Save(&c, edit.version));
    SANAD_RETURN_IF_ERROR(book.AddEvent(id, "edit", summary));
    return book.Audit("update", id, std::move(changes));
  });
}

Result<Case> CaseService::Move(const access::Actor& actor, int64_t id, std::string_view status,
                               int64_t version, const std::string& reason) {
  const auto to = ParseStatus(status);
  return Change(actor, id, [&](CaseBook& book, Case& c) -> Status {
    if (!to) {
      return Status::InvalidArgument("bad step", {{"status",
                                                   "must be one of open, assessment, case_plan, "
                                                   "follow_up, closure_requested, closed"}});
    }
    const CaseStatus from = c.status;
    SANAD_RETURN_IF_ERROR(CheckStep(from, *to, Supervises(actor, c.module)));
    if (*to == CaseStatus::kClosureRequested) {
      const std::string stored = TextAt(ObjectAt(c.content, "closure"), "reason");
      if (reason.empty() && stored.empty()) {
        return Status::InvalidArgument("a closure request needs a reason",
                                       {{"reason", "is required to request closure"}});
      }
      if (!reason.empty()) c.content["closure"]["reason"] = reason;
    }
    if (from == CaseStatus::kClosed && reason.empty()) {
      return Status::InvalidArgument("reopening needs a reason",
                                     {{"reason", "is required to reopen"}});
    }
    c.status = *to;
    c.status_at = book.now();
    c.step_at.at(static_cast<size_t>(*to)) = book.now();
    SANAD_RETURN_IF_ERROR(book.Save(&c, version));
    const std::string summary =
        std::string(StatusName(from)) + " → " + std::string(StatusName(*to));
    SANAD_RETURN_IF_ERROR(
        book.AddEvent(id, "status", summary, reason.empty() ? Json() : Json{{"reason", reason}}));
    return book.Audit("status", id,
                      {Plain("status", std::string(StatusName(from)), std::string(status))});
  });
}

}  // namespace sanad::cases
