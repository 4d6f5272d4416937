#include "base/clock.h"
#include "cases/case_access.h"
#include "cases/case_book_internal.h"
#include "cases/case_workflow.h"
#include "matching/normalise.h"
#include "store/audit_store.h"
#include "store/case_store.h"

namespace sanad::cases {
namespace {

// The sealed document: the content's sections and, for GBV only, the survivor's registry ids
// (outside GBV they are the plain case_people rows).
constexpr std::string_view kPeopleKey = "people";

bool PeopleSealed(const Case& c) { return c.module == access::CaseModule::kGbv; }

}  // namespace

std::string LocalDate(int64_t now) { return FormatUtcDate(now + kLocalOffsetSeconds); }

Status NoDataKey() {
  return Status::Unavailable(
      "case management needs a data key: start sanad with --key-file (docs/operations.md, Keys)");
}

Status CaseNotFound() { return Status::NotFound("case not found"); }

void CaseBook::SetOverdue(Case* c) const {
  c->overdue = IsOverdue(c->status, c->risk, c->step_at[0].value_or(c->created_at), c->status_at,
                         c->next_follow_up, LocalDate(now_), now_);
}

Result<Case> CaseBook::Load(int64_t id) {
  auto stored = store::GetCase(c_, actor_.organisation_id, id);
  if (!stored.ok()) return stored.status();
  Case c = std::move(stored->c);
  if (!MaySee(actor_, c)) return CaseNotFound();
  SANAD_ASSIGN_OR_RETURN(std::string plain,
                         cipher_.Open(stored->sealed_content, ContentContext(id)));
  Json doc = Json::parse(plain, nullptr, false);
  if (!doc.is_object()) return Status::Internal("case " + std::to_string(id) + ": bad content");
  if (PeopleSealed(c)) {
    if (doc.contains(kPeopleKey)) c.person_ids = doc[kPeopleKey].get<std::vector<int64_t>>();
    doc.erase(kPeopleKey);
  }
  c.content = std::move(doc);
  SetOverdue(&c);
  return c;
}

Status CaseBook::FillPeople(Case* c) {
  SANAD_ASSIGN_OR_RETURN(c->people, store::FindCasePeople(c_, c->organisation_id, c->person_ids));
  return Status::Ok();
}

std::string CaseBook::Seal(const Case& c) const {
  Json doc = c.content;
  if (PeopleSealed(c)) doc[kPeopleKey] = c.person_ids;
  return cipher_.Seal(doc.dump(), ContentContext(c.id));
}

// Outside GBV, the people's names (normalised, as households' search text) so a caseworker
// finds a case by name; a GBV case is found only by its reference.
std::string CaseBook::SearchText(const Case& c) const {
  if (PeopleSealed(c)) return "";
  std::string out = " ";
  for (const auto& p : c.people) {
    for (const auto& w : matching::NormalisedWords(p.name + " " + p.name_latin)) out += w + " ";
  }
  return out;
}

Status CaseBook::Insert(Case* c) {
  SANAD_RETURN_IF_ERROR(FillPeople(c));
  SetOverdue(c);
  const store::CaseWrite w{.actor_id = actor_.user_id, .now = now_, .search_text = SearchText(*c)};
  SANAD_ASSIGN_OR_RETURN(c->id, store::InsertCase(c_, *c, w));
  c->version = 1;
  SANAD_RETURN_IF_ERROR(store::SetCaseContent(c_, c->id, Seal(*c)));
  if (!PeopleSealed(*c)) SANAD_RETURN_IF_ERROR(store::ReplaceCasePeople(c_, c->id, c->person_ids));
  return Status::Ok();
}

Status CaseBook::Save(Case* c, int64_t expected_version) {
  // The people may have changed: the search text and the answer show them as they are now.
  SANAD_RETURN_IF_ERROR(FillPeople(c));
  SetOverdue(c);
  const store::CaseWrite w{.actor_id = actor_.user_id, .now = now_, .search_text = SearchText(*c)};
  SANAD_RETURN_IF_ERROR(store::UpdateCase(c_, *c, Seal(*c), expected_version, w));
  if (!PeopleSealed(*c)) SANAD_RETURN_IF_ERROR(store::ReplaceCasePeople(c_, c->id, c->person_ids));
  c->version = expected_version + 1;
  c->updated_at = now_;
  return Status::Ok();
}

Status CaseBook::AddEvent(int64_t case_id, std::string kind, std::string summary, const Json& body,
                          int64_t* id_out) {
  CaseEvent e{.case_id = case_id,
              .at = now_,
              .user_id = actor_.user_id,
              .username = actor_.username,
              .kind = std::move(kind),
              .summary = std::move(summary)};
  SANAD_ASSIGN_OR_RETURN(int64_t id, store::InsertCaseEvent(c_, e));
  if (id_out != nullptr) *id_out = id;
  if (body.is_null()) return Status::Ok();
  return store::SetCaseEventBody(c_, id, cipher_.Seal(body.dump(), EventContext(id)));
}

Status CaseBook::Audit(std::string action, int64_t case_id,
                       std::vector<access::FieldChange> changes) {
  return store::AppendAudit(c_, {.at = now_,
                                 .organisation_id = actor_.organisation_id,
                                 .user_id = actor_.user_id,
                                 .username = actor_.username,
                                 .action = std::move(action),
                                 .entity = "case",
                                 .entity_id = case_id,
                                 .changes = std::move(changes)});
}

}  // namespace sanad::cases
