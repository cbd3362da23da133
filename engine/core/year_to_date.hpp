// Year-to-date amounts the request left out: each is zero in the arithmetic, and the answer says so wherever a
// figure depended on one (never a silent zero).
#pragma once

#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/trace.hpp"

namespace claimcalc {

// Reads the steps to see which year-to-date amounts the figures used; warns for each one absent from the request.
// disease_cap: the annual cap applied was a chronic disease's own (counted against year_to_date.disease_fund_paid).
void warn_absent_year_to_date(const Claim& claim, const Trace& trace, bool disease_cap, bool year_in_scope,
                              std::vector<Warning>& warnings);

}  // namespace claimcalc
