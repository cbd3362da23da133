// The compiled pack: policies already parsed and validated (by parse_policy/load_pack and check_places at build
// time), written as compact bytes that read back into the same Policy structures without JSON or validation. The
// built-in pack ships in this form so that a fresh engine's first call does not parse and validate ~140 KB of JSON
// (docs/size-and-start.md has the measurements). User packs (loadPolicies, --policies) are never read this way:
// they go through load_pack and its validation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/core/policy.hpp"

namespace claimcalc::codec {

// Policies -> bytes. Deterministic: the same policies give the same bytes.
std::string compile_policies(const std::vector<Policy>& policies);

// Bytes written by compile_policies -> the policies. Bytes that end early or hold an out-of-range value (a
// truncated or foreign file) give policy_invalid, never a crash.
Result<std::vector<Policy>> read_compiled(std::string_view bytes);

}  // namespace claimcalc::codec
