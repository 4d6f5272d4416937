// WriteRecords (reports_seed_internal.h): the service records of reports_mix.h, with the done
// activities and their attendance, in multi-row INSERTs of 50,000 rows a transaction.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <random>
#include <span>

#include "reports_bench.h"
#include "reports_mix.h"
#include "reports_seed_internal.h"

namespace sanad::bench {
namespace {

constexpr int64_t kRowsPerTransaction = 50'000;

store::Value Id(int64_t id) { return id > 0 ? store::Value{id} : store::Value{}; }
store::Value Text(std::string_view s) { return store::Value{std::string(s)}; }

struct Event {
  int64_t organisation_id = 0;
  SeedProject project;
  int64_t office_id = 0;
  std::string_view sector;
  std::string_view source;
  std::string_view kind;
  int64_t source_id = 0;
  std::string pcode;
  const std::string* day = nullptr;
};

struct OpenCase {
  std::array<uint32_t, 3> people{};
  size_t size = 0;
  std::string_view module;
  SeedProject project;
};

class Generator {
 public:
  Generator(store::Database& db, const SeedRegistry& r, const SeedProgramme& p, uint64_t seed,
            int64_t first_activity_id)
      : r_(r),
        p_(p),
        rng_(seed),
        writer_(db, kRowsPerTransaction),
        next_activity_(first_activity_id) {
    activities_ = writer_.AddTable(
        "activities",
        {"id", "organisation_id", "project_id", "office_id", "version", "type", "sector", "title",
         "pcode", "starts_on", "ends_on", "status", "sessions", "created_at", "updated_at"});
    attendance_ =
        writer_.AddTable("activity_attendance", {"activity_id", "person_id", "sessions_attended"});
    counts_ = writer_.AddTable("activity_counts",
                               {"activity_id", "sex", "age_group", "population_group", "count"});
    records_ = writer_.AddTable("service_records", kRecordColumns);
    out_.per_person.assign(r.people.size(), 0);
    // The caseload: a fixed 15 % of the households, in a shuffled order.
    std::vector<uint32_t> order(r.households.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
    std::shuffle(order.begin(), order.end(), std::mt19937_64(seed + 1));
    order.resize(std::max<size_t>(1, order.size() * 15 / 100));
    caseload_ = std::move(order);
  }

  Result<RecordCounts> Run(int64_t records, int64_t now) {
    now_ = now;
    const Calendar cal = MakeCalendar();
    const auto target = [&](double share) { return static_cast<double>(records) * share; };
    const double targets[] = {target(kCollectionShare), target(kActivityShare), target(kCaseShare),
                              target(1 - kCollectionShare - kActivityShare - kCaseShare)};
    for (size_t d = 0; d < cal.days.size(); ++d) {
      const std::string* day = &cal.days[d];
      const double done = cal.cumulative[d];
      while (static_cast<double>(rows_[0]) < targets[0] * done) {
        SANAD_RETURN_IF_ERROR(Collection(day));
      }
      while (static_cast<double>(rows_[1]) < targets[1] * done) {
        SANAD_RETURN_IF_ERROR(rng_.Chance(0.04) ? PartnerActivity(day) : Activity(day));
      }
      while (static_cast<double>(rows_[2]) < targets[2] * done) {
        SANAD_RETURN_IF_ERROR(CaseService(day));
      }
      while (static_cast<double>(rows_[3]) < targets[3] * done) {
        SANAD_RETURN_IF_ERROR(Referral(day));
      }
    }
    SANAD_RETURN_IF_ERROR(writer_.Flush());
    out_.by_source = {{"collection", rows_[0]},
                      {"activity", rows_[1]},
                      {"case_service", rows_[2]},
                      {"referral", rows_[3]}};
    out_.rows = writer_.rows(records_);
    out_.activities = writer_.rows(activities_);
    out_.attendance = writer_.rows(attendance_);
    out_.seconds = writer_.seconds();
    return std::move(out_);
  }

 private:
  Status AddPerson(const Event& e, uint32_t index, int64_t* rows) {
    const SeedPerson& p = r_.people[index];
    ++out_.per_person[index];
    ++*rows;
    return writer_.Add(
        records_, {e.organisation_id, Id(e.project.id), Id(e.office_id), Text(e.sector),
                   Text(e.source), e.source_id, Text(e.kind), Text(e.pcode), Text(*e.day), p.key,
                   p.id, p.household_id, int64_t{1}, Text(r_.sexes[p.sex]), int64_t{p.birth_year},
                   Text(""), Text(r_.groups[p.group])});
  }

  Status AddCounted(const Event& e, std::string_view sex, std::string_view age,
                    std::string_view group, int64_t count, int64_t* rows) {
    ++out_.counted_rows;
    ++*rows;
    return writer_.Add(
        records_,
        {e.organisation_id, Id(e.project.id), Id(e.office_id), Text(e.sector), Text(e.source),
         e.source_id, Text(e.kind), Text(e.pcode), Text(*e.day), store::Value{}, store::Value{},
         store::Value{}, count, Text(sex), int64_t{0}, Text(age), Text(group)});
  }

  // The organisation's project of a sector, or none for `none_share` of the events.
  SeedProject ProjectOf(std::string_view sector, double none_share) {
    const auto it = p_.by_sector.find(sector);
    if (it == p_.by_sector.end() || rng_.Chance(none_share)) return {};
    return it->second;
  }

  const std::string& PlaceOf(uint32_t person) const { return r_.places[r_.people[person].place]; }

  Status Collection(const std::string* day) {
    const size_t h = rng_.Chance(0.5) ? caseload_[rng_.Below(caseload_.size())]
                                      : rng_.Below(r_.households.size());
    const SeedHousehold& hh = r_.households[h];
    const std::string_view sector = rng_.Pick<Weighted>(kRoundSectors).value;
    Event e{.organisation_id = p_.organisation_id,
            .project = ProjectOf(sector, 0.2),
            .sector = sector,
            .source = "collection",
            .kind = sector == "mpca" ? "cash" : "in_kind",
            .source_id = ++collections_,
            .pcode = r_.places[hh.place].substr(
                0, rng_.Chance(0.1) ? kGovernorateChars : kDistrictChars),
            .day = day};
    e.office_id = e.project.office_id;
    for (uint32_t i = hh.first; i < hh.first + hh.size; ++i) {
      SANAD_RETURN_IF_ERROR(AddPerson(e, i, &rows_[0]));
    }
    return Status::Ok();
  }

  Status ActivityRow(const Event& e, int64_t id) {
    return writer_.Add(
        activities_,
        {id, e.organisation_id, Id(e.project.id), Id(e.office_id), int64_t{1}, Text(e.kind),
         Text(e.sector), Text(fmt::format("Bench {} {}", e.kind, id)), Text(e.pcode), Text(*e.day),
         Text(*e.day), Text("done"), int64_t{1}, now_, now_});
  }

  // 1–3 rows of counted people, each a different cell.
  Status CountRows(const Event& e, int64_t activity, size_t rows) {
    std::vector<size_t> cells;
    constexpr size_t kCells = kCountSexes.size() * kCountAges.size() * kCountGroups.size();
    while (cells.size() < rows) {
      const size_t cell = rng_.Below(kCells);
      if (std::find(cells.begin(), cells.end(), cell) != cells.end()) continue;
      cells.push_back(cell);
      const std::string_view sex = kCountSexes[cell % 2];
      const std::string_view age = kCountAges[cell / 2 % 4];
      const std::string_view group = kCountGroups[cell / 8];
      const auto count = static_cast<int64_t>(1 + rng_.Below(25));
      SANAD_RETURN_IF_ERROR(
          writer_.Add(counts_, {activity, Text(sex), Text(age), Text(group), count}));
      SANAD_RETURN_IF_ERROR(AddCounted(e, sex, age, group, count, &rows_[1]));
    }
    return Status::Ok();
  }

  Status Activity(const std::string* day) {
    const ActivityKind& kind = rng_.Pick<ActivityKind>(kActivityKinds);
    const std::string_view sector =
        !kind.other_sector.empty() && rng_.Chance(0.4) ? kind.other_sector : kind.sector;
    const uint32_t place = r_.households[rng_.Below(r_.households.size())].place;
    const int64_t id = next_activity_++;
    Event e{.organisation_id = p_.organisation_id,
            .project = ProjectOf(sector, 0.1),
            .sector = sector,
            .source = "activity",
            .kind = kind.type,
            .source_id = id,
            .pcode = r_.places[place],
            .day = day};
    e.office_id =
        e.project.office_id != 0 ? e.project.office_id : p_.offices[rng_.Below(p_.offices.size())];
    SANAD_RETURN_IF_ERROR(ActivityRow(e, id));
    const std::vector<uint32_t>& locals = r_.people_at[place];
    const size_t want = std::min<size_t>(4 + rng_.Below(30), locals.size());
    const size_t regulars = std::max<size_t>(1, locals.size() / 5);
    std::vector<uint32_t> chosen;
    while (chosen.size() < want) {
      const uint32_t i =
          locals[rng_.Chance(0.5) ? rng_.Below(regulars) : rng_.Below(locals.size())];
      if (std::find(chosen.begin(), chosen.end(), i) != chosen.end()) continue;
      chosen.push_back(i);
      SANAD_RETURN_IF_ERROR(writer_.Add(attendance_, {id, r_.people[i].id, int64_t{1}}));
      SANAD_RETURN_IF_ERROR(AddPerson(e, i, &rows_[1]));
    }
    return rng_.Chance(0.5) ? CountRows(e, id, 1 + rng_.Below(3)) : Status::Ok();
  }

  // A partner's awareness session or door-to-door visits: counted people only (a partner
  // cannot register the organisation's people as attendees).
  Status PartnerActivity(const std::string* day) {
    const int64_t id = next_activity_++;
    const uint32_t place = r_.households[rng_.Below(r_.households.size())].place;
    Event e{.organisation_id = p_.partner_health,
            .project = p_.health_project,
            .office_id = p_.health_project.office_id,
            .sector = "health",
            .source = "activity",
            .kind = rng_.Chance(0.5) ? "awareness_session" : "door_to_door",
            .source_id = id,
            .pcode = r_.places[place],
            .day = day};
    SANAD_RETURN_IF_ERROR(ActivityRow(e, id));
    return CountRows(e, id, 2 + rng_.Below(3));
  }

  Status CaseService(const std::string* day) {
    if (open_.empty() || rng_.Chance(0.3)) {
      OpenCase c{.module = rng_.Pick<Weighted>(kModules).value};
      c.people[0] = static_cast<uint32_t>(rng_.Below(r_.people.size()));
      c.size = 1;
      const SeedHousehold& hh = r_.households[r_.people[c.people[0]].household];
      for (size_t extra = rng_.Chance(0.25) ? 1 + rng_.Below(2) : 0; extra > 0; --extra) {
        const auto i = static_cast<uint32_t>(hh.first + rng_.Below(hh.size));
        if (std::find(c.people.begin(), c.people.begin() + static_cast<long>(c.size), i) ==
            c.people.begin() + static_cast<long>(c.size)) {
          c.people[c.size++] = i;
        }
      }
      const std::string_view module = c.module;
      const std::string_view sector =
          module == "gbv" || module == "child_protection" || module == "mhpss" ? module
                                                                               : "protection";
      c.project = ProjectOf(sector, 0.2);
      open_.push_back(c);
    }
    const size_t at = rng_.Below(open_.size());
    const OpenCase c = open_[at];
    if (rng_.Chance(0.15)) {  // closed after this service
      open_[at] = open_.back();
      open_.pop_back();
    }
    const std::string_view module = c.module;
    Event e{.organisation_id = p_.organisation_id,
            .project = c.project,
            .office_id = c.project.office_id,
            .sector = module == "gbv" || module == "child_protection" || module == "mhpss"
                          ? module
                          : "protection",
            .source = "case_service",
            .kind = module,
            .source_id = ++case_events_,
            .pcode = PlaceOf(c.people[0]),
            .day = day};
    if (module == "gbv") {
      e.pcode.resize(std::min(e.pcode.size(), kDistrictChars));
      return AddCounted(e, "unknown", "unknown", "unknown", 1, &rows_[2]);
    }
    for (size_t i = 0; i < c.size; ++i) SANAD_RETURN_IF_ERROR(AddPerson(e, c.people[i], &rows_[2]));
    return Status::Ok();
  }

  Status Referral(const std::string* day) {
    const ReferralKind& kind = rng_.Pick<ReferralKind>(kReferralKinds);
    const auto person = static_cast<uint32_t>(rng_.Below(r_.people.size()));
    const int64_t to = kind.receiver == Receiver::kOwn             ? p_.organisation_id
                       : kind.receiver == Receiver::kHealthPartner ? p_.partner_health
                                                                   : p_.partner_legal;
    const Event e{.organisation_id = to,
                  .sector = kind.sector,
                  .source = "referral",
                  .kind = kind.type,
                  .source_id = ++referrals_,
                  .pcode = PlaceOf(person).substr(0, kDistrictChars),
                  .day = day};
    if (kind.type == "gbv_safe_space") {
      return AddCounted(e, "unknown", "unknown", "unknown", 1, &rows_[3]);
    }
    return AddPerson(e, person, &rows_[3]);
  }

  const SeedRegistry& r_;
  const SeedProgramme& p_;
  Rng rng_;
  BulkWriter writer_;
  size_t activities_ = 0;
  size_t attendance_ = 0;
  size_t counts_ = 0;
  size_t records_ = 0;
  int64_t next_activity_;
  int64_t collections_ = 0;
  int64_t case_events_ = 0;
  int64_t referrals_ = 0;
  int64_t now_ = 0;
  std::array<int64_t, 4> rows_{};  // collection, activity, case_service, referral
  std::vector<uint32_t> caseload_;
  std::vector<OpenCase> open_;
  RecordCounts out_;
};

}  // namespace

Result<RecordCounts> WriteRecords(store::Database& db, const SeedRegistry& registry,
                                  const SeedProgramme& programme, int64_t records, uint64_t seed) {
  if (registry.people.empty()) return Status::FailedPrecondition("seed the registry first");
  int64_t first_activity = 1;
  SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kRead, [&](store::Connection& c) {
    SANAD_ASSIGN_OR_RETURN(store::Rows rows, c.Query("SELECT MAX(id) FROM activities"));
    first_activity = rows.front().Int(0) + 1;
    return Status::Ok();
  }));
  const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
                          std::chrono::system_clock::now().time_since_epoch())
                          .count();
  Generator g(db, registry, programme, seed, first_activity);
  SANAD_ASSIGN_OR_RETURN(RecordCounts counts, g.Run(records, now));
  if (db.backend() == store::Backend::kPostgres) {
    // The ids were given, so the identity sequence must catch up for later inserts.
    SANAD_RETURN_IF_ERROR(db.InTransaction(store::TxMode::kWrite, [](store::Connection& c) {
      return c
          .Query(
              "SELECT setval(pg_get_serial_sequence('activities', 'id'), "
              "(SELECT MAX(id) FROM activities))")
          .status();
    }));
  }
  return counts;
}

}  // namespace sanad::bench
