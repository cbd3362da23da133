// The open questions a range runs over: each a request field (or a policy minimum) and the values it can take.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/cross_region.hpp"
#include "engine/core/estimate.hpp"

namespace claimcalc {

struct DimensionValue {
  std::string label_zh;
  std::string label_en;
  std::function<void(Claim&, Assumptions&)> apply;
};

struct Dimension {
  std::string field;  // the request field that would settle it (what next_questions asks)
  std::string label_zh;
  std::string label_en;
  std::vector<DimensionValue> values;
};

// The fields an answer leaves open, a bit each (open_fields): read without building a dimension's values and labels.
enum OpenField : unsigned {
  kOpenTier = 1U << 0,
  kOpenPerson = 1U << 1,
  kOpenLevel = 1U << 2,
  kOpenProvince = 1U << 3,
  kOpenAge = 1U << 4,
  kOpenDisease = 1U << 5,
  kOpenStays = 1U << 6,
  kOpenDeductiblePaid = 1U << 7,
  kOpenFiling = 1U << 8,
  kOpenCriticalIllnessBase = 1U << 9,
};

// The OpenField bits of the dimensions open_dimensions(claim, est, {}) builds, in no list.
unsigned open_fields(const Claim& claim, const Estimate& est);

// The dimensions an answer leaves open, read from its cannot_estimate entries, warnings and steps. Fields already
// in `known` (OpenField bits) are skipped, and those built are added to it (a later pass finds what the first
// values revealed).
std::vector<Dimension> open_dimensions(const Claim& claim, const Estimate& est, unsigned& known);

}  // namespace claimcalc
