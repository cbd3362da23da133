// The national public-holiday calendar (国务院办公厅 notices, one a year, with their swapped working days): which
// days are statutory days off, for 民法典 art. 203 (a period whose last day is a day off ends on the next working
// day). The data is generated at build time from the npm package chinese-days (tools/holidays).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "engine/core/date.hpp"

namespace claimcalc {

struct HolidayNotice {
  int year;
  const char* title;
  const char* doc_no;
  const char* date;
  const char* url;
};

struct HolidayCalendar {
  int first_year;
  int last_year;
  const std::int32_t* days_off;  // YYYYMMDD, sorted: the notices' days off (weekends inside a holiday included)
  std::size_t days_off_count;
  const std::int32_t* workdays;  // YYYYMMDD, sorted: weekend days the notices make working days
  std::size_t workdays_count;
  const HolidayNotice* notices;
  std::size_t notice_count;
  const char* source;  // package and version, e.g. "chinese-days 1.5.7"
};

const HolidayCalendar& national_holiday_calendar();

bool calendar_covers(const HolidayCalendar& calendar, const Date& d);
// A statutory day off: a notice's holiday, or a Saturday or Sunday the notices do not make a working day. Only
// meaningful where calendar_covers(d).
bool is_day_off(const HolidayCalendar& calendar, const Date& d);
// The first working day on or after d, or nullopt when the calendar runs out before one is found.
std::optional<Date> next_working_day(const HolidayCalendar& calendar, const Date& d);
// The notice (first of the year) that set d's year.
const HolidayNotice* notice_for(const HolidayCalendar& calendar, int year);

}  // namespace claimcalc
