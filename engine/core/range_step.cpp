#include "engine/core/range_step.hpp"

#include <algorithm>
#include <string>

#include "engine/core/trace.hpp"

namespace claimcalc {
namespace range_step {

namespace {

constexpr const char* kPartZh[kPartCount] = {"乙类先行自付", "政策范围内费用", "起付线",  "统筹基金支付",
                                             "大病保险支付", "个人自付",       "个人负担"};
constexpr const char* kPartEn[kPartCount] = {
    "the class-B upfront share", "the in-scope amount",          "the deductible",
    "the fund payment",          "the critical-illness payment", "self-pay",
    "the patient's total"};

}  // namespace

int part_index(const Text& part) {
  int p = kPartCount;
  switch (part.size()) {
    case 8:
      p = part == kPartNames[kInScope] ? kInScope : kSelfPay;
      break;
    case 9:
      p = kFund;
      break;
    case 12:
      p = kPatient;
      break;
    case 15:
      p = kClassB;
      break;
    case 18:
      p = kDeductible;
      break;
    case 21:
      p = kCriticalIllness;
      break;
    default:
      return kPartCount;
  }
  return part == kPartNames[p] ? p : kPartCount;
}

RangeReason dimension_reason(const Dimension& d) {
  std::string zh, en;
  for (const auto& v : d.values) {
    zh += (zh.empty() ? "" : "、") + v.label_zh;
    en += (en.empty() ? "" : ", ") + v.label_en;
  }
  return {Text(d.field), Text("未知「" + d.label_zh + "」：按" + zh + "分别计算，取最低与最高。"),
          Text("The " + d.label_en + " is not known: computed for each of " + en + ", lowest and highest kept.")};
}

void OpenNeeds::add(OpenCause cause, const Text& needs) {
  const auto same = [&](const Need& n) { return n.cause == cause && *n.needs == needs; };
  if (std::any_of(begin_of_few(), end_of_few(), same) || std::any_of(more_.begin(), more_.end(), same)) return;
  if (count_ < kFew)
    few_[count_++] = {cause, &needs};
  else
    more_.push_back({cause, &needs});
}

void OpenNeeds::explain(OpenCause cause, std::string_view zh, std::string_view en,
                        std::vector<RangeReason>& out) const {
  // Each reason made in its place: one built aside and copied in moved three texts.
  const auto reason = [&](const Need& n) {
    RangeReason& r = out.emplace_back();
    r.needs = *n.needs;
    if (zh_) r.reason_zh = Text::viewing({zh});
    if (en_) r.reason_en = Text::viewing({en});
  };
  for (const Need* n = begin_of_few(); n != end_of_few(); ++n)
    if (n->cause == cause) reason(*n);
  for (const Need& n : more_)
    if (n.cause == cause) reason(n);
}

void open_reasons(const OpenNeeds& needs, int part, bool low_open, bool high_open, std::vector<RangeReason>& out) {
  const auto add = [&](OpenCause cause, std::string_view zh, std::string_view en) {
    needs.explain(cause, zh, en, out);
  };
  if (low_open && part == kFund)
    add(kAnnualCap,
        "上限按未达到年度最高支付限额计算；该限额尚无可引用的数字，达到限额时统筹基金支付更少，故没有下限。",
        "The upper end assumes the annual cap is not reached; the cap has no citable figure yet, and if reached the "
        "fund pays less, so there is no lower end.");
  if (high_open && (part == kPatient || part == kSelfPay))
    add(kAnnualCap, "年度最高支付限额尚无可引用的数字：达到限额时超出部分由个人负担，故没有上限。",
        "The annual cap has no citable figure yet: if it is reached the excess falls to the patient, so there is no "
        "upper end.");
  if (low_open && part == kFund)
    add(kMonthlyCap, "上限按未达到每月限额计算；该限额尚无可引用的数字，故没有下限。",
        "The upper end assumes the monthly cap is not reached; it has no citable figure yet, so there is no lower "
        "end.");
  if (high_open && part == kCriticalIllness)
    add(kAnnualCap, "基金达到年度限额时超出部分计入大病保险，大病保险支付会更多，故没有上限。",
        "If the fund's annual cap is reached the excess counts toward critical illness, which then pays more: no "
        "upper end.");
  if (low_open && part == kCriticalIllness)
    add(kCriticalIllnessCap, "上限按未达到大病保险年度限额计算；该限额尚无可引用的数字，故没有下限。",
        "The upper end assumes the critical-illness cap is not reached; it has no citable figure yet: no lower end.");
  if (part == kPatient || part == kSelfPay)
    add(kCriticalIllnessPaid,
        "大病保险（或职工大额补助）规定尚无可引用的数字：未扣除其支付；它只支付政策范围内的个人负担，故下限为个人自费部"
        "分"
        "（个人自付下限为 0）。",
        "The critical-illness rules have no citable figures yet, so no such payment is deducted; it pays only inside "
        "policy scope, so the lower end is the self-funded part (0 for self-pay).");
}

void record(Estimate& est, int part, const Range& r) {
  if (!est.trace.texts()) return;
  std::size_t zh_bytes = 0, en_bytes = 0;
  for (const auto& reason : r.reasons) {
    zh_bytes += reason.reason_zh.size();
    en_bytes += reason.reason_en.size() + 1;
  }
  std::string why_zh, why_en;
  why_zh.reserve(zh_bytes);
  why_en.reserve(en_bytes);
  for (const auto& reason : r.reasons) {
    reason.reason_zh.append_to(why_zh);
    if (!why_en.empty()) why_en += ' ';
    reason.reason_en.append_to(why_en);
  }
  std::vector<StepValue> values;
  values.reserve(7);
  values.push_back(lasting_text_value("part", kPartNames[part]));
  values.push_back(lasting_text_value("part_zh", kPartZh[part]));
  values.push_back(lasting_text_value("part_en", kPartEn[part]));
  values.push_back(text_value("reasons_zh", std::move(why_zh)));
  values.push_back(text_value("reasons_en", std::move(why_en)));
  if (r.low) values.push_back(money_value("low", *r.low));
  if (r.high) values.push_back(money_value("high", *r.high));
  est.trace.add(Rule::range, std::move(values));
}

}  // namespace range_step
}  // namespace claimcalc
