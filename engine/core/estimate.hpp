// The answer to a claim: the split, per-item results, the trace, what could not be estimated, warnings.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/deadline.hpp"
#include "engine/core/error.hpp"
#include "engine/core/layered_rules.hpp"
#include "engine/core/policy.hpp"
#include "engine/core/text.hpp"
#include "engine/core/trace.hpp"

namespace claimcalc {

// Absent (nullopt) means the engine cannot estimate that part; cannot_estimate says why.
struct Split {
  Fen total;
  Fen out_of_catalogue;
  Fen over_ceiling;
  std::optional<Fen> class_b_upfront;
  std::optional<Fen> in_scope;
  std::optional<Fen> deductible_applied;
  std::optional<Fen> fund_paid;
  std::optional<Fen> critical_illness_paid;
  std::optional<Fen> self_pay;
  Fen self_funded;
  std::optional<Fen> patient_pays;
};

struct ItemResult {
  std::string name;
  std::string code;
  ItemClass item_class = ItemClass::class_a;
  Fen total;
  Fen out_of_catalogue;
  Fen over_ceiling;
  std::optional<Fen> class_b_upfront;
  std::optional<Fen> in_scope;
  std::optional<Ratio> selfpay_ratio;  // the upfront ratio used for a class-B item
};

// The sentences and names below are Texts: views of the engine's literals and the pack's strings (text.hpp).
struct CannotEstimate {
  Text part;   // the result field that is absent (fund_paid, critical_illness_paid, ...)
  Text needs;  // request field to ask for, or "policy:<figure>" when the data lacks it
  Text reason_zh;
  Text reason_en;
};

struct Warning {
  Text code;
  Text message_zh;
  Text message_en;
};

// Why a figure is a range: a request field the answer depends on, or a policy figure the data lacks (an open end).
struct RangeReason {
  Text needs;  // request field, or "policy:<figure>"
  Text reason_zh;
  Text reason_en;
};

// A split figure the data bounds but does not fix. An absent end is open: nothing bounds it that way.
struct Range {
  std::optional<Fen> low;
  std::optional<Fen> high;
  std::vector<RangeReason> reasons;
};

// The split parts that are ranges, in name order (the writers walk them beside the parts, both sorted by name).
// Seven at most: a sorted list. Emptied, it keeps its entries' storage (their lists of reasons too) for the next
// answer settled in the same room (estimate_room.hpp); a map made and freed a node per range and answer.
class RangeList {
 public:
  using Entry = std::pair<std::string_view, Range>;

  const Entry* begin() const { return entries_.data(); }
  const Entry* end() const { return entries_.data() + size_; }
  const Entry* find(std::string_view part) const {
    for (const Entry* e = begin(); e != end(); ++e)
      if (e->first == part) return e;
    return end();
  }
  std::size_t count(std::string_view part) const { return find(part) != end() ? 1 : 0; }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  void clear() { size_ = 0; }
  void swap(RangeList& other) noexcept {
    entries_.swap(other.entries_);
    std::swap(size_, other.size_);
  }
  // A range for a part that has none yet, in its place by name: both ends open, no reasons. The part is a view of
  // the engine's constant name (engine/core/ranges.cpp), never of a string that may go.
  Range& add(std::string_view part) {
    if (size_ == entries_.size()) entries_.emplace_back();
    Entry& added = entries_[size_];
    added.first = part;
    added.second.low.reset();
    added.second.high.reset();
    added.second.reasons.clear();
    const auto first = entries_.begin();
    const auto at = std::upper_bound(first, first + static_cast<std::ptrdiff_t>(size_), part,
                                     [](std::string_view name, const Entry& e) { return name < e.first; });
    std::rotate(at, first + static_cast<std::ptrdiff_t>(size_), first + static_cast<std::ptrdiff_t>(size_) + 1);
    ++size_;
    return at->second;
  }

 private:
  std::vector<Entry> entries_;  // the first size_ are the ranges; the rest is storage kept for the next answer
  std::size_t size_ = 0;
};

// How much knowing one request field would narrow a part's range at least (by; absent: it closes an open end).
struct Narrowing {
  std::string field;
  std::string part;
  std::optional<Fen> by;
};

// What to ask the caller next, most decisive first.
struct Question {
  std::string field;
  std::string question_zh;
  std::string question_en;
  std::optional<Narrowing> narrows;  // what the answer would narrow, when it bounds a range
};

struct Estimate {
  // The date an answer holds before a settlement sets the claim's (start_fresh puts it back).
  static Date unset_date_of_care() { return Date::unchecked(2025, 1, 1); }

  const Policy* policy = nullptr;
  Layers layers;  // policy, its province's layer and the national rules: where each step's citation resolves
  Date date_of_care = unset_date_of_care();
  Split split;
  std::vector<ItemResult> items;
  Trace trace;
  std::vector<CannotEstimate> cannot_estimate;
  std::vector<Warning> warnings;
  std::optional<Date> benefits_from;  // set when a waiting period keeps the fund from paying
  // The manual claim this case leads to: documents and dated deadlines, from the policy named here (the insured
  // region's, or the national rules where the region has none).
  const Policy* process_policy = nullptr;
  std::vector<Material> materials;
  std::vector<Deadline> deadlines;
  std::vector<Channel> channels;  // where the manual claim is made
  bool bill_given = true;         // false: every amount waits for the bill (cannot_estimate part "split")
  std::vector<Question> next_questions;
  // Split parts that are ranges (they are absent from split), by the split's field name.
  RangeList ranges;
  std::vector<Narrowing> narrowings;
  // A city's rules merged with its province's (layered_rules.hpp), when both give figures: steps cite figures held
  // there, so it lives as long as the answer. Null when every figure is the pack's own.
  std::shared_ptr<const LayeredRules> merged_rules;
};

class ContextCache;

// The engine's one domain entry point. Errors are input errors that depend on the policy (a person type
// the region does not have, say); everything else the request lacks becomes a cannot_estimate entry.
// The claim is taken by value: its places are resolved in it (a caller done with its claim moves it in).
// contexts: a batch's cache of what the pack says for the claim's places and date (context_cache.hpp); null: none
// kept beyond this estimate. The answer is the same either way. A batch settles in one room instead
// (estimate_room.hpp): the same answer, in storage kept from request to request.
Result<Estimate> estimate(Claim claim, const PolicyPack& pack, ContextCache* contexts = nullptr);

}  // namespace claimcalc
