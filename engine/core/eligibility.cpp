#include "engine/core/eligibility.hpp"

namespace claimcalc {

namespace {

std::string period_zh(const WaitingPeriod& w) {
  std::string s;
  if (w.months > 0) s += std::to_string(w.months) + "个月";
  if (w.days > 0) s += std::to_string(w.days) + "天";
  return s;
}

std::string period_en(const WaitingPeriod& w) {
  std::string s;
  if (w.months > 0) s += std::to_string(w.months) + " month(s)";
  if (w.days > 0) s += (s.empty() ? "" : " and ") + std::to_string(w.days) + " day(s)";
  return s;
}

}  // namespace

Eligibility check_eligibility(const Claim& claim, const SchemePolicy& scheme, Trace& trace,
                              std::vector<Warning>& warnings) {
  Eligibility e;
  // Definitional, not a policy figure: the request's enrolment_status `suspended` (暂停) and `lapsed` (断缴) name
  // the states in which benefits are not paid (docs/glossary.md; the national settlement_errors cause
  // enrolment_lapsed_or_waiting cites it: "断缴、暂停参保……不能享受统筹待遇"). A region that pays during a
  // suspension would need its own figure in the data, not a change here.
  if (claim.enrolment_status != EnrolmentStatus::active) {
    const bool suspended = claim.enrolment_status == EnrolmentStatus::suspended;
    trace.add(Rule::enrolment_not_active, {lasting_text_value("status", name_of(claim.enrolment_status)),
                                           lasting_text_value("status_zh", suspended ? "暂停" : "断缴")});
    e.fund_pays = false;
    return e;
  }
  if (!claim.enrolment_date) return e;
  if (claim.date_of_care < *claim.enrolment_date) {
    // Care before enrolment is never covered, whatever the waiting period.
    trace.add(Rule::waiting_period,
              {date_value("enrolment_date", *claim.enrolment_date), date_value("benefits_from", *claim.enrolment_date),
               date_value("date_of_care", claim.date_of_care), lasting_text_value("period_zh", "（就医早于参保）"),
               lasting_text_value("period_en", "(care before enrolment)")});
    e.fund_pays = false;
    e.benefits_from = claim.enrolment_date;
    return e;
  }
  if (!scheme.waiting_period) {
    warnings.push_back({"waiting_period_unknown",
                        "政策数据中没有该险种的待遇等待期规定；测算假定就医日期已在待遇享受期内。",
                        "The policy data has no waiting-period rule for this scheme; the estimate assumes "
                        "benefits had started by the date of care."});
    return e;
  }
  const WaitingPeriod& w = *scheme.waiting_period;
  const Date from = claim.enrolment_date->plus_months_clamped(w.months).plus_days(w.days);
  if (claim.date_of_care < from) {
    trace.add(Rule::waiting_period,
              {date_value("enrolment_date", *claim.enrolment_date), date_value("benefits_from", from),
               date_value("date_of_care", claim.date_of_care), text_value("period_zh", period_zh(w)),
               text_value("period_en", period_en(w))},
              &w.cite);
    e.fund_pays = false;
    e.benefits_from = from;
  }
  return e;
}

}  // namespace claimcalc
