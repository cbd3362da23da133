// The basic fund's share of the in-scope amount: deductible, ratio bands, then annual and monthly caps.
#pragma once

#include <optional>
#include <vector>

#include "engine/core/claim.hpp"
#include "engine/core/estimate.hpp"
#include "engine/core/figure_lookup.hpp"
#include "engine/core/trace.hpp"

namespace claimcalc {

// The figures that apply to this claim: the setting's, or a chronic disease's where it has its own.
struct SettingFigures {
  const std::vector<Figure<Fen>>* deductible = nullptr;
  const std::vector<Figure<RatioSchedule>>* ratio = nullptr;
  const std::vector<Figure<Fen>>* annual_cap = nullptr;
  const std::vector<Figure<Fen>>* monthly_cap = nullptr;
  DeductibleBasis deductible_basis = DeductibleBasis::per_stay;
  bool disease_cap = false;  // the annual cap is a chronic disease's own: counted against that disease's use
};

struct FundShare {
  std::optional<Fen> deductible_applied;
  std::optional<Fen> fund_before_caps;
  std::optional<Fen> fund_paid;
  std::optional<Fen> copay;    // in scope, above the deductible, not paid by the fund's ratio
  Fen over_cap;                // what the caps moved from the fund to the patient
  Fen reduction;               // what the cross-region multiplier took off the fund's share (before caps)
  bool cap_checked = false;    // false when the policy lacks the annual cap
  bool year_in_scope = false;  // the bands are measured on the year's cumulative in-scope cost
};

FundShare settle_fund(const Claim& claim, const SettingFigures& figures, Fen in_scope, const LookupContext& ctx,
                      Ratio multiplier, Ratio cut, Trace& trace, std::vector<CannotEstimate>& unknown);

// Pays ratio bands on the range (lo, hi] of a measure (critical illness), handing each band's payment to pay in
// band order as it is worked out: its one caller reads each once, so no list of them is made.
struct BandPayment {
  Fen portion;
  Fen paid;
  const Band* band;
};
template <class Pay>
void pay_bands(const std::vector<Band>& bands, Fen lo, Fen hi, Pay&& pay) {
  for (const auto& band : bands) {
    const Fen from = max_fen(lo, band.from);
    const Fen to = band.to ? min_fen(hi, *band.to) : hi;
    if (to <= from) continue;
    const Fen portion = to - from;
    pay(BandPayment{portion, apply_ratio(portion, band.ratio), &band});
  }
}

// Applies a yearly or monthly cap to a payment, recording the step: what is left of cap after used, at most.
Fen apply_cap(Rule rule, const Figure<Fen>& cap, Fen used, Fen before, Trace& trace);

}  // namespace claimcalc
