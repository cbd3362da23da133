// Diagnosis of settlement errors and filing failures: the likely causes in order, with what to do about each.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/policy.hpp"
#include "engine/core/region_resolve.hpp"

namespace claimcalc {

struct Diagnosis {
  const SettlementErrorCause* cause;
  const Policy* policy;
  std::vector<std::string> matched;  // the symptom's words that point here
  std::string context_zh;            // what in the request makes it likely
  std::string context_en;
};

// Order: causes whose words appear in the symptom (more words first), then causes the request makes likely,
// then the rest in the data's order.
// A cause a city's layer lists replaces its province's and the national one of the same id.
// scope: whether the claim's care is in the insured's province; a cause whose rule is written for the other scope
// is not made likely by the request (its context says the rule for this care is not in the data).
std::vector<Diagnosis> diagnose(std::string_view symptom, const Claim* claim, const Layers& layers,
                                std::optional<CareScope> scope);

}  // namespace claimcalc
