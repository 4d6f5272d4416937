// Helpers of the case API tests: register a person, open a case about them, move it along.
#pragma once

#include <string>

#include "tests/api/api_test.h"

namespace sanad::api_test {

// Registers the Jubouri household as `client` and returns the id of its member `index`.
int64_t RegisterPerson(HttpClient& client, size_t index = 1);
// A GBV case body about `person_id` with a narrative and consent to share name and sex with
// organisation `share_with` (0: nobody).
Json GbvCaseBody(int64_t person_id, const std::string& narrative, int64_t share_with = 0);
// POSTs a case; expects 201 and returns it.
Json OpenCase(HttpClient& client, const Json& body);
std::string CasePath(const Json& c);
// Moves the case to `status` (expects 200) and returns it.
Json MoveCase(HttpClient& client, const Json& c, const std::string& status,
              const std::string& reason = "");

}  // namespace sanad::api_test
