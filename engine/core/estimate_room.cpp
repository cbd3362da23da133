#include "engine/core/estimate_room.hpp"

#include <utility>

namespace claimcalc {

namespace {

// The list's storage goes to the fresh answer, empty.
template <class List>
void carry(List& from, List& to) {
  from.clear();
  from.swap(to);
}

}  // namespace

void start_fresh(Estimate& est) {
  // Built as a new answer is, so every field not carried below (one added later, too) is at its default: a field
  // reset by hand and forgotten would carry one answer into the next.
  Estimate fresh;
  carry(est.items, fresh.items);
  carry(est.cannot_estimate, fresh.cannot_estimate);
  carry(est.warnings, fresh.warnings);
  carry(est.materials, fresh.materials);
  carry(est.deadlines, fresh.deadlines);
  carry(est.channels, fresh.channels);
  carry(est.next_questions, fresh.next_questions);
  carry(est.narrowings, fresh.narrowings);
  carry(est.ranges, fresh.ranges);
  fresh.trace = std::move(est.trace);
  fresh.trace.restart();
  est = std::move(fresh);
}

}  // namespace claimcalc
