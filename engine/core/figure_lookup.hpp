// Picks the figure that applies to a claim: the first whose condition matches, in file order.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/policy.hpp"

namespace claimcalc {

// Watches a settlement tried with a tier its request lacks (estimate.cpp): the first condition naming tiers that a
// lookup reached (its level and person matched), where a settlement without the tier stops and asks for it.
struct TierProbe {
  const Condition* first = nullptr;
};

struct LookupContext {
  std::optional<HospitalLevel> level;
  std::optional<Person> person;
  std::optional<Tier> tier;
  std::optional<int> stay;  // 1-based stay index (inpatient only)
  std::optional<int> age;
  std::optional<Date> date_of_care;
  TierProbe* tier_probe = nullptr;  // set only for such a trial
};

template <class V>
struct Lookup {
  const Figure<V>* figure = nullptr;
  // When no figure could be picked because the request lacks an input an earlier figure depends on:
  // the request field to ask for (a literal of match_condition's). Empty with figure == nullptr: the policy has no
  // such figure.
  std::string_view needs;
};

// Returns "" when cond matches ctx, "-" when it does not, or the name of the request field it needs (a literal: the
// lookup runs for every candidate figure of every settlement, and a string each cost an allocation in the wasm).
std::string_view match_condition(const Condition& cond, const LookupContext& ctx);

template <class V>
Lookup<V> find_figure(const std::vector<Figure<V>>& figures, const LookupContext& ctx) {
  for (const auto& f : figures) {
    const std::string_view m = match_condition(f.when, ctx);
    if (m.empty()) return {&f, {}};
    if (m != "-") return {nullptr, m};
  }
  return {nullptr, {}};
}

}  // namespace claimcalc
