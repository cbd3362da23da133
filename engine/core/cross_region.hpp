// Cross-region care (异地就医): the care region's catalogue decides the items' classes (they arrive on its bill);
// the insured region's policy decides the deductible, the ratio and the caps, and its own rule for care elsewhere
// decides how much of the local ratio applies, by filing type, scope and settlement.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/trace.hpp"

namespace claimcalc {

struct CrossRegionOutcome {
  bool applies = false;             // care outside the insured region
  bool manual_claim = false;        // the case ends in a manual claim to the insured region
  Ratio multiplier = Ratio::one();  // on the local ratio
  bool multiplier_known = true;     // false: the fund's share cannot be estimated (needs says why)
  std::string needs;
  std::optional<Citation> critical_illness_excludes_reduction;
};

// layers.city is the insured region's policy (never null here); its province's and the national layers supply the
// filing validity and the rule for the case where the city has none.
CrossRegionOutcome assess_cross_region(const Claim& claim, const Layers& layers, const PolicyPack& pack, Trace& trace,
                                       std::vector<Warning>& warnings);

std::string_view filing_label_zh(Filing f);

}  // namespace claimcalc
