// The rules of a service of the directory: each bad field is named, what has one right form is
// normalised, and email addresses are checked for the typos people make.
#include "referrals/service_validator.h"

#include <gtest/gtest.h>

namespace sanad::referrals {
namespace {

registry::PlaceDirectory Places() {
  return registry::PlaceDirectory(
      {{.pcode = "IQG15", .level = 1}, {.pcode = "IQG15Q03", .level = 2, .parent_pcode = "IQG15"}});
}

Service Good() {
  return {.type = "health",
          .name = "  Qaraqosh clinic ",
          .pcode = "IQG15Q03",
          .contact_phone = "0750 123-4567",
          .contact_email = "clinic@example.org"};
}

std::vector<std::string> Fields(const std::vector<FieldError>& bad) {
  std::vector<std::string> out;
  for (const auto& f : bad) out.push_back(f.field);
  return out;
}

TEST(ServiceValidatorTest, GoodServiceIsNormalised) {
  Service s = Good();
  std::vector<FieldError> bad;
  CheckService(Places(), &s, &bad);
  EXPECT_TRUE(bad.empty()) << bad.front().field << " " << bad.front().reason;
  EXPECT_EQ(s.name, "Qaraqosh clinic");
  EXPECT_EQ(s.contact_phone, "07501234567");
}

TEST(ServiceValidatorTest, EveryBadFieldIsNamed) {
  Service s{.type = "haircut",
            .name = " ",
            .pcode = "IQG99",
            .contact_phone = "call us",
            .contact_email = "clinic.example.org",
            .eligibility = std::string(2001, 'x')};
  std::vector<FieldError> bad;
  CheckService(Places(), &s, &bad);
  EXPECT_EQ(Fields(bad), (std::vector<std::string>{"type", "name", "pcode", "contact_phone",
                                                   "contact_email", "eligibility"}));
  EXPECT_NE(bad[0].reason.find("gbv_safe_space"), std::string::npos) << bad[0].reason;
}

TEST(ServiceValidatorTest, MissingTypeAndPlaceAreRequired) {
  Service s{.name = "x"};
  std::vector<FieldError> bad;
  CheckService(Places(), &s, &bad);
  ASSERT_EQ(Fields(bad), (std::vector<std::string>{"type", "pcode"}));
  EXPECT_EQ(bad[0].reason, "is required");
  EXPECT_EQ(bad[1].reason, "is required");
}

TEST(ServiceValidatorTest, EmailShapes) {
  const struct {
    const char* text;
    bool ok;
  } cases[] = {
      {"clinic@example.org", true},
      {"a.b+c@mail.example.iq", true},
      {"clinic.example.org", false},
      {"@example.org", false},
      {"clinic@", false},
      {"clinic@example", false},
      {"clinic@example.", false},
      {"clinic@.org", false},
      {"a@b@example.org", false},
      {"clinic @example.org", false},
      {"clinic@example..org", false},
      {"a@x.org, b@y.org", false},
  };
  for (const auto& c : cases) EXPECT_EQ(LooksLikeEmail(c.text), c.ok) << c.text;
}

}  // namespace
}  // namespace sanad::referrals
