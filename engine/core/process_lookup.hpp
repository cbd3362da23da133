// Finds a process (manual claim, reverse settlement, ...) in the insured region's policy, or else in the national
// rules, and turns its deadline rules into dates for a claim.
#pragma once

#include <string>

#include "engine/core/estimate.hpp"

namespace claimcalc {

struct FoundProcess {
  const Process* process = nullptr;
  const Policy* policy = nullptr;  // where its citations resolve
};

FoundProcess find_process(const std::string& id, const Policy& insured, const PolicyPack& pack, const Date& on);

// Adds the manual-claim materials (for the claim's setting) and deadlines to the estimate, or says which part is
// unknown.
void attach_manual_claim(const Claim& claim, const Policy& insured, const PolicyPack& pack, Estimate& est);

}  // namespace claimcalc
