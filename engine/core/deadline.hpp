// Deadlines as dates: each computed from a named start by a named count, with weekends named and the missing
// public-holiday calendar said out loud rather than guessed.
#pragma once

#include <optional>
#include <string>

#include "engine/core/claim.hpp"
#include "engine/core/holidays.hpp"
#include "engine/core/policy.hpp"

namespace claimcalc {

struct Deadline {
  std::string id;
  std::string label_zh;
  std::string label_en;
  Date date = Date::unchecked(2025, 1, 1);            // the last day to act: moved past days off where known
  Date statutory_date = Date::unchecked(2025, 1, 1);  // the last day as counted, before any move
  Date counted_from = Date::unchecked(2025, 1, 1);
  std::string rule_zh;
  std::string rule_en;
  std::string holiday_note_zh;  // set when the last day was moved, or the calendar cannot say
  std::string holiday_note_en;
  const char* calendar_source = nullptr;  // the holiday calendar consulted, when it covers the year
  const HolidayNotice* notice = nullptr;  // the notice that set that year's days off
  Citation cite;
};

// The start date a rule counts from for this claim, or nullopt when the claim does not have it (the enrolment
// date, say); needs names the request field.
std::optional<Date> deadline_start(const DeadlineRule& rule, const Claim& claim, std::string& needs);

// Counting convention (民法典 第二百零一条, 第二百零二条): the start day is not counted; n days later is the last day;
// for months, the corresponding day of the n-th month, or that month's last day when it has none. 第二百零三条: a
// last day that is a statutory day off moves to the next working day, by the national holiday calendar.
Deadline compute_deadline(const DeadlineRule& rule, const Date& start);

}  // namespace claimcalc
