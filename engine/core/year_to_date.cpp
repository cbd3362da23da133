#include "engine/core/year_to_date.hpp"

#include <algorithm>
#include <string>
#include <string_view>

namespace claimcalc {

namespace {

struct Absent {
  const char* field;
  const char* zh;
  const char* en;
};

constexpr std::string_view kTakenAsZeroEn =
    ") was not given and was taken as 0; if there was any this year, the result differs. Please give it.";

void add(std::vector<Warning>& warnings, const Absent& a) {
  // The table's literals are viewed (text.hpp), not joined into strings.
  Text code = Text::viewing({"year_to_date_absent:", a.field});
  if (std::any_of(warnings.begin(), warnings.end(), [&](const Warning& w) { return w.code == code; })) return;
  warnings.push_back({std::move(code),
                      Text::viewing({"未填写本年度已发生的「", a.zh, "」（year_to_date.", a.field,
                                     "），按 0 计算；如今年已有发生，结果会不同，请补充。"}),
                      Text::viewing({"The year-to-date ", a.en, " (year_to_date.", a.field, kTakenAsZeroEn})});
}

bool has(const Trace& trace, Rule rule) {
  return std::any_of(trace.steps().begin(), trace.steps().end(), [&](const Step& s) { return s.rule == rule; });
}

}  // namespace

void warn_absent_year_to_date(const Claim& claim, const Trace& trace, bool disease_cap, bool year_in_scope,
                              std::vector<Warning>& warnings) {
  const YearToDate::Given& g = claim.year_to_date.given;
  for (const auto& s : trace.steps()) {
    if (s.rule == Rule::deductible && s.find("already_paid") != nullptr && !g.deductible_paid)
      add(warnings, {"deductible_paid", "已付起付线", "deductible already paid"});
  }
  if (has(trace, Rule::annual_cap)) {
    if (disease_cap && !g.disease_fund_paid)
      add(warnings, {"disease_fund_paid", "该病种统筹基金已支付", "fund payments for this disease"});
    else if (!disease_cap && claim.setting == Setting::outpatient && !g.outpatient_pool_paid)
      add(warnings, {"outpatient_pool_paid", "门诊统筹已支付", "outpatient-pool payments"});
    else if (!disease_cap && claim.setting != Setting::outpatient && !g.fund_paid)
      add(warnings, {"fund_paid", "统筹基金已支付", "fund payments"});
  }
  if (year_in_scope && !g.in_scope) add(warnings, {"in_scope", "政策范围内费用累计", "in-scope costs"});
  if (has(trace, Rule::monthly_cap) && !g.outpatient_pool_paid_this_month)
    add(warnings, {"outpatient_pool_paid_this_month", "本月门诊统筹已支付", "outpatient-pool payments this month"});
  if (has(trace, Rule::critical_illness_base) && !g.critical_illness_base)
    add(warnings, {"critical_illness_base", "已计入大病保险的费用", "amount already counted toward critical illness"});
  if (has(trace, Rule::critical_illness_cap) && !g.critical_illness_paid)
    add(warnings, {"critical_illness_paid", "大病保险已支付", "critical-illness payments"});
}

}  // namespace claimcalc
