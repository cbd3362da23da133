// Reverse settlement (反结算): what was settled against what should have been, per fund.
#pragma once

#include <optional>

#include "engine/core/estimate.hpp"

namespace claimcalc {

struct Settled {
  Fen fund_paid;
  std::optional<Fen> critical_illness_paid;  // absent: not on the settlement given (never taken as zero)
  Fen patient_pays;
};

enum class ReverseDirection { refund_to_patient, patient_pays_more, none, unknown };

struct ReverseOutcome {
  Settled original;
  Estimate corrected;
  // Every difference is corrected minus original: positive, that party pays more after the correction (for the
  // patient, negative is a refund).
  std::optional<Fen> fund_difference;
  std::optional<Fen> critical_illness_difference;
  std::optional<Fen> patient_difference;
  // Where the corrected figure is a range, its difference is one too (an open end stays open).
  std::optional<Range> fund_difference_range;
  std::optional<Range> patient_difference_range;
  ReverseDirection direction = ReverseDirection::unknown;
};

ReverseOutcome reverse_settlement(const Settled& original, Estimate corrected);

const char* direction_name(ReverseDirection d);

}  // namespace claimcalc
