// For an incomplete request: the inputs still needed, most decisive first, as questions a help desk can ask.
#pragma once

#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/estimate.hpp"

namespace claimcalc {

std::vector<Question> next_questions(const Claim& claim, const Estimate& est);

}  // namespace claimcalc
