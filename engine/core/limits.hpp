// Every size and depth limit, one named constant each, with its reason.
#pragma once

#include <cstddef>
#include <cstdint>

namespace claimcalc::limits {

// A real inpatient 费用清单 runs to a few hundred lines (~100 bytes each as JSON); 1 MiB leaves 20x headroom
// and keeps a phone's wasm heap small.
constexpr std::size_t kMaxRequestBytes = 1u << 20;
// estimateMany / batch sends many requests in one call: 10,000 typical requests fit in 32 MiB.
constexpr std::size_t kMaxBatchBytes = 32u << 20;
// Policy files are data we ship; the largest expected (a region with many diseases) is well under 1 MiB.
constexpr std::size_t kMaxPolicyBytes = 4u << 20;
// The request schema nests 4 deep; 32 rejects hostile nesting before the JSON library recurses on it.
constexpr int kMaxJsonDepth = 32;
// Bill lines per request: a long stay's itemised list can reach ~2,000 lines.
constexpr std::size_t kMaxItems = 5000;
// Requests per batch call. A full answer to a short request is ~17 KB of text, so a batch's answer is its count times
// that: measured in the wasm (scripts/wasm-many.mjs, node 18), 10,000 answer in 173 MB; 30,000 would need a 518 MB
// string, past V8's longest (512 MiB), and 100,000 trapped. 10,000 keeps a 3x margin on every host.
constexpr std::size_t kMaxBatchRequests = 10000;
// Any single money figure: 1 billion yuan, far above any bill, so products stay far inside int64.
constexpr std::int64_t kMaxMoneyFen = 100'000'000'000;  // 1e11 fen = 1e9 yuan
// Quantity of one bill line (units, tablets, days).
constexpr std::int64_t kMaxQuantity = 1'000'000;
// Ages accepted (whole years).
constexpr int kMaxAge = 150;
// Prior stays in the year: more than one a day is not a real case.
constexpr int kMaxStays = 366;
// Dates outside this range are typos, not care: the policy data starts in the 2010s.
constexpr int kMinYear = 1990;
constexpr int kMaxYear = 2100;
// One inpatient stay, admission to discharge: hospitals settle long stays at least yearly (中途结算), so a stay of
// more than three years is a typo in a date, not care to estimate.
constexpr int kMaxStayDays = 3 * 366;
// Reverse settlement: the original parts together are a bill, so their sum may not exceed kMaxMoneyFen (an error);
// an original total over this many times the corrected bill's, or under its 1/this, is most likely another stay
// (a warning, original_far_from_bill).
constexpr std::int64_t kReverseTotalsFactor = 10;
// Settlements computed to bound one answer when request fields are missing (every combination of their values):
// 3 tiers x 4 levels x 2 stays x 2 provinces x ... stays far below; past it, the engine asks instead.
constexpr std::size_t kMaxRangeRuns = 256;
// Free-text fields (item names, disease names) echoed back into the result.
constexpr std::size_t kMaxTextBytes = 512;

}  // namespace claimcalc::limits
