#include "engine/core/trace.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace claimcalc {

const char* rule_name(Rule rule) {
  switch (rule) {
    case Rule::policy_version:
      return "policy_version";
    case Rule::enrolment_not_active:
      return "enrolment_not_active";
    case Rule::waiting_period:
      return "waiting_period";
    case Rule::cross_region:
      return "cross_region";
    case Rule::tier_alike:
      return "tier_alike";
    case Rule::out_of_catalogue:
      return "out_of_catalogue";
    case Rule::over_ceiling:
      return "over_ceiling";
    case Rule::class_b_upfront:
      return "class_b_upfront";
    case Rule::in_scope:
      return "in_scope";
    case Rule::deductible:
      return "deductible";
    case Rule::ratio_band:
      return "ratio_band";
    case Rule::annual_cap:
      return "annual_cap";
    case Rule::monthly_cap:
      return "monthly_cap";
    case Rule::critical_illness_base:
      return "critical_illness_base";
    case Rule::critical_illness_band:
      return "critical_illness_band";
    case Rule::critical_illness_cap:
      return "critical_illness_cap";
    case Rule::patient_pays:
      return "patient_pays";
    case Rule::range:
      return "range";
  }
  return "unknown";
}

StepValue money_value(std::string_view name, Fen fen) {
  StepValue v;
  v.name = name;
  v.kind = StepValue::Kind::money;
  v.fen = fen;
  return v;
}
StepValue ratio_value(std::string_view name, Ratio ratio) {
  StepValue v;
  v.name = name;
  v.kind = StepValue::Kind::ratio;
  v.ratio = ratio;
  return v;
}
StepValue count_value(std::string_view name, std::int64_t count) {
  StepValue v;
  v.name = name;
  v.kind = StepValue::Kind::count;
  v.count = count;
  return v;
}
StepValue date_value(std::string_view name, const Date& date) {
  StepValue v;
  v.name = name;
  v.kind = StepValue::Kind::date;
  v.held = date.iso();
  return v;
}
StepValue text_value(std::string_view name, std::string text) {
  StepValue v;
  v.name = name;
  v.kind = StepValue::Kind::text;
  v.held = std::move(text);
  return v;
}
StepValue lasting_text_value(std::string_view name, std::string_view text) {
  StepValue v;
  v.name = name;
  v.kind = StepValue::Kind::text;
  v.viewed = text;
  v.is_held = false;
  return v;
}

const StepValue* Step::find(std::string_view name) const {
  // The first byte before the rest: most names differ there, and comparing the rest is a call (memcmp) a name.
  for (const auto& v : values)
    if (v.name.size() == name.size() && (name.empty() || v.name[0] == name[0]) && v.name == name) return &v;
  return nullptr;
}

namespace {

char* copy(char* p, std::string_view s) {
  if (!s.empty()) std::memcpy(p, s.data(), s.size());
  return p + s.size();
}

}  // namespace

std::size_t step_value_room(const StepValue& v) { return v.text().size() + kMoneyChars + kPercentChars; }

char* step_value_text(char* p, const StepValue& v, bool zh) {
  switch (v.kind) {
    case StepValue::Kind::money:
      if (!zh) p = copy(p, "¥");
      p += write_money(v.fen, p);
      if (zh) p = copy(p, "元");
      return p;
    case StepValue::Kind::ratio:
      return p + write_percent(v.ratio, p);
    case StepValue::Kind::count:
      return copy(p, std::to_string(v.count));  // rare (a count of items, a stay's number): no to_chars inlined
    case StepValue::Kind::date:
    case StepValue::Kind::text:
      return copy(p, v.text());
  }
  return p;
}

namespace {

// Views, not pointers: a literal's size is known where it is given (no strlen each sentence).
struct Templates {
  std::string_view zh;
  std::string_view en;
};

Templates templates(const Step& s) {
  auto has = [&](const char* n) { return s.find(n) != nullptr; };
  switch (s.rule) {
    case Rule::policy_version:
      return {
          "按{region_zh}医保政策计算：适用 {effective_from} 起施行的版本（政策编号 {policy_id}），就医日期 "
          "{date_of_care}。",
          "Computed under the {region_en} policy version in force from {effective_from} (policy {policy_id}) "
          "for care on {date_of_care}."};
    case Rule::enrolment_not_active:
      return {"参保状态为「{status_zh}」，不能享受医保待遇，本次费用统筹基金不予支付。",
              "Enrolment is {status}: no benefits are due, so the fund pays nothing for this claim."};
    case Rule::waiting_period:
      return {
          "参保（续保）日期 {enrolment_date}，待遇等待期 {period_zh}，待遇自 {benefits_from} 起享受；就医日期 "
          "{date_of_care} "
          "在等待期内，统筹基金不予支付。",
          "Enrolled (or re-enrolled) on {enrolment_date}; the waiting period is {period_en}, so benefits start "
          "on {benefits_from}. Care on {date_of_care} falls inside it: the fund pays nothing."};
    case Rule::cross_region:
      if (has("cut_points"))
        return {
            "异地就医（就医地 {care_region}，{scope_zh}），{filing_zh}，{settlement_zh}：支付比例在本地比例基础上降低 "
            "{cut_points} 个百分点。",
            "Care elsewhere ({care_region}), filing: {filing}, settlement: {settlement}: the ratio is the local "
            "one less {cut_points} percentage points."};
      return {
          "异地就医（就医地 {care_region}，{scope_zh}），{filing_zh}，{settlement_zh}：统筹基金按本地支付比例的 "
          "{multiplier} 支付。",
          "Care elsewhere ({care_region}), filing: {filing}, settlement: {settlement}: the fund pays {multiplier} "
          "of the local ratio."};
    case Rule::tier_alike:
      return {
          "未填写缴费档次：{tiers_zh}在本次适用的起付线、支付比例和最高支付限额都相同，按{tier_zh}"
          "测算，结果对各档都适用。",
          "The contribution grade was not given: {tiers_en} pick the same deductible, ratios and caps here, so the "
          "estimate uses {tier_en} and holds for every grade."};
    case Rule::out_of_catalogue:
      return {"丙类（医保目录外）项目 {count} 项，共 {amount}，全部由个人自费。",
              "{count} item(s) outside the catalogue (class C) total {amount}, all paid by the patient."};
    case Rule::over_ceiling:
      return {"{count} 项收费超过医保支付标准（限价），超出部分共 {amount} 由个人自费。",
              "{count} item(s) are priced above the payment standard; the excess, {amount}, is paid by the patient."};
    case Rule::class_b_upfront:
      if (has("ratio"))
        return {"乙类项目共 {class_b_total}，按先行自付比例 {ratio} 先由个人自付 {amount}。",
                "Class-B items total {class_b_total}; the patient first pays the upfront share of {ratio}: {amount}."};
      return {
          "乙类项目共 {class_b_total}，按各项目的自付比例先由个人自付 {amount}。",
          "Class-B items total {class_b_total}; at each item's own self-pay ratio the patient first pays {amount}."};
    case Rule::in_scope:
      return {
          "政策范围内费用 = 总费用 {total} − 目录外自费 {out_of_catalogue} − 超限价自费 {over_ceiling} − 乙类先行自付 "
          "{class_b_upfront} = {in_scope}。",
          "Amount inside policy scope = total {total} − outside the catalogue {out_of_catalogue} − above the "
          "price ceiling {over_ceiling} − class-B upfront share {class_b_upfront} = {in_scope}."};
    case Rule::deductible:
      if (has("already_paid"))
        return {
            "{level_zh}{setting_zh}年度起付线 {deductible}，本年已累计 {already_paid}，本次计入起付线 "
            "{applied}，由个人支付。",
            "The yearly deductible at a {level_en} hospital is {deductible}; {already_paid} was already paid this "
            "year, so {applied} of this claim counts toward it and is paid by the patient."};
      if (has("stay"))
        return {"本次为本年度第 {stay} 次住院，{level_zh}起付线 {deductible}；本次计入起付线 {applied}，由个人支付。",
                "This is stay no. {stay} in the insurance year; the deductible at a {level_en} hospital is "
                "{deductible}, so the patient pays the first {applied}."};
      return {"{level_zh}{setting_zh}起付线 {deductible}；本次计入起付线 {applied}，由个人支付。",
              "The deductible at a {level_en} hospital is {deductible}; the patient pays the first {applied}."};
    case Rule::ratio_band:
      if (has("cut"))
        return {
            "起付线以上的费用 {portion}，统筹基金按本地比例 {local_ratio} − {cut} = {ratio} 支付 {fund}，个人自付 "
            "{copay}。",
            "Above the deductible, {portion}: the fund pays the local {local_ratio} less {cut} = {ratio}, {fund}; "
            "the patient pays {copay}."};
      if (has("multiplier"))
        return {
            "起付线以上的费用 {portion}，统筹基金按本地比例 {local_ratio} × 异地系数 {multiplier} = {ratio} 支付 "
            "{fund}，个人自付 {copay}。",
            "Above the deductible, {portion}: the fund pays the local {local_ratio} × the cross-region "
            "{multiplier} = {ratio}, {fund}; the patient pays {copay}."};
      if (has("band_to"))
        return {
            "起付线以上、计费区间 {band_from}–{band_to} 内的费用 {portion}，统筹基金按 {ratio} 支付 {fund}，个人自付 "
            "{copay}。",
            "Of the amount above the deductible, {portion} lies between {band_from} and {band_to}: the fund pays "
            "{ratio}, {fund}; the patient pays {copay}."};
      if (has("band_from"))
        return {"起付线以上、{band_from} 以上区间的费用 {portion}，统筹基金按 {ratio} 支付 {fund}，个人自付 {copay}。",
                "Of the amount above the deductible, {portion} lies above {band_from}: the fund pays {ratio}, "
                "{fund}; the patient pays {copay}."};
      return {"起付线以上的费用 {portion}，统筹基金按 {ratio} 支付 {fund}，个人自付 {copay}。",
              "Above the deductible, {portion}: the fund pays {ratio}, {fund}; the patient pays {copay}."};
    case Rule::annual_cap:
      return {
          "年度最高支付限额 {cap}，本年已支付 {used}，剩余 {remaining}；统筹基金本次应付 {before}，实付 "
          "{after}，超限额部分 "
          "{excess} 由个人负担。",
          "The annual cap is {cap}; {used} was paid this year, {remaining} is left. The fund's share {before} "
          "becomes {after}; the excess {excess} falls to the patient."};
    case Rule::monthly_cap:
      return {"门诊统筹每月限额 {cap}，本月已支付 {used}，剩余 {remaining}；统筹基金本次应付 {before}，实付 {after}。",
              "The monthly outpatient cap is {cap}; {used} was paid this month, {remaining} is left. The fund's "
              "share {before} becomes {after}."};
    case Rule::critical_illness_base:
      return {"计入大病保险的个人负担 {base}（{parts_zh}）；本年此前已累计 {year_to_date}。",
              "The patient's in-scope share counted toward critical-illness insurance is {base} ({parts_en}); "
              "{year_to_date} was counted earlier this year."};
    case Rule::critical_illness_band:
      if (has("band_to"))
        return {"大病保险：本年累计个人负担在 {band_from}–{band_to} 段内的 {portion}，按 {ratio} 支付 {paid}。",
                "Critical-illness insurance: {portion} of the year's share lies between {band_from} and {band_to} "
                "and is paid at {ratio}: {paid}."};
      return {"大病保险：本年累计个人负担在 {band_from} 以上的 {portion}，按 {ratio} 支付 {paid}。",
              "Critical-illness insurance: {portion} of the year's share lies above {band_from} and is paid at "
              "{ratio}: {paid}."};
    case Rule::critical_illness_cap:
      return {"大病保险年度最高支付限额 {cap}，本年已支付 {used}，剩余 {remaining}；本次应付 {before}，实付 {after}。",
              "The critical-illness annual cap is {cap}; {used} was paid this year, {remaining} is left. "
              "{before} becomes {after}."};
    case Rule::range:
      if (!has("low")) return {"{part_zh}至多 {high}：{reasons_zh}", "At most {high} for {part_en}: {reasons_en}"};
      if (!has("high")) return {"{part_zh}至少 {low}：{reasons_zh}", "At least {low} for {part_en}: {reasons_en}"};
      return {"{part_zh}在 {low} 至 {high} 之间：{reasons_zh}",
              "{part_en} lies between {low} and {high}: {reasons_en}"};
    case Rule::patient_pays:
      if (!has("critical_illness_paid"))
        return {
            "个人负担合计 {patient_pays} = 个人自付 {self_pay}（政策范围内）+ 个人自费 {self_funded}（政策范围外）；"
            "统筹基金支付 {fund_paid}；大病保险支付无法测算，未从个人负担中扣除。",
            "The patient pays {patient_pays} in all: {self_pay} inside policy scope plus {self_funded} outside it; "
            "the fund pays {fund_paid}; any critical-illness payment is not estimated and not deducted."};
      return {
          "个人负担合计 {patient_pays} = 个人自付 {self_pay}（政策范围内）+ 个人自费 {self_funded}（政策范围外）；"
          "统筹基金支付 {fund_paid}，大病保险支付 {critical_illness_paid}。",
          "The patient pays {patient_pays} in all: {self_pay} inside policy scope plus {self_funded} outside it; "
          "the fund pays {fund_paid} and critical-illness insurance {critical_illness_paid}."};
  }
  return {"", ""};
}

}  // namespace

namespace {

SentencePiece piece(std::string_view text) { return {text.data(), text.size(), nullptr}; }

}  // namespace

std::size_t sentence_pieces(const Step& step, bool zh, SentencePiece (&pieces)[kMaxSentencePieces]) {
  if (!has(step.languages, zh ? Texts::zh : Texts::en)) return 0;
  const Templates t = templates(step);
  const std::string_view tmpl = zh ? t.zh : t.en;
  std::size_t n = 0;
  std::size_t i = 0;
  // A hole takes at most three pieces and the text after it one: the last hole is always whole (the templates have
  // at most a dozen holes, far from the limit).
  while (i < tmpl.size() && n + 4 <= kMaxSentencePieces) {
    const std::size_t open = tmpl.find('{', i);
    const std::size_t close = open == std::string_view::npos ? open : tmpl.find('}', open);
    if (close == std::string_view::npos) {
      pieces[n++] = piece(tmpl.substr(i));
      break;
    }
    if (open != i) pieces[n++] = piece(tmpl.substr(i, open - i));
    const std::string_view name = tmpl.substr(open + 1, close - open - 1);
    const StepValue* v = step.find(name);
    if (v != nullptr) {
      pieces[n++] = {nullptr, 0, v};
    } else {
      pieces[n++] = piece("{?");
      pieces[n++] = piece(name);
      pieces[n++] = piece("}");
    }
    i = close + 1;
  }
  return n;
}

// The sentence in one string, made at once in room for each piece (a value used twice has room twice). Out of line:
// the explanation's two calls do not take a copy each (the wasm's size budget).
[[gnu::noinline]] std::string Step::text(bool zh) const {
  SentencePiece pieces[kMaxSentencePieces];
  const std::size_t n = sentence_pieces(*this, zh, pieces);
  std::size_t room = 0;
  for (std::size_t i = 0; i < n; ++i)
    room += pieces[i].value != nullptr ? step_value_room(*pieces[i].value) : pieces[i].size;
  std::string out(room, '\0');
  char* p = out.data();
  for (std::size_t i = 0; i < n; ++i)
    p = pieces[i].value != nullptr ? step_value_text(p, *pieces[i].value, zh) : copy(p, pieces[i].view());
  out.resize(static_cast<std::size_t>(p - out.data()));
  return out;
}

void Trace::add(Rule rule, std::initializer_list<StepValue> values, const Citation* cite) {
  if (!keeps_values(rule)) {
    steps_.push_back(Step{rule, {}, cite});
    return;
  }
  add(rule, std::vector<StepValue>(values), cite);
}

// Out of line: called from every rule, each call a copy of the push (the wasm's size budget).
[[gnu::noinline]] void Trace::add(Rule rule, std::vector<StepValue> values, const Citation* cite) {
  steps_.push_back(Step{rule, std::move(values), cite, texts_ ? languages_ : Texts::none});
}

}  // namespace claimcalc
