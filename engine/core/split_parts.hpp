// The parts of a split as answers name them: the split's own names (also the keys of Estimate::ranges) and the
// national settlement list's names (医保结算清单 / 结算单) for the same amounts, so a patient can lay the result
// beside one. One table for every writer of an estimate.
#pragma once

#include <array>
#include <optional>
#include <string_view>

#include "engine/core/estimate.hpp"

namespace claimcalc {

struct SplitPart {
  std::string_view name;
  std::optional<Fen> (*value)(const Split&);
  // A bill part (total, out_of_catalogue, over_ceiling, self_funded) is known once there is a bill (null without
  // one) and is never a range.
  bool bill;
};

struct NationalName {
  std::string_view national;
  std::string_view part;   // a SplitPart's name
  std::size_t part_index;  // its place in split_parts()
};

// Sorted by name (the order a JSON object's keys are written in).
const std::array<SplitPart, 11>& split_parts();
// Sorted by national name. No personal account is modelled, so the cash payment (psn_cash_pay) equals the patient's
// part (psn_part_amt): both are patient_pays.
const std::array<NationalName, 10>& national_names();
const SplitPart& split_part(std::string_view name);

// A part as an answer writes it: its range when it is one, else its amount, else nothing (null).
struct PartFigure {
  const Range* range = nullptr;
  std::optional<Fen> exact;
};
PartFigure part_figure(const Estimate& est, const SplitPart& part);

}  // namespace claimcalc
