// Whether the claim's tier can change its settlement: the range bounding re-settles an unknown tier once per value,
// and a tier whose every value picks figures of the same worth settles the claim alike (one run stands for all).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/policy.hpp"

namespace claimcalc {

// True when every figure a settlement of the claim can look up picks, for each of the tiers, a figure of
// the same value (or the same missing field): then the tier is read nowhere else, so the settlements are equal.
// The claim's other fields as given; a chronic-outpatient claim with diseases reads the disease's own figures: false.
bool tiers_settle_alike(const Claim& claim, const std::vector<Tier>& tiers, const SchemePolicy& scheme,
                        const SettingPolicy& setting);

// Whether any figure a settlement under these rules can look up names a tier (most rules: none).
bool names_tier(const SchemePolicy& scheme, const SettingPolicy& setting);

// tiers_settle_alike for the claims of one scheme's setting (a settling context's, context_cache.hpp), kept for the
// last few claims by the fields its lookups read: a batch asks it again and again for the same few (~1.1k
// instructions each time for the peer batch's Shenzhen inpatient requests without a tier).
class TiersAlikeMemo {
 public:
  // The claim's scheme and setting are these rules'.
  bool alike(const Claim& claim, const std::vector<Tier>& tiers, const SchemePolicy& scheme,
             const SettingPolicy& setting);

 private:
  // The lookup's fields, the tier aside.
  struct Key {
    std::optional<HospitalLevel> level;
    std::optional<Person> person;
    std::optional<int> stay, age;
    std::optional<Date> date_of_care;
    bool operator==(const Key& o) const {
      return level == o.level && person == o.person && stay == o.stay && age == o.age && date_of_care == o.date_of_care;
    }
  };
  struct Entry {
    Key key;
    bool alike = false;
  };
  std::array<Entry, 4> entries_{};
  std::size_t count_ = 0, next_ = 0;
};

}  // namespace claimcalc
