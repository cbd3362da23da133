// Critical-illness insurance (大病保险): a second layer over the patient's in-scope share, counted over the year.
#pragma once

#include <optional>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/figure_lookup.hpp"
#include "engine/core/trace.hpp"

namespace claimcalc {

// The parts of the patient's in-scope share that a region may count toward the base.
struct PatientShareParts {
  Fen deductible;
  Fen copay;
  Fen over_cap;
  Fen class_b_upfront;
};

// Returns the payment, or nullopt (with a cannot_estimate entry) when the policy lacks what it needs.
std::optional<Fen> settle_critical_illness(const Claim& claim, const std::optional<CriticalIllnessPolicy>& policy,
                                           const PatientShareParts& parts, const LookupContext& ctx, Trace& trace,
                                           std::vector<CannotEstimate>& unknown);

}  // namespace claimcalc
