#include "access/audit_changes.h"

#include <gtest/gtest.h>

namespace sanad::access {
namespace {

TEST(AuditChanges, ACreatedRecordListsItsNonEmptyFieldsAndAnEditOnlyWhatChanged) {
  const AuditFields created = {{"name", "Erbil office"}, {"name_ar", ""}, {"pcode", "IQG11Q02"}};
  EXPECT_EQ(DiffFields(nullptr, created),
            (std::vector<FieldChange>{{"name", std::nullopt, "Erbil office"},
                                      {"pcode", std::nullopt, "IQG11Q02"}}));
  const AuditFields edited = {{"name", "Erbil office"}, {"name_ar", "مكتب أربيل"}, {"pcode", ""}};
  EXPECT_EQ(DiffFields(&created, edited),
            (std::vector<FieldChange>{{"name_ar", "", "مكتب أربيل"}, {"pcode", "IQG11Q02", ""}}));
  EXPECT_TRUE(DiffFields(&edited, edited).empty());
}

TEST(AuditChanges, AnEntryIsByTheActorOfItsOrganisation) {
  const Actor actor{.user_id = 7, .username = "meal", .organisation_id = 3};
  const AuditEntry e =
      EntryBy(actor, 1'700'000'000, "update", "project", 42, {{"status", "planned", "ongoing"}});
  EXPECT_EQ(e.organisation_id, 3);
  EXPECT_EQ(e.user_id, 7);
  EXPECT_EQ(e.username, "meal");
  EXPECT_EQ(e.action, "update");
  EXPECT_EQ(e.entity, "project");
  EXPECT_EQ(e.entity_id, 42);
  EXPECT_EQ(e.at, 1'700'000'000);
  ASSERT_EQ(e.changes.size(), 1U);
}

}  // namespace
}  // namespace sanad::access
