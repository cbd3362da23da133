#include "engine/core/estimate_room.hpp"

#include <utility>

namespace claimcalc {

void start_fresh(Estimate& est) {
  // Assigned from a new answer, so every field (one added later, too) is at its default: a field reset by hand and
  // forgotten would carry one answer into the next. Assigned a copy of empty lists, each list keeps its storage
  // (a vector assigned fewer entries than it holds keeps its room); the ranges keep their entries' lists of reasons
  // too. A new answer moved in field by field, the lists swapped back, cost ~700 instructions a settlement.
  const Estimate fresh;
  RangeList ranges;
  ranges.swap(est.ranges);
  ranges.clear();
  est = fresh;
  est.ranges.swap(ranges);
  est.trace.restart();
}

}  // namespace claimcalc
