// Ranges instead of blanks: where the request lacks a field the region's figures depend on (tier, hospital level,
// prior stays, ...), or the policy states only a minimum, the engine settles the claim once for every value the
// field can take and reports each split figure as its lowest and highest result. A policy figure the data lacks
// (an annual cap) leaves that end open. Both ends are computations from cited figures and the request.
#pragma once

#include <functional>

#include "engine/core/claim.hpp"
#include "engine/core/cross_region.hpp"
#include "engine/core/estimate.hpp"

namespace claimcalc {

// Settles one claim under one set of assumptions (the engine's own run, without ranges): the settlement, held until
// the next one (each settles into the same storage: estimate_room.hpp), or null when the claim cannot be settled.
using SettleOnce = std::function<Estimate*(const Claim&, const Assumptions&)>;

// Rewrites est (the answer to the claim as given) so that every split figure is exact, a range in est.ranges, or
// absent with a cannot_estimate entry; records a step per range and est.narrowings for next_questions.
void bound_ranges(const Claim& claim, const SettleOnce& settle, Estimate& est);

}  // namespace claimcalc
