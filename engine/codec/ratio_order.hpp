// Plausibility of a setting's ratios, checked by looking them up as the engine would: a retiree's ratio is not
// below an active worker's, and a higher hospital level's ratio is not above a lower level's, unless one of the
// two figures has a note (saying the text does so).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/policy.hpp"

namespace claimcalc::codec {

struct OrderProblem {
  std::size_t index;  // the figure to point at, in the setting's ratio list
  std::string zh;
  std::string en;
};

std::optional<OrderProblem> check_ratio_order(const std::vector<Figure<RatioSchedule>>& ratios,
                                              const std::vector<Person>& persons, const std::vector<Tier>& tiers,
                                              const Date& effective_from);

}  // namespace claimcalc::codec
