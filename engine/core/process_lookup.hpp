// Finds a process (manual claim, reverse settlement, ...) in the insured region's layers, and turns its deadline rules
// into dates for a claim.
#pragma once

#include <string>

#include "engine/core/estimate.hpp"

namespace claimcalc {

struct FoundProcess {
  const Process* process = nullptr;
  const Policy* policy = nullptr;  // where its citations resolve
};

// The most specific layer's process (city, then province, then national).
FoundProcess find_process(const std::string& id, const Layers& layers);

// Adds the manual-claim materials (for the claim's setting) and deadlines to the estimate, or says which part is
// unknown.
void attach_manual_claim(const Claim& claim, const Layers& layers, Estimate& est);

}  // namespace claimcalc
