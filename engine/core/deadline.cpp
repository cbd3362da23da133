#include "engine/core/deadline.hpp"

namespace claimcalc {

std::optional<Date> deadline_start(const DeadlineRule& rule, const Claim& claim, std::string& needs) {
  switch (rule.from) {
    case DeadlineFrom::expense:
      // Definitional: `expense` is the expense date as docs/policy-format.md defines it, the discharge date for a
      // stay (a stay's costs are settled at discharge) and the date of care otherwise. A source that counts from
      // another date says so with `from: date_of_care` or `from: discharge` (shenzhen's deadline note records
      // the 办事指南 counting stays from discharge).
      if (claim.setting == Setting::inpatient) {
        if (claim.discharge_date) return claim.discharge_date;
        needs = "discharge_date";
        return std::nullopt;
      }
      return claim.date_of_care;
    case DeadlineFrom::date_of_care:
      return claim.date_of_care;
    case DeadlineFrom::discharge:
      if (claim.discharge_date) return claim.discharge_date;
      needs = "discharge_date";
      return std::nullopt;
    case DeadlineFrom::enrolment:
      if (claim.enrolment_date) return claim.enrolment_date;
      needs = "enrolment_date";
      return std::nullopt;
  }
  return std::nullopt;
}

Deadline compute_deadline(const DeadlineRule& rule, const Date& start) {
  Deadline d;
  d.id = rule.id;
  d.label_zh = rule.label_zh;
  d.label_en = rule.label_en;
  d.counted_from = start;
  d.cite = rule.cite;
  const std::string n = std::to_string(rule.n);
  if (rule.count == DeadlineCount::months) {
    d.date = start.plus_months_clamped(rule.n);
    d.rule_zh = "自 " + start.iso() + " 起算 " + n + " 个月，到期月的对应日为最后一日（无对应日的，为该月末日）";
    d.rule_en = n + " month(s) from " + start.iso() +
                ": the corresponding day of the last month, or that month's last day when it has none";
  } else {
    d.date = start.plus_days(rule.n);
    d.rule_zh = "自 " + start.iso() + " 的次日起算 " + n + " 日";
    d.rule_en = n + " day(s) counted from the day after " + start.iso();
  }
  const Weekday w = d.date.weekday();
  d.holiday_note_zh =
      std::string("最后一日是") + weekday_name_zh(w) +
      "。若该日是法定节假日，按民法典第二百零三条顺延至节假日结束的次日；本工具没有节假日日历，请以经办机构为准。";
  d.holiday_note_en = std::string("The last day is a ") + weekday_name_en(w) +
                      ". If it is a public holiday, Civil Code art. 203 moves it to the day after the holiday; the "
                      "holiday calendar is not in the data, so confirm with the office.";
  if (w == Weekday::saturday || w == Weekday::sunday) {
    d.holiday_note_zh = std::string("最后一日是") + weekday_name_zh(w) +
                        "。按民法典第二百零三条，期间最后一日是法定休假日的，以休假日结束的次日为最后一日；"
                        "本工具没有节假日（含调休）日历，请按上述日期提前办理或向经办机构确认。";
    d.holiday_note_en = std::string("The last day is a ") + weekday_name_en(w) +
                        ". Under Civil Code art. 203 a period ending on a statutory day off ends on the next day "
                        "after it; the public-holiday calendar (with its swapped working days) is not in the data, "
                        "so act by this date or confirm with the office.";
  }
  return d;
}

}  // namespace claimcalc
