// Requests name places as a pack id (guangzhou), a Chinese name (广州, 广州市) or a GB/T 2260 code (440100). This
// turns each into one place of the registry and, where the pack has one, the region id of its policy; and finds
// the layers (city, province, national) whose rules apply to an insured place.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "engine/core/claim.hpp"
#include "engine/core/error.hpp"
#include "engine/core/policy.hpp"

namespace claimcalc {

struct Place {
  const Division* division = nullptr;  // null where the pack has no registry entry for it (test packs)
  std::string pack_id;                 // the region id of its policy files; empty when the pack has none
  std::string name_zh;                 // for messages: 广州市, or the text as given
  std::int32_t province_code = 0;      // 0 when unknown

  // How a resolved place is written back into a request: its pack id, else its code.
  std::string id() const;
};

// A care region the asker does not name ("some other city"): placed only by care_province, if given.
inline constexpr std::string_view kUnnamedCareRegion = "other";

// field names the request field in errors (insured_region, care_region, care_province).
Result<Place> resolve_place(const std::string& text, const PolicyPack& pack, std::string_view field);

// A claim's places as resolve_claim_places writes them into the claim.
struct ClaimPlaces {
  std::string insured_region;  // pack id, or code where the pack has no policy
  std::string care_region;
  std::int32_t insured_province_code = 0;
  std::int32_t care_province_code = 0;
  std::string care_name_zh;
};

// The places of a claim: a function of its insured_region, care_region and care_province texts and of the pack
// alone (a cache keys them by those three; engine/core/context_cache.hpp).
Result<ClaimPlaces> claim_places(const Claim& claim, const PolicyPack& pack);
void apply_places(const ClaimPlaces& places, Claim& claim);

// Resolves insured_region, care_region and care_province in place: the regions become pack ids (or codes where
// the pack has no policy), the care province is derived from the care region and a given one checked against it.
// An insured place without a policy is not an error here (the process answers still apply).
std::optional<Error> resolve_claim_places(Claim& claim, const PolicyPack& pack);

// date null: the newest version of each layer (questions without a date of care).
Layers layers_for(const std::string& insured_region, const PolicyPack& pack, const Date* on);

// The error for an insured place whose city has no policy: names the city and what the pack has for its province.
Error no_city_policy(const std::string& insured_region, const PolicyPack& pack);

// Pack-wide check against the registry: every region_code is a known division of the file's layer, with the
// file's Chinese name; a province file has one. Errors name file#/region_code.
std::optional<Error> check_places(const PolicyPack& pack);

}  // namespace claimcalc
