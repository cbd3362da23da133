#include "engine/core/ranges.hpp"

#include <algorithm>
#include <array>

#include "engine/core/limits.hpp"
#include "engine/core/range_dimensions.hpp"
#include "engine/core/range_step.hpp"
#include "engine/core/unknowns.hpp"

namespace claimcalc {

using namespace range_step;  // the parts and the causes of open ends are this file's words too

namespace {

std::optional<Fen>* slot(Split& s, int p) {
  switch (p) {
    case kClassB:
      return &s.class_b_upfront;
    case kInScope:
      return &s.in_scope;
    case kDeductible:
      return &s.deductible_applied;
    case kFund:
      return &s.fund_paid;
    case kCriticalIllness:
      return &s.critical_illness_paid;
    case kSelfPay:
      return &s.self_pay;
    default:
      return &s.patient_pays;
  }
}

// One figure's extent: unknown (cannot even be bounded) or low..high, an absent end being open.
struct Span {
  bool known = false;
  std::optional<Fen> low, high;
};
using Spans = std::array<Span, kPartCount>;

bool has_part(const Estimate& e, std::string_view part) {
  return std::any_of(e.cannot_estimate.begin(), e.cannot_estimate.end(),
                     [&](const CannotEstimate& u) { return u.part == part; });
}

bool ci_counts_over_cap(const Claim& claim, const Estimate& e) {
  if (e.policy == nullptr) return false;
  const auto it = e.policy->schemes.find(claim.scheme);
  if (it == e.policy->schemes.end() || !it->second.critical_illness) return false;
  const auto& parts = it->second.critical_illness->base_parts;
  return std::find(parts.begin(), parts.end(), CriticalIllnessPart::over_cap) != parts.end();
}

// What one settlement says about each figure. A cap the data lacks was not applied: that figure is one end only.
Spans spans_of(const Claim& claim, const Estimate& e) {
  Spans out;
  Split s = e.split;
  for (int p = 0; p < kPartCount; ++p) {
    const std::optional<Fen>& v = *slot(s, p);
    if (v) out[static_cast<std::size_t>(p)] = {true, v, v};
  }
  // What the settlement lacked that leaves an end open, in one pass over its list.
  bool lacks_cap = false, lacks_ci_cap = false;
  for (const auto& u : e.cannot_estimate) {
    lacks_cap = lacks_cap || u.part == "annual_cap" || u.part == "monthly_cap";
    lacks_ci_cap = lacks_ci_cap || u.part == "critical_illness_cap";
  }
  // A cap cannot bind a payment of nothing.
  const bool pays = e.split.fund_paid && *e.split.fund_paid > Fen::zero();
  const bool cap_open = pays && lacks_cap;
  if (cap_open) {
    out[kFund].low.reset();
    out[kSelfPay].high.reset();
    out[kPatient].high.reset();
    const bool ci_applies = std::any_of(e.trace.steps().begin(), e.trace.steps().end(),
                                        [](const Step& st) { return st.rule == Rule::critical_illness_base; });
    if (ci_applies && ci_counts_over_cap(claim, e)) out[kCriticalIllness].high.reset();
  }
  if (lacks_ci_cap) {
    out[kCriticalIllness].low.reset();
    out[kSelfPay].high.reset();
    out[kPatient].high.reset();
  }
  // No critical-illness figure: self-pay and the total are before any such payment, so they are the highest. That
  // insurance pays only inside policy scope: the self-funded part (out of catalogue, above ceilings) stays the
  // patient's whatever it pays.
  if (!e.split.critical_illness_paid && e.split.fund_paid) {
    out[kSelfPay].low = Fen::zero();
    out[kPatient].low = e.split.self_funded;
  }
  return out;
}

Span merge(const Span& a, const Span& b) {
  if (!a.known || !b.known) return {};
  Span m{true, std::nullopt, std::nullopt};
  if (a.low && b.low) m.low = min_fen(*a.low, *b.low);
  if (a.high && b.high) m.high = max_fen(*a.high, *b.high);
  return m;
}

struct Outcome {
  std::size_t at = 0;  // where its dimensions' values start in the pass's choices (Outcomes::chosen)
  Spans spans;
  std::vector<CannotEstimate> unknown;  // what this settlement lacked (the open ends' reasons)
};

// The outcomes read together: the runs' list, or the answer's one settlement alone (no list built for it). The
// runs' choices are one list for the pass (a list per outcome was an allocation per run).
struct Outcomes {
  const Outcome* first = nullptr;
  std::size_t count = 0;
  const std::size_t* chosen = nullptr;  // each outcome's value for every dimension, outcome after outcome
  const Outcome* begin() const { return first; }
  const Outcome* end() const { return first + count; }
  std::size_t value(const Outcome& o, std::size_t dim) const { return chosen[o.at + dim]; }
};

Span merged(Outcomes outcomes, int part, std::size_t dim, std::size_t value) {
  bool first = true;
  Span m;
  for (const auto& o : outcomes) {
    if (dim != SIZE_MAX && outcomes.value(o, dim) != value) continue;
    const Span& s = o.spans[static_cast<std::size_t>(part)];
    m = first ? s : merge(m, s);
    first = false;
  }
  // Nothing pays less than nothing: an end left open by one case is closed by another that reaches zero exactly.
  if (m.known && !m.low) {
    for (const auto& o : outcomes) {
      const Span& s = o.spans[static_cast<std::size_t>(part)];
      if ((dim == SIZE_MAX || outcomes.value(o, dim) == value) && s.low && *s.low == Fen::zero()) m.low = Fen::zero();
    }
  }
  return m;
}

// The spread of one end (low or high) over the outcomes with dimension d at value v (all when d is SIZE_MAX).
Fen spread(Outcomes outcomes, int part, bool low_end, std::size_t d, std::size_t v) {
  std::optional<Fen> lo, hi;
  for (const auto& o : outcomes) {
    if (d != SIZE_MAX && outcomes.value(o, d) != v) continue;
    const Span& s = o.spans[static_cast<std::size_t>(part)];
    const std::optional<Fen>& e = low_end ? s.low : s.high;
    if (!e) continue;
    lo = lo ? min_fen(*lo, *e) : *e;
    hi = hi ? max_fen(*hi, *e) : *e;
  }
  return lo ? *hi - *lo : Fen::zero();
}

// How much knowing dimension d narrows the part's range at least: its width less the widest it can still be. With
// an open end, the closed end's spread is what narrows. Absent: knowing it closes an open end.
std::optional<Fen> narrowing(Outcomes outcomes, int part, std::size_t d, std::size_t count) {
  const Span full = merged(outcomes, part, SIZE_MAX, 0);
  if (!full.known || (!full.low && !full.high)) return Fen::zero();
  bool closes_end = !full.low || !full.high;
  Fen widest;
  for (std::size_t v = 0; v < count; ++v) {
    const Span r = merged(outcomes, part, d, v);
    if (!r.known) return Fen::zero();
    if ((!full.low && !r.low) || (!full.high && !r.high)) closes_end = false;
    if (full.low && full.high && r.low && r.high) widest = max_fen(widest, *r.high - *r.low);
  }
  if (closes_end) return std::nullopt;
  if (full.low && full.high) return *full.high - *full.low - widest;
  const bool low_end = full.low.has_value();
  Fen residual;
  for (std::size_t v = 0; v < count; ++v) residual = max_fen(residual, spread(outcomes, part, low_end, d, v));
  return spread(outcomes, part, low_end, SIZE_MAX, 0) - residual;
}

// What the outcomes lacked, by cause: read once per answer, not once per part and sentence.
void open_needs(const std::vector<CannotEstimate>& unknown, OpenNeeds& out) {
  for (const auto& u : unknown) {
    if (u.part == "annual_cap")
      out.add(kAnnualCap, u.needs);
    else if (u.part == "monthly_cap")
      out.add(kMonthlyCap, u.needs);
    else if (u.part == "critical_illness_cap")
      out.add(kCriticalIllnessCap, u.needs);
    else if (u.part == "critical_illness_paid")
      out.add(kCriticalIllnessPaid, u.needs);
  }
}

// Whether the figure becomes a range: known, bounded at one end at least, and not one value.
bool opens_range(const Span& s) {
  if (!s.known || (!s.low && !s.high)) return false;
  return !(s.low && s.high && *s.low == *s.high);
}

// What the settlement still lacks, once ranged[p] says which parts are ranges (est.ranges).
void settle_unknowns(Estimate& est, const std::array<bool, kPartCount>& ranged);

// Every figure exact or unknown (no end open either): no range, no reason to find. Then the figures are set (what
// cannot be bounded absent) and true.
bool exact(const Spans& spans, Estimate& est) {
  if (std::any_of(spans.begin(), spans.end(), [](const Span& s) { return opens_range(s); })) return false;
  for (int p = 0; p < kPartCount; ++p) {
    const Span& s = spans[static_cast<std::size_t>(p)];
    std::optional<Fen>& value = *slot(est.split, p);
    if (s.known && s.low)
      value = s.low;  // exact: low == high
    else
      value.reset();
  }
  settle_unknowns(est, {});
  return true;
}

// One run: the claim with each dimension at its chosen value (chosen from at), settled; the first run to reveal a
// further field gives the next pass's dimensions. c is assigned the claim: its bill's storage is kept from run to run.
void settle_one(const Claim& claim, std::vector<Dimension>& dims, const std::size_t* choice, std::size_t at,
                unsigned& known, const SettleOnce& settle, Claim& c, std::vector<Dimension>& revealed,
                std::vector<Outcome>& outcomes) {
  c = claim;
  // Only figures, what the settlement lacks, its warnings and the steps ranges read (deductible, critical-
  // illness base: kept without texts) are read from it: step sentences would be rendered for nothing.
  c.step_texts = false;
  Assumptions a;
  for (std::size_t d = 0; d < dims.size(); ++d) dims[d].values[choice[d]].apply(c, a);
  Estimate* r = settle(c, a);
  Outcome o{at, {}, {}};
  if (r != nullptr) {
    o.spans = spans_of(c, *r);
    if (revealed.empty()) revealed = open_dimensions(c, *r, known);
    o.unknown = std::move(r->cannot_estimate);
  }
  outcomes.push_back(std::move(o));
}

}  // namespace

void bound_ranges(const Claim& claim, const SettleOnce& settle, Estimate& est) {
  unsigned known = open_fields(claim, est);
  // Nothing open (most requests): the estimate's own settlement, read before any list for runs is made (made and
  // freed, they cost every answer). Exact, it is the answer.
  const bool none_open = known == 0;
  Spans own;
  if (none_open) {
    own = spans_of(claim, est);
    if (exact(own, est)) return;
  }
  // (An unknown tier whose tiers all settle alike never reaches here open: the estimate was settled as one of them,
  // estimate.cpp.)
  Outcome answer;  // the estimate's own settlement read, without a list around it
  std::vector<Dimension> dims;
  if (known != 0) {
    known = 0;
    dims = open_dimensions(claim, est, known);
  }
  std::vector<Outcome> outcomes;
  std::vector<std::size_t> chosen;  // the outcomes' choices (Outcomes::chosen)
  // Each pass may reveal a further field (a tier picks figures that then need the hospital level).
  for (int pass = 0; pass < 3 && !dims.empty(); ++pass) {
    std::size_t runs = 1;
    for (const auto& d : dims) runs *= d.values.size();
    if (runs > limits::kMaxRangeRuns) return;
    std::vector<Dimension> revealed;
    std::vector<std::size_t> choice(dims.size(), 0);
    outcomes.reserve(runs);
    chosen = std::vector<std::size_t>(runs * dims.size());
    Claim c;
    for (std::size_t n = 0; n < runs; ++n) {
      const std::size_t at = n * dims.size();
      std::copy(choice.begin(), choice.end(), chosen.begin() + static_cast<std::ptrdiff_t>(at));
      settle_one(claim, dims, chosen.data() + at, at, known, settle, c, revealed, outcomes);
      // A pass that reveals a field is run again with it: its other runs would be dropped unread.
      if (!revealed.empty()) break;
      for (std::size_t d = 0; d < dims.size(); ++d) {
        if (++choice[d] < dims[d].values.size()) break;
        choice[d] = 0;
      }
    }
    if (revealed.empty()) break;
    for (auto& d : revealed) dims.push_back(std::move(d));
    outcomes.clear();
  }
  // Nothing open (most requests): the one settlement is the estimate itself. Its list of what it lacks is lent to
  // the outcome (read below, never changed) and given back after.
  const bool lent = outcomes.empty();
  Outcomes all{outcomes.data(), outcomes.size(), chosen.data()};
  if (lent) {
    dims.clear();
    // Read above when nothing was open; else the passes gave up (a field revealed at every pass).
    if (!none_open) {
      own = spans_of(claim, est);
      if (exact(own, est)) return;
    }
    answer = {{}, own, std::move(est.cannot_estimate)};
    all = {&answer, 1};
  }

  OpenNeeds open;
  const bool steps = est.trace.texts();  // the range's step joins its reasons' sentences in both languages (record)
  open.languages(steps || has(est.trace.languages(), Texts::zh), steps || has(est.trace.languages(), Texts::en));
  for (const auto& o : all) open_needs(o.unknown, open);
  std::array<bool, kPartCount> ranged{};  // the parts given a range (est.ranges, without a lookup by name)
  for (int p = 0; p < kPartCount; ++p) {
    // One settlement (most answers with a range): its own span, which is what merging it alone gives.
    Span full = all.count == 1 ? all.first->spans[static_cast<std::size_t>(p)] : merged(all, p, SIZE_MAX, 0);
    std::optional<Fen>& value = *slot(est.split, p);
    if (!full.low && !full.high) full.known = false;
    if (!full.known) {
      value.reset();
      continue;
    }
    if (full.low && full.high && *full.low == *full.high) {
      value = full.low;
      continue;
    }
    value.reset();
    // Written in place: the answer's list keeps the storage of its ranges and their reasons (estimate.hpp).
    Range& range = est.ranges.add(kPartNames[p]);
    range.low = full.low;
    range.high = full.high;
    std::vector<RangeReason>& reasons = range.reasons;
    reasons.reserve(dims.size() + 2);
    for (std::size_t d = 0; d < dims.size(); ++d) {
      const auto by = narrowing(all, p, d, dims[d].values.size());
      if (by && *by == Fen::zero()) continue;
      reasons.push_back(dimension_reason(dims[d]));
      est.narrowings.push_back({dims[d].field, std::string(kPartNames[p]), by});
    }
    open_reasons(open, p, !full.low, !full.high, reasons);
    record(est, p, range);
    ranged[static_cast<std::size_t>(p)] = true;
  }
  if (lent) est.cannot_estimate = std::move(answer.unknown);
  // What is still missing is what the settlements behind the ranges lacked, not what the first one asked for: the
  // answer's entries for parts, then each run's list, an entry once. In place: a new list was an allocation per
  // answer.
  if (!lent) {
    const auto is_part = [](const Text& part) { return part_index(part) != kPartCount; };
    std::vector<CannotEstimate>& list = est.cannot_estimate;
    list.erase(std::remove_if(list.begin(), list.end(), [&](const CannotEstimate& u) { return !is_part(u.part); }),
               list.end());
    for (const auto& o : all) {
      for (const auto& u : o.unknown) {
        const bool seen = std::any_of(list.begin(), list.end(),
                                      [&](const CannotEstimate& k) { return k.part == u.part && k.needs == u.needs; });
        if (!seen) list.push_back(u);  // a part the ranges answer is dropped below
      }
    }
  }
  settle_unknowns(est, ranged);
}

namespace {

void settle_unknowns(Estimate& est, const std::array<bool, kPartCount>& ranged) {
  // A part the ranges now answer no longer needs the field that made it unknown.
  est.cannot_estimate.erase(std::remove_if(est.cannot_estimate.begin(), est.cannot_estimate.end(),
                                           [&](const CannotEstimate& u) {
                                             const int p = part_index(u.part);
                                             return p != kPartCount &&
                                                    (ranged[static_cast<std::size_t>(p)] || *slot(est.split, p));
                                           }),
                            est.cannot_estimate.end());
  for (int p = 0; p < kPartCount; ++p) {
    if (!est.split.fund_paid && !ranged[kFund]) break;  // already explained by the fund's entry
    if (p != kSelfPay && p != kPatient) continue;
    if (*slot(est.split, p) || ranged[static_cast<std::size_t>(p)] || has_part(est, kPartNames[p])) continue;
    // Both ends open: name what would close them.
    est.cannot_estimate.push_back(
        cannot_estimate(Text::viewing({kPartNames[p]}),
                        has_part(est, "critical_illness_paid") ? "policy:critical_illness" : "policy:annual_cap",
                        est.trace.languages()));
  }
}

}  // namespace

}  // namespace claimcalc
