#include "engine/core/tier_alike.hpp"

#include <algorithm>
#include <optional>

#include "engine/core/figure_lookup.hpp"

namespace claimcalc {

namespace {

bool same_value(Fen a, Fen b) { return a == b; }
bool same_value(Ratio a, Ratio b) { return a == b; }
bool same_value(const RatioSchedule& a, const RatioSchedule& b) {
  if (a.measure != b.measure || a.bands.size() != b.bands.size()) return false;
  for (std::size_t i = 0; i < a.bands.size(); ++i) {
    const Band& x = a.bands[i];
    const Band& y = b.bands[i];
    if (x.from != y.from || x.to != y.to || x.ratio != y.ratio) return false;
  }
  return true;
}

template <class V>
bool any_names_tier(const std::vector<Figure<V>>& figures) {
  return std::any_of(figures.begin(), figures.end(), [](const Figure<V>& f) { return f.when.needs_tier(); });
}

// The settlement reads a figure's value alone (its citation only in steps the range runs do not keep).
template <class V>
bool picks_alike(const std::vector<Figure<V>>& figures, LookupContext ctx, const std::vector<Tier>& tiers) {
  // No figure names a tier (most lists): every tier looks up the same figure.
  if (!any_names_tier(figures)) return true;
  std::optional<Lookup<V>> first;
  for (Tier t : tiers) {
    ctx.tier = t;
    const Lookup<V> l = find_figure(figures, ctx);
    if (!first) {
      first = l;
      continue;
    }
    if (l.needs != first->needs || (l.figure == nullptr) != (first->figure == nullptr)) return false;
    if (l.figure != nullptr && !same_value(l.figure->value, first->figure->value)) return false;
  }
  return true;
}

// The context the settlement builds (estimate.cpp settle_in), the tier aside: what the check reads of the claim, and
// so what the memo keys on.
LookupContext alike_lookup(const Claim& claim) {
  LookupContext ctx{claim.hospital_level, claim.person, std::nullopt, std::nullopt, claim.age, claim.date_of_care};
  if (claim.setting == Setting::inpatient) ctx.stay = claim.year_to_date.stays.value_or(0) + 1;
  return ctx;
}

// Whether each figure list a settlement under these rules looks up passes: one list of them for the alike check and
// for names_tier, so a list added later is read by both.
template <class F>
bool every_figure_list(const SchemePolicy& scheme, const SettingPolicy& setting, F passes) {
  if (!passes(setting.class_b_upfront_share) || !passes(setting.deductible) || !passes(setting.ratio) ||
      !passes(setting.annual_cap) || !passes(setting.monthly_cap))
    return false;
  return !scheme.critical_illness ||
         (passes(scheme.critical_illness->ratio) && passes(scheme.critical_illness->annual_cap));
}

}  // namespace

bool tiers_settle_alike(const Claim& claim, const std::vector<Tier>& tiers, const SchemePolicy& scheme,
                        const SettingPolicy& setting) {
  if (claim.setting == Setting::chronic_outpatient && !setting.diseases.empty()) return false;
  const LookupContext ctx = alike_lookup(claim);
  return every_figure_list(scheme, setting, [&](const auto& figures) { return picks_alike(figures, ctx, tiers); });
}

bool names_tier(const SchemePolicy& scheme, const SettingPolicy& setting) {
  return !every_figure_list(scheme, setting, [](const auto& figures) { return !any_names_tier(figures); });
}

bool TiersAlikeMemo::alike(const Claim& claim, const std::vector<Tier>& tiers, const SchemePolicy& scheme,
                           const SettingPolicy& setting) {
  const LookupContext ctx = alike_lookup(claim);
  const Key key{ctx.level, ctx.person, ctx.stay, ctx.age, ctx.date_of_care};
  for (std::size_t i = 0; i < count_; ++i)
    if (entries_[i].key == key) return entries_[i].alike;
  const bool alike = tiers_settle_alike(claim, tiers, scheme, setting);
  if (count_ < entries_.size()) {
    entries_[count_++] = {key, alike};
  } else {  // in place of the oldest
    entries_[next_] = {key, alike};
    next_ = (next_ + 1) % entries_.size();
  }
  return alike;
}

}  // namespace claimcalc
