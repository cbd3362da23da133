// Request JSON -> Claim, with every field checked; the first problem becomes a structured error.
#pragma once

#include "engine/codec/json_input.hpp"
#include "engine/core/claim.hpp"
#include "engine/core/error.hpp"

namespace claimcalc::codec {

Result<Claim> parse_claim(const json& request);

}  // namespace claimcalc::codec
