// A city's benefit rules with its province's filling in what the city does not set: a province file may give
// figures for all its cities (persons, waiting period, a setting's deductible or ratio…); a city figure overrides.
// Each figure keeps its own citation, so every step cites the layer it came from.
#pragma once

#include "engine/core/policy.hpp"

namespace claimcalc {

struct LayeredRules {
  const SchemePolicy* scheme = nullptr;  // null: no layer has rules for the scheme
  const SettingPolicy* setting = nullptr;
  // Storage when both layers contribute (the pointers above then point here).
  SchemePolicy merged_scheme;
  SettingPolicy merged_setting;
};

// out must outlive the pointers it hands back; it is not copyable in spirit (pointers into itself).
void layered_rules(const Layers& layers, Scheme scheme, Setting setting, LayeredRules& out);

}  // namespace claimcalc
