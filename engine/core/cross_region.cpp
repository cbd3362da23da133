#include "engine/core/cross_region.hpp"

#include <algorithm>

#include "engine/core/provinces.hpp"

namespace claimcalc {

namespace {

template <class E>
bool matches(const std::vector<E>& list, E v) {
  return list.empty() || std::find(list.begin(), list.end(), v) != list.end();
}

// Percentage points as a plain number: 5% -> "5".
std::string format_points(Ratio r) {
  std::string s = format_percent(r);
  if (!s.empty() && s.back() == '%') s.pop_back();
  return s;
}

}  // namespace

std::optional<CareScope> care_scope(const Claim& claim, const std::string& insured_province, const PolicyPack& pack) {
  if (claim.care_province_code != 0 && claim.insured_province_code != 0) {
    return claim.care_province_code == claim.insured_province_code ? CareScope::in_province
                                                                   : CareScope::out_of_province;
  }
  // A pack without registry entries (test packs): the province ids of the files, or the request's.
  std::string province = claim.care_province;
  if (province.empty() && is_municipality(claim.care_region)) province = claim.care_region;
  for (const auto& p : pack.policies)
    if (p.region == claim.care_region) province = p.province;
  if (province.empty() || insured_province.empty()) return std::nullopt;
  return province == insured_province ? CareScope::in_province : CareScope::out_of_province;
}

const FilingValidity* filing_validity(const Layers& layers, Filing filing, std::optional<CareScope> scope) {
  for (const Policy* layer : layers.ordered()) {
    if (layer == nullptr || !layer->cross_region) continue;
    for (const auto& v : layer->cross_region->validity)
      if (matches(v.filings, filing) && (!v.scope || v.scope == scope)) return &v;
  }
  return nullptr;
}

CrossRegionOutcome assess_cross_region(const Claim& claim, const Layers& layers, const PolicyPack& pack,
                                       const Assumptions& assume, Trace& trace, std::vector<Warning>& warnings) {
  CrossRegionOutcome out;
  out.manual_claim = claim.settlement == SettlementMode::manual_claim;
  if (claim.care_region.empty() || claim.care_region == claim.insured_region) return out;
  out.applies = true;
  const Policy& insured = layers.city != nullptr ? *layers.city : *layers.province;
  const Date care_end = claim.discharge_date.value_or(claim.date_of_care);

  const std::optional<CareScope> scope = care_scope(claim, insured.province, pack);
  Filing filing = claim.filing;
  if (filing != Filing::none && filing != Filing::emergency && claim.filing_date) {
    const FilingValidity* v = filing_validity(layers, filing, scope);
    if (v == nullptr) {
      // No layer states how long this filing lasts for this care (the national rule is for 跨省 care only).
      warnings.push_back({"filing_validity_not_in_data", "备案有效期未收录，按有效计算。",
                          "Filing validity not in the data: taken as in force."});
    }
    const bool past =
        v != nullptr && v->months && claim.date_of_care > claim.filing_date->plus_months_clamped(*v->months);
    if (past && v->at_least && assume.filing_still_valid.value_or(true)) {
      // A stated minimum is not an end date: the filing may still hold. Without an assumption the range driver
      // computes both cases.
      out.filing_validity_open = !assume.filing_still_valid.has_value();
      if (out.filing_validity_open)
        warnings.push_back(
            {"filing_validity_minimum",
             Text("备案自 " + claim.filing_date->iso() + " 起，政策规定有效期不少于 " + std::to_string(*v->months) +
                  " 个月，就医时已超过该期限：备案是否仍有效需向参保地确认（国家医保服务平台可查），"
                  "结果按仍有效与已失效两种情况给出区间。"),
             Text("The filing of " + claim.filing_date->iso() + " is valid for at least " + std::to_string(*v->months) +
                  " months by its policy, and that minimum had passed by the date of care: ask the "
                  "insured region whether it still holds. The result is a range over both cases.")});
    } else if (past) {
      warnings.push_back(
          {"filing_expired",
           Text("备案自 " + claim.filing_date->iso() + " 起有效 " + std::to_string(*v->months) +
                " 个月，就医时已过期，按未备案处理；请重新备案。"),
           Text("The filing of " + claim.filing_date->iso() + " was valid for " + std::to_string(*v->months) +
                " months and had expired by the date of care; treated "
                "as not filed. File again.")});
      filing = Filing::none;
    } else if (*claim.filing_date > care_end) {
      // 医保发〔2022〕22号: filed after a self-paid discharge -> manual claim by the insured region's rules.
      warnings.push_back({"filed_after_discharge",
                          "出院（或就诊）后才补办备案：不能直接结算，需回参保地按参保地规定手工报销。",
                          "Filed only after discharge (or the visit): no direct settlement; claim manually from the "
                          "insured region under its rules."});
      out.manual_claim = true;
    }
  } else if (filing != Filing::none && filing != Filing::emergency && !claim.filing_date) {
    warnings.push_back({"filing_date_assumed", "未填写备案日期，按就医时备案已生效计算。",
                        "No filing_date given: the filing is taken to have been in force on the date of care."});
  }
  if (filing == Filing::none) {
    out.manual_claim = true;  // no direct settlement without filing (emergency aside)
    // 医保发〔2022〕22号 is the cross-province notice: cited only when the care may be in another province. When
    // the manual claim is already chosen, the note says what to do, not that direct settlement fails.
    const bool cross_province = scope != CareScope::in_province;
    const bool chose_manual = claim.settlement == SettlementMode::manual_claim;
    // Literals, viewed in pieces (text.hpp): the sentence is made of them, not copied into one string.
    const std::string_view zh =
        chose_manual ? "未备案的异地就医按手工报销测算：出院自费结算后按规定补办备案，再按参保地规定手工报销"
                     : "未备案的异地就医一般不能直接结算：出院自费结算后按规定补办备案，可按参保地规定手工报销";
    const std::string_view en = chose_manual
                                    ? "Unfiled care elsewhere, estimated as a manual claim: after the self-paid "
                                      "discharge, file and claim manually under the insured region's rules"
                                    : "Unfiled care elsewhere is not settled directly: after a self-paid discharge, "
                                      "file and claim manually under the insured region's rules";
    const std::string_view notice_zh = cross_province ? "（医保发〔2022〕22号）" : "";
    const std::string_view notice_en = cross_province ? " (医保发〔2022〕22号)" : "";
    const std::string_view still_zh = chose_manual ? "" : "；尚未出院的，出院结算前补办备案即可直接结算";
    const std::string_view still_en =
        chose_manual ? "" : "; still in hospital, file before the discharge settlement and it is settled directly";
    warnings.push_back({"file_then_claim", Text::viewing({zh, notice_zh, still_zh, "。"}),
                        Text::viewing({en, notice_en, still_en, "."})});
  }

  const SettlementMode settlement = out.manual_claim ? SettlementMode::manual_claim : claim.settlement;
  // The city's own rule for the case wins; where it has none, its province's (then a national one) applies.
  for (const Policy* layer : layers.ordered()) {
    if (layer == nullptr || !layer->cross_region) continue;
    if (out.critical_illness_excludes_reduction == nullptr && layer->cross_region->critical_illness_excludes_reduction)
      out.critical_illness_excludes_reduction = &*layer->cross_region->critical_illness_excludes_reduction;
    for (const auto& m : layer->cross_region->ratio_multipliers) {
      if (!matches(m.when.filings, filing) || !matches(m.when.settings, claim.setting) ||
          !matches(m.when.settlements, settlement))
        continue;
      if (m.when.scope) {
        if (!scope) {
          out.multiplier_known = false;
          out.needs = "care_province";
          return out;
        }
        if (*m.when.scope != *scope) continue;
      }
      if (m.cut_max) {
        // The text allows a cut of up to N points and leaves the figure to the city, whose own figure is missing.
        out.multiplier_known = false;
        out.needs = "policy:cross_region_cut";
        warnings.push_back({"cross_region_cut_unknown",
                            Text("异地就医支付比例最多可降低 " + format_points(*m.cut_max) + " 个百分点（" +
                                 m.cite.clause + "），参保地实际降低多少未找到，统筹基金支付无法估算。"),
                            Text("The ratio for this care elsewhere may be cut by up to " + format_points(*m.cut_max) +
                                 " percentage points (" + m.cite.clause +
                                 "); the insured city's own cut was not found, so the fund's share cannot be "
                                 "estimated.")});
        return out;
      }
      out.multiplier = m.multiplier;
      out.cut = m.cut;
      // The values are read only in the step's sentence: rendered with texts, or for an answer without a bill
      // (estimate.cpp's without_amounts renders the steps it keeps).
      if (!trace.texts() && claim.bill_given) {
        trace.add(Rule::cross_region, std::vector<StepValue>{}, &m.cite);
        return out;
      }
      std::vector<StepValue> values{
          lasting_text_value("filing_zh", label_zh(filing)),
          lasting_text_value("filing", name_of(filing)),
          text_value("care_region", claim.care_name_zh.empty() ? claim.care_region : claim.care_name_zh),
          lasting_text_value("scope_zh", scope ? (*scope == CareScope::in_province ? "省内" : "省外") : ""),
          lasting_text_value("settlement_zh", settlement == SettlementMode::direct ? "直接结算" : "手工报销"),
          lasting_text_value("settlement", name_of(settlement))};
      if (m.in_points)
        values.push_back(text_value("cut_points", format_points(m.cut)));
      else
        values.push_back(ratio_value("multiplier", m.multiplier));
      trace.add(Rule::cross_region, std::move(values), &m.cite);
      return out;
    }
  }
  out.multiplier_known = false;
  out.needs = "policy:cross_region";
  return out;
}

}  // namespace claimcalc
