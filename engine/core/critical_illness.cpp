#include "engine/core/critical_illness.hpp"

#include <algorithm>

#include "engine/core/settlement.hpp"
#include "engine/core/unknowns.hpp"

namespace claimcalc {

namespace {

struct PartName {
  CriticalIllnessPart part;
  const char* zh;
  const char* en;
};
constexpr PartName kPartNames[] = {
    {CriticalIllnessPart::deductible, "起付线", "deductible"},
    {CriticalIllnessPart::copay, "按比例自付", "co-payment"},
    {CriticalIllnessPart::over_cap, "超封顶线部分", "above the fund cap"},
    {CriticalIllnessPart::class_b_upfront, "乙类先行自付", "class-B upfront share"},
};

Fen part_amount(CriticalIllnessPart p, const PatientShareParts& parts) {
  switch (p) {
    case CriticalIllnessPart::deductible:
      return parts.deductible;
    case CriticalIllnessPart::copay:
      return parts.copay;
    case CriticalIllnessPart::over_cap:
      return parts.over_cap;
    case CriticalIllnessPart::class_b_upfront:
      return parts.class_b_upfront;
  }
  return Fen::zero();
}

}  // namespace

std::optional<Fen> settle_critical_illness(const Claim& claim, const std::optional<CriticalIllnessPolicy>& policy,
                                           const PatientShareParts& parts, const LookupContext& ctx, Trace& trace,
                                           std::vector<CannotEstimate>& unknown) {
  if (!policy) {
    unknown.push_back(cannot_estimate("critical_illness_paid", "policy:critical_illness", trace.languages()));
    return std::nullopt;
  }
  const auto& applies = policy->applies_to;
  if (std::find(applies.begin(), applies.end(), claim.setting) == applies.end()) return Fen::zero();

  Fen base;
  std::string names_zh, names_en;
  for (const auto& pn : kPartNames) {
    if (std::find(policy->base_parts.begin(), policy->base_parts.end(), pn.part) == policy->base_parts.end()) continue;
    base += part_amount(pn.part, parts);
    if (!trace.texts()) continue;  // the names are read only in the step's sentence
    if (!names_zh.empty()) names_zh += "、";
    names_zh += pn.zh;
    if (!names_en.empty()) names_en += ", ";
    names_en += pn.en;
  }
  const Lookup<RatioSchedule> ratio = find_figure(policy->ratio, ctx);
  if (ratio.figure == nullptr) {
    unknown.push_back(cannot_estimate("critical_illness_paid",
                                      ratio.needs.empty() ? "policy:critical_illness.ratio" : ratio.needs,
                                      trace.languages()));
    return std::nullopt;
  }
  const Fen before = claim.year_to_date.critical_illness_base;
  std::vector<StepValue> base_values;  // the names moved in (a list's values are copied)
  base_values.reserve(4);
  base_values.push_back(money_value("base", base));
  base_values.push_back(money_value("year_to_date", before));
  base_values.push_back(text_value("parts_zh", std::move(names_zh)));
  base_values.push_back(text_value("parts_en", std::move(names_en)));
  trace.add(Rule::critical_illness_base, std::move(base_values), &ratio.figure->cite);
  Fen paid;
  const bool band_values = trace.keeps_values(Rule::critical_illness_band);
  pay_bands(ratio.figure->value.bands, before, before + base, [&](const BandPayment& p) {
    paid += p.paid;
    std::vector<StepValue> values;
    if (!band_values) {  // a figures-only answer: the step, without values nothing reads
      trace.add(Rule::critical_illness_band, std::move(values), &ratio.figure->cite);
      return;
    }
    values.reserve(5);
    values.push_back(money_value("portion", p.portion));
    values.push_back(ratio_value("ratio", p.band->ratio));
    values.push_back(money_value("paid", p.paid));
    values.push_back(money_value("band_from", p.band->from));
    if (p.band->to) values.push_back(money_value("band_to", *p.band->to));
    trace.add(Rule::critical_illness_band, std::move(values), &ratio.figure->cite);
  });
  const Lookup<Fen> cap = find_figure(policy->annual_cap, ctx);
  if (cap.figure == nullptr) {
    // Only matters once something is paid: below the threshold the cap cannot bind.
    if (paid > Fen::zero())
      unknown.push_back(cannot_estimate("critical_illness_cap",
                                        cap.needs.empty() ? "policy:critical_illness.annual_cap" : cap.needs,
                                        trace.languages()));
    return paid;
  }
  return apply_cap(Rule::critical_illness_cap, *cap.figure, claim.year_to_date.critical_illness_paid, paid, trace);
}

}  // namespace claimcalc
