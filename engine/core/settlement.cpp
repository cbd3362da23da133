#include "engine/core/settlement.hpp"

#include "engine/core/unknowns.hpp"

namespace claimcalc {

Fen apply_cap(Rule rule, const Figure<Fen>& cap, Fen used, Fen before, Trace& trace) {
  const Fen remaining = clamp_zero(cap.value - used);
  const Fen after = min_fen(before, remaining);
  if (!trace.keeps_values(rule)) {  // a figures-only answer: the step, without values nothing reads
    trace.add(rule, std::vector<StepValue>{}, &cap.cite);
    return after;
  }
  trace.add(rule,
            {money_value("cap", cap.value), money_value("used", used), money_value("remaining", remaining),
             money_value("before", before), money_value("after", after), money_value("excess", before - after)},
            &cap.cite);
  return after;
}

namespace {

// One band's step, as its payment is made (the steps follow the bands in order; nothing else is traced between).
void trace_band(const BandPayment& p, std::size_t band_count, Ratio multiplier, Ratio cut, const Citation& cite,
                Trace& trace) {
  // Room for every value at once: an initializer list copies each and a later push grows the vector again.
  std::vector<StepValue> values;
  if (!trace.keeps_values(Rule::ratio_band)) {
    trace.add(Rule::ratio_band, std::move(values), &cite);
    return;
  }
  values.reserve(8);
  values.push_back(money_value("portion", p.portion));
  values.push_back(ratio_value("ratio", cut_points(multiply(p.band->ratio, multiplier), cut)));
  values.push_back(money_value("fund", p.paid));
  values.push_back(money_value("copay", p.portion - p.paid));
  if (multiplier != Ratio::one()) {
    values.push_back(ratio_value("local_ratio", p.band->ratio));
    values.push_back(ratio_value("multiplier", multiplier));
  } else if (cut != Ratio::zero()) {
    values.push_back(ratio_value("local_ratio", p.band->ratio));
    values.push_back(ratio_value("cut", cut));
  }
  if (band_count > 1) {
    values.push_back(money_value("band_from", p.band->from));
    if (p.band->to) values.push_back(money_value("band_to", *p.band->to));
  }
  trace.add(Rule::ratio_band, std::move(values), &cite);
}

}  // namespace

FundShare settle_fund(const Claim& claim, const SettingFigures& figures, Fen in_scope, const LookupContext& ctx,
                      Ratio multiplier, Ratio cut, Trace& trace, std::vector<CannotEstimate>& unknown) {
  FundShare s;
  const Lookup<Fen> ded = find_figure(*figures.deductible, ctx);
  if (ded.figure == nullptr) {
    unknown.push_back(
        cannot_estimate("fund_paid", ded.needs.empty() ? "policy:deductible" : ded.needs, trace.languages()));
    return s;
  }
  std::vector<StepValue> ded_values;
  ded_values.reserve(6);
  ded_values.push_back(money_value("deductible", ded.figure->value));
  // The words of a step are read only in its sentence: a figures-only answer keeps the amounts alone.
  if (trace.texts()) {
    ded_values.push_back(lasting_text_value("setting_zh", label_zh(claim.setting)));
    ded_values.push_back(lasting_text_value("level_zh", ctx.level ? label_zh(*ctx.level) : ""));
    ded_values.push_back(lasting_text_value("level_en", ctx.level ? label_en(*ctx.level) : ""));
  }
  Fen applied;
  if (figures.deductible_basis == DeductibleBasis::per_year) {
    const Fen already = claim.year_to_date.deductible_paid;
    applied = min_fen(in_scope, clamp_zero(ded.figure->value - already));
    ded_values.push_back(money_value("already_paid", already));
  } else {
    applied = min_fen(in_scope, ded.figure->value);
    if (ctx.stay) ded_values.push_back(count_value("stay", *ctx.stay));
  }
  ded_values.push_back(money_value("applied", applied));
  trace.add(Rule::deductible, std::move(ded_values), &ded.figure->cite);
  s.deductible_applied = applied;

  const Lookup<RatioSchedule> ratio = find_figure(*figures.ratio, ctx);
  if (ratio.figure == nullptr) {
    unknown.push_back(
        cannot_estimate("fund_paid", ratio.needs.empty() ? "policy:ratio" : ratio.needs, trace.languages()));
    return s;
  }
  const RatioSchedule& schedule = ratio.figure->value;
  s.year_in_scope = schedule.measure == BandMeasure::year;
  const Fen start = schedule.measure == BandMeasure::year ? claim.year_to_date.in_scope : Fen::zero();
  // What the multiplier takes off, from the exact shares and rounded once. Not the difference of two rounded
  // figures (local fund minus fund): that difference can grow by a fen while the fund does too, and the
  // critical-illness base (which leaves the reduction out) then makes the patient pay a fen less for a fen more
  // of bill (issue 14 row 6). With one rounding, each fen of bill goes to at most one of fund or base.
  Wide taken = 0;
  Fen fund;
  // Each band once: the part of the claim in it, the fund's payment at the effective ratio, and what the multiplier
  // took off at the local one (the steps show the local band and the effective ratio). Traced as paid: a list of the
  // payments, traced after, was an allocation per settlement.
  for (const auto& band : schedule.bands) {
    const Fen from = max_fen(start + applied, band.from);
    const Fen to = band.to ? min_fen(start + in_scope, *band.to) : start + in_scope;
    if (to <= from) continue;
    const Fen portion = to - from;
    const Ratio local = multiply(band.ratio, multiplier);
    taken += Wide(portion.value()) * (band.ratio.units() - local.units());
    const Fen paid = apply_ratio(portion, cut_points(local, cut));
    fund += paid;
    trace_band({portion, paid, &band}, schedule.bands.size(), multiplier, cut, ratio.figure->cite, trace);
  }
  s.reduction = round_div(taken, Ratio::kScale);
  s.fund_before_caps = fund;
  s.copay = in_scope - applied - fund;

  Fen after = fund;
  const Lookup<Fen> cap = find_figure(*figures.annual_cap, ctx);
  if (cap.figure != nullptr) {
    // Definitional: the request's year-to-date counters are defined per cap (docs/api.md, the request table):
    // year_to_date.fund_paid is what the pooled fund paid this year under the inpatient and chronic annual_cap,
    // year_to_date.outpatient_pool_paid what the general-outpatient pool paid under its own annual_cap, and
    // year_to_date.disease_fund_paid what it paid under a disease's own cap.
    const YearToDate& y = claim.year_to_date;
    const Fen used = figures.disease_cap                    ? y.disease_fund_paid
                     : claim.setting == Setting::outpatient ? y.outpatient_pool_paid
                                                            : y.fund_paid;
    after = apply_cap(Rule::annual_cap, *cap.figure, used, after, trace);
    s.cap_checked = true;
  } else {
    unknown.push_back(
        cannot_estimate("annual_cap", cap.needs.empty() ? "policy:annual_cap" : cap.needs, trace.languages()));
  }
  if (figures.monthly_cap != nullptr && !figures.monthly_cap->empty()) {
    const Lookup<Fen> month = find_figure(*figures.monthly_cap, ctx);
    if (month.figure != nullptr) {
      after =
          apply_cap(Rule::monthly_cap, *month.figure, claim.year_to_date.outpatient_pool_paid_this_month, after, trace);
    } else {
      unknown.push_back(
          cannot_estimate("monthly_cap", month.needs.empty() ? "policy:monthly_cap" : month.needs, trace.languages()));
    }
  }
  s.fund_paid = after;
  s.over_cap = fund - after;
  return s;
}

}  // namespace claimcalc
