#include "tests/api/public_fixtures.h"

namespace sanad::api_test {
namespace {

store::Value IdOrNull(int64_t id) { return id == 0 ? store::Value() : store::Value(id); }

store::Value DoubleOrNull(const std::optional<double>& v) {
  return v ? store::Value(*v) : store::Value();
}

}  // namespace

void PublicApiTest::SetUp() {
  ApiTest::SetUp();
  if (HasFatalFailure()) return;
  auto db = store::OpenDatabase(server().db_url());
  ASSERT_TRUE(db.ok()) << db.status().ToString();
  db_ = std::move(db).value();
}

int64_t PublicApiTest::InsertReturningId(const std::string& sql,
                                         const std::vector<store::Value>& params) {
  int64_t id = 0;
  const Status s = db_->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(store::Rows rows, c.Query(sql + " RETURNING id", params));
    id = rows.empty() ? 0 : rows.front().Int(0);
    return Status::Ok();
  });
  EXPECT_TRUE(s.ok()) << s.ToString() << "\n" << sql;
  return id;
}

int64_t PublicApiTest::AddOrganisation(const std::string& name) {
  return InsertReturningId(
      "INSERT INTO organisations (name, name_key, created_at) VALUES (?, ?, 0)",
      {name, name + " (key)"});
}

int64_t PublicApiTest::OrganisationOf(const std::string& username) {
  HttpClient c = As(username);
  return c.Get("/api/v1/session").json["user"]["organisation"]["id"].get<int64_t>();
}

int64_t PublicApiTest::AddOffice(int64_t organisation_id, const OfficeSpec& o) {
  return InsertReturningId(
      "INSERT INTO offices (organisation_id, version, name, name_ar, name_key, pcode, lat, lon, "
      "public, active, created_at, updated_at) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
      {organisation_id, o.name, "مكتب " + o.name, o.name + " (key)", o.pcode, DoubleOrNull(o.lat),
       DoubleOrNull(o.lon), int64_t{o.is_public ? 1 : 0}, int64_t{o.active ? 1 : 0}});
}

int64_t PublicApiTest::AddProject(int64_t organisation_id, const ProjectSpec& p) {
  return InsertReturningId(
      "INSERT INTO projects (organisation_id, office_id, version, code, name, sectors, status, "
      "starts_on, ends_on, currency, budget, public, created_at, updated_at) "
      "VALUES (?, ?, 1, ?, ?, ',protection,', ?, ?, ?, ?, ?, ?, 0, 0)",
      {organisation_id, IdOrNull(p.office_id), p.code, "Project " + p.code, p.status, p.starts_on,
       p.ends_on, p.currency, p.budget, int64_t{p.is_public ? 1 : 0}});
}

void PublicApiTest::AddExpenditure(int64_t organisation_id, int64_t project_id,
                                   const std::string& spent_on, int64_t amount, bool voided) {
  InsertReturningId(
      "INSERT INTO expenditures (organisation_id, project_id, spent_on, amount, category, "
      "created_at, voided_at) VALUES (?, ?, ?, ?, 'supplies', 0, ?)",
      {organisation_id, project_id, spent_on, amount,
       voided ? store::Value(int64_t{1}) : store::Value()});
}

void PublicApiTest::AddStaff(int64_t organisation_id, int64_t office_id, const std::string& kind,
                             const std::string& name, const std::string& phone, bool active) {
  InsertReturningId(
      "INSERT INTO staff_members (organisation_id, office_id, version, kind, name, phone, active, "
      "created_at, updated_at) VALUES (?, ?, 1, ?, ?, ?, ?, 0, 0)",
      {organisation_id, office_id, kind, name, phone, int64_t{active ? 1 : 0}});
}

int64_t PublicApiTest::AddActivity(int64_t organisation_id, const ActivitySpec& a) {
  return InsertReturningId(
      "INSERT INTO activities (organisation_id, project_id, office_id, version, type, sector, "
      "title, pcode, starts_on, ends_on, status, created_at, updated_at) "
      "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, 0, 0)",
      {organisation_id, IdOrNull(a.project_id), IdOrNull(a.office_id), a.type, a.sector,
       a.type + " at " + a.pcode, a.pcode, a.starts_on, a.starts_on, a.status});
}

void PublicApiTest::Served(const store::ServiceRecordBase& base,
                           const std::vector<int64_t>& person_ids) {
  const Status s = db_->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    return store::InsertPeopleRecords(c, base, person_ids);
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

void PublicApiTest::Counted(const store::ServiceRecordBase& base, const std::string& sex,
                            const std::string& age_group, const std::string& population_group,
                            int64_t n) {
  const Status s = db_->InTransaction(store::TxMode::kWrite, [&](store::Connection& c) {
    return store::InsertCountedRecord(c, base, sex, age_group, population_group, n);
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

Json PublicApiTest::PublicGet(const std::string& path) {
  HttpClient anonymous = server().Client();
  const HttpResponse r = anonymous.Get(path);
  EXPECT_EQ(r.status, 200) << path << ": " << r.body << r.error;
  EXPECT_EQ(r.Header("Set-Cookie"), "") << path;
  EXPECT_EQ(anonymous.session_cookie(), "") << path;
  return r.status == 200 ? r.json : Json();
}

}  // namespace sanad::api_test
