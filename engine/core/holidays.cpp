#include "engine/core/holidays.hpp"

#include <algorithm>

namespace claimcalc {

namespace {

std::int32_t key(const Date& d) { return d.year() * 10000 + d.month() * 100 + d.day(); }

bool listed(const std::int32_t* days, std::size_t count, std::int32_t k) {
  return std::binary_search(days, days + count, k);
}

}  // namespace

bool calendar_covers(const HolidayCalendar& calendar, const Date& d) {
  return d.year() >= calendar.first_year && d.year() <= calendar.last_year;
}

bool is_day_off(const HolidayCalendar& calendar, const Date& d) {
  const std::int32_t k = key(d);
  if (listed(calendar.days_off, calendar.days_off_count, k)) return true;
  const Weekday w = d.weekday();
  const bool weekend = w == Weekday::saturday || w == Weekday::sunday;
  return weekend && !listed(calendar.workdays, calendar.workdays_count, k);
}

std::optional<Date> next_working_day(const HolidayCalendar& calendar, const Date& d) {
  Date day = d;
  // The longest run of days off in any notice is 10 days (2020's extended Spring Festival); 30 is ample.
  for (int i = 0; i < 30; ++i) {
    if (!calendar_covers(calendar, day)) return std::nullopt;
    if (!is_day_off(calendar, day)) return day;
    day = day.plus_days(1);
  }
  return std::nullopt;
}

const HolidayNotice* notice_for(const HolidayCalendar& calendar, int year) {
  for (std::size_t i = 0; i < calendar.notice_count; ++i)
    if (calendar.notices[i].year == year) return &calendar.notices[i];
  return nullptr;
}

}  // namespace claimcalc
