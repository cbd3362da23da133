// A calendar date that is valid by construction, with day and month arithmetic whose rules are named.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "engine/core/error.hpp"

namespace claimcalc {

enum class Weekday { monday, tuesday, wednesday, thursday, friday, saturday, sunday };

class Date {
 public:
  // Only parse() and from_days() make dates, so every Date is a real calendar day.
  static Result<Date> parse(std::string_view iso, std::string_view field);
  static Date from_days(std::int64_t days_since_epoch);
  static bool valid(int year, int month, int day);
  static Date unchecked(int year, int month, int day);  // for literals in tests and known-good data

  int year() const { return y_; }
  int month() const { return m_; }
  int day() const { return d_; }
  std::int64_t days() const;  // days since 1970-01-01
  Weekday weekday() const;
  std::string iso() const;

  Date plus_days(std::int64_t n) const { return from_days(days() + n); }
  // Calendar months, clamped to the month end when the target month is shorter (1-31 + 1 month = 2-28/29).
  Date plus_months_clamped(int n) const;

  // Every Date is a real day, so the calendar order is the order of (year, month, day): compared without counting
  // days (policies and deadlines compare dates many times an answer).
  friend bool operator==(const Date& a, const Date& b) { return a.key() == b.key(); }
  friend bool operator!=(const Date& a, const Date& b) { return !(a == b); }
  friend bool operator<(const Date& a, const Date& b) { return a.key() < b.key(); }
  friend bool operator<=(const Date& a, const Date& b) { return a.key() <= b.key(); }
  friend bool operator>(const Date& a, const Date& b) { return a.key() > b.key(); }
  friend bool operator>=(const Date& a, const Date& b) { return a.key() >= b.key(); }

 private:
  Date(int y, int m, int d) : y_(y), m_(m), d_(d) {}
  std::int64_t key() const { return (static_cast<std::int64_t>(y_) * 16 + m_) * 32 + d_; }
  int y_ = 1970, m_ = 1, d_ = 1;
};

int days_in_month(int year, int month);
const char* weekday_name_en(Weekday w);
const char* weekday_name_zh(Weekday w);

}  // namespace claimcalc
