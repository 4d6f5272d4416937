// ProgrammeTest: the base of the programme API tests (offices, projects, activities, staff) —
// an M&E officer of the fixture organisation (created on first use), helpers that add offices,
// projects and activities as a manager would, and a look into service_records, the table the
// reports count people reached from.
#pragma once

#include <memory>
#include <stdexcept>
#include <string>

#include "store/database.h"
#include "tests/api/api_test.h"

namespace sanad::api_test {

inline constexpr char kMeOfficer[] = "dilan.me";  // me_officer, kOrganisation
inline constexpr char kOffices[] = "/api/v1/offices";
inline constexpr char kProjects[] = "/api/v1/projects";
inline constexpr char kActivities[] = "/api/v1/activities";
inline constexpr char kStaff[] = "/api/v1/staff";

class ProgrammeTest : public ApiTest {
 protected:
  // A client logged in as the M&E officer.
  HttpClient MeOfficer() {
    if (!me_added_) {
      server().AddUser(kMeOfficer, "me_officer", kOrganisation, kPassword);
      me_added_ = true;
    }
    return server().LoggedIn(kMeOfficer, kPassword);
  }

  static int64_t IdOf(const Json& j) { return j.is_object() ? j.value("id", int64_t{0}) : 0; }
  static std::string PathOf(const char* base, int64_t id) {
    return std::string(base) + "/" + std::to_string(id);
  }
  // POSTs and expects 201; returns the created record (null otherwise).
  static Json Add(HttpClient& c, const std::string& path, const Json& body) {
    HttpResponse r = c.Post(path, body);
    EXPECT_EQ(r.status, 201) << path << " " << body.dump() << ": " << r.body;
    return r.status == 201 ? r.json : Json();
  }
  static HttpResponse Put(HttpClient& c, const std::string& path, const Json& body) {
    return c.Send("PUT", path, body.dump(), {});
  }
  static Json ErbilOffice() {
    return {{"name", "Erbil office"},
            {"name_ar", "مكتب أربيل"},
            {"pcode", testing_support::kMarkazErbil},
            {"lat", 36.19},
            {"lon", 44.01}};
  }
  // A protection and GBV project of ECHO in euros, working in Al-Hamdaniya.
  static Json EchoProject(int64_t office_id = 0) {
    return {{"code", "PRJ-24-07"},
            {"name", "Protection in Ninewa Plains"},
            {"name_ar", "الحماية في سهل نينوى"},
            {"donor", "ECHO"},
            {"sectors", {"protection", "gbv"}},
            {"status", "ongoing"},
            {"starts_on", "2026-01-01"},
            {"ends_on", "2026-12-31"},
            {"office_id", office_id == 0 ? Json(nullptr) : Json(office_id)},
            {"places", {testing_support::kHamdaniya}},
            {"currency", "EUR"},
            {"budget", 250000}};
  }
  // The ids of a list's items, in order.
  static std::vector<int64_t> ListIds(HttpClient& c, const std::string& path) {
    HttpResponse r = c.Get(path);
    EXPECT_EQ(r.status, 200) << path << ": " << r.body << r.error;
    std::vector<int64_t> out;
    for (const auto& i : r.json.value("items", Json::array())) out.push_back(IdOf(i));
    return out;
  }

  // One query on the server's database (SQLite in WAL mode or PostgreSQL: safe beside it);
  // throws when it fails.
  store::Rows Query(const std::string& sql, std::vector<store::Value> params = {}) {
    if (!db_) {
      auto db = store::OpenDatabase(server().db_url());
      if (!db.ok()) throw std::runtime_error(db.status().ToString());
      db_ = std::move(db).value();
    }
    store::Rows rows;
    const Status s = db_->InTransaction(store::TxMode::kRead, [&](store::Connection& c) -> Status {
      SANAD_ASSIGN_OR_RETURN(rows, c.Query(sql, params));
      return Status::Ok();
    });
    if (!s.ok()) throw std::runtime_error(sql + ": " + s.ToString());
    return rows;
  }
  int64_t QueryInt(const std::string& sql, std::vector<store::Value> params = {}) {
    const store::Rows rows = Query(sql, std::move(params));
    return rows.empty() ? -1 : rows.front().Int(0);
  }

  void TearDown() override {
    db_.reset();
    ApiTest::TearDown();
  }

 private:
  bool me_added_ = false;
  std::unique_ptr<store::Database> db_;
};

}  // namespace sanad::api_test
