#include "engine/core/figure_lookup.hpp"

#include <algorithm>

namespace claimcalc {

namespace {

template <class E>
bool contains(const std::vector<E>& list, E v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

}  // namespace

std::string_view match_condition(const Condition& c, const LookupContext& ctx) {
  if (!c.levels.empty()) {
    if (!ctx.level) return "hospital_level";
    if (!contains(c.levels, *ctx.level)) return "-";
  }
  if (!c.persons.empty()) {
    if (!ctx.person) return "person";
    if (!contains(c.persons, *ctx.person)) return "-";
  }
  if (!c.tiers.empty()) {
    if (ctx.tier_probe != nullptr && ctx.tier_probe->first == nullptr) ctx.tier_probe->first = &c;
    if (!ctx.tier) return "tier";
    if (!contains(c.tiers, *ctx.tier)) return "-";
  }
  if (c.stay_from || c.stay_to) {
    if (!ctx.stay) return "year_to_date.stays";
    if (c.stay_from && *ctx.stay < *c.stay_from) return "-";
    if (c.stay_to && *ctx.stay > *c.stay_to) return "-";
  }
  if (c.needs_age()) {
    if (!ctx.age) return "age";
    if (c.age_min && *ctx.age < *c.age_min) return "-";
    if (c.age_max && *ctx.age > *c.age_max) return "-";
  }
  if (c.care_from || c.care_to) {
    if (!ctx.date_of_care) return "date_of_care";
    if (c.care_from && *ctx.date_of_care < *c.care_from) return "-";
    if (c.care_to && *ctx.date_of_care > *c.care_to) return "-";
  }
  return "";
}

}  // namespace claimcalc
