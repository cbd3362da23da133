// What the pack covers: per region and scheme, which parts have figures, at which layer (the region's own file, its
// province's, the national rules), from official or only secondary sources; and the holes. Feeds
// `claimcalc policies coverage` and policies/COVERAGE.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/policy.hpp"

namespace claimcalc {

struct PartCoverage {
  std::string part;   // "inpatient.deductible", "critical_illness", "cross_region.ratio", "processes.manual_claim"
  std::string layer;  // region id of the file that gives it ("" when absent)
  bool present = false;
  bool secondary = false;  // some of its figures rest only on secondary sources
};

struct SchemeCoverage {
  Scheme scheme = Scheme::employee;
  std::vector<PartCoverage> parts;
};

struct RegionCoverage {
  const Policy* policy = nullptr;  // the newest version
  int versions = 0;
  std::vector<SchemeCoverage> schemes;  // employee, resident
  std::vector<PartCoverage> common;     // cross-region rules and processes
};

// Regions (not the national layer) in id order, each described by its newest version with its layers.
std::vector<RegionCoverage> pack_coverage(const PolicyPack& pack);

}  // namespace claimcalc
