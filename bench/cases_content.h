// Synthetic content of a protection case for the cases benchmark: intake narrative, consent,
// assessment, plan, the module's details and, once closure was asked, its reason — in Arabic
// and English, about 1-2 kB of JSON like a caseworker's filled-in forms, so sealing and
// opening cost what they would on real cases. Deterministic for the generator's state; not
// thread-safe (the caller's generator).
#pragma once

#include <cstdint>
#include <random>

#include <nlohmann/json.hpp>

#include "access/case_module.h"
#include "cases/case.h"

namespace sanad::bench {

// The sections of docs/cases.md ("A case") for a case of `module` in `status`, opened at
// `opened_at` (seconds) by `owner`.
nlohmann::json SyntheticCaseContent(access::CaseModule module, cases::CaseStatus status,
                                    int64_t opened_at, const std::string& owner,
                                    std::mt19937_64& rng);

}  // namespace sanad::bench
