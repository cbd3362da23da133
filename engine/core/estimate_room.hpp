// A batch's storage for its answers. Each estimate used to build its answer's lists (items, trace steps, warnings,
// what it cannot estimate) and those of every range settlement afresh, and free them: ~6 of a short request's ~17
// allocations. A room keeps one answer and one range settlement, and each settlement starts from them emptied.
#pragma once

#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/error.hpp"
#include "engine/core/estimate.hpp"

namespace claimcalc {

class ContextCache;

class EstimateRoom {
 public:
  // The answer estimate() gives, settled in the room. It holds until the room's next estimate: a caller writes it
  // out (or moves it away) before asking again.
  Result<Estimate*> estimate_into(Claim claim, const PolicyPack& pack, ContextCache& contexts);
  // The same for a claim its caller is done with, settled where it is (its resolved places are written into it): a
  // batch hands each claim over without moving it (the moves and the moved-from husks' destruction cost a
  // figures-only request ~530 of its ~20.4k instructions).
  Result<Estimate*> estimate_in_place(Claim& claim, const PolicyPack& pack, ContextCache& contexts);

 private:
  Estimate answer_;
  Estimate rerun_;                             // the range bounding's settlements (ranges.hpp), one after another
  std::vector<const Citation*> sources_seen_;  // the answer's sources, each checked once for a secondary one
};

// Empties est for the next settlement: every list cleared with its storage kept, every other field at its default.
// An answer must never carry anything over from the one before it (tests/unit/estimate_room_test.cpp).
void start_fresh(Estimate& est);

}  // namespace claimcalc
