#include "engine/core/split_parts.hpp"

namespace claimcalc {

namespace {

template <Fen Split::*member>
std::optional<Fen> bill_part(const Split& s) {
  return s.*member;
}
template <std::optional<Fen> Split::*member>
std::optional<Fen> part(const Split& s) {
  return s.*member;
}

constexpr std::array<SplitPart, 11> kParts{{
    {"class_b_upfront", part<&Split::class_b_upfront>, false},
    {"critical_illness_paid", part<&Split::critical_illness_paid>, false},
    {"deductible_applied", part<&Split::deductible_applied>, false},
    {"fund_paid", part<&Split::fund_paid>, false},
    {"in_scope", part<&Split::in_scope>, false},
    {"out_of_catalogue", bill_part<&Split::out_of_catalogue>, true},
    {"over_ceiling", bill_part<&Split::over_ceiling>, true},
    {"patient_pays", part<&Split::patient_pays>, false},
    {"self_funded", bill_part<&Split::self_funded>, true},
    {"self_pay", part<&Split::self_pay>, false},
    {"total", bill_part<&Split::total>, true},
}};

constexpr std::array<NationalName, 10> kNational{{
    {"act_pay_dedc", "deductible_applied", 2},
    {"fulamt_ownpay_amt", "out_of_catalogue", 5},
    {"hifmi_pay", "critical_illness_paid", 1},
    {"hifp_pay", "fund_paid", 3},
    {"inscp_scp_amt", "in_scope", 4},
    {"medfee_sumamt", "total", 10},
    {"overlmt_selfpay", "over_ceiling", 6},
    {"preselfpay_amt", "class_b_upfront", 0},
    {"psn_cash_pay", "patient_pays", 7},
    {"psn_part_amt", "patient_pays", 7},
}};

constexpr bool indices_match() {
  for (const auto& n : kNational)
    if (kParts[n.part_index].name != n.part) return false;
  return true;
}
static_assert(indices_match(), "each national name's part_index names its part");

}  // namespace

const std::array<SplitPart, 11>& split_parts() { return kParts; }

const std::array<NationalName, 10>& national_names() { return kNational; }

const SplitPart& split_part(std::string_view name) {
  for (const auto& p : kParts)
    if (p.name == name) return p;
  return kParts.back();  // unreachable for the names of national_names()
}

PartFigure part_figure(const Estimate& est, const SplitPart& part) {
  PartFigure f;
  if (part.bill) {
    if (est.bill_given) f.exact = part.value(est.split);
    return f;
  }
  if (est.ranges.empty()) {  // the common case: every figure exact
    f.exact = part.value(est.split);
    return f;
  }
  const auto it = est.ranges.find(part.name);
  if (it != est.ranges.end()) {
    f.range = &it->second;
  } else {
    f.exact = part.value(est.split);
  }
  return f;
}

}  // namespace claimcalc
