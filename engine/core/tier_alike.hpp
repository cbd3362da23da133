// Whether the claim's tier can change its settlement: the range bounding re-settles an unknown tier once per value,
// and a tier whose every value picks figures of the same worth settles the claim alike (one run stands for all).
#pragma once

#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/policy.hpp"

namespace claimcalc {

// True when every figure a settlement of the claim can look up picks, for each of the tiers, a figure of
// the same value (or the same missing field): then the tier is read nowhere else, so the settlements are equal.
// The claim's other fields as given; a chronic-outpatient claim with diseases reads the disease's own figures: false.
bool tiers_settle_alike(const Claim& claim, const std::vector<Tier>& tiers, const SchemePolicy& scheme,
                        const SettingPolicy& setting);

}  // namespace claimcalc
