// What an estimate reads from the pack before it looks at the bill: the claim's places, and for the insured region
// on the date of care its layers, the policy in force and the scheme's and setting's rules merged across layers.
// A batch asks for the same few of these request after request (the peer batch: 21 distinct requests, 2 insured
// regions), and every range settlement asks again; a ContextCache keeps the last few for one batch call.
//
// Why it cannot change an answer: each value is a function of its key and of the pack alone, and a cache lives
// for one call on one pack (never across calls: a call that loads a region file makes a new pack state, and the
// wasm's lazily read regions then answer differently). Keys, and what each computation reads:
//   places   (claim_places, region_resolve.cpp): the insured_region, care_region and care_province texts;
//   settling (settle_context below): the resolved insured region, the scheme, the setting and the date of care;
//            the date only through the versions in force on it, so an entry holds for every date between two
//            consecutive version dates of the pack (its effective_from and effective_to dates): the same versions
//            are in force all through such a span. An error that names the date holds for that date alone.
// tests/unit/context_cache_test.cpp changes each key field alone and checks that the answer follows.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/error.hpp"
#include "engine/core/layered_rules.hpp"
#include "engine/core/policy.hpp"
#include "engine/core/region_resolve.hpp"
#include "engine/core/tier_alike.hpp"

namespace claimcalc {

// The insured region's rules for a claim, or why there are none (no policy, none in force, a region not read).
struct SettleContext {
  std::optional<Error> error;
  bool own_file = false;  // the insured region has its own file (else its province's layer stands in)
  Layers layers;
  const Policy* policy = nullptr;
  const SchemePolicy* scheme = nullptr;  // null: no layer has rules for the scheme
  const SettingPolicy* setting = nullptr;
  // Set when both layers contribute figures: scheme/setting point into it, and an answer keeps it alive
  // (Estimate::merged_rules) since its steps cite figures held there.
  std::shared_ptr<const LayeredRules> merged;
  // The policy's tiers for the scheme when some figure of these rules names a tier (tier_alike.hpp), else null: a
  // claim without a tier is then tried as the first one (estimate.cpp).
  const std::vector<Tier>* tiers_named = nullptr;
  // Whether those tiers settle a claim alike, for the last few claims (set with tiers_named): a memo, so it changes
  // as the context is read.
  mutable TiersAlikeMemo tiers_alike;
};

// Computes it: reads the claim's insured_region (resolved), date_of_care, scheme and setting, and nothing else.
SettleContext settle_context(const Claim& claim, const PolicyPack& pack);

class ContextCache {
 public:
  // The claim's places, resolved from its texts (as resolve_claim_places does), from the cache when it has them.
  const Result<ClaimPlaces>& places(const Claim& claim, const PolicyPack& pack);
  // The claim's settling context (the claim's places already resolved). The reference holds until the next call.
  const SettleContext& settling(const Claim& claim, const PolicyPack& pack);

  // A batch holds a handful of distinct contexts (the peer batch: 6 places, 9 settling contexts); entries are
  // replaced in turn past this many, which keeps the memory bounded (~10 KB) and a miss's scan short.
  static constexpr std::size_t kEntries = 32;

 private:
  struct PlacesEntry {
    std::string insured_region, care_region, care_province;
    Result<ClaimPlaces> places;
  };
  struct SettleEntry {
    std::string insured_region;
    Scheme scheme;
    Setting setting;
    // The dates it holds for: from (inclusive) to until (exclusive; none: no end).
    std::optional<Date> from, until;
    SettleContext context;
    bool holds_on(const Date& d) const { return (!from || *from <= d) && (!until || d < *until); }
  };
  std::vector<PlacesEntry> places_;
  std::vector<SettleEntry> settling_;
  std::size_t next_place_ = 0, next_settle_ = 0;
};

}  // namespace claimcalc
