// The figures-only answer ("detail": "figures"): split, national names, items, warnings, cannot_estimate,
// benefits_from and receipt, written straight to JSON text. Keys come in the order dump_json gives the full answer,
// and each value is what the full answer holds under the same key, so the two agree to the fen (tests/unit).
#pragma once

#include <string>

#include "engine/core/estimate.hpp"

namespace claimcalc::codec {

// Appends {"ok":true,"result":{...}} for est.
void append_figures_envelope(std::string& out, const Estimate& est, const char* engine_version);

}  // namespace claimcalc::codec
