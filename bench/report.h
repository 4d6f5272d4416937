// The benchmark report: the measurements of one run as Markdown tables, backends side by side,
// with the API/raw ratios. Pure function; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "measurement.h"

namespace sanad::bench {

std::string RenderReport(const std::vector<Measurement>& measurements);

}  // namespace sanad::bench
