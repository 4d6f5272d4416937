// The wire form of a file import's problems, shared by every import route (households,
// services, cash reconciliation): one problem as JSON, and its name in the one error shape's
// `fields` ("line 3: pcode", "line 2:16" for a syntax error, "file"). Pure functions.
#pragma once

#include <string>

#include "http/json_response.h"
#include "registry/household_import.h"

namespace sanad::http {

// {row, column, character?, reason, message}.
Json ImportProblemJson(const std::string& source, const registry::ImportProblem& p);
std::string ImportProblemField(const registry::ImportProblem& p);

}  // namespace sanad::http
