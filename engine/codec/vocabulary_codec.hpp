// The closed vocabularies as the page and mini-programs show them: every name the engine accepts, with its zh/en
// label (engine/core/vocabulary.cpp), the regions of the policy pack, and every province and city of the registry. One
// source for the words on screen.
#pragma once

#include "engine/codec/json_input.hpp"
#include "engine/core/policy.hpp"

namespace claimcalc::codec {

// {"schemes"|"persons"|"tiers"|"settings"|"levels"|"classes"|"filings"|"settlements": [{name, zh, en}],
//  "regions": [{region, zh, en, province}], "provinces": [{code, zh, short, region?}],
//  "cities": [{code, zh, short, province, region?}], "limits": {items, request_bytes}} (docs/api.md).
json vocabulary_json(const PolicyPack& pack);

}  // namespace claimcalc::codec
