#include "engine/core/adjudication.hpp"

#include <utility>

namespace claimcalc {

namespace {

Fen over_ceiling_of(const BillItem& item) {
  if (!item.price_ceiling || !item.unit_price || !item.quantity) return Fen::zero();
  const Fen excess_per_unit = clamp_zero(*item.unit_price - *item.price_ceiling);
  return times(excess_per_unit, *item.quantity);
}

}  // namespace

Adjudication adjudicate(const std::vector<BillItem>& items, const SettingPolicy* setting, const LookupContext& ctx,
                        Trace& trace, std::vector<ItemResult>& results) {
  Adjudication a;
  const Lookup<Ratio> share =
      setting != nullptr ? find_figure(setting->class_b_upfront_share, ctx) : Lookup<Ratio>{nullptr, ""};

  Fen class_b_total;
  Fen upfront_total;
  bool upfront_known = true;
  bool all_at_policy_share = true;  // every class-B line used the policy's share (so one ratio explains all)
  std::int64_t ooc_count = 0, over_count = 0;

  results.reserve(results.size() + items.size());
  for (const auto& item : items) {
    ItemResult& r = results.emplace_back();  // filled in place: an item result is ~150 bytes and two strings
    r.name = item.name;
    if (!item.code.empty()) r.code = item.code;  // most bills give no national code
    r.item_class = item.item_class;
    r.total = item.amount;
    a.total += item.amount;
    if (item.item_class == ItemClass::out_of_catalogue) {
      r.out_of_catalogue = item.amount;
      r.class_b_upfront = Fen::zero();
      r.in_scope = Fen::zero();
      a.out_of_catalogue += item.amount;
      ++ooc_count;
      continue;
    }
    r.over_ceiling = min_fen(over_ceiling_of(item), item.amount);
    if (r.over_ceiling > Fen::zero()) ++over_count;
    a.over_ceiling += r.over_ceiling;
    const Fen allowable = item.amount - r.over_ceiling;

    std::optional<Ratio> ratio = item.selfpay_ratio;
    if (!ratio && item.item_class == ItemClass::class_b) {
      if (share.figure != nullptr) {
        ratio = share.figure->value;
      }
    } else if (item.item_class == ItemClass::class_b) {
      all_at_policy_share = false;
    }
    if (!ratio && item.item_class == ItemClass::class_a) ratio = Ratio::zero();
    // A share of nothing is nothing: an unknown upfront share cannot change a zero amount.
    const bool share_irrelevant = !ratio && allowable == Fen::zero();

    if (item.item_class == ItemClass::class_b) class_b_total += allowable;
    if (ratio) {
      r.selfpay_ratio = ratio;
      r.class_b_upfront = apply_ratio(allowable, *ratio);
      r.in_scope = allowable - *r.class_b_upfront;
      upfront_total += *r.class_b_upfront;
      if (item.item_class == ItemClass::class_a && item.selfpay_ratio) all_at_policy_share = false;
    } else if (share_irrelevant) {
      r.class_b_upfront = Fen::zero();
      r.in_scope = Fen::zero();
    } else {
      upfront_known = false;
    }
  }

  // A step whose values nothing reads (a figures-only answer) is added without making them.
  if (ooc_count > 0) {
    if (trace.keeps_values(Rule::out_of_catalogue))
      trace.add(Rule::out_of_catalogue, {count_value("count", ooc_count), money_value("amount", a.out_of_catalogue)});
    else
      trace.add(Rule::out_of_catalogue, std::vector<StepValue>{});
  }
  if (over_count > 0) {
    if (trace.keeps_values(Rule::over_ceiling))
      trace.add(Rule::over_ceiling, {count_value("count", over_count), money_value("amount", a.over_ceiling)});
    else
      trace.add(Rule::over_ceiling, std::vector<StepValue>{});
  }

  if (!upfront_known) {
    a.upfront_needs = share.needs.empty() ? std::string_view("policy:class_b_upfront_share") : share.needs;
    return a;
  }
  a.class_b_upfront = upfront_total;
  a.in_scope = a.total - a.out_of_catalogue - a.over_ceiling - upfront_total;
  if (class_b_total > Fen::zero() || upfront_total > Fen::zero()) {
    std::vector<StepValue> values;
    const bool keep = trace.keeps_values(Rule::class_b_upfront);
    if (keep) {
      values.reserve(3);
      values.push_back(money_value("class_b_total", class_b_total));
      values.push_back(money_value("amount", upfront_total));
    }
    const Citation* cite = nullptr;
    if (all_at_policy_share && share.figure != nullptr) {
      if (keep) values.push_back(ratio_value("ratio", share.figure->value));
      cite = &share.figure->cite;
    }
    trace.add(Rule::class_b_upfront, std::move(values), cite);
  }
  if (!trace.keeps_values(Rule::in_scope)) {
    trace.add(Rule::in_scope, std::vector<StepValue>{});
    return a;
  }
  trace.add(Rule::in_scope, {money_value("total", a.total), money_value("out_of_catalogue", a.out_of_catalogue),
                             money_value("over_ceiling", a.over_ceiling), money_value("class_b_upfront", upfront_total),
                             money_value("in_scope", *a.in_scope)});
  return a;
}

}  // namespace claimcalc
