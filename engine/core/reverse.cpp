#include "engine/core/reverse.hpp"

namespace claimcalc {

const char* direction_name(ReverseDirection d) {
  switch (d) {
    case ReverseDirection::refund_to_patient:
      return "refund_to_patient";
    case ReverseDirection::patient_pays_more:
      return "patient_pays_more";
    case ReverseDirection::none:
      return "none";
    case ReverseDirection::unknown:
      return "unknown";
  }
  return "unknown";
}

ReverseOutcome reverse_settlement(const Settled& original, Estimate corrected) {
  ReverseOutcome r;
  r.original = original;
  r.corrected = std::move(corrected);
  const Split& s = r.corrected.split;
  if (s.fund_paid) r.fund_difference = *s.fund_paid - original.fund_paid;
  // Unknown critical illness cannot give a difference: an upper-bound patient figure would overstate the refund.
  if (s.critical_illness_paid && original.critical_illness_paid)
    r.critical_illness_difference = *s.critical_illness_paid - *original.critical_illness_paid;
  if (s.patient_pays && s.critical_illness_paid) r.patient_difference = *s.patient_pays - original.patient_pays;
  // A corrected range minus the original figure: both ends move, an open end stays open.
  const auto shifted = [](const Range& range, Fen base) {
    Range d;
    if (range.low) d.low = *range.low - base;
    if (range.high) d.high = *range.high - base;
    d.reasons = range.reasons;
    return d;
  };
  const auto fund = r.corrected.ranges.find("fund_paid");
  if (fund != r.corrected.ranges.end()) r.fund_difference_range = shifted(fund->second, original.fund_paid);
  const auto patient = r.corrected.ranges.find("patient_pays");
  const bool ci_settled = s.critical_illness_paid || r.corrected.ranges.count("critical_illness_paid") != 0;
  if (patient != r.corrected.ranges.end() && ci_settled)
    r.patient_difference_range = shifted(patient->second, original.patient_pays);
  if (r.patient_difference_range) {
    const Range& d = *r.patient_difference_range;
    if (d.high && *d.high < Fen::zero()) r.direction = ReverseDirection::refund_to_patient;
    if (d.low && *d.low > Fen::zero()) r.direction = ReverseDirection::patient_pays_more;
  }
  if (r.patient_difference) {
    if (*r.patient_difference < Fen::zero())
      r.direction = ReverseDirection::refund_to_patient;
    else if (*r.patient_difference > Fen::zero())
      r.direction = ReverseDirection::patient_pays_more;
    else
      r.direction = ReverseDirection::none;
  }
  return r;
}

}  // namespace claimcalc
