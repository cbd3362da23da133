// Scenario guides: what to do, what to bring, by when and where, for a process (manual claim, reverse settlement,
// late claim, cross-region filing, special disease). The insured region's own process comes first; the national
// rules fill in what the region lacks.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/region_resolve.hpp"

namespace claimcalc {

template <class T>
struct Sourced {
  T item;
  const Policy* policy;  // where the item's citation resolves
};

struct Guide {
  std::string scenario;
  std::string title_zh;
  std::string title_en;
  const Policy* region = nullptr;    // the insured city's policy, when the pack has one
  const Policy* province = nullptr;  // its province's layer, when the pack has one
  std::vector<Sourced<ProcessStep>> steps;
  std::vector<Sourced<Material>> materials;
  std::vector<Sourced<Deadline>> deadlines;
  std::vector<Sourced<Channel>> channels;
  std::vector<CannotEstimate> cannot_estimate;
  std::vector<std::pair<std::string, std::string>> not_in_data;  // zh, en: what no source gave
};

bool is_scenario(const std::string& id);
const char* scenario_list();

// layers: the insured city's rules, its province's and the national ones (any may be null); steps and channels
// come from every layer, materials and deadlines from the most specific layer that has them. claim, when given,
// dates the deadlines and picks materials for its setting; scope, when known, leaves out the steps written for the
// other kind of care (the national 跨省 steps for care within the province) and says that rule is not in the data.
Guide build_guide(const std::string& scenario, const Layers& layers, const Claim* claim,
                  std::optional<CareScope> scope);

}  // namespace claimcalc
