// A split build (the wasm) ships each built-in region as a file of its own, read when an answer first needs it
// (docs/size-and-start.md, "The 36-region decision"). Until then the pack holds the region's index entries:
// Policy::unread, the header members only (id, names, code, province, layer, versions, hashes), which is all that
// places, vocabulary and version choice read. These find the unread regions an answer would use; the error names
// them so the loader can supply their files and call again.
#pragma once

#include <optional>
#include <string>

#include "engine/core/error.hpp"
#include "engine/core/policy.hpp"

namespace claimcalc {

// The layers an estimate, guide or diagnosis uses (policy: the one whose figures apply; any may be null): a
// region_not_loaded error whose regions are those still unread and whose field is the request field that chose
// them (the insured place), or nothing.
std::optional<Error> unread_layers(const Layers& layers, const Policy* policy, std::string field);

// Operations that show the whole pack (policies, coverage, ...): every unread region; field "" (the whole input).
std::optional<Error> unread_regions(const PolicyPack& pack);

}  // namespace claimcalc
