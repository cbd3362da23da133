// The two reasons a part cannot be estimated: the request lacks an input, or the policy data lacks a figure.
#pragma once

#include <string>
#include <string_view>

#include "engine/core/estimate.hpp"
#include "engine/core/vocabulary.hpp"

namespace claimcalc {

// needs is a request field ("hospital_level") or "policy:<figure>" (from Lookup::needs or the caller).
// part: a literal or a name of static storage (Text). The reasons are given in the languages asked only (the
// answer's "texts", as its trace holds them: Trace::languages); the others stay empty, as the writers leave them out.
CannotEstimate cannot_estimate(const Text& part, std::string_view needs, Texts languages);

// The Chinese and English names of a figure or a request field, for messages.
std::string figure_label_zh(std::string_view figure);
std::string figure_label_en(std::string_view figure);

// No layer of the insured region has benefit rules for the scheme and setting: names the figures that are missing
// (needs "policy:schemes.<scheme>.<setting>").
CannotEstimate missing_benefit_rules(Scheme scheme, Setting setting);

}  // namespace claimcalc
