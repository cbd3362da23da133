#include "engine/core/estimate_room.hpp"

namespace claimcalc {

void start_fresh(Estimate& est) {
  // Every field by name: the binding compiles only while these are all of Estimate's fields, so a field added later
  // stops the build here until it is reset too (one forgotten would carry one answer into the next). The lists are
  // emptied in place, keeping their storage (the ranges their entries' lists of reasons too). A new answer built
  // beside and moved in, the lists swapped over, cost ~700 instructions a settlement; assigned a copy of a new
  // answer instead, 2.7 KB br of the wasm (every list's copy).
  auto& [policy, layers, date_of_care, split, items, trace, cannot_estimate, warnings, benefits_from, process_policy,
         materials, deadlines, channels, bill_given, next_questions, ranges, narrowings, merged_rules] = est;
  policy = nullptr;
  layers = Layers{};
  date_of_care = Estimate::unset_date_of_care();
  split = Split{};
  items.clear();
  trace.restart();
  cannot_estimate.clear();
  warnings.clear();
  benefits_from.reset();
  process_policy = nullptr;
  materials.clear();
  deadlines.clear();
  channels.clear();
  bill_given = true;
  next_questions.clear();
  ranges.clear();
  narrowings.clear();
  merged_rules.reset();
}

}  // namespace claimcalc
