// A retiree's ratio is not below an active worker's unless a note (saying the text does so) is on one of the two
// figures. Linear in the number of figures: a file may hold tens of thousands.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/policy.hpp"

namespace claimcalc::codec {

struct OrderProblem {
  std::size_t index;  // the retiree figure to point at, in the setting's ratio list
  std::string zh;
  std::string en;
};

// Compares each flat ratio for retirees only with the flat ratios that apply to active workers (for active, or
// for anyone) under the same conditions but the person and the hospital level; a retiree figure for some levels
// is compared with active figures for those levels or for any level.
std::optional<OrderProblem> check_retiree_order(const std::vector<Figure<RatioSchedule>>& ratios);

}  // namespace claimcalc::codec
