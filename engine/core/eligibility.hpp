// Whether the fund pays at all: enrolment status and the waiting period (待遇等待期).
#pragma once

#include <optional>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/trace.hpp"

namespace claimcalc {

struct Eligibility {
  bool fund_pays = true;
  std::optional<Date> benefits_from;  // set when the waiting period has not ended on the date of care
};

Eligibility check_eligibility(const Claim& claim, const SchemePolicy& scheme, Trace& trace,
                              std::vector<Warning>& warnings);

}  // namespace claimcalc
