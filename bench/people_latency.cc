#include "people_latency.h"

#include <fmt/format.h>

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <random>

#include "http_client.h"

namespace sanad::bench {
namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

constexpr int kSamplePages = 20;  // pages of households spread over the data
constexpr int kPageSize = 50;
constexpr int kSearchLimit = 10;
constexpr int kWarmUp = 5;

Result<Json> Call(HttpClient& client, std::string_view method, const std::string& target,
                  std::string body = {}) {
  SANAD_ASSIGN_OR_RETURN(HttpReply reply, client.Send(method, target, std::move(body)));
  if (reply.status != 200) {
    return Status::Internal(std::string(method) + " " + target + " answered " +
                            std::to_string(reply.status) + ": " + reply.body.substr(0, 300));
  }
  Json j = Json::parse(reply.body, nullptr, false);
  if (!j.is_object()) return Status::Internal(target + " answered no JSON object");
  return j;
}

struct Person {
  Json member;
  std::string household_phone;
};

// Members of households from pages spread evenly over the data.
Result<std::vector<Person>> Sample(HttpClient& client, int64_t* households) {
  SANAD_ASSIGN_OR_RETURN(Json first, Call(client, "GET", "/api/v1/households?limit=1"));
  *households = first.value("total", int64_t{0});
  if (*households == 0) return Status::FailedPrecondition("no households; seed first");
  const int64_t pages = std::max<int64_t>(1, *households / kPageSize);
  std::vector<Person> out;
  for (int i = 0; i < kSamplePages; ++i) {
    const int64_t page = 1 + pages * i / kSamplePages;
    SANAD_ASSIGN_OR_RETURN(Json j, Call(client, "GET",
                                        "/api/v1/households?limit=" + std::to_string(kPageSize) +
                                            "&page=" + std::to_string(page)));
    for (const Json& h : j["items"]) {
      for (const Json& m : h["members"]) out.push_back({m, h.value("phone", "")});
    }
  }
  if (out.empty()) return Status::FailedPrecondition("the sampled households have no members");
  return out;
}

std::string Join(std::initializer_list<std::string> parts) {
  std::string out;
  for (const std::string& p : parts) {
    if (p.empty()) continue;
    if (!out.empty()) out += ' ';
    out += p;
  }
  return out;
}

std::string Field(const Json& m, const char* name) {
  const auto it = m.find(name);
  return it != m.end() && it->is_string() ? it->get<std::string>() : std::string();
}

struct Query {
  std::string kind;  // names, short, phone
  std::string text;
  int64_t member = 0;
};

Query MakeQuery(const Person& p, std::mt19937_64& rng) {
  const Json& m = p.member;
  const int64_t id = m.value("id", int64_t{0});
  const int r = std::uniform_int_distribution<int>(0, 99)(rng);
  const std::string phone = Field(m, "phone").empty() ? p.household_phone : Field(m, "phone");
  if (r < 15 && !phone.empty()) return {"phone", phone, id};
  if (r < 35 && !Field(m, "name_latin").empty()) return {"names", Field(m, "name_latin"), id};
  if (r < 60) {
    return {"short", Join({Field(m, "given_name"), Field(m, "family_name")}), id};
  }
  return {"names", Join({Field(m, "given_name"), Field(m, "father_name"), Field(m, "family_name")}),
          id};
}

bool Hit(const Json& answer, int64_t member) {
  for (const Json& item : answer["items"]) {
    if (item["person"].value("id", int64_t{0}) == member) return true;
  }
  return false;
}

Measurement Make(const PeopleLatencyOptions& o, const std::string& scenario, int64_t households,
                 double seconds, Latencies& lat, const std::string& note) {
  return Measurement{.backend = o.backend,
                     .scenario = scenario,
                     .households = households,
                     .seconds = seconds,
                     .samples = static_cast<int64_t>(lat.count()),
                     .p50_ms = lat.Percentile(50),
                     .p95_ms = lat.Percentile(95),
                     .note = note + fmt::format("p99 {:.1f} ms", lat.Percentile(99))};
}

}  // namespace

Result<std::vector<Measurement>> RunPeopleLatency(const PeopleLatencyOptions& o) {
  SANAD_ASSIGN_OR_RETURN(Endpoint endpoint, ParseEndpoint(o.server_url));
  HttpClient client(endpoint);
  SANAD_RETURN_IF_ERROR(client.Login(o.username, o.password));
  int64_t households = 0;
  SANAD_ASSIGN_OR_RETURN(std::vector<Person> people, Sample(client, &households));
  std::mt19937_64 rng(o.seed);
  std::uniform_int_distribution<size_t> pick(0, people.size() - 1);

  std::map<std::string, Latencies> by_kind;
  std::map<std::string, std::pair<int, int>> hits;  // kind → (hits, queries)
  Latencies all;
  const auto search_begin = Clock::now();
  for (int i = 0; i < o.searches + kWarmUp; ++i) {
    const Query q = MakeQuery(people[pick(rng)], rng);
    if (q.text.empty()) continue;
    const std::string target =
        "/api/v1/people?limit=" + std::to_string(kSearchLimit) + "&q=" + PercentEncode(q.text);
    const auto start = Clock::now();
    SANAD_ASSIGN_OR_RETURN(Json answer, Call(client, "GET", target));
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
    if (i < kWarmUp) continue;
    all.Add(ms);
    by_kind[q.kind].Add(ms);
    auto& [h, n] = hits[q.kind];
    h += Hit(answer, q.member) ? 1 : 0;
    ++n;
  }
  const double search_seconds = std::chrono::duration<double>(Clock::now() - search_begin).count();

  Latencies matches;
  int match_hits = 0;
  const auto match_begin = Clock::now();
  for (int i = 0; i < o.matches; ++i) {
    const Json& m = people[pick(rng)].member;
    Json body = {{"limit", kSearchLimit}};
    for (const char* f : {"given_name", "father_name", "grandfather_name", "family_name",
                          "name_latin", "sex", "birth_date", "phone"}) {
      if (!Field(m, f).empty()) body[f] = Field(m, f);
    }
    const auto start = Clock::now();
    SANAD_ASSIGN_OR_RETURN(Json answer,
                           Call(client, "POST", "/api/v1/people/matches", body.dump()));
    matches.Add(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    match_hits += Hit(answer, m.value("id", int64_t{0})) ? 1 : 0;
  }
  const double match_seconds = std::chrono::duration<double>(Clock::now() - match_begin).count();

  auto rate = [](std::pair<int, int> hn) {
    return hn.second == 0 ? std::string("-")
                          : std::to_string(100 * hn.first / hn.second) + "% in the top 10";
  };
  std::vector<Measurement> out;
  out.push_back(Make(o, "people/search", households, search_seconds, all, ""));
  for (auto& [kind, lat] : by_kind) {
    out.push_back(
        Make(o, "people/search-" + kind, households, search_seconds, lat, rate(hits[kind]) + "; "));
  }
  out.push_back(Make(o, "people/matches", households, match_seconds, matches,
                     rate({match_hits, o.matches}) + "; "));
  return out;
}

}  // namespace sanad::bench
