// PeopleIndex: what the matcher sees of a registered member, and an index that follows
// household writes by version — late or out-of-order notices never bring back an older state,
// and archived households come back only when restored after the archive.
#include "registry/people_index.h"

#include <gtest/gtest.h>

#include <algorithm>

namespace sanad::registry {
namespace {

Household Family(int64_t id, int64_t version, std::vector<Member> members) {
  return Household{.id = id,
                   .version = version,
                   .organisation_id = 3,
                   .location_pcode = "IQG15Q03N03",
                   .phone = "+9647501234567",
                   .members = std::move(members)};
}

Member Person(int64_t id, std::string given, std::string family) {
  return Member{.id = id,
                .given_name = std::move(given),
                .family_name = std::move(family),
                .sex = "male",
                .relationship = "head"};
}

// The member ids `index` finds for `text`.
std::vector<uint64_t> Found(const PeopleIndex& index, std::string_view text) {
  std::vector<uint64_t> out;
  for (const auto& hit : index.index().Search(text, 10)) out.push_back(hit.key);
  return out;
}

TEST(ToPersonRecordTest, TakesNamesSexDatePlaceAPhoneAndAnIdentityDocument) {
  Member m = Person(41, "محمد", "الجبوري");
  m.name_latin = "Mohammed Al-Jubouri";
  m.birth_date = "1984-07";
  m.documents = {{"pds_card", "PDS-1"}, {"passport", "A123"}, {"national_id", "1990"}};
  const matching::PersonRecord r = ToPersonRecord(Family(7, 1, {}), m);
  EXPECT_EQ(r.id, "41");
  EXPECT_EQ(r.given_name, "محمد");
  EXPECT_EQ(r.family_name, "الجبوري");
  EXPECT_EQ(r.name_latin, "Mohammed Al-Jubouri");
  EXPECT_EQ(r.sex, 'm');
  ASSERT_TRUE(r.birth_date.has_value());
  EXPECT_EQ(r.birth_date->ToString(), "1984-07");
  EXPECT_EQ(r.pcode, "IQG15Q03N03");
  EXPECT_EQ(r.phone, "+9647501234567") << "the household's phone when the member has none";
  EXPECT_EQ(r.document_number, "1990") << "national ID before passport";

  m.phone = "07701112233";
  m.sex = "female";
  m.birth_date = "";
  m.documents = {{"pds_card", "PDS-1"}};
  const matching::PersonRecord s = ToPersonRecord(Family(7, 1, {}), m);
  EXPECT_EQ(s.phone, "07701112233");
  EXPECT_EQ(s.sex, 'f');
  EXPECT_FALSE(s.birth_date.has_value());
  EXPECT_EQ(s.document_number, "") << "a ration card is the household's, not the person's";
}

TEST(PeopleIndexTest, FollowsEditsAndIgnoresAnOlderVersionArrivingLate) {
  PeopleIndex index;
  index.HouseholdSaved(Family(7, 1, {Person(1, "Khalid", "Al-Obaidi"), Person(2, "Zainab", "")}));
  EXPECT_EQ(index.size(), 2u);
  index.HouseholdSaved(Family(7, 3, {Person(1, "Narges", "Barzani")}));
  EXPECT_EQ(index.size(), 1u) << "member 2 removed by the edit";
  EXPECT_EQ(index.MembersOf(7), std::vector<int64_t>{1});
  index.HouseholdSaved(Family(7, 2, {Person(1, "Khalid", "Al-Obaidi"), Person(2, "Zainab", "")}));
  EXPECT_EQ(index.size(), 1u) << "version 2 arrived after version 3: ignored";
  EXPECT_EQ(Found(index, "Narges Barzani"), std::vector<uint64_t>{1});
}

TEST(PeopleIndexTest, AnArchivedHouseholdComesBackOnlyWhenRestored) {
  PeopleIndex index;
  index.HouseholdSaved(Family(7, 1, {Person(1, "Khalid", "Al-Obaidi")}));
  index.HouseholdSaved(Family(8, 1, {Person(2, "Ahmed", "Al-Zubaidi")}));
  index.HouseholdArchived(3, 7);  // archiving takes version 2
  EXPECT_EQ(index.size(), 1u);
  EXPECT_TRUE(index.MembersOf(7).empty());
  index.HouseholdSaved(Family(7, 2, {Person(1, "Khalid", "Al-Obaidi")}));
  EXPECT_EQ(index.size(), 1u) << "a late save notice from before the archive";
  const std::vector<uint64_t> found = Found(index, "Khalid Al-Obaidi");
  EXPECT_EQ(std::find(found.begin(), found.end(), 1u), found.end());
  index.HouseholdSaved(Family(7, 3, {Person(1, "Khalid", "Al-Obaidi")}));
  EXPECT_EQ(index.size(), 2u) << "restored (a merge undone) after the archive";
  EXPECT_EQ(index.MembersOf(7), std::vector<int64_t>{1});
}

}  // namespace
}  // namespace sanad::registry
