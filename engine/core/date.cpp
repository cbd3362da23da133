#include "engine/core/date.hpp"

#include "engine/core/limits.hpp"

namespace claimcalc {

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Howard Hinnant's days_from_civil / civil_from_days (public domain algorithms).
std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const auto yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

}  // namespace

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && is_leap(year)) return 29;
  return kDays[month - 1];
}

bool Date::valid(int year, int month, int day) {
  return year >= limits::kMinYear && year <= limits::kMaxYear && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

Date Date::unchecked(int year, int month, int day) { return Date(year, month, day); }

Result<Date> Date::parse(std::string_view s, std::string_view field) {
  auto digits = [&](std::size_t from, std::size_t n, int& out) {
    out = 0;
    for (std::size_t i = from; i < from + n; ++i) {
      if (s[i] < '0' || s[i] > '9') return false;
      out = out * 10 + (s[i] - '0');
    }
    return true;
  };
  int y = 0, m = 0, d = 0;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-' && digits(0, 4, y) && digits(5, 2, m) && digits(8, 2, d) &&
      valid(y, m, d)) {
    return Date(y, m, d);
  }
  return make_error(ErrorCode::invalid_date, std::string(field),
                    "日期不正确：应为真实存在的日期，格式 YYYY-MM-DD（1990 至 2100 年），例如 \"2025-03-01\"",
                    "not a valid date: expected a real calendar date as YYYY-MM-DD (years 1990 to 2100), e.g. "
                    "\"2025-03-01\"");
}

std::int64_t Date::days() const { return days_from_civil(y_, static_cast<unsigned>(m_), static_cast<unsigned>(d_)); }

Date Date::from_days(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return Date(static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d));
}

Weekday Date::weekday() const {
  // 1970-01-01 was a Thursday.
  const std::int64_t z = days();
  const std::int64_t w = ((z % 7) + 7 + 3) % 7;  // 0 = Monday
  return static_cast<Weekday>(w);
}

std::string Date::iso() const {
  std::string s(10, '0');
  auto put = [&](std::size_t at, int v, int width) {
    for (int i = width - 1; i >= 0; --i) {
      s[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
  };
  put(0, y_, 4);
  s[4] = '-';
  put(5, m_, 2);
  s[7] = '-';
  put(8, d_, 2);
  return s;
}

Date Date::plus_months_clamped(int n) const {
  int total = y_ * 12 + (m_ - 1) + n;
  const int y = total / 12;
  const int m = total % 12 + 1;
  const int dim = days_in_month(y, m);
  return Date(y, m, d_ > dim ? dim : d_);
}

const char* weekday_name_en(Weekday w) {
  static const char* kNames[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  return kNames[static_cast<int>(w)];
}

const char* weekday_name_zh(Weekday w) {
  static const char* kNames[] = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};
  return kNames[static_cast<int>(w)];
}

}  // namespace claimcalc
