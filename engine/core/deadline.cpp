#include "engine/core/deadline.hpp"

#include "engine/core/holidays.hpp"

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

namespace {

std::string day_zh(const Date& d) { return d.iso() + "（" + weekday_name_zh(d.weekday()) + "）"; }
std::string day_en(const Date& d) { return d.iso() + " (" + weekday_name_en(d.weekday()) + ")"; }

// 民法典 第二百零三条: 期间的最后一日是法定休假日的，以法定休假日结束的次日为期间的最后一日.
void apply_holidays(Deadline& d) {
  const HolidayCalendar& cal = national_holiday_calendar();
  const Date last = d.statutory_date;
  if (!calendar_covers(cal, last)) {
    const std::string year = std::to_string(last.year());
    const std::string covered = std::to_string(cal.first_year) + "–" + std::to_string(cal.last_year);
    const bool later = last.year() > cal.last_year;
    d.holiday_note_zh = "最后一日 " + day_zh(last) + "。" +
                        (later ? year + " 年的节假日安排尚未公布" : year + " 年不在收录范围内") + "（节假日日历收录 " +
                        covered + " 年）：若该日是法定休假日，按民法典第二百零三条顺延至其后第一个工作日。";
    d.holiday_note_en = "The last day is " + day_en(last) + ". " +
                        (later ? "The holiday calendar for " + year + " is not yet published"
                               : year + " is outside the holiday calendar") +
                        " (it covers " + covered +
                        "): if that day is a statutory day off, Civil Code art. 203 moves it to the next working day.";
    return;
  }
  d.calendar_source = cal.source;
  d.notice = notice_for(cal, last.year());
  if (!is_day_off(cal, last)) return;
  const std::optional<Date> next = next_working_day(cal, last);
  if (!next) {
    d.holiday_note_zh = "法定最后一日 " + day_zh(last) +
                        " 是休息日，其后的工作日落在尚未公布的年份：按民法典第二百零三条顺延，请向经办机构确认。";
    d.holiday_note_en = "The statutory last day " + day_en(last) +
                        " is a day off and the next working day falls in a year whose calendar is not yet published; "
                        "Civil Code art. 203 moves it there: confirm with the office.";
    return;
  }
  d.date = *next;
  const std::string basis_zh =
      d.notice != nullptr ? std::string("（") + d.notice->title + "，" + d.notice->doc_no + "）" : std::string();
  const std::string basis_en = d.notice != nullptr ? std::string(" (") + d.notice->doc_no + ")" : std::string();
  d.holiday_note_zh = "法定最后一日 " + day_zh(last) + " 是法定休假日" + basis_zh + "，按民法典第二百零三条顺延至 " +
                      day_zh(*next) + "。";
  d.holiday_note_en = "The statutory last day " + day_en(last) + " is a statutory day off" + basis_en +
                      "; under Civil Code art. 203 the period ends on the next working day, " + day_en(*next) + ".";
}

}  // namespace

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
  d.statutory_date = d.date;
  apply_holidays(d);
  return d;
}

}  // namespace claimcalc
