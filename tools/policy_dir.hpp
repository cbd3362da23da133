// Reads a policy folder (<region>/<effective-from>.json) into memory, in a stable order. Native only: the
// bundler and the CLI use it; the wasm gets its files compiled in.
#pragma once

#include <string>
#include <vector>

#include "engine/core/date.hpp"
#include "engine/core/error.hpp"
#include "engine/core/policy_file.hpp"

namespace claimcalc::tools {

Result<std::vector<PolicyFile>> read_policy_dir(const std::string& dir);

// Today's date (UTC) by this machine's clock: a policy's last_verified may not be later.
Date host_today();

}  // namespace claimcalc::tools
