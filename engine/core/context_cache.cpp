#include "engine/core/context_cache.hpp"

#include "engine/core/region_files.hpp"

namespace claimcalc {

SettleContext settle_context(const Claim& claim, const PolicyPack& pack) {
  SettleContext c;
  // A city without its own file whose province has a layer is estimated from that layer: its cross-region and
  // process rules apply, and the benefit figures the city would give are named as missing.
  c.own_file = pack.has_region(claim.insured_region);
  c.layers = layers_for(claim.insured_region, pack, &claim.date_of_care);
  if (!c.own_file && c.layers.province == nullptr) {
    c.error = no_city_policy(claim.insured_region, pack);
    return c;
  }
  c.policy = c.own_file ? pack.in_force(claim.insured_region, claim.date_of_care) : c.layers.province;
  if (c.policy == nullptr) {
    c.error = make_error(ErrorCode::no_policy_for_date, "date_of_care",
                         "参保地在就医日期 " + claim.date_of_care.iso() + " 没有已收录的有效政策版本",
                         "no policy version of the insured region is in force on " + claim.date_of_care.iso());
    return c;
  }
  if (auto unread = unread_layers(c.layers, c.policy, "insured_region")) {
    c.error = std::move(unread);
    return c;
  }
  LayeredRules local;
  layered_rules(c.layers, claim.scheme, claim.setting, local);
  const bool merged_scheme = local.scheme == &local.merged_scheme;
  const bool merged_setting = local.setting == &local.merged_setting;
  if (merged_scheme || merged_setting) {
    // Merged figures: the steps point at their citations, so they move to storage the answers keep.
    auto kept = std::make_shared<LayeredRules>(std::move(local));
    if (merged_scheme) kept->scheme = &kept->merged_scheme;
    if (merged_setting) kept->setting = &kept->merged_setting;
    c.scheme = kept->scheme;
    c.setting = kept->setting;
    c.merged = std::move(kept);
  } else {
    c.scheme = local.scheme;
    c.setting = local.setting;
  }
  if (c.scheme != nullptr && c.setting != nullptr && names_tier(*c.scheme, *c.setting)) {
    const auto it = c.policy->schemes.find(claim.scheme);
    if (it != c.policy->schemes.end() && !it->second.tiers.empty()) c.tiers_named = &it->second.tiers;
  }
  return c;
}

namespace {

// The entry stored: appended while there is room, else in place of the oldest (`next` turns round the slots).
template <class Entry>
Entry& kept(std::vector<Entry>& entries, std::size_t& next, Entry entry) {
  if (entries.size() < ContextCache::kEntries) return entries.emplace_back(std::move(entry));
  Entry& slot = entries[next];
  next = (next + 1) % ContextCache::kEntries;
  slot = std::move(entry);
  return slot;
}

}  // namespace

const Result<ClaimPlaces>& ContextCache::places(const Claim& claim, const PolicyPack& pack) {
  for (const auto& e : places_) {
    if (e.insured_region == claim.insured_region && e.care_region == claim.care_region &&
        e.care_province == claim.care_province)
      return e.places;
  }
  return kept(places_, next_place_,
              PlacesEntry{claim.insured_region, claim.care_region, claim.care_province, claim_places(claim, pack)})
      .places;
}

namespace {

// Sets from/until to the span around d in which no version of the pack starts or ends: the versions in force, and
// so every layer settle_context picks, are the same on each date of it.
void version_span(const PolicyPack& pack, const Date& d, std::optional<Date>& from, std::optional<Date>& until) {
  const auto edge = [&](const Date& e) {
    if (e <= d) {
      if (!from || *from < e) from = e;
    } else if (!until || e < *until) {
      until = e;
    }
  };
  for (const auto& p : pack.policies) {
    edge(p.effective_from);
    if (p.effective_to) edge(*p.effective_to);
  }
}

}  // namespace

const SettleContext& ContextCache::settling(const Claim& claim, const PolicyPack& pack) {
  for (const auto& e : settling_) {
    if (e.scheme == claim.scheme && e.setting == claim.setting && e.holds_on(claim.date_of_care) &&
        e.insured_region == claim.insured_region)
      return e.context;
  }
  SettleEntry entry{claim.insured_region, claim.scheme, claim.setting, {}, {}, settle_context(claim, pack)};
  if (entry.context.error) {
    entry.from = claim.date_of_care;  // its message may name the date
    entry.until = claim.date_of_care.plus_days(1);
  } else {
    version_span(pack, claim.date_of_care, entry.from, entry.until);
  }
  return kept(settling_, next_settle_, std::move(entry)).context;
}

}  // namespace claimcalc
