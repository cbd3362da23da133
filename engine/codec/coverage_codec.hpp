// The pack's coverage as JSON (`claimcalc policies coverage --json`, the API's "coverage" operation), as a plain
// table for a terminal, and as the Markdown of policies/COVERAGE.md.
#pragma once

#include <string>
#include <vector>

#include "engine/codec/json_input.hpp"
#include "engine/core/coverage.hpp"

namespace claimcalc::codec {

json coverage_json(const std::vector<RegionCoverage>& regions, const DivisionRegistry& registry);
std::string coverage_table(const std::vector<RegionCoverage>& regions);
std::string coverage_markdown(const std::vector<RegionCoverage>& regions, const DivisionRegistry& registry);

}  // namespace claimcalc::codec
