#include "programmes/demo_programmes.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "base/clock.h"

namespace sanad::programmes {
namespace {

constexpr int64_t kDay = 86'400;

struct DemoOffice {
  const char* name;
  const char* name_ar;
  const char* pcode;
  double lat;
  double lon;
};

constexpr std::array<DemoOffice, 3> kOffices = {{
    {"Erbil office", "مكتب أربيل", "IQG11Q02N02", 36.1911, 44.0092},
    {"Duhok office", "مكتب دهوك", "IQG09Q02N02", 36.8669, 42.9503},
    {"Qaraqosh field office", "مكتب قرقوش الميداني", "IQG15Q03N03", 36.2703, 43.3779},
}};

struct DemoProject {
  const char* code;
  const char* name;
  const char* name_ar;
  const char* donor;
  std::vector<std::string> sectors;
  const char* status;
  int start_days_ago;  // negative: starts in the future
  int length_days;
  int office;  // index into kOffices
  std::vector<std::string> places;
  const char* currency;
  const char* budget;
};

const std::vector<DemoProject>& Projects() {
  static const std::vector<DemoProject> kProjects = {
      {"ECHO-26-PRT",
       "Protection and GBV response in the Ninewa Plains",
       "الاستجابة للحماية والعنف القائم على النوع الاجتماعي في سهل نينوى",
       "ECHO",
       {"protection", "gbv", "mhpss"},
       "ongoing",
       270,
       365,
       2,
       {"IQG15Q03"},
       "EUR",
       "450000"},
      {"BHA-26-WASH",
       "WASH and shelter repairs for returnees",
       "المياه والإيواء للعائدين",
       "BHA",
       {"wash", "shelter_nfi"},
       "ongoing",
       200,
       365,
       2,
       {"IQG15Q03", "IQG15Q05N03"},
       "USD",
       "600000"},
      {"UNHCR-25-CBP",
       "Community-based protection in Duhok",
       "الحماية المجتمعية في دهوك",
       "UNHCR",
       {"protection", "child_protection", "education"},
       "completed",
       420,
       365,
       1,
       {"IQG09Q02"},
       "USD",
       "320000"},
      {"CHR-26-LIV",
       "Livelihoods and social cohesion",
       "سبل العيش والتماسك الاجتماعي",
       "Church partner (Diocese fund)",
       {"livelihoods", "education"},
       "ongoing",
       150,
       300,
       0,
       {"IQG11Q02", "IQG15Q03"},
       "IQD",
       "150000000"},
      {"ECHO-27-HLT",
       "Mobile health and MHPSS teams",
       "فرق الصحة والدعم النفسي المتنقلة",
       "ECHO",
       {"health", "mhpss"},
       "planned",
       -30,
       365,
       0,
       {"IQG11Q02"},
       "EUR",
       "200000"},
  };
  return kProjects;
}

struct DemoActivity {
  int project;
  const char* type;
  const char* sector;
  const char* title;
  const char* pcode;
  const char* site;
  int days_ago;  // negative: planned for the future
  int sessions;
  int attendees;  // registered people; counted rows are added beside
};

const std::vector<DemoActivity>& Activities() {
  static const std::vector<DemoActivity> kActivities = {
      {0, "awareness_session", "gbv", "GBV risks and services", "IQG15Q03N03",
       "Qaraqosh women's centre", 240, 1, 12},
      {0, "awareness_session", "protection", "Civil documentation: how to replace lost IDs",
       "IQG15Q03N02", "Bartilla community hall", 200, 1, 15},
      {0, "pfa_group", "mhpss", "PFA group for mothers", "IQG15Q03N03", "Al-Tahira church hall",
       180, 6, 10},
      {0, "pfa_group", "mhpss", "Stress management for young men", "IQG15Q03N02",
       "Bartilla youth centre", 120, 4, 8},
      {0, "training", "protection", "Psychological first aid for teachers", "IQG15Q03N03",
       "Qaraqosh youth centre", 150, 3, 14},
      {0, "door_to_door", "protection", "Protection monitoring visits", "IQG15Q03N01", "Namroud",
       90, 1, 9},
      {0, "recreational_event", "mhpss", "Family day", "IQG15Q03N03", "Qaraqosh stadium", 60, 1, 6},
      {0, "training", "gbv", "Safe referrals for health staff", "IQG15Q03N03", "Qaraqosh hospital",
       30, 2, 11},
      {0, "awareness_session", "gbv", "16 days of activism", "IQG15Q03N02", "Bartilla market", -10,
       1, 0},
      {1, "awareness_session", "wash", "Hygiene promotion", "IQG15Q03N03", "Al-Sa'a quarter", 190,
       1, 14},
      {1, "door_to_door", "wash", "Water point and latrine checks", "IQG15Q05N03", "Bashiqa", 160,
       1, 10},
      {1, "rehabilitation", "shelter_nfi", "Roof and window repairs", "IQG15Q03N03",
       "Qaraqosh, Al-Sa'a quarter", 140, 1, 0},
      {1, "rehabilitation", "wash", "Water point rehabilitation", "IQG15Q05N03", "Bashiqa", 100, 1,
       0},
      {1, "awareness_session", "wash", "Safe water storage", "IQG15Q05N03", "Bashiqa school", 45, 1,
       12},
      {1, "rehabilitation", "shelter_nfi", "War-damaged houses, second phase", "IQG15Q03N02",
       "Bartilla", -20, 1, 0},
      {2, "class", "education", "Catch-up classes for out-of-school children", "IQG09Q02N02",
       "Domiz camp school", 380, 40, 15},
      {2, "recreational_event", "child_protection", "Child-friendly space open day", "IQG09Q02N01",
       "Kabarto camp", 330, 1, 12},
      {2, "awareness_session", "protection", "Housing, land and property rights", "IQG09Q02N02",
       "Duhok community centre", 300, 1, 10},
      {2, "training", "child_protection", "Case management for social workers", "IQG09Q02N02",
       "Duhok office", 250, 5, 9},
      {2, "door_to_door", "protection", "Outreach to families in Zawita", "IQG09Q02N03", "Zawita",
       200, 1, 8},
      {2, "class", "education", "Arabic and maths for adolescents", "IQG09Q02N01", "Kabarto camp",
       120, 30, 12},
      {3, "training", "livelihoods", "Small business and bookkeeping", "IQG11Q02N02",
       "Ankawa vocational centre", 130, 8, 13},
      {3, "social_cohesion_event", "livelihoods", "Market day of returnee producers", "IQG15Q03N03",
       "Qaraqosh main street", 90, 1, 10},
      {3, "social_cohesion_event", "livelihoods", "Shared iftar of host and displaced families",
       "IQG11Q02N02", "Erbil citadel square", 70, 1, 8},
      {3, "class", "education", "English for job seekers", "IQG11Q02N02", "Ankawa", 50, 20, 11},
      {3, "training", "livelihoods", "Tailoring for women", "IQG15Q03N02", "Bartilla", 20, 12, 10},
      {3, "social_cohesion_event", "livelihoods", "Youth football tournament", "IQG15Q03N02",
       "Bartilla pitch", 15, 1, 0},
      {4, "pfa_group", "mhpss", "PFA group for camp residents", "IQG11Q02N02", "Harshm camp", -45,
       6, 0},
  };
  return kActivities;
}

constexpr std::array<const char*, 16> kGiven = {
    "Rana",   "Sami",  "Nadia",  "Karwan", "Shilan", "Ahmed",  "Hana", "Dilan",
    "Bashar", "Layla", "Zainab", "Rebwar", "Mariam", "Yousif", "Noor", "Farhad"};
constexpr std::array<const char*, 12> kFamily = {"Yousif",  "Toma",   "Petros", "Aziz",
                                                 "Mahmoud", "Khalil", "Elias",  "Rasheed",
                                                 "Matti",   "Hassan", "Jajo",   "Omar"};
constexpr std::array<const char*, 6> kPositions = {"Protection officer",  "Caseworker",
                                                   "Community mobiliser", "M&E assistant",
                                                   "WASH engineer",       "Driver"};

std::string Day(int64_t today, int days_ago) {
  return FormatUtcDate(today - static_cast<int64_t>(days_ago) * kDay);
}

Status Named(const Status& s, const std::string& what) {
  if (s.ok()) return s;
  return Status(s.code(), what + ": " + s.message(), s.fields());
}

// The count rows of a done activity: a few cells around the registered attendees.
std::vector<CountRow> Counts(const DemoActivity& d, size_t i) {
  if (d.attendees == 0 && std::string(d.type) == "rehabilitation") return {};
  const auto n = static_cast<int64_t>(i % 5);
  std::vector<CountRow> rows = {{"female", "18-59", "idp", 3 + n},
                                {"male", "18-59", "host", 1 + n}};
  if (std::string(d.sector) == "child_protection" || std::string(d.sector) == "education") {
    rows = {{"female", "6-17", "idp", 6 + n},
            {"male", "6-17", "idp", 5 + n},
            {"female", "6-17", "returnee", 2}};
  }
  if (i % 3 == 0) rows.push_back({"female", "60+", "returnee", 2});
  return rows;
}

}  // namespace

Result<DemoProgrammeCounts> CreateDemoProgrammes(ProgrammeServices& services,
                                                 const access::Actor& admin,
                                                 std::span<const int64_t> person_ids,
                                                 int64_t today) {
  DemoProgrammeCounts counts;
  std::vector<int64_t> offices;
  for (const auto& o : kOffices) {
    auto made = services.offices.Create(
        admin,
        {.name = o.name, .name_ar = o.name_ar, .pcode = o.pcode, .lat = o.lat, .lon = o.lon});
    if (!made.ok()) return Named(made.status(), std::string("office ") + o.name);
    offices.push_back(made->id);
    ++counts.offices;
  }

  std::vector<Project> projects;
  for (const auto& p : Projects()) {
    const int ends = p.length_days - p.start_days_ago;
    auto made =
        services.projects.Create(admin, {.code = p.code,
                                         .name = p.name,
                                         .name_ar = p.name_ar,
                                         .description = std::string("Funded by ") + p.donor + ".",
                                         .donor = p.donor,
                                         .sectors = p.sectors,
                                         .status = p.status,
                                         .starts_on = Day(today, p.start_days_ago),
                                         .ends_on = Day(today, -ends),
                                         .office_id = offices.at(static_cast<size_t>(p.office)),
                                         .places = p.places,
                                         .currency = p.currency,
                                         .budget = p.budget});
    if (!made.ok()) return Named(made.status(), std::string("project ") + p.code);
    projects.push_back(*made);
    ++counts.projects;
  }

  // Expenditures month by month of the projects under way; the Duhok project ended over budget.
  const std::array<const char*, 6> categories = {"staff",    "supplies",       "transport",
                                                 "training", "rehabilitation", "cash"};
  for (size_t pi = 0; pi < projects.size(); ++pi) {
    const DemoProject& p = Projects()[pi];
    if (std::string(p.status) == "planned") continue;
    const int months = std::min(p.start_days_ago, 365) / 30;
    for (int m = 0; m < months; ++m) {
      const std::string amount = std::string(p.currency) == "IQD"
                                     ? std::to_string(9'500'000 + m * 250'000)
                                 : pi == 2 ? std::to_string(29'000 + m * 125) + ".50"
                                           : std::to_string(21'000 + m * 310) + ".75";
      auto spent = services.projects.AddExpenditure(
          admin, projects[pi].id,
          {.spent_on = Day(today, p.start_days_ago - m * 30 - 10),
           .amount = amount,
           .category = categories.at(static_cast<size_t>(m) % categories.size()),
           .description = "Monthly " +
                          std::string(categories.at(static_cast<size_t>(m) % categories.size())) +
                          " costs"});
      if (!spent.ok()) return Named(spent.status(), std::string("expenditure of ") + p.code);
      if (pi == 1 && m == 2) {
        auto voided = services.projects.VoidExpenditure(admin, projects[pi].id, spent->id,
                                                        "Invoice entered twice");
        if (!voided.ok()) return Named(voided.status(), "void");
      }
    }
  }

  size_t next_person = 0;
  const auto& demo = Activities();
  for (size_t i = 0; i < demo.size(); ++i) {
    const DemoActivity& d = demo[i];
    const bool future = d.days_ago < 0;
    const bool cancelled = i == 6;  // the family day was rained off
    ActivityEdit edit{.project_id = projects.at(static_cast<size_t>(d.project)).id,
                      .type = d.type,
                      .sector = d.sector,
                      .title = d.title,
                      .pcode = d.pcode,
                      .site = d.site,
                      .starts_on = Day(today, d.days_ago),
                      .ends_on = Day(today, d.days_ago - (d.sessions > 1 ? d.sessions : 0)),
                      .status = future      ? "planned"
                                : cancelled ? "cancelled"
                                            : "done",
                      .facilitator = std::string(kGiven.at(i % kGiven.size())) + " " +
                                     kFamily.at(i % kFamily.size()),
                      .sessions = d.sessions};
    const std::string type = d.type;
    if (type == "rehabilitation") {
      edit.units = future ? 0 : 8 + static_cast<int64_t>(i % 7);
      edit.unit_kind = std::string(d.sector) == "wash" ? "water_point" : "house";
      if (edit.unit_kind == "water_point") edit.units = future ? 0 : 2;
    }
    if (type == "training") edit.trainee_organisation = "Directorate of Education, Ninewa";
    auto made = services.activities.Create(admin, edit);
    if (!made.ok()) return Named(made.status(), std::string("activity ") + d.title);
    ++counts.activities;
    if (future || cancelled) continue;
    AttendanceEdit attendance{.version = made->version, .counts = Counts(d, i)};
    // Consecutive people of the list, each at most once per activity.
    const int attendees =
        static_cast<int>(std::min<size_t>(static_cast<size_t>(d.attendees), person_ids.size()));
    for (int k = 0; k < attendees; ++k) {
      if (next_person >= person_ids.size()) next_person = 0;
      AttendeeInput a{.person_id = person_ids[next_person++]};
      if (d.sessions > 1) a.sessions_attended = 1 + (k * 7 + static_cast<int>(i)) % d.sessions;
      if (type == "training") {
        a.pre_score = 30 + (k * 13 + static_cast<int>(i)) % 40;
        a.post_score = std::min<int64_t>(100, *a.pre_score + ((k % 4 == 0) ? -5 : 10 + k % 25));
      }
      attendance.people.push_back(a);
    }
    if (attendance.people.empty() && attendance.counts.empty()) continue;
    auto saved = services.activities.PutAttendance(admin, made->id, attendance);
    if (!saved.ok()) return Named(saved.status(), std::string("attendance of ") + d.title);
  }

  // The roster: a few staff per office and more volunteers, some on the deployment roster.
  for (size_t o = 0; o < offices.size(); ++o) {
    const int staff = 4 + static_cast<int>(o);
    const int volunteers = 7 + 2 * static_cast<int>(o);
    for (int k = 0; k < staff + volunteers; ++k) {
      const size_t n = o * 31 + static_cast<size_t>(k) * 7;
      const bool is_staff = k < staff;
      const std::string given = kGiven.at(n % kGiven.size());
      StaffEdit edit{
          .office_id = offices[o],
          .kind = is_staff ? "staff" : "volunteer",
          .name = given + " " + kFamily.at((n / kGiven.size() + o) % kFamily.size()),
          .sex = (n % kGiven.size()) % 2 == 0 ? "female" : "male",
          .position = is_staff ? kPositions.at(n % kPositions.size()) : "Community volunteer",
          .phone = "+964 75" + std::to_string(n % 10) + " " + std::to_string(100 + n % 900) + " " +
                   std::to_string(1000 + (n * 37) % 9000),
          .languages = o == 1 ? std::vector<std::string>{"kmr", "ar", "en"}
                              : std::vector<std::string>{"ar", "ckb", "syr"},
          .skills = is_staff ? "Case management, PFA" : "Outreach, first aid",
          .deployable = k % 3 == 0};
      auto made = services.staff.Create(admin, edit);
      if (!made.ok()) return Named(made.status(), "staff member " + *edit.name);
      ++counts.staff;
    }
  }
  return counts;
}

}  // namespace sanad::programmes
