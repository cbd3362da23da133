#include <doctest/doctest.h>

#include "engine/core/date.hpp"
#include "engine/core/sha256.hpp"

using claimcalc::Date;

TEST_CASE("dates: calendar validity, leap years, round trips") {
  CHECK(Date::parse("2024-02-29", "d").ok());
  CHECK_FALSE(Date::parse("2023-02-29", "d").ok());
  CHECK_FALSE(Date::parse("2100-02-29", "d").ok());  // not a leap year
  CHECK_FALSE(Date::parse("2024-04-31", "d").ok());
  CHECK_FALSE(Date::parse("2024-4-01", "d").ok());
  for (std::int64_t d = Date::unchecked(1990, 1, 1).days(); d < Date::unchecked(2101, 1, 1).days(); d += 17) {
    const Date x = Date::from_days(d);
    REQUIRE(Date::parse(x.iso(), "d").value().days() == d);
  }
  CHECK(Date::unchecked(1970, 1, 1).days() == 0);
  CHECK(Date::unchecked(2026, 11, 23).weekday() == claimcalc::Weekday::monday);
}

TEST_CASE("months clamp to the month end: 28/29/30/31") {
  CHECK(Date::unchecked(2024, 1, 31).plus_months_clamped(1).iso() == "2024-02-29");
  CHECK(Date::unchecked(2025, 1, 31).plus_months_clamped(1).iso() == "2025-02-28");
  CHECK(Date::unchecked(2025, 3, 31).plus_months_clamped(1).iso() == "2025-04-30");
  CHECK(Date::unchecked(2024, 2, 29).plus_months_clamped(12).iso() == "2025-02-28");
  CHECK(Date::unchecked(2025, 8, 31).plus_months_clamped(12).iso() == "2026-08-31");
  CHECK(Date::unchecked(2025, 12, 15).plus_months_clamped(1).iso() == "2026-01-15");
}

TEST_CASE("sha256 known answers") {
  CHECK(claimcalc::sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(claimcalc::sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(claimcalc::sha256_hex(std::string(1000, 'a')) ==
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}
