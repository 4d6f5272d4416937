// A copy of the database alone reveals no sealed field: a unique narrative, follow-up note,
// referral reason and the GBV details are nowhere in the SQLite file (and its WAL) or in a
// pg_dump of the PostgreSQL database, while the API, holding the key, returns them.
#include <cstdio>
#include <fstream>
#include <memory>
#include <random>
#include <sstream>

#include "tests/api/case_fixtures.h"

namespace sanad::api_test {
namespace {

class CaseEncryptionTest : public ApiTest {
 protected:
  // Everything a thief holding the database (not the key) could read.
  std::string DatabaseBytes() {
    const std::string url = server().db_url();
    if (GetParam() == TestBackend::kSqlite) {
      std::string out;
      for (const std::string& f : {url, url + "-wal"}) {
        std::ifstream in(f, std::ios::binary);
        std::ostringstream data;
        data << in.rdbuf();
        out += data.str();
      }
      return out;
    }
    const std::string cmd = "/usr/lib/postgresql/15/bin/pg_dump --no-owner -d '" + url + "'";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    std::string out;
    char buf[65536];
    size_t n = 0;
    while (pipe && (n = fread(buf, 1, sizeof buf, pipe.get())) > 0) out.append(buf, n);
    return out;
  }
};

TEST_P(CaseEncryptionTest, SealedFieldsAreNowhereInTheDatabaseInPlainText) {
  std::mt19937_64 rng(std::random_device{}());
  const std::string marker = "narrative-" + std::to_string(rng());
  const std::string note = "followup-" + std::to_string(rng());
  const std::string reason = "referral-" + std::to_string(rng());
  HttpClient clerk = As(kClerk);
  const int64_t person = RegisterPerson(clerk);
  // The other organisation's safe space, which the survivor agreed to share name and sex with.
  HttpClient partner = As(kOtherGbvSupervisor);
  HttpResponse service = partner.Post(
      "/api/v1/services", {{"type", "gbv_safe_space"}, {"name", "Safe space"}, {"pcode", "IQG09"}});
  ASSERT_EQ(service.status, 201) << service.body;
  const int64_t partner_org = service.json["organisation"]["id"];
  HttpClient worker = As(kGbvWorker);
  Json c = OpenCase(worker, GbvCaseBody(person, "Survivor said: " + marker, partner_org));
  HttpResponse fu =
      worker.Post(CasePath(c) + "/follow_ups",
                  {{"version", c["version"]}, {"date", "2026-11-04"}, {"note", note}});
  ASSERT_EQ(fu.status, 200) << fu.body;
  HttpResponse referral = worker.Post("/api/v1/referrals", {{"case_id", c["id"]},
                                                            {"service_id", service.json["id"]},
                                                            {"urgency", "urgent"},
                                                            {"reason", reason},
                                                            {"share", {"name", "sex"}}});
  ASSERT_EQ(referral.status, 201) << referral.body;
  // The API, holding the key, gives them back.
  HttpResponse got = worker.Get(CasePath(c));
  ASSERT_EQ(got.status, 200);
  EXPECT_NE(got.json["intake"]["narrative"].get<std::string>().find(marker), std::string::npos);
  const std::string bytes = DatabaseBytes();
  // The copy is real: it holds the registry's plain names.
  ASSERT_NE(bytes.find("Al-Jubouri"), std::string::npos) << "the copy holds no registry data";
  EXPECT_EQ(bytes.find(marker), std::string::npos);
  EXPECT_EQ(bytes.find(note), std::string::npos);
  EXPECT_EQ(bytes.find(reason), std::string::npos);
  EXPECT_EQ(bytes.find("physical_assault"), std::string::npos);
}

SANAD_API_TEST_SUITE(CaseEncryptionTest);

}  // namespace
}  // namespace sanad::api_test
