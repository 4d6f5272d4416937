// Fixtures of the distribution API tests: stock of an item in a warehouse of the organisation
// (through the stock API when the server has it, else written into the test's database through
// the ledger), rounds created and moved through their workflow, collections. Not thread-safe,
// except Collect (one client per thread).
#pragma once

#include <string>

#include "tests/api/api_test.h"

namespace sanad::api_test {

inline constexpr char kRounds[] = "/api/v1/distributions";

// An item and the warehouse holding it.
struct StockedItem {
  int64_t item_id = 0;
  int64_t warehouse_id = 0;
};

class DistributionApiTest : public ApiTest {
 protected:
  // `quantity` (> 0) of a new item `code` received into the warehouse (created on first use),
  // as the organisation of `client` (an admin or supervisor).
  StockedItem Stock(HttpClient& client, const std::string& code, int64_t quantity);
  // What is on hand and reserved of the item in the warehouse, read from the database.
  struct Levels {
    int64_t on_hand = 0;
    int64_t reserved = 0;
    int64_t issued = 0;  // by issue movements minus returns, all rounds
  };
  Levels LevelsOf(const StockedItem& s);

  // An in-kind round body at Al-Hamdaniya giving `quantity` of the item per household.
  static Json InKindBody(const StockedItem& s, int64_t quantity, Json criteria = Json::object());
  // POSTs a round; expects 201.
  static Json CreateRound(HttpClient& c, const Json& body);
  // POSTs a workflow step with the round's version; returns the response.
  static HttpResponse Step(HttpClient& c, const Json& round, const std::string& step,
                           Json body = Json::object());
  // Create, plan and open; returns the open round.
  static Json OpenRound(HttpClient& c, const Json& body);
  static std::string PathOf(const Json& round) {
    return std::string(kRounds) + "/" + std::to_string(round["id"].get<int64_t>());
  }
  // The whole beneficiary list (up to 200).
  static Json Beneficiaries(HttpClient& c, const Json& round, const std::string& query = "");

 private:
  int64_t warehouse_id_ = 0;
};

}  // namespace sanad::api_test
