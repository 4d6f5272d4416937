#include "list_latency.h"

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "http_client.h"

namespace sanad::bench {
namespace {

using Clock = std::chrono::steady_clock;
using Json = nlohmann::json;

constexpr int kWarmUp = 3;
constexpr int kSamplePage = 200;               // households read to pick the values searched for
constexpr size_t kGovernoratePcodeLength = 5;  // "IQG15"

struct Query {
  std::string scenario;
  std::string param;  // "" for no filter
  std::string value;
};

Result<Json> GetJson(HttpClient& client, const std::string& target) {
  SANAD_ASSIGN_OR_RETURN(HttpReply reply, client.Send("GET", target));
  if (reply.status != 200) {
    return Status::Internal("GET " + target + " answered " + std::to_string(reply.status) + ": " +
                            reply.body.substr(0, 300));
  }
  Json j = Json::parse(reply.body, nullptr, false);
  if (!j.is_object()) return Status::Internal("GET " + target + " answered no JSON object");
  return j;
}

std::string MostCommon(const std::map<std::string, int>& counts) {
  std::string best;
  int n = 0;
  for (const auto& [k, c] : counts) {
    if (c > n) {
      best = k;
      n = c;
    }
  }
  return best;
}

// The values searched for, from a page of households in the middle of the data.
Result<std::vector<Query>> PickQueries(HttpClient& client) {
  SANAD_ASSIGN_OR_RETURN(Json first, GetJson(client, "/api/v1/households?limit=1"));
  const int64_t total = first.value("total", int64_t{0});
  if (total == 0) return Status::FailedPrecondition("no households to search; seed first");
  const int64_t page = std::max<int64_t>(1, total / 2 / kSamplePage);
  SANAD_ASSIGN_OR_RETURN(Json sample,
                         GetJson(client, "/api/v1/households?limit=" + std::to_string(kSamplePage) +
                                             "&page=" + std::to_string(page)));
  std::map<std::string, int> names;
  std::string phone, document;
  for (const Json& h : sample["items"]) {
    if (phone.empty()) phone = h.value("phone", "");
    for (const Json& m : h["members"]) {
      ++names[m.value("given_name", "")];
      if (phone.empty()) phone = m.value("phone", "");
      if (document.empty() && !m["documents"].empty()) {
        document = m["documents"][0].value("number", "");
      }
    }
  }
  names.erase("");
  const Json& h0 = sample["items"].at(0);
  const std::string pcode = h0["location"].value("pcode", "");
  std::vector<Query> out = {
      {"list/all", "", ""},
      {"list/name", "q", MostCommon(names)},
      {"list/phone", "q", phone},
      {"list/document", "q", document},
      {"list/governorate", "pcode", pcode.substr(0, kGovernoratePcodeLength)},
      {"list/status", "status", h0.value("displacement_status", "")},
  };
  std::erase_if(out, [](const Query& q) { return !q.param.empty() && q.value.empty(); });
  return out;
}

Result<Measurement> Time(HttpClient& client, const ListLatencyOptions& o, const Query& q) {
  const std::string target =
      "/api/v1/households" +
      (q.param.empty() ? std::string() : "?" + q.param + "=" + PercentEncode(q.value));
  int64_t total = 0;
  for (int i = 0; i < kWarmUp; ++i) {
    SANAD_ASSIGN_OR_RETURN(Json j, GetJson(client, target));
    total = j.value("total", int64_t{0});
  }
  Latencies lat;
  const auto begin = Clock::now();
  for (int n = 0;; ++n) {
    const double elapsed = std::chrono::duration<double>(Clock::now() - begin).count();
    if (n >= o.max_samples || (n >= o.min_samples && elapsed >= o.min_seconds) ||
        (n >= kWarmUp && elapsed >= o.max_seconds)) {
      break;
    }
    const auto start = Clock::now();
    SANAD_ASSIGN_OR_RETURN(HttpReply reply, client.Send("GET", target));
    lat.Add(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
    if (reply.status != 200) return Status::Internal("GET " + target + ": " + reply.body);
  }
  return Measurement{.backend = o.backend,
                     .scenario = q.scenario,
                     .households = total,
                     .seconds = std::chrono::duration<double>(Clock::now() - begin).count(),
                     .samples = static_cast<int64_t>(lat.count()),
                     .p50_ms = lat.Percentile(50),
                     .p95_ms = lat.Percentile(95),
                     .note = q.param.empty() ? "(no filter)" : q.param + "=" + q.value};
}

}  // namespace

Result<std::vector<Measurement>> RunListLatency(const ListLatencyOptions& o) {
  SANAD_ASSIGN_OR_RETURN(Endpoint endpoint, ParseEndpoint(o.server_url));
  HttpClient client(endpoint);
  SANAD_RETURN_IF_ERROR(client.Login(o.username, o.password));
  SANAD_ASSIGN_OR_RETURN(std::vector<Query> queries, PickQueries(client));
  std::vector<Measurement> out;
  for (const Query& q : queries) {
    SANAD_ASSIGN_OR_RETURN(Measurement m, Time(client, o, q));
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace sanad::bench
