// The national holiday calendar (generated at build time from chinese-days) against the 国务院办公厅 notices, and
// deadlines under 民法典 art. 203: a last day that is a statutory day off moves to the next working day.
#include <doctest/doctest.h>

#include "engine/core/deadline.hpp"
#include "engine/core/holidays.hpp"
#include "support.hpp"

using claimcalc::Date;
using test::json;

namespace {

Date day(const std::string& iso) {
  auto d = Date::parse(iso, "date");
  REQUIRE(d.ok());
  return d.value();
}

claimcalc::DeadlineRule months_rule(int n) {
  claimcalc::DeadlineRule r;
  r.id = "manual_claim";
  r.count = claimcalc::DeadlineCount::months;
  r.n = n;
  return r;
}

}  // namespace

TEST_CASE("every day each notice lists as off or as a working day agrees with the calendar") {
  const auto& cal = claimcalc::national_holiday_calendar();
  const json notices = json::parse(test::read_file(test::source_dir() + "/tools/holidays/notices.json"))["notices"];
  CHECK(cal.first_year == 2020);
  CHECK(cal.last_year >= 2026);
  CHECK(std::string(cal.source).rfind("chinese-days ", 0) == 0);
  int checked = 0;
  for (const auto& n : notices) {
    CAPTURE(n["doc_no"].get<std::string>());
    CHECK(claimcalc::notice_for(cal, n["year"].get<int>()) != nullptr);
    for (const auto& d : n["listed_off"]) {
      CAPTURE(d.get<std::string>());
      CHECK(claimcalc::is_day_off(cal, day(d)));
      ++checked;
    }
    for (const auto& d : n["listed_work"]) {
      CAPTURE(d.get<std::string>());
      CHECK_FALSE(claimcalc::is_day_off(cal, day(d)));
      ++checked;
    }
  }
  CHECK(checked >= 100);
  // An ordinary weekend and an ordinary weekday.
  CHECK(claimcalc::is_day_off(cal, day("2025-03-08")));
  CHECK_FALSE(claimcalc::is_day_off(cal, day("2025-03-10")));
}

TEST_CASE("a deadline on National Day moves to the next working day; a swapped working Sunday does not move") {
  auto d = claimcalc::compute_deadline(months_rule(3), day("2025-07-01"));
  CHECK(d.statutory_date.iso() == "2025-10-01");
  CHECK(d.date.iso() == "2025-10-09");  // 1-8 October off (国办发明电〔2024〕12号)
  CHECK(d.holiday_note_zh.find("国办发明电〔2024〕12号") != std::string::npos);
  CHECK(d.holiday_note_en.find("2025-10-09 (Thursday)") != std::string::npos);
  d = claimcalc::compute_deadline(months_rule(3), day("2025-06-28"));
  CHECK(d.statutory_date.iso() == "2025-09-28");  // a Sunday made a working day
  CHECK(d.date.iso() == "2025-09-28");
  CHECK(d.holiday_note_zh.empty());
  // 2020's Spring Festival, extended to 2 February by 国办发明电〔2020〕1号.
  d = claimcalc::compute_deadline(months_rule(1), day("2019-12-24"));
  CHECK(d.date.iso() == "2020-02-03");
}

TEST_CASE("past the calendar's last year the deadline says the calendar is not yet published") {
  const auto& cal = claimcalc::national_holiday_calendar();
  const int beyond = cal.last_year + 1;
  auto d = claimcalc::compute_deadline(months_rule(12), day(std::to_string(beyond - 1) + "-03-02"));
  CHECK(d.date.year() == beyond);
  CHECK(d.date == d.statutory_date);
  CHECK(d.holiday_note_zh.find("尚未公布") != std::string::npos);
  CHECK(d.holiday_note_en.find("not yet published") != std::string::npos);
}
