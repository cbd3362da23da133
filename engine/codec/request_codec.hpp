// Request JSON -> Claim, with every field checked; the first problem becomes a structured error.
#pragma once

#include <optional>

#include "engine/codec/json_input.hpp"
#include "engine/core/claim.hpp"
#include "engine/core/error.hpp"

namespace claimcalc::codec {

Result<Claim> parse_claim(const json& request);

// The checks across fields made once every field has been read (dates in order, filing with its date, "national"
// refused, a known care province): parse_claim's, shared with the plain reader so the two cannot differ.
std::optional<Error> check_claim(const Claim& claim);

}  // namespace claimcalc::codec
