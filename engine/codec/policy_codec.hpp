// Policy files: JSON -> Policy, with validation whose errors name the file, the JSON pointer and the reason.
// The format is described in docs/policy-format.md.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/core/error.hpp"
#include "engine/core/policy.hpp"
#include "engine/core/policy_file.hpp"

namespace claimcalc::codec {

// today (the host's date, when it has one; engine/core has no clock) refuses a last_verified in the future.
Result<Policy> parse_policy(const PolicyFile& file, const std::optional<Date>& today = std::nullopt);

// Parses every file and checks the pack as a whole: one region id per folder, file names equal to
// effective_from, versions of a region that neither overlap nor leave a gap. With today (the build's or the
// validate command's date), last_verified must not be after it.
Result<PolicyPack> load_pack(const std::vector<PolicyFile>& files, const std::optional<Date>& today = std::nullopt);

// The checks across the versions of each region (load_pack's), on policies already read: paths[i] names
// policies[i] in an error.
std::optional<Error> check_versions(const std::vector<Policy>& policies, const std::vector<std::string>& paths);

// Regions whose newest version was last verified more than 12 months before today, one line each: a CI warning
// (the figures may be out of date), never an error.
std::vector<std::string> stale_regions(const PolicyPack& pack, const Date& today);

}  // namespace claimcalc::codec
