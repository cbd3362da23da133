// Cross-region care (异地就医): the care region's catalogue decides the items' classes (they arrive on its bill);
// the insured region's policy decides the deductible, the ratio and the caps, and its own rule for care elsewhere
// decides how much of the local ratio applies, by filing type, scope and settlement.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/trace.hpp"

namespace claimcalc {

// What the engine takes as given when it computes one end of a range (never for an exact answer).
struct Assumptions {
  // A filing past the minimum validity its policy states ("不少于6个月"): nullopt = undecided (the answer is a range
  // over both), true = still valid, false = expired.
  std::optional<bool> filing_still_valid;
};

struct CrossRegionOutcome {
  bool applies = false;             // care outside the insured region
  bool manual_claim = false;        // the case ends in a manual claim to the insured region
  Ratio multiplier = Ratio::one();  // on the local ratio
  Ratio cut;                        // then this many percentage points off
  bool multiplier_known = true;     // false: the fund's share cannot be estimated (needs says why)
  std::string_view needs;           // a literal
  // The rule that the 大病保险 base leaves out the reduction, when a layer has it: the layer's own citation (the pack
  // outlives the answer), not a copy of its strings on every settlement.
  const Citation* critical_illness_excludes_reduction = nullptr;
  bool filing_validity_open = false;  // past a minimum validity: whether the filing still holds is not known
};

// Said where a rule written for the other kind of care (cross- or in-province) was not applied.
inline constexpr const char* kOtherScopeZh = "跨省与省内规定不同：本次就医的相应规定未收录。";
inline constexpr const char* kOtherScopeEn =
    " Cross- and in-province rules differ: the one for this care is not in the data.";

// Whether the care is in the insured's province or another; nullopt when the request cannot place it.
// insured_province is the insured policy's province id, for packs without registry codes (test packs).
std::optional<CareScope> care_scope(const Claim& claim, const std::string& insured_province, const PolicyPack& pack);

// The filing validity the layers give for a filing type, the insured city's own first. A rule written for one scope
// (the national 跨省 rule) answers only for care known to be in that scope.
const FilingValidity* filing_validity(const Layers& layers, Filing filing, std::optional<CareScope> scope);

// layers.city is the insured region's policy (or null for a city known only through its province's layer, never
// both null); its province's and the national layers supply the
// filing validity and the rule for the case where the city has none.
CrossRegionOutcome assess_cross_region(const Claim& claim, const Layers& layers, const PolicyPack& pack,
                                       const Assumptions& assume, Trace& trace, std::vector<Warning>& warnings);

}  // namespace claimcalc
